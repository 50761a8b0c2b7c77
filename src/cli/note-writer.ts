/**
 * Writes the story's URL into a note file without harming it. The YAML is edited only where the edit
 * is certainly safe (setProperty refuses the rest), and the result is checked by parsing it again: every
 * other property must read back the same. Then the file keeps what it was: a symbolic link is written
 * through to its target (inside the vault), a file with hard links is written in place so every name
 * sees the URL (with a durable copy of the new text beside it until it is safe), the mode stays, and no
 * temporary file is left behind unless it holds the only whole copy of the note.
 */

import { chmod, lstat, open, readFile, realpath, rename, stat, unlink, writeFile, type FileHandle } from "node:fs/promises";
import type { Stats } from "node:fs";
import * as nodePath from "node:path";
import { setProperty } from "../publish/set-property";
import { hasLoneCr } from "../convert/frontmatter";
import { decodeNote, parseProperties, type VaultBoundary } from "./node-vault";

/** JSON of a properties object with one key left out, for comparing the rest (Dates as ISO strings). */
function withoutKey(properties: Record<string, unknown>, key: string): string {
	const copy: Record<string, unknown> = {};
	for (const k of Object.keys(properties).sort()) if (k !== key) copy[k] = properties[k];
	return JSON.stringify(copy);
}

/**
 * The note's new text with `key` set to `url`, or an Error saying why the note is left as it is: its
 * text is not UTF-8, the edit is not certainly safe, or the result would not read back as intended.
 */
export function planUrlWrite(bytes: Uint8Array, key: string, url: string): string {
	const text = decodeNote(bytes);
	if (text === null) throw new Error("the note is not UTF-8 text, so it was left untouched");
	// Its properties could not be edited in place without mixing line endings: the URL is kept, the note left as it is.
	if (hasLoneCr(text)) throw new Error("the note ends its lines with a lone CR (old Mac line endings), so it was left untouched; save it with LF or CRLF line endings");
	const before = parseProperties(text);
	if (before.problem) throw new Error(`the note's properties cannot be read (line ${before.problem.line}: ${before.problem.message}), so they were left untouched`);
	const next = setProperty(text, key, url);
	const after = parseProperties(next);
	if (after.problem || after.properties[key] !== url || withoutKey(after.properties, key) !== withoutKey(before.properties, key)) {
		throw new Error(`setting ${key} would change other properties of the note, so it was left untouched`);
	}
	return next;
}

/** A counter that keeps temporary names unique within this process. */
let tempCounter = 0;

/** A temporary name beside `target`, hidden and unique, that says which tool left it. */
function tempBeside(target: string): string {
	tempCounter++;
	return nodePath.join(nodePath.dirname(target), `.${nodePath.basename(target)}.${process.pid}-${tempCounter}.medium-publisher.tmp`);
}

/** Writes `data` over the whole file behind `handle` and flushes it to disk. */
async function overwrite(handle: FileHandle, data: Uint8Array): Promise<void> {
	await handle.write(data, 0, data.length, 0);
	await handle.truncate(data.length);
	await handle.sync();
}

/** File operations a test can make fail: the final rename, and the in-place write of a hard-linked note. */
export interface NoteWriterFs {
	rename?: typeof rename;
	overwrite?: (handle: FileHandle, data: Uint8Array) => Promise<void>;
}

/**
 * Sets `key: url` in the note at `absPath`, re-reading it first so edits made meanwhile are kept.
 * `boundary` is the vault's: a note whose real file lies outside it is not written.
 */
export async function writeUrlProperty(absPath: string, key: string, url: string, boundary: VaultBoundary, fs: NoteWriterFs = {}): Promise<void> {
	const target = await realpath(absPath);
	if (!boundary.contains(target)) throw new Error("the note's file lies outside the vault, so it was not written");
	const bytes = await readFile(target);
	const next = planUrlWrite(bytes, key, url);
	const info = await stat(target);
	const temp = tempBeside(target);
	if (info.nlink > 1) await writeInPlace(target, temp, bytes, Buffer.from(next, "utf8"), info.mode, fs.overwrite ?? overwrite);
	else await writeByRename(target, temp, next, info, fs.rename ?? rename);
}

/** The usual way: the new text goes to a temporary file renamed over the note, so a crash leaves one or the other whole. */
async function writeByRename(target: string, temp: string, next: string, info: Stats, renameTo: typeof rename): Promise<void> {
	try {
		await writeFile(temp, next, { encoding: "utf8", mode: info.mode & 0o7777, flag: "wx" });
		await chmod(temp, info.mode & 0o7777); // the umask may have narrowed the mode given above
		// The note must still be the file that was read: a link swapped in meanwhile is not replaced.
		if ((await lstat(target)).ino !== info.ino) throw new Error("the note changed on disk while its URL was being written");
		await renameTo(temp, target);
	} finally {
		await unlink(temp).catch(() => undefined);
	}
}

/**
 * A note with hard links: renaming would split them (the other names would keep the old text), so the
 * file is written in place. In place cannot be atomic, so the new text is first made durable beside it:
 * a write that fails puts the old bytes back, and a crash mid-write leaves the whole new text in the
 * temporary file, which the error names. The temporary file goes once the note is safe.
 */
async function writeInPlace(target: string, temp: string, before: Uint8Array, data: Uint8Array, mode: number, write: (handle: FileHandle, data: Uint8Array) => Promise<void>): Promise<void> {
	const copy = await open(temp, "wx", mode & 0o7777);
	try {
		await overwrite(copy, data);
	} catch (err) {
		await copy.close();
		await unlink(temp).catch(() => undefined);
		throw err;
	}
	await copy.close();
	const handle = await open(target, "r+");
	let safe = false;
	try {
		await write(handle, data);
		safe = true;
	} catch (err) {
		// Put the note back as it was read; only if that fails too is the temporary file kept.
		safe = await overwrite(handle, before).then(() => true, () => false);
		const reason = err instanceof Error ? err.message : String(err);
		throw new Error(safe ? `writing the note in place failed (${reason}); it was put back as it was` : `writing the note in place failed (${reason}); its full new text is in ${temp}`);
	} finally {
		await handle.close();
		if (safe) await unlink(temp).catch(() => undefined);
	}
}
