/**
 * What the command line reads of a vault's Obsidian settings: "Strict line breaks", so a story's line
 * breaks follow what the vault shows (../shared/docs/medium-model.md, rule 3), and whether Dataview shows
 * inline fields.
 */

import { lstat, readFile } from "node:fs/promises";
import * as nodePath from "node:path";
import { DEFAULT_CONFIG_DIR } from "./node-vault";
import { SITE_CONFIG_FILES } from "../convert/story";

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
	const config = await readConfigJson(nodePath.join(dir, "app.json"));
	return typeof config === "object" && config !== null && (config as Record<string, unknown>).strictLineBreaks === true;
}

/**
 * Whether the folder is an Obsidian vault (it holds the configuration folder) and not a site's source
 * kept as one: a Jekyll or Quarto site has its configuration at the root (`_config.yml`, `_quarto.yml`).
 */
export async function readObsidianVault(root: string, configDir: string = DEFAULT_CONFIG_DIR): Promise<boolean> {
	const dirStat = await lstat(nodePath.join(root, configDir)).catch(() => null);
	if (!dirStat || !dirStat.isDirectory()) return false;
	for (const name of SITE_CONFIG_FILES) if (await lstat(nodePath.join(root, name)).catch(() => null)) return false;
	return true;
}

/** A small regular file's JSON inside the configuration folder, or undefined (missing, linked, large, broken). */
async function readConfigJson(file: string): Promise<unknown> {
	const stat = await lstat(file).catch(() => null);
	if (!stat || !stat.isFile() || stat.size > 1_000_000) return undefined;
	try {
		return JSON.parse(await readFile(file, "utf8")) as unknown;
	} catch {
		return undefined;
	}
}

/**
 * Whether Dataview shows inline fields (`[key:: value]`) in reading view, as the vault's configuration
 * says: `community-plugins.json` lists the enabled plugins, and Dataview's own `data.json` may turn the
 * rendering off (`prettyRenderInlineFields`). A folder without the configuration folder is no vault (a
 * blog): no Dataview. A vault whose list is missing or unreadable reads them: their syntax is Dataview's.
 */
export async function readDataviewFields(root: string, configDir: string = DEFAULT_CONFIG_DIR): Promise<boolean> {
	const dir = nodePath.join(root, configDir);
	const dirStat = await lstat(dir).catch(() => null);
	if (!dirStat || !dirStat.isDirectory()) return false;
	const enabled = await readConfigJson(nodePath.join(dir, "community-plugins.json"));
	if (!Array.isArray(enabled)) return true;
	if (!enabled.includes("dataview")) return false;
	const settings = await readConfigJson(nodePath.join(dir, "plugins", "dataview", "data.json"));
	return !(typeof settings === "object" && settings !== null && (settings as Record<string, unknown>).prettyRenderInlineFields === false);
}
