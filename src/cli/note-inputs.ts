/**
 * From the command line's arguments to the notes of a run: which folder is the vault (so links and
 * `/images/...` resolve as the blog or the vault means them), and which notes are in. A note named
 * directly is in; a note found under a named folder is in only when it opts in with
 * `medium_publish: true`, so pointing the command at a whole blog never publishes a draft by accident.
 */

import { existsSync, statSync } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import * as nodePath from "node:path";
import { FOLDER_NOTE_FILES } from "../core/url-template";
import { isMarkdownPath } from "../core/vault-paths";
import { offSiteFlag } from "../convert/site-visibility";
import { CliError } from "./cli-io";
import { DEFAULT_CONFIG_DIR, isOutsideRelative, openNodeVault, parseProperties, type NodeVault } from "./node-vault";

/** The property a note sets to be published when its folder is. */
export const OPT_IN_PROPERTY = "medium_publish";

/** Folders never searched for notes: dependencies, build output, and tool folders (besides every hidden one). */
export const SKIPPED_NOTE_FOLDERS: ReadonlySet<string> = new Set(["node_modules", "public", ".git", DEFAULT_CONFIG_DIR]);

/** One argument, found on disk. */
interface Input {
	written: string;
	abs: string;
	folder: boolean;
}

/** The notes of a run and the vault they are read from. */
export interface RunNotes {
	vault: NodeVault;
	/** Vault paths, sorted, each once. */
	notes: string[];
	/** The notes named directly (not found under a named folder): `--new` publishes these again even when unchanged. */
	named: Set<string>;
	/** Folders that held no opted-in note (for a helpful message), with their folder page (as written) if they have one. */
	emptyFolders: Array<{ written: string; folderPage: string | null }>;
}

function isDir(path: string): boolean {
	try {
		return statSync(path).isDirectory();
	} catch {
		return false;
	}
}

/** What `path` is on disk: "file", "folder", or null when missing. */
async function kindOf(path: string): Promise<"file" | "folder" | null> {
	try {
		const s = await stat(path);
		return s.isDirectory() ? "folder" : s.isFile() ? "file" : null;
	} catch {
		return null;
	}
}

/** The deepest folder holding every input (a folder input counts as itself). */
function commonFolder(inputs: readonly Input[]): string {
	const folders = inputs.map((i) => (i.folder ? i.abs : nodePath.dirname(i.abs)));
	let common = folders[0];
	for (const folder of folders.slice(1)) {
		while (common !== folder && !folder.startsWith(common.endsWith(nodePath.sep) ? common : common + nodePath.sep)) {
			const parent = nodePath.dirname(common);
			if (parent === common) break;
			common = parent;
		}
	}
	return common;
}

/**
 * The vault of notes under `start`: the nearest folder at or above it holding `.obsidian/` (an Obsidian
 * vault), else the nearest holding `.git` or `package.json` (a blog's repository, where `static/` is),
 * else `start` itself.
 */
export function findVaultFolder(start: string, configDir = DEFAULT_CONFIG_DIR): string {
	let project: string | null = null;
	let folder = start;
	for (;;) {
		if (isDir(nodePath.join(folder, configDir))) return folder;
		if (project === null && (existsSync(nodePath.join(folder, ".git")) || existsSync(nodePath.join(folder, "package.json")))) project = folder;
		const parent = nodePath.dirname(folder);
		if (parent === folder) return project ?? start;
		folder = parent;
	}
}

/** True when the note opts in to folder publishing. */
export function optsIn(properties: Record<string, unknown>): boolean {
	const v = properties[OPT_IN_PROPERTY];
	return v === true || (typeof v === "string" && v.trim().toLowerCase() === "true");
}

/**
 * Why a post that opts in is not taken from a folder, or null: it says it is not on its site yet (a
 * draft of the blog, `draft: true` in Gatsby, Hugo, Jekyll, Eleventy, Quartz; or `publish: false`,
 * `dg-publish: false` in a garden). Named directly, it is published all the same (with a warning).
 */
export function offSiteReason(properties: Record<string, unknown>): string | null {
	const flag = offSiteFlag(properties);
	if (flag === null || flag.medium) return null;
	return flag.key === "draft" ? "it is a draft of the blog (draft: true)" : `its site leaves it out (${flag.written})`;
}

/** True when a vault path lies in a folder notes are never taken from (below `under`). */
function inSkippedFolder(path: string, under: string): boolean {
	const rest = under === "" ? path : path.slice(under.length + 1);
	const segments = rest.split("/");
	for (let k = 0; k < segments.length - 1; k++) {
		if (segments[k].startsWith(".") || SKIPPED_NOTE_FOLDERS.has(segments[k])) return true;
	}
	return false;
}

