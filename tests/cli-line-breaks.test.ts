/** `medium-publish convert` keeps a note's line breaks as its vault shows them (the built CLI, on disk). */

import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { CLI, cliConvert } from "./support/cli-convert";


let dir: string;
beforeAll(() => {
	if (!existsSync(CLI)) throw new Error("dist/cli.js is missing: run `npm run build` first (npm test does).");
});
beforeEach(async () => {
	dir = await mkdtemp(path.join(tmpdir(), "mp-breaks-"));
});
afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

const NOTE = "# Poem\n\nRoses are red,\nviolets are blue.\n";

async function noteIn(config: string | null | undefined): Promise<string> {
	if (config !== undefined) {
		await mkdir(path.join(dir, ".obsidian"));
		if (config !== null) await writeFile(path.join(dir, ".obsidian", "app.json"), config);
	}
	const note = path.join(dir, "Poem.md");
	await writeFile(note, NOTE);
	return note;
}

test("a vault with Obsidian's default shows each line: a line break", async () => {
	expect(await cliConvert(await noteIn(null))).toBe("# Poem\n\nRoses are red,\\\nviolets are blue.\n");
});

test("a vault with Strict line breaks joins the lines", async () => {
	expect(await cliConvert(await noteIn(JSON.stringify({ strictLineBreaks: true })))).toBe("# Poem\n\nRoses are red, violets are blue.\n");
});

test("a folder that is no vault follows standard markdown: the lines join", async () => {
	expect(await cliConvert(await noteIn(undefined))).toBe("# Poem\n\nRoses are red, violets are blue.\n");
});
