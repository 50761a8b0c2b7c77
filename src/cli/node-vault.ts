/**
 * A vault on disk for the command line: a folder walked once into a LinkIndex, so links resolve as in
 * Obsidian, with notes read through gray-matter for their properties. It implements the same
 * VaultPort the plugin gives the converter, so both publish a note identically.
 */

import { constants as fsConstants, existsSync, statSync } from "node:fs";
import { open, readdir, realpath, stat } from "node:fs/promises";
import * as nodePath from "node:path";
import matter from "gray-matter";
import { LinkIndex } from "../core/link-index";
import type { NoteFile, Properties, VaultPort } from "../core/ports";
import { dirnameOf, isMarkdownPath, joinVaultPath, normalizeVaultPath } from "../core/vault-paths";
import { findFrontmatter } from "../publish/set-property";
import { readTomlFrontMatter } from "../convert/toml-front-matter";
import { hasLoneCr, normalizeNewlines } from "../convert/frontmatter";

/** A folder vault: the VaultPort plus what the command line needs to map its arguments to vault paths. */
export interface NodeVault extends VaultPort {
	/** Absolute path of the vault folder. */
	readonly root: string;
	/** The vault path (`/`-separated, relative) of an absolute or working-directory-relative path; "" for the root itself. */
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

/** The vault's boundary: the real path of its root, and a test for real paths inside it. */
export interface VaultBoundary {
	/** The root with every symbolic link resolved. */
	readonly realRoot: string;
	/** True when a real (link-free) path is the root or lies under it. */
	contains(realPath: string): boolean;
}

/** The boundary of the folder `absRoot` (which must exist). */
export async function vaultBoundary(absRoot: string): Promise<VaultBoundary> {
	const realRoot = await realpath(absRoot);
	const prefix = realRoot.endsWith(nodePath.sep) ? realRoot : realRoot + nodePath.sep;
	return {
		realRoot,
		contains: (realPath: string) => realPath === realRoot || realPath.startsWith(prefix),
	};
}

/** What the walk found: the files, and the links it did not follow because they lead out of the vault. */
interface WalkResult {
	files: string[];
	/** Vault paths of symbolic links whose target lies outside the vault (or is missing). */
	outsideLinks: Set<string>;
}

/**
 * Lists the files under the vault root as vault paths. Dot-files and dot-folders are skipped like Obsidian
 * does. A symbolic link is followed only when its real target lies inside the vault, and a folder reached
 * twice (through a link, or a link back up) is not walked again, so the walk never leaves the vault and
 * never loops. Links to folders are followed after every real folder is walked, so a folder's notes are
 * listed at its own path, not at that of a link to it that happens to come first.
 */
async function walk(absRoot: string, boundary: VaultBoundary): Promise<WalkResult> {
	const files: string[] = [];
	const outsideLinks = new Set<string>();
	const seen = new Set<string>([boundary.realRoot]);
	const linkedFolders: Array<{ abs: string; rel: string; real: string }> = [];
	const visit = async (absDir: string, relDir: string): Promise<void> => {
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
			let real: string | null = null;
			if (entry.isSymbolicLink()) {
				try {
					real = await realpath(abs);
				} catch {
					continue; // a broken link
				}
				if (!boundary.contains(real)) {
					outsideLinks.add(rel);
					continue;
				}
				try {
					const target = await stat(real);
					isFolder = target.isDirectory();
					isFile = target.isFile();
				} catch {
					continue;
				}
			}
			if (isFolder && !SKIPPED_FOLDERS.has(entry.name)) {
				if (real !== null) {
					linkedFolders.push({ abs, rel, real });
					continue;
				}
				try {
					real = await realpath(abs);
				} catch {
					continue;
				}
				if (seen.has(real)) continue;
				seen.add(real);
				folders.push(visit(abs, rel));
			} else if (isFile) files.push(rel);
		}
		await Promise.all(folders);
	};
	await visit(absRoot, "");
	// Then the links to folders (in path order), each only if its folder was not walked already.
	while (linkedFolders.length > 0) {
		const batch = linkedFolders.splice(0).sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
		for (const link of batch) {
			if (seen.has(link.real)) continue;
			seen.add(link.real);
			await visit(link.abs, link.rel);
		}
	}
	return { files: files.sort(), outsideLinks };
}

