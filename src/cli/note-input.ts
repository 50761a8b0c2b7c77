/**
 * What the command line accepts as a note: a `.md` file inside the vault, read through the vault's one
 * gate (so a link out of the vault is refused), that is UTF-8 text and not empty. Anything else is
 * refused before a byte is sent, with a message that says why, instead of being converted into a story
 * of replacement characters or nothing.
 */

import { open, realpath } from "node:fs/promises";
import type { Properties } from "../core/ports";
import { isMarkdownPath } from "../core/vault-paths";
import { decodeNote, parseProperties, vaultBoundary, type NodeVault, type PropertiesProblem } from "./node-vault";

/** A note read for the command line, with the problem of its properties when they cannot be read. */
export interface NoteInput {
	text: string;
	properties: Properties;
	problem: PropertiesProblem | null;
}

/** The offset of the first byte that is not valid UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
	for (let i = 0; i < bytes.length; ) {
		const b = bytes[i];
		let need: number;
		let min: number;
		if (b < 0x80) {
			i++;
			continue;
		} else if (b >= 0xc2 && b <= 0xdf) {
			need = 1;
			min = 0x80;
		} else if (b >= 0xe0 && b <= 0xef) {
			need = 2;
			min = 0x800;
		} else if (b >= 0xf0 && b <= 0xf4) {
			need = 3;
			min = 0x10000;
		} else return i;
		let cp = b & (0x3f >> need);
		for (let k = 1; k <= need; k++) {
			const c = bytes[i + k];
			if (c === undefined || (c & 0xc0) !== 0x80) return i;
			cp = (cp << 6) | (c & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
		i += need + 1;
	}
	return -1;
}

/** The 1-based line of a byte offset. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
	let line = 1;
	for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
	return line;
}

/**
 * Reads the note at `absPath` (inside the vault at `vaultRoot`) for converting or publishing. Throws an
 * Error with a clear message, naming the note as `shown`, when it is not a `.md` file, lies outside the
 * vault (through a symbolic link), is empty, binary, or not UTF-8.
 */
export async function readNoteInput(absPath: string, vaultRoot: string, shown: string): Promise<NoteInput> {
	if (!isMarkdownPath(absPath)) throw new Error(`${shown} is not a markdown note: only .md, .mdx and .qmd files are notes.`);
	const boundary = await vaultBoundary(vaultRoot);
	const real = await realpath(absPath);
	if (!boundary.contains(real)) throw new Error(`${shown} is outside the vault ${vaultRoot} (it is a link to ${real}); it was left out.`);
	const handle = await open(real, "r");
	let bytes: Uint8Array;
	try {
		if (!(await handle.stat()).isFile()) throw new Error(`Not a file: ${shown}`);
		bytes = await handle.readFile();
	} finally {
		await handle.close();
	}
	if (bytes.length === 0) throw new Error(`${shown} is empty: there is nothing to convert.`);
	const nul = bytes.indexOf(0);
	if (nul !== -1) throw new Error(`${shown} is not a text note (it holds binary data, e.g. a zero byte on line ${lineOfByte(bytes, nul)}).`);
	const bad = firstInvalidUtf8(bytes);
	if (bad !== -1) throw new Error(`${shown} is not UTF-8 text (line ${lineOfByte(bytes, bad)} has a byte that is not UTF-8, e.g. from a Latin-1 file). Save it as UTF-8 and try again; nothing was sent.`);
	const text = decodeNote(bytes);
	if (text === null) throw new Error(`${shown} is not UTF-8 text. Save it as UTF-8 and try again; nothing was sent.`);
	if (text.trim() === "" || text.trim() === "\uFEFF") throw new Error(`${shown} is empty: there is nothing to convert.`);
	const { properties, problem } = parseProperties(text);
	return { text, properties, problem };
}

/** The message that stops a publish when the note's properties cannot be read (shown after the note's path). */
export function propertiesProblemMessage(problem: PropertiesProblem, urlProperty: string): string {
	return `line ${problem.line}: ${problem.message}. Fix the properties at the top of the note and try again; nothing was sent (without them, whether it already has a ${urlProperty} cannot be checked).`;
}

/** Whether a vault note may be converted or published: why not (refused), and its properties' problem. */
export interface NoteCheck {
	refusal: string | null;
	problem: PropertiesProblem | null;
}

/** Checks the note at vault path `path` as {@link readNoteInput} reads it, without throwing. */
export async function checkNote(vault: NodeVault, path: string): Promise<NoteCheck> {
	try {
		const input = await readNoteInput(vault.toAbsPath(path), vault.root, path);
		return { refusal: null, problem: input.problem };
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		const missing = error !== null && typeof error === "object" && (error as { code?: unknown }).code === "ENOENT";
		return { refusal: missing ? `Cannot read the note ${path}: it is missing.` : message, problem: null };
	}
}

/** Why a note cannot be published (refused, or properties that cannot be read); null when it can. */
export function publishRefusal(check: NoteCheck, urlProperty: string): string | null {
	if (check.refusal !== null) return check.refusal;
	return check.problem === null ? null : propertiesProblemMessage(check.problem, urlProperty);
}
