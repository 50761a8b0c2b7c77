/**
 * The VaultPort over Obsidian itself: links resolve exactly as Obsidian resolves them (the metadata cache),
 * properties are the ones Obsidian parsed, and reads go through the vault's cache. The converter and the
 * publisher therefore see the note the way the user does, with no YAML or link logic of our own here.
 */

import { parseYaml, TFile, type App } from "obsidian";
import { resolveSiteLink } from "../core/link-index";
import type { NoteFile, VaultPort } from "../core/ports";
import { isMarkdownPath } from "../core/vault-paths";
import { normalizeNewlines, splitFrontmatter } from "../convert/frontmatter";

/** A VaultPort for one app; cheap, stateless, safe to keep for the plugin's lifetime. */
export class ObsidianVault implements VaultPort {
	constructor(private readonly app: App) {}

	/** The file at a vault path, or null when there is none (or it is a folder). */
	fileAt(path: string): TFile | null {
		const file = this.app.vault.getAbstractFileByPath(path);
		return file instanceof TFile ? file : null;
	}

	resolveLink(linkpath: string, sourcePath: string): string | null {
		const find = (link: string, source: string) => this.app.metadataCache.getFirstLinkpathDest(link, source)?.path ?? null;
		// Where Obsidian finds nothing, a blog's folder links and static/ images, as the command line reads them.
		return find(linkpath, sourcePath) ?? resolveSiteLink(linkpath, sourcePath, find);
	}

	/** Only markdown notes are notes: an embed of any other file is never read as one. */
	async readNote(path: string): Promise<NoteFile | null> {
		const file = this.fileAt(path);
		if (!file || !isMarkdownPath(file.path)) return null;
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

	/**
	 * Why a note's properties cannot be read, or null: the note opens a frontmatter block but Obsidian's
	 * metadata cache holds no properties for it, which is what Obsidian does when the YAML does not parse.
	 * Its `medium_url` cannot be checked then, so a publish must stop. Obsidian's parser names the line.
	 */
	propertiesProblem(file: TFile, text: string): string | null {
		const lines = normalizeNewlines(text).split("\n");
		const { bodyLine } = splitFrontmatter(lines.join("\n"));
		const yaml = lines.slice(1, Math.max(1, bodyLine - 1)).join("\n");
		if (bodyLine === 0 || this.app.metadataCache.getFileCache(file)?.frontmatter || !/^[^#\s]/m.test(yaml)) return null;
		let why = "not read by Obsidian yet";
		try {
			const parsed: unknown = parseYaml(yaml);
			if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) why = "line 2: not a list of name: value lines";
		} catch (error) {
			const line = (error as { mark?: { line?: number } }).mark?.line;
			why = `line ${typeof line === "number" ? line + 2 : 2}: ${String(error instanceof Error ? error.message : error).split("\n")[0]}`;
		}
		return `This note's properties cannot be read (${why}). Fix them and publish again; nothing was sent.`;
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
