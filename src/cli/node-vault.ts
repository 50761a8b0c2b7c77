/**
 * A vault on disk for the command line: a folder walked once into a LinkIndex, so links resolve as in
 * Obsidian, with notes read through gray-matter for their properties. It implements the same
 * VaultPort the plugin gives the converter, so both publish a note identically.
 */

import { existsSync, statSync } from "node:fs";
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import * as nodePath from "node:path";
import matter from "gray-matter";
import { LinkIndex } from "../core/link-index";
import type { NoteFile, Properties, VaultPort } from "../core/ports";
import { normalizeVaultPath } from "../core/vault-paths";
import { findFrontmatter } from "../publish/set-property";

/** A folder vault: the VaultPort plus what the command line needs to map its arguments to vault paths. */
export interface NodeVault extends VaultPort {
	/** Absolute path of the vault folder. */
	readonly root: string;
	/** The vault path (`/`-separated, relative) of an absolute or working-directory-relative file path. */
	toVaultPath(absPath: string): string;
	/** The absolute file path of a vault path, e.g. to write a note back. */
	toAbsPath(vaultPath: string): string;
	/** Every file found in the walk, sorted. */
	paths(): string[];
	/** Drops the cached text of a note written meanwhile (a story URL added), so the next read is fresh. */
	forget(vaultPath: string): void;
}

/** Folders Obsidian never indexes besides dot-folders (`.obsidian`, `.git`, `.trash`). */
const SKIPPED_FOLDERS = new Set(["node_modules"]);

/**
 * Lists the files under `root` as vault paths. Dot-files and dot-folders are skipped like Obsidian
 * does; symbolic links are followed once (a folder reached twice is not walked again).
 */
async function walk(root: string): Promise<string[]> {
	const out: string[] = [];
	const seen = new Set<string>();
	const visit = async (absDir: string, relDir: string): Promise<void> => {
		let real: string;
		try {
			real = await realpath(absDir);
		} catch {
			return;
		}
		if (seen.has(real)) return;
		seen.add(real);
		let entries;
		try {
			entries = await readdir(absDir, { withFileTypes: true });
		} catch {
			return;
		}
		const folders: Promise<void>[] = [];
		for (const entry of entries) {
			if (entry.name.startsWith(".")) continue;
			const abs = nodePath.join(absDir, entry.name);
			const rel = relDir === "" ? entry.name : relDir + "/" + entry.name;
			let isFolder = entry.isDirectory();
			let isFile = entry.isFile();
			if (entry.isSymbolicLink()) {
				try {
					const target = await stat(abs);
					isFolder = target.isDirectory();
					isFile = target.isFile();
				} catch {
					continue;
				}
			}
			if (isFolder && !SKIPPED_FOLDERS.has(entry.name)) folders.push(visit(abs, rel));
			else if (isFile) out.push(rel);
		}
		await Promise.all(folders);
	};
	await visit(root, "");
	return out.sort();
}

/**
 * Properties of a note as Obsidian sees them: only a frontmatter Obsidian recognises counts, a YAML
 * error gives `{}` instead of failing the publish, and Dates stay Dates. gray-matter gets an options
 * object so it does not serve a cached result for identical text.
 */
function parseProperties(text: string): Properties {
	const span = findFrontmatter(text);
	if (!span) return {};
	const yaml = text.slice(span.contentStart, span.contentEnd);
	try {
		const data: unknown = matter("---\n" + yaml + "\n---\n", { excerpt: false }).data;
		if (data !== null && typeof data === "object" && !Array.isArray(data)) return data as Properties;
		return {};
	} catch {
		return {};
	}
}

/** Converts a path from the operating system's separators to `/`. */
function toSlashes(path: string): string {
	return nodePath.sep === "/" ? path : path.split(nodePath.sep).join("/");
}

/** Opens the folder `root` as a vault: walks it once and indexes its files for link resolution. */
export async function openNodeVault(root: string): Promise<NodeVault> {
	const absRoot = nodePath.resolve(root);
	const files = await walk(absRoot);
	const index = new LinkIndex(files);
	const notes = new Map<string, Promise<NoteFile | null>>();

	/** The absolute path of a vault path, or null when it would leave the vault. */
	const inside = (vaultPath: string): string | null => {
		const normalized = normalizeVaultPath(vaultPath);
		if (normalized === null || normalized === "") return null;
		return nodePath.join(absRoot, ...normalized.split("/"));
	};

	const readText = async (vaultPath: string): Promise<NoteFile | null> => {
		const abs = inside(vaultPath);
		if (abs === null) return null;
		try {
			const text = await readFile(abs, "utf8");
			return { text, properties: parseProperties(text) };
		} catch {
			return null;
		}
	};

	return {
		root: absRoot,
		toVaultPath(absPath: string): string {
			const relative = nodePath.relative(absRoot, nodePath.resolve(absPath));
			if (relative === ".." || relative.startsWith(".." + nodePath.sep) || nodePath.isAbsolute(relative)) {
				throw new Error(`${absPath} is outside the vault ${absRoot}`);
			}
			return toSlashes(relative);
		},
		toAbsPath(vaultPath: string): string {
			const abs = inside(vaultPath);
			if (abs === null) throw new Error(`${vaultPath} is not a path inside the vault ${absRoot}`);
			return abs;
		},
		paths(): string[] {
			return files.slice();
		},
		forget(vaultPath: string): void {
			notes.delete(vaultPath);
		},
		resolveLink(linkpath: string, sourcePath: string): string | null {
			return index.resolve(linkpath, sourcePath);
		},
		readNote(path: string): Promise<NoteFile | null> {
			const cached = notes.get(path);
			if (cached) return cached;
			const reading = readText(path).then((note) => {
				if (note === null) notes.delete(path);
				return note;
			});
			notes.set(path, reading);
			return reading;
		},
		async readBinary(path: string): Promise<Uint8Array | null> {
			const abs = inside(path);
			if (abs === null) return null;
			try {
				const bytes = await readFile(abs);
				return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
			} catch {
				return null;
			}
		},
	};
}

/** Obsidian's configuration folder unless the user renamed it: what marks a folder as a vault. */
export const DEFAULT_CONFIG_DIR = ".obsidian";

/**
 * The vault a note belongs to: the nearest folder above it holding the configuration folder
 * (`.obsidian/` unless `configDir` names another), else the note's own folder, so
 * `medium-publish path/to/Note.md` resolves links across the whole vault.
 */
export function findVaultRoot(notePath: string, configDir: string = DEFAULT_CONFIG_DIR): string {
	const noteFolder = nodePath.dirname(nodePath.resolve(notePath));
	let folder = noteFolder;
	for (;;) {
		const marker = nodePath.join(folder, configDir);
		if (existsSync(marker) && statSync(marker).isDirectory()) return folder;
		const parent = nodePath.dirname(folder);
		if (parent === folder) return noteFolder;
		folder = parent;
	}
}
