/** Line breaks follow the vault's "Strict line breaks" setting, read from where each side finds it. */

import { mkdtemp, mkdir, rm, writeFile, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { App } from "obsidian";
import { readStrictLineBreaks } from "../src/cli/vault-config";
import { vaultStrictLineBreaks } from "../src/plugin/vault-config";

let dir: string;
beforeEach(async () => {
	dir = await mkdtemp(path.join(tmpdir(), "mp-config-"));
});
afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

describe("command line: <vault>/.obsidian/app.json", () => {
	test("a folder that is no vault follows standard markdown (strict)", async () => {
		expect(await readStrictLineBreaks(dir)).toBe(true);
	});
	test("a vault without the key (or without app.json) uses Obsidian's default (not strict)", async () => {
		await mkdir(path.join(dir, ".obsidian"));
		expect(await readStrictLineBreaks(dir)).toBe(false);
		await writeFile(path.join(dir, ".obsidian", "app.json"), JSON.stringify({ livePreview: true }));
		expect(await readStrictLineBreaks(dir)).toBe(false);
	});
	test("the key decides; broken JSON or a link counts as absent", async () => {
		await mkdir(path.join(dir, ".obsidian"));
		const file = path.join(dir, ".obsidian", "app.json");
		await writeFile(file, JSON.stringify({ strictLineBreaks: true }));
		expect(await readStrictLineBreaks(dir)).toBe(true);
		await writeFile(file, JSON.stringify({ strictLineBreaks: false }));
		expect(await readStrictLineBreaks(dir)).toBe(false);
		await writeFile(file, "{ not json");
		expect(await readStrictLineBreaks(dir)).toBe(false);
		await rm(file);
		const outside = path.join(dir, "elsewhere.json");
		await writeFile(outside, JSON.stringify({ strictLineBreaks: true }));
		await symlink(outside, file);
		expect(await readStrictLineBreaks(dir)).toBe(false);
	});
	test("a renamed configuration folder", async () => {
		await mkdir(path.join(dir, ".config"));
		await writeFile(path.join(dir, ".config", "app.json"), JSON.stringify({ strictLineBreaks: true }));
		expect(await readStrictLineBreaks(dir, ".config")).toBe(true);
	});
});

describe("plugin: app.vault.getConfig, guarded", () => {
	const app = (vault: object) => ({ vault }) as unknown as App;
	test("reads the setting", () => {
		expect(vaultStrictLineBreaks(app({ getConfig: (k: string) => k === "strictLineBreaks" }))).toBe(true);
		expect(vaultStrictLineBreaks(app({ getConfig: () => false }))).toBe(false);
		expect(vaultStrictLineBreaks(app({ getConfig: () => undefined }))).toBe(false);
	});
	test("missing or throwing getConfig: Obsidian's default", () => {
		expect(vaultStrictLineBreaks(app({}))).toBe(false);
		expect(vaultStrictLineBreaks(app({ getConfig: () => { throw new Error("x"); } }))).toBe(false);
	});
});
