/**
 * The README's command-line examples, run as written: every `medium-publish`, `cd` and `export` line of
 * the shell blocks in its "The command line" section, in order, in a Gatsby-style blog called my-blog,
 * against the fake Medium server (the token placeholder stands for the fake's token).
 */

import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { FakeMedium } from "./support/fake-medium-server";
import { buildGatsbyBlog, ROOT, runCliBuilt } from "./support/gatsby-blog";
import { useFakeMedium } from "./support/use-fake-medium";

/** Splits a shell line into words: single and double quotes, no expansion (the README needs none). */
function shellWords(line: string): string[] {
	const words: string[] = [];
	let word: string | null = null;
	let quote: string | null = null;
	for (const ch of line) {
		if (quote !== null) {
			if (ch === quote) quote = null;
			else word += ch;
		} else if (ch === "'" || ch === '"') {
			quote = ch;
			word ??= "";
		} else if (ch === " ") {
			if (word !== null) words.push(word);
			word = null;
		} else word = (word ?? "") + ch;
	}
	if (quote !== null) throw new Error(`Unclosed quote in: ${line}`);
	if (word !== null) words.push(word);
	return words;
}

/** The shell lines of the README's command-line section, comments stripped. */
function readmeCommands(readme: string): string[] {
	const start = readme.indexOf("## The command line");
	const end = readme.indexOf("\n## ", start + 1);
	const section = readme.slice(start, end === -1 ? undefined : end);
	const lines: string[] = [];
	const fence = /```sh\n([\s\S]*?)```/g;
	for (let m = fence.exec(section); m !== null; m = fence.exec(section)) {
		// Continued lines (ending in a backslash) are joined first.
		for (const raw of m[1].split("\\\n").join(" ").split("\n")) {
			const hash = raw.indexOf(" #");
			const line = (hash === -1 ? raw : raw.slice(0, hash)).trim();
			if (line !== "") lines.push(line);
		}
	}
	return lines;
}

let dir: string;
let fake: FakeMedium;
const fakeMedium = useFakeMedium();

beforeEach(async () => {
	fake = fakeMedium();
	dir = await mkdtemp(path.join(tmpdir(), "mp-readme-"));
	await buildGatsbyBlog(path.join(dir, "my-blog"));
	await writeFile(path.join(dir, "my-blog", "README.md"), "# My blog\n");
});
afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

test("the README's command-line examples work as written", async () => {
	const commands = readmeCommands(await readFile(path.join(ROOT, "README.md"), "utf8"));
	const ran = commands.filter((c) => c.startsWith("medium-publish "));
	expect(ran.length).toBeGreaterThanOrEqual(5);
	let cwd = dir;
	const env: Record<string, string> = { MEDIUM_API_BASE: fake.apiBase };
	for (const line of commands) {
		const words = shellWords(line);
		if (words[0] === "npm") continue; // installing is checked in cli-install.test.ts
		if (words[0] === "cd") {
			cwd = path.resolve(cwd, words[1]);
			expect(existsSync(cwd)).toBe(true);
			continue;
		}
		if (words[0] === "export") {
			const [name, value] = words[1].split("=");
			env[name] = name === "MEDIUM_TOKEN" && value === "your-integration-token" ? fake.token : value;
			continue;
		}
		expect(words[0]).toBe("medium-publish");
		const redirect = words.indexOf(">");
		const args = words.slice(1, redirect === -1 ? undefined : redirect);
		const r = await runCliBuilt(args, env, cwd);
		if (r.code !== 0) throw new Error(`\`${line}\` exited ${r.code}:\n${r.stderr}`);
		expect(r.stderr).not.toMatch(/\n\s+at /);
		if (redirect !== -1) await writeFile(path.resolve(cwd, words[redirect + 1]), r.stdout);
	}
	// The blog example published both opted-in posts; the one-note example published the first again.
	expect(fake.posts.map((p) => p.request.canonicalUrl)).toEqual([
		"https://blog.example/second-post/",
		"https://blog.example/first-post/",
		"https://blog.example/first-post/",
	]);
	expect(fake.posts[2].request.publishStatus).toBe("unlisted");
	expect(await readFile(path.join(dir, "my-blog", "first-post.html"), "utf8")).toContain("<p>This is the first post.");
});
