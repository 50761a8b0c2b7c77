/**
 * Writes the story's URL into a note file without harming it. The YAML is edited only where the edit
 * is certainly safe (setProperty refuses the rest), and the result is checked by parsing it again: every
 * other property must read back the same. Then the file keeps what it was: a symbolic link is written
 * through to its target (inside the vault), a file with hard links is written in place so every name
 * sees the URL, the mode stays, and no temporary file is left behind whatever fails.
 */

import { chmod, lstat, open, readFile, realpath, rename, stat, unlink, writeFile } from "node:fs/promises";
import * as nodePath from "node:path";
import { setProperty } from "../publish/set-property";
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

/**
 * Sets `key: url` in the note at `absPath`, re-reading it first so edits made meanwhile are kept.
 * `boundary` is the vault's: a note whose real file lies outside it is not written. `fs` lets a test
 * make the final rename fail.
 */
export async function writeUrlProperty(absPath: string, key: string, url: string, boundary: VaultBoundary, fs: { rename?: typeof rename } = {}): Promise<void> {
	const target = await realpath(absPath);
	if (!boundary.contains(target)) throw new Error("the note's file lies outside the vault, so it was not written");
	const bytes = await readFile(target);
	const next = planUrlWrite(bytes, key, url);
	const info = await stat(target);
	if (info.nlink > 1) {
		// Renaming would split the hard links (the other names would keep the old text): write in place.
		const handle = await open(target, "r+");
		try {
			const data = Buffer.from(next, "utf8");
			await handle.write(data, 0, data.length, 0);
			await handle.truncate(data.length);
			await handle.sync();
		} finally {
			await handle.close();
		}
		return;
	}
	tempCounter++;
	const temp = nodePath.join(nodePath.dirname(target), `.${nodePath.basename(target)}.${process.pid}-${tempCounter}.medium-publisher.tmp`);
	try {
		await writeFile(temp, next, { encoding: "utf8", mode: info.mode & 0o7777, flag: "wx" });
		await chmod(temp, info.mode & 0o7777); // the umask may have narrowed the mode given above
		// The note must still be the file that was read: a link swapped in meanwhile is not replaced.
		if ((await lstat(target)).ino !== info.ino) throw new Error("the note changed on disk while its URL was being written");
		await (fs.rename ?? rename)(temp, target);
	} finally {
		await unlink(temp).catch(() => undefined);
	}
}
