/**
 * `medium-publish convert` reads syntax only a site's generator reads (Pandoc's spans) as the folder's
 * notes are read: as written in an Obsidian vault, as the site reads it in a site's folder (the built CLI).
 */

import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { App } from "obsidian";
import { DEFAULT_CONFIG_DIR } from "../src/cli/node-vault";
import { vaultIsObsidianNotes } from "../src/plugin/vault-config";
import { CLI, cliConvert } from "./support/cli-convert";

let dir: string;
beforeAll(() => {
	if (!existsSync(CLI)) throw new Error("dist/cli.js is missing: run `npm run build` first (npm test does).");
});
beforeEach(async () => {
	dir = await mkdtemp(path.join(tmpdir(), "mp-site-"));
});
afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

const NOTE = "# Spans\n\nRead [this]{.mark} twice.\n";

/** The note `file` in `dir`, with `.obsidian/` when `vault`, and the site files named. */
async function noteIn(vault: boolean, siteFiles: string[], file = "Note.md"): Promise<string> {
	if (vault) await mkdir(path.join(dir, DEFAULT_CONFIG_DIR), { recursive: true });
	for (const f of siteFiles) await writeFile(path.join(dir, f), "title: Site\n");
	const note = path.join(dir, file);
	await mkdir(path.dirname(note), { recursive: true });
	await writeFile(note, NOTE);
	return note;
}

test("in an Obsidian vault a bracketed span stays as written, as Obsidian shows it", async () => {
	expect(await cliConvert(await noteIn(true, []))).toContain("Read [this]{.mark} twice.");
});

test("in a folder that is no vault (a blog), or a vault that is a Quarto or Jekyll site, it is the span's text", async () => {
	expect(await cliConvert(await noteIn(false, []))).toContain("Read this twice.");
	await rm(dir, { recursive: true, force: true });
	await mkdir(dir);
	expect(await cliConvert(await noteIn(true, ["_quarto.yml"]))).toContain("Read this twice.");
});

test("in a vault, a Quarto note (.qmd) or a Jekyll post (_posts/) is read as its site reads it", async () => {
	expect(await cliConvert(await noteIn(true, [], "Talk.qmd"))).toContain("Read this twice.");
	expect(await cliConvert(await noteIn(true, [], "_posts/2024-01-01-a.md"))).toContain("Read this twice.");
});

test("Liquid: an Obsidian note keeps its {% raw %} tags as written; a Jekyll site kept as a vault reads them as the blog", async () => {
	const note = path.join(dir, "Jekyll.md");
	await mkdir(path.join(dir, DEFAULT_CONFIG_DIR), { recursive: true });
	await writeFile(note, "# Jekyll\n\nWrite {% raw %}{{ page.title }}{% endraw %} in a post.\n");
	expect(await cliConvert(note)).toContain("Write {% raw %}{{ page.title }}{% endraw %} in a post.");
	await writeFile(path.join(dir, "_config.yml"), "title: Blog\n");
	expect(await cliConvert(note)).toContain("Write {{ page.title }} in a post.");
});

describe("the plugin: a vault is Obsidian's notes unless a site's configuration is at its root", () => {
	const app = (files: string[]): App => ({ vault: { getAbstractFileByPath: (p: string) => (files.includes(p) ? {} : null) } }) as unknown as App;
	test("no _config.yml or _quarto.yml: Obsidian's notes", () => {
		expect(vaultIsObsidianNotes(app(["Note.md", "docs/_config.yml"]))).toBe(true);
	});
	test("a Jekyll or Quarto site kept as a vault: the site's", () => {
		expect(vaultIsObsidianNotes(app(["_config.yml"]))).toBe(false);
		expect(vaultIsObsidianNotes(app(["_quarto.yml"]))).toBe(false);
	});
});
