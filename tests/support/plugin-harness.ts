/**
 * Starts the plugin (the TypeScript source, or the built main.js) inside the obsidian stand-in, over an
 * in-memory vault holding a note with a wiki-link, a note embed and a local PNG, with its token in the
 * stand-in's secret storage and its API root pointed at the fake Medium server.
 */

import { readFileSync } from "node:fs";
import * as path from "node:path";
import { App, TFile, type PluginManifest } from "./obsidian-stub";

export const ROOT = path.resolve(__dirname, "..", "..");
export const MANIFEST = JSON.parse(readFileSync(path.join(ROOT, "manifest.json"), "utf8")) as PluginManifest;

/** A valid 1×1 PNG. */
export const PNG = Uint8Array.from(
	Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64"),
);

export const NOTE = "Posts/Launch day.md";

export const NOTE_TEXT = [
	"---",
	"tags: [writing, obsidian]",
	"---",
	"# Launch day",
	"",
	"Read the [[Background]] first.",
	"",
	"![[Snippet]]",
	"",
	"![[diagram.png]]",
	"",
	"The end.",
	"",
].join("\n");

/** The test vault: the note, a linked note, an embedded note and the image. */
export function vaultFiles(): Record<string, string | Uint8Array> {
	return {
		[NOTE]: NOTE_TEXT,
		"Background.md": "# Background\n\nWhy we did it.\n",
		"Snippet.md": "Embedded words from the snippet.\n",
		"Attachments/diagram.png": PNG,
		"Other.txt": "not a note",
	};
}

/** The plugin's default export class, from source or from main.js. */
export type PluginClass = new (app: never, manifest: PluginManifest) => {
	onload(): Promise<void> | void;
	unload(): void;
};

export interface StartOptions {
	files?: Record<string, string | Uint8Array>;
	/** The token stored under the default secret name; null for none. */
	token?: string | null;
	apiBase: string;
	/** Saved settings to start from (merged over nothing: the plugin fills defaults). */
	settings?: Record<string, unknown>;
	state?: unknown;
	/** Open this note before onload (default: NOTE). */
	open?: string | null;
}

export interface Started<P> {
	app: App;
	plugin: P;
	file(path: string): TFile;
}

/** Builds the app, stores the token, loads the plugin and makes the note active. */
export async function startPlugin<P extends { onload(): Promise<void> | void }>(PluginCtor: new (app: never, manifest: PluginManifest) => P, opts: StartOptions): Promise<Started<P>> {
	const app = new App(opts.files ?? vaultFiles());
	if (opts.token !== null) app.secretStorage.setSecret("medium-token", opts.token ?? "");
	app.pluginData.set(MANIFEST.id, { settings: { apiBase: opts.apiBase, ...(opts.settings ?? {}) }, ...(opts.state ? { state: opts.state } : {}) });
	const plugin = new PluginCtor(app as never, MANIFEST);
	await plugin.onload();
	app.workspace.setLayoutReady();
	const file = (p: string): TFile => {
		const f = app.vault.getFileByPath(p);
		if (!f) throw new Error(`No file ${p}`);
		return f;
	};
	const open = opts.open === undefined ? NOTE : opts.open;
	if (open !== null) app.workspace.openFile(file(open));
	return { app, plugin, file };
}
