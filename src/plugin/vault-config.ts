/** What the plugin reads of the vault's own settings (glue only: the conversion decides what it means). */

import type { App } from "obsidian";

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
