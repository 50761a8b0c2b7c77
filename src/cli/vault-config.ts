/**
 * What the command line reads of a vault's Obsidian settings: only "Strict line breaks", so a story's
 * line breaks follow what the vault shows (../shared/docs/medium-model.md, rule 3).
 */

import { lstat, readFile } from "node:fs/promises";
import * as nodePath from "node:path";
import { DEFAULT_CONFIG_DIR } from "./node-vault";

/**
 * Whether a single newline inside a paragraph is a space: `<root>/.obsidian/app.json`'s
 * `strictLineBreaks` (absent: false, Obsidian's default). A folder without the configuration folder is
 * no Obsidian vault (a Gatsby or Hugo blog): standard markdown, so true. An unreadable or linked
 * app.json counts as absent.
 */
export async function readStrictLineBreaks(root: string, configDir: string = DEFAULT_CONFIG_DIR): Promise<boolean> {
	const dir = nodePath.join(root, configDir);
	const dirStat = await lstat(dir).catch(() => null);
	if (!dirStat || !dirStat.isDirectory()) return true;
	const file = nodePath.join(dir, "app.json");
	const fileStat = await lstat(file).catch(() => null);
	if (!fileStat || !fileStat.isFile() || fileStat.size > 1_000_000) return false;
	try {
		const config: unknown = JSON.parse(await readFile(file, "utf8"));
		return typeof config === "object" && config !== null && (config as Record<string, unknown>).strictLineBreaks === true;
	} catch {
		return false;
	}
}
