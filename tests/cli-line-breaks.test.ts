/** `medium-publish convert` keeps a note's line breaks as its vault shows them (the built CLI, on disk). */

import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";

const CLI = path.resolve(__dirname, "..", "dist", "cli.js");

function convert(note: string): Promise<string> {
	return new Promise((resolve, reject) => {
		execFile(process.execPath, [CLI, "convert", note], { env: { PATH: process.env.PATH ?? "" } }, (err, stdout, stderr) => {
			if (err) reject(new Error(`${err.message}\n${stderr}`));
			else resolve(stdout);
		});
	});
}

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
	expect(await convert(await noteIn(null))).toBe("# Poem\n\nRoses are red,\\\nviolets are blue.\n");
});

test("a vault with Strict line breaks joins the lines", async () => {
	expect(await convert(await noteIn(JSON.stringify({ strictLineBreaks: true })))).toBe("# Poem\n\nRoses are red, violets are blue.\n");
});

test("a folder that is no vault follows standard markdown: the lines join", async () => {
	expect(await convert(await noteIn(undefined))).toBe("# Poem\n\nRoses are red, violets are blue.\n");
});
