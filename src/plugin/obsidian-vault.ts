/**
 * The VaultPort over Obsidian itself: links resolve exactly as Obsidian resolves them (the metadata cache),
 * properties are the ones Obsidian parsed, and reads go through the vault's cache. The converter and the
 * publisher therefore see the note the way the user does, with no YAML or link logic of our own here.
 */

import { TFile, type App } from "obsidian";
import type { NoteFile, VaultPort } from "../core/ports";

/** A VaultPort for one app; cheap, stateless, safe to keep for the plugin's lifetime. */
export class ObsidianVault implements VaultPort {
	constructor(private readonly app: App) {}

	/** The file at a vault path, or null when there is none (or it is a folder). */
	fileAt(path: string): TFile | null {
		const file = this.app.vault.getAbstractFileByPath(path);
		return file instanceof TFile ? file : null;
	}

	resolveLink(linkpath: string, sourcePath: string): string | null {
		return this.app.metadataCache.getFirstLinkpathDest(linkpath, sourcePath)?.path ?? null;
	}

	async readNote(path: string): Promise<NoteFile | null> {
		const file = this.fileAt(path);
		if (!file) return null;
		try {
			return await this.noteOf(file);
		} catch {
			return null;
		}
	}

	/** A note's text (cached read) and Obsidian's parsed frontmatter ({} when it has none). */
	async noteOf(file: TFile): Promise<NoteFile> {
		const text = await this.app.vault.cachedRead(file);
		const frontmatter = this.app.metadataCache.getFileCache(file)?.frontmatter;
		return { text, properties: frontmatter ? { ...frontmatter } : {} };
	}

	async readBinary(path: string): Promise<Uint8Array | null> {
		const file = this.fileAt(path);
		if (!file) return null;
		try {
			return new Uint8Array(await this.app.vault.readBinary(file));
		} catch {
			return null;
		}
	}
}
