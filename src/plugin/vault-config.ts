/** What the plugin reads of the vault's own settings (glue only: the conversion decides what it means). */

import type { App } from "obsidian";
import { SITE_CONFIG_FILES } from "../convert/story";

/**
 * The vault's "Strict line breaks" setting. `Vault.getConfig` is not in Obsidian's public typings, so it
 * is looked up guarded; when it is missing, Obsidian's default (off) applies.
 */
export function vaultStrictLineBreaks(app: App): boolean {
	const vault = app.vault as unknown as { getConfig?: (key: string) => unknown };
	if (typeof vault.getConfig !== "function") return false;
	try {
		return vault.getConfig("strictLineBreaks") === true;
	} catch {
		return false;
	}
}

/**
 * Whether Dataview shows the vault's inline fields (`[key:: value]`) in reading view: it is enabled
 * (`app.plugins.enabledPlugins`, the list in community-plugins.json) and its "Inline field highlighting
 * in Reading View" is not turned off. Neither is in Obsidian's public typings, so both are looked up
 * guarded; when the list is missing, the fields are read (their syntax is Dataview's).
 */
export function vaultDataviewFields(app: App): boolean {
	const plugins = (app as unknown as { plugins?: { enabledPlugins?: unknown; plugins?: Record<string, { settings?: { prettyRenderInlineFields?: unknown } } | undefined> } }).plugins;
	const enabled = plugins?.enabledPlugins;
	if (!(enabled instanceof Set)) return true;
	if (!enabled.has("dataview")) return false;
	return plugins?.plugins?.dataview?.settings?.prettyRenderInlineFields !== false;
}

/**
 * Whether the vault's notes are Obsidian's, not a site's source kept in a vault: a Jekyll or Quarto site
 * says so by its configuration at the vault's root (`_config.yml`, `_quarto.yml`).
 */
export function vaultIsObsidianNotes(app: App): boolean {
	return SITE_CONFIG_FILES.every((name) => app.vault.getAbstractFileByPath(name) === null);
}
