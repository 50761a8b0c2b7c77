/**
 * Dataview's inline fields (`[key:: value]`, `(key:: value)`) are read only where Dataview shows them:
 * a vault where it is enabled (or where nothing says which plugins are), with its reading-view
 * rendering on. Elsewhere Obsidian shows the brackets as written, and so does Medium.
 */

import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { App } from "obsidian";
import { readDataviewFields } from "../src/cli/vault-config";
import { vaultDataviewFields } from "../src/plugin/vault-config";
import { body } from "./support/convert-helpers";
import { cliConvert } from "./support/cli-convert";

const NOTE = "# Book\n\nI rate it [rating:: 9], (mood:: calm).\n";

let dir: string;
beforeEach(async () => {
	dir = await mkdtemp(path.join(tmpdir(), "mp-dataview-"));
});
afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

describe("the converter", () => {
	test("reads the fields by default, as Dataview's reading view shows them", async () => {
		expect(await body(NOTE)).toBe("I rate it rating: 9, calm.");
	});
	test("keeps them as written when Dataview does not show them", async () => {
		expect(await body(NOTE, {}, { dataviewFields: false })).toBe("I rate it [rating:: 9], (mood:: calm).");
	});
});

/** Writes `.obsidian/<file>` files (null: no .obsidian at all). */
async function vault(files: Record<string, string> | null): Promise<void> {
	if (files === null) return;
	await mkdir(path.join(dir, ".obsidian", "plugins", "dataview"), { recursive: true });
	for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, ".obsidian", name), text);
}

describe("command line: <vault>/.obsidian/community-plugins.json", () => {
	test("Dataview enabled: read", async () => {
		await vault({ "community-plugins.json": JSON.stringify(["obsidian-kanban", "dataview"]) });
		expect(await readDataviewFields(dir)).toBe(true);
	});
	test("other plugins enabled, not Dataview: as written", async () => {
		await vault({ "community-plugins.json": JSON.stringify(["obsidian-kanban"]) });
		expect(await readDataviewFields(dir)).toBe(false);
	});
	test("Dataview's reading-view rendering turned off: as written", async () => {
		await vault({ "community-plugins.json": JSON.stringify(["dataview"]), "plugins/dataview/data.json": JSON.stringify({ prettyRenderInlineFields: false }) });
		expect(await readDataviewFields(dir)).toBe(false);
		await writeFile(path.join(dir, ".obsidian", "plugins", "dataview", "data.json"), JSON.stringify({ prettyRenderInlineFields: true }));
		expect(await readDataviewFields(dir)).toBe(true);
	});
	test("a vault whose plugin list is missing or unreadable: read (the note's syntax is Dataview's)", async () => {
		await vault({ "app.json": "{}" });
		expect(await readDataviewFields(dir)).toBe(true);
		await writeFile(path.join(dir, ".obsidian", "community-plugins.json"), "[ broken");
		expect(await readDataviewFields(dir)).toBe(true);
	});
	test("a folder that is no vault (a blog): as written", async () => {
		expect(await readDataviewFields(dir)).toBe(false);
	});
});

describe("plugin: the enabled plugins, guarded", () => {
	const app = (plugins: unknown) => ({ plugins }) as unknown as App;
	test("Dataview enabled, its rendering on or unknown: read", () => {
		expect(vaultDataviewFields(app({ enabledPlugins: new Set(["dataview"]) }))).toBe(true);
		expect(vaultDataviewFields(app({ enabledPlugins: new Set(["dataview"]), plugins: { dataview: { settings: { prettyRenderInlineFields: true } } } }))).toBe(true);
	});
	test("Dataview not enabled, or its rendering off: as written", () => {
		expect(vaultDataviewFields(app({ enabledPlugins: new Set(["obsidian-kanban"]) }))).toBe(false);
		expect(vaultDataviewFields(app({ enabledPlugins: new Set(["dataview"]), plugins: { dataview: { settings: { prettyRenderInlineFields: false } } } }))).toBe(false);
	});
	test("no plugin list to read: read", () => {
		expect(vaultDataviewFields(app(undefined))).toBe(true);
		expect(vaultDataviewFields(app({}))).toBe(true);
	});
});

describe("the built command line", () => {
	test("follows the vault's plugins", async () => {
		const note = path.join(dir, "Book.md");
		await writeFile(note, NOTE);
		await vault({ "community-plugins.json": JSON.stringify(["dataview"]) });
		expect(await cliConvert(note)).toContain("I rate it rating: 9, calm.");
		await writeFile(path.join(dir, ".obsidian", "community-plugins.json"), JSON.stringify(["calendar"]));
		expect(await cliConvert(note)).toContain("I rate it [rating:: 9], (mood:: calm).");
	});
});
