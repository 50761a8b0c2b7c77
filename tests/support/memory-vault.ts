/** An in-memory vault for tests: Obsidian's link rules (LinkIndex) over a map of files. */

import matter from "gray-matter";
import { LinkIndex } from "../../src/core/link-index";
import type { NoteFile, VaultPort } from "../../src/core/ports";

export class MemoryVault implements VaultPort {
	readonly index: LinkIndex;
	readonly reads: string[] = [];

	constructor(readonly files: Record<string, string | Uint8Array>) {
		this.index = new LinkIndex(Object.keys(files));
	}

	resolveLink(linkpath: string, sourcePath: string): string | null {
		return this.index.resolve(linkpath, sourcePath);
	}

	readNote(path: string): Promise<NoteFile | null> {
		this.reads.push(path);
		const f = this.files[path];
		if (typeof f !== "string") return Promise.resolve(null);
		return Promise.resolve({ text: f, properties: propertiesOf(f) });
	}

	readBinary(path: string): Promise<Uint8Array | null> {
		const f = this.files[path];
		if (f === undefined) return Promise.resolve(null);
		return Promise.resolve(typeof f === "string" ? new TextEncoder().encode(f) : f);
	}
}

/** Properties as the Node side parses them (gray-matter), {} when the YAML is broken. */
export function propertiesOf(text: string): Record<string, unknown> {
	try {
		return matter(text, {}).data;
	} catch {
		return {};
	}
}