/**
 * Finds the arguments on disk (relative to the working folder, or with `--vault` also inside the vault),
 * picks the vault, and lists the notes: named notes as they are, opted-in notes from named folders.
 */
export async function resolveRunNotes(args: readonly string[], cwd: string, vaultFlag: string | null, options: { folders: boolean; warn?: (message: string) => void }): Promise<RunNotes> {
	const vaultDir = vaultFlag === null ? null : nodePath.resolve(cwd, vaultFlag);
	if (vaultDir !== null && !isDir(vaultDir)) throw new CliError(`--vault ${vaultFlag}: no such folder.`);
	const inputs: Input[] = [];
	for (const written of args) {
		let abs = nodePath.resolve(cwd, written);
		let kind = await kindOf(abs);
		if (kind === null && vaultDir !== null) {
			const inVault = nodePath.resolve(vaultDir, written);
			const k = await kindOf(inVault);
			if (k !== null) {
				abs = inVault;
				kind = k;
			}
		}
		if (kind === null) throw new CliError(`Note not found: ${written}`);
		if (kind === "folder" && !options.folders) throw new CliError(`${written} is a folder; give a note (a .md file).`);
		if (kind === "file" && !isMarkdownPath(abs)) throw new CliError(`${written} is not a markdown note (.md, .mdx or .qmd).`);
		inputs.push({ written, abs, folder: kind === "folder" });
	}
	const root = vaultDir ?? findVaultFolder(commonFolder(inputs));
	let realRoot: string | null = null;
	for (const input of inputs) {
		if (!isOutsideRelative(nodePath.relative(root, input.abs))) continue;
		// The same folders spelled through a symbolic link (macOS's /tmp is /private/tmp, a linked home or
		// project folder; a process's working folder is always the real one): compare the real folders. The
		// note's own file is not resolved, so a link to a note outside the vault stays outside.
		realRoot ??= await realpath(root);
		const realInput = input.folder ? await realpath(input.abs) : nodePath.join(await realpath(nodePath.dirname(input.abs)), nodePath.basename(input.abs));
		const realRel = nodePath.relative(realRoot, realInput);
		if (isOutsideRelative(realRel)) throw new CliError(`${input.written} is not inside the vault ${root}${vaultDir === null ? "" : " (--vault)"}.`);
		input.abs = nodePath.join(root, realRel);
	}
	const vault = await openNodeVault(root, { warn: options.warn });
	const all = vault.paths();
	const chosen = new Set<string>();
	const named = new Set<string>();
	const emptyFolders: RunNotes["emptyFolders"] = [];
	const known = new Set(all);
	for (const input of inputs) {
		const at = vault.toVaultPath(input.abs);
		if (!input.folder) {
			chosen.add(at);
			named.add(at);
			continue;
		}
		let found = 0;
		let drafts = 0;
		for (const path of all) {
			if (!isMarkdownPath(path) || (at !== "" && !path.startsWith(at + "/")) || inSkippedFolder(path, at)) continue;
			const note = await vault.readNote(path);
			if (note && optsIn(note.properties)) {
				const offSite = offSiteReason(note.properties);
				if (offSite !== null) {
					options.warn?.(`${path}: left out, ${offSite}; name it to publish it anyway.`);
					drafts++;
					continue;
				}
				chosen.add(path);
				found++;
			} else if (note && note.text.includes(OPT_IN_PROPERTY)) {
				// It may mean to opt in, but its properties cannot be read: say so rather than pass it over.
				const { problem } = parseProperties(note.text);
				if (problem) options.warn?.(`${path}:${problem.line}: ${problem.message}, so whether it opts in (${OPT_IN_PROPERTY}) cannot be read; left out. Fix its properties and run again.`);
			}
		}
		if (found === 0 && drafts === 0) {
			const page = FOLDER_NOTE_FILES.find((name) => known.has(at === "" ? name : `${at}/${name}`));
			emptyFolders.push({ written: input.written, folderPage: page === undefined ? null : nodePath.join(input.written, page) });
		}
	}
	return { vault, notes: await onePathPerFile(vault, [...chosen].sort()), named, emptyFolders };
}

/**
 * One vault path per file: a note reachable by two paths (a symbolic link inside the vault) is one note,
 * published once, at its own path when that is among them (else at the first in path order).
 */
async function onePathPerFile(vault: NodeVault, paths: readonly string[]): Promise<string[]> {
	const realRoot = await realpath(vault.root);
	const byFile = new Map<string, string>();
	for (const path of paths) {
		let real: string;
		try {
			real = await realpath(vault.toAbsPath(path));
		} catch {
			byFile.set("\u0000" + path, path); // missing: the run reports it under its own name
			continue;
		}
		if (!byFile.has(real) || nodePath.join(realRoot, path) === real) byFile.set(real, path);
	}
	return [...byFile.values()].sort();
}