/** A frontmatter that cannot be read: what is wrong, and the line of the file where it is. */
export interface PropertiesProblem {
	message: string;
	/** 1-based line in the note file. */
	line: number;
}

/** The YAML parser's 0-based line of an error inside the frontmatter, when it says one. */
function yamlErrorLine(error: unknown): number | null {
	if (error !== null && typeof error === "object" && "mark" in error) {
		const mark = (error as { mark?: { line?: unknown } }).mark;
		if (mark && typeof mark.line === "number" && Number.isFinite(mark.line)) return mark.line;
	}
	return null;
}

/** The first line of a parser message (js-yaml appends a code excerpt after it). */
function firstLine(text: string): string {
	const newline = text.indexOf("\n");
	return (newline === -1 ? text : text.slice(0, newline)).trim();
}

/**
 * Parses a note's properties as Obsidian sees them: only a frontmatter Obsidian recognises counts, and
 * Dates stay Dates. A frontmatter that is not YAML, or not a mapping, gives `{}` and a problem naming the
 * line, so a publish can refuse a note whose properties (its `medium_url` among them) cannot be read.
 * gray-matter gets an options object so it does not serve a cached result for identical text.
 */
export function parseProperties(raw: string): { properties: Properties; problem: PropertiesProblem | null } {
	// Lone CRs (old Mac line endings) end lines too, as they do for the converter: one for one, so lines keep their numbers.
	const text = hasLoneCr(raw) ? normalizeNewlines(raw) : raw;
	const span = findFrontmatter(text);
	if (!span) return { properties: {}, problem: null };
	if (span.toml) {
		// Hugo's TOML front matter: its lines start on the file's second line.
		const read = readTomlFrontMatter(text.slice(span.contentStart, span.contentEnd).split(/\r?\n/));
		if (read.problemLine !== null) return { properties: {}, problem: { message: "the TOML front matter cannot be read", line: read.problemLine + 1 } };
		return { properties: { ...read.properties }, problem: null };
	}
	const yaml = text.slice(span.contentStart, span.contentEnd);
	// The YAML starts on the file's second line (the first is the opening `---`).
	const firstYamlLine = 2;
	try {
		const data: unknown = matter("---\n" + yaml + "\n---\n", { excerpt: false }).data;
		if (data !== null && typeof data === "object" && !Array.isArray(data)) return { properties: data as Properties, problem: null };
		if (data === null || data === undefined) return { properties: {}, problem: null };
		return { properties: {}, problem: { message: "the properties are not a list of `name: value` lines", line: firstYamlLine } };
	} catch (error) {
		const at = yamlErrorLine(error);
		// gray-matter's wrapper adds the opening `---` line to what the parser saw: line 0 of the parser is
		// that line, so the parser's 0-based line is the file's 1-based line.
		const line = at === null ? firstYamlLine : Math.max(firstYamlLine, at + 1);
		const reason = error instanceof Error ? (typeof (error as { reason?: unknown }).reason === "string" ? String((error as { reason?: unknown }).reason) : firstLine(error.message)) : String(error);
		return { properties: {}, problem: { message: `the properties are not valid YAML (${reason})`, line } };
	}
}

/** Converts a path from the operating system's separators to `/`. */
function toSlashes(path: string): string {
	return nodePath.sep === "/" ? path : path.split(nodePath.sep).join("/");
}

/** Options of a folder vault. */
export interface NodeVaultOptions {
	/** Told once per path that a read was refused (outside the vault, not a note); silent by default. */
	warn?: (message: string) => void;
}

