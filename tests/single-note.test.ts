/**
 * `convert` and `preview` read their one note through the same helpers: the note resolved and gated as a
 * publish gates it, and converted with the options a publish would use (the flags, the vault's settings).
 */

import { mkdtemp, mkdir, realpath, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { CliError, type CliIo } from "../src/cli/cli-io";
import type { ParsedArgs } from "../src/cli/command";
import { DEFAULT_CONFIG_DIR } from "../src/cli/node-vault";
import { conversionOptions, singleNote } from "../src/cli/single-note";

let dir: string;
let err: string;
let io: CliIo;
beforeEach(async () => {
	dir = await mkdtemp(path.join(tmpdir(), "mp-single-"));
	err = "";
	io = { stdout: () => undefined, stderr: (t) => (err += t), env: {}, cwd: dir };
});
afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

const args = (note: string, flags: Record<string, string> = {}): ParsedArgs => ({ positionals: [note], flags: new Map(Object.entries(flags)) });

describe("singleNote", () => {
	test("gives the note's vault path and its vault", async () => {
		await mkdir(path.join(dir, DEFAULT_CONFIG_DIR));
		await mkdir(path.join(dir, "Notes"));
		await writeFile(path.join(dir, "Notes", "A.md"), "Text.\n");
		const { vault, path: notePath } = await singleNote(args("Notes/A.md"), io);
		expect(notePath).toBe("Notes/A.md");
		expect(vault.root).toBe(await realpath(dir));
		expect(err).toBe("");
	});

	test("refuses an empty note, and warns of properties it cannot read", async () => {
		await writeFile(path.join(dir, "Empty.md"), "  \n");
		await expect(singleNote(args("Empty.md"), io)).rejects.toThrow(CliError);
		await writeFile(path.join(dir, "Bad.md"), "---\ntitle: [unclosed\n---\nText.\n");
		await singleNote(args("Bad.md"), io);
		expect(err).toMatch(/^Bad\.md:\d+: warning: .*; converted without them \[bad-properties\]\n$/);
	});
});

describe("conversionOptions", () => {
	test("takes the templates and property from the flags, line breaks and Dataview from the vault", async () => {
		await mkdir(path.join(dir, DEFAULT_CONFIG_DIR));
		await writeFile(path.join(dir, DEFAULT_CONFIG_DIR, "app.json"), JSON.stringify({ strictLineBreaks: true }));
		await writeFile(path.join(dir, DEFAULT_CONFIG_DIR, "community-plugins.json"), JSON.stringify(["dataview"]));
		await writeFile(path.join(dir, "A.md"), "Text.\n");
		const a = args("A.md", { "canonical-template": "https://blog.example/{slug}/", "url-property": "story" });
		const { vault } = await singleNote(a, io);
		expect(await conversionOptions(a, vault)).toEqual({
			urlProperty: "story",
			linkTemplate: "https://blog.example/{slug}/",
			canonicalTemplate: "https://blog.example/{slug}/",
			strictLineBreaks: true,
			dataviewFields: true,
			obsidianVault: true,
		});
	});

	test("a folder that is no vault: standard line breaks, no Dataview, site syntax read, the default property", async () => {
		await writeFile(path.join(dir, "A.md"), "Text.\n");
		const { vault } = await singleNote(args("A.md"), io);
		expect(await conversionOptions(args("A.md"), vault)).toMatchObject({ urlProperty: "medium_url", strictLineBreaks: true, dataviewFields: false, obsidianVault: false });
	});
});