/** Opens the folder `root` as a vault: walks it once and indexes its files for link resolution. */
export async function openNodeVault(root: string, opts: NodeVaultOptions = {}): Promise<NodeVault> {
	const absRoot = nodePath.resolve(root);
	const boundary = await vaultBoundary(absRoot);
	const { files, outsideLinks } = await walk(absRoot, boundary);
	const index = new LinkIndex(files);
	const notes = new Map<string, Promise<NoteFile | null>>();
	const told = new Set<string>();
	const warn = (message: string): void => {
		if (told.has(message)) return;
		told.add(message);
		opts.warn?.(message);
	};

	/** The absolute path of a vault path, or null when it would leave the vault. */
	const inside = (vaultPath: string): string | null => {
		const normalized = normalizeVaultPath(vaultPath);
		if (normalized === null || normalized === "") return null;
		return nodePath.join(absRoot, ...normalized.split("/"));
	};

	/**
	 * The one gate of every read: the bytes of a vault path's regular file, or null. The path is resolved
	 * to its real path first, and anything outside the vault's real root (through a symbolic link at any
	 * level) is refused with a warning. The file is then opened without following a link, so a link
	 * swapped in meanwhile is not followed either.
	 */
	const readInside = async (vaultPath: string): Promise<Buffer | null> => {
		const abs = inside(vaultPath);
		if (abs === null) {
			warn(`${vaultPath}: outside the vault, left out.`);
			return null;
		}
		let real: string;
		try {
			real = await realpath(abs);
		} catch {
			return null;
		}
		if (!boundary.contains(real)) {
			warn(`${vaultPath}: outside the vault, left out.`);
			return null;
		}
		let handle;
		try {
			handle = await open(real, fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0));
		} catch {
			return null;
		}
		try {
			if (!(await handle.stat()).isFile()) return null;
			return await handle.readFile();
		} catch {
			return null;
		} finally {
			await handle.close().catch(() => undefined);
		}
	};

	const readText = async (vaultPath: string): Promise<NoteFile | null> => {
		if (!isMarkdownPath(vaultPath)) {
			warn(`${vaultPath}: not a markdown note (only .md, .mdx and .qmd files are notes), left out.`);
			return null;
		}
		const bytes = await readInside(vaultPath);
		if (bytes === null) return null;
		const text = decodeNote(bytes);
		if (text === null) {
			warn(`${vaultPath}: not UTF-8 text, left out.`);
			return null;
		}
		return { text, properties: parseProperties(text).properties };
	};

	/** Says so when a link that found nothing goes through a symbolic link leading out of the vault. */
	const explainMiss = (linkpath: string, sourcePath: string): void => {
		if (outsideLinks.size === 0) return;
		const folder = dirnameOf(sourcePath);
		for (const candidate of [normalizeVaultPath(joinVaultPath(folder, linkpath)), normalizeVaultPath(linkpath)]) {
			if (candidate === null) continue;
			for (let cut = candidate.length; cut > 0; cut = candidate.lastIndexOf("/", cut - 1)) {
				const prefix = candidate.slice(0, cut);
				if (outsideLinks.has(prefix) || outsideLinks.has(prefix + ".md")) {
					warn(`${candidate}: outside the vault, left out.`);
					return;
				}
			}
		}
	};

	return {
		root: absRoot,
		toVaultPath(absPath: string): string {
			const relative = nodePath.relative(absRoot, nodePath.resolve(absPath));
			// The root is the folder `publish .` names in a blog or a vault: its vault path is "".
			if (isOutsideRelative(relative)) {
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
			const hit = index.resolve(linkpath, sourcePath);
			if (hit === null) explainMiss(linkpath, sourcePath);
			return hit;
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
			const bytes = await readInside(path);
			return bytes === null ? null : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
		},
	};
}

/** True when a `path.relative` result climbs out of its base (`..`, `../x`), or is on another drive. */
export function isOutsideRelative(relative: string): boolean {
	return relative === ".." || relative.startsWith(".." + nodePath.sep) || nodePath.isAbsolute(relative);
}

/** A note's text when its bytes are UTF-8 (a BOM is kept as U+FEFF, as Obsidian reads it); else null. */
export function decodeNote(bytes: Uint8Array): string | null {
	try {
		return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
	} catch {
		return null;
	}
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
