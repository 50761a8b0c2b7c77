/**
 * Hugo's TOML front matter (`+++` … `+++`, what `hugo new` long wrote): its properties are read, the
 * block never reaches the story, and the story's URL is written into it as TOML, the rest of the file
 * unchanged. Writing a YAML block above it would have broken the post on the blog itself.
 */

import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { parseProperties } from "../src/cli/node-vault";
import { setProperty } from "../src/publish/set-property";
import { CLI, runCli } from "./support/run-cli";
import { useFakeMedium } from "./support/use-fake-medium";

const POST = `+++
title = "Maps, loaded"
date = 2024-03-25T11:42:41+01:00
draft = false
tags = ["maps", 'web']
medium_publish = true  # opt in
slug = "map-loading"

[params]
toc = true
+++

Body of the post.
`;

describe("TOML front matter", () => {
	test("its top-level properties are read (strings, arrays, booleans); tables are left alone", () => {
		const { properties, problem } = parseProperties(POST);
		expect(problem).toBeNull();
		expect(properties).toMatchObject({ title: "Maps, loaded", draft: false, tags: ["maps", "web"], medium_publish: true, slug: "map-loading" });
		expect(properties.toc).toBeUndefined();
	});

	test("the URL goes in as a TOML line before the first table, nothing else changes", () => {
		const next = setProperty(POST, "medium_url", "https://medium.com/@me/maps-1");
		expect(next).toBe(POST.replace('slug = "map-loading"\n', 'slug = "map-loading"\nmedium_url = "https://medium.com/@me/maps-1"\n'));
		// Set again, the line is replaced in place.
		expect(setProperty(next, "medium_url", "https://medium.com/@me/maps-2")).toBe(next.replace("maps-1", "maps-2"));
		const crlf = "+++\r\ntitle = 'x'\r\n+++\r\nBody\r\n";
		expect(setProperty(crlf, "medium_url", "https://m.example/a")).toBe("+++\r\ntitle = 'x'\r\nmedium_url = \"https://m.example/a\"\r\n+++\r\nBody\r\n");
	});

	describe("through the command line", () => {
		let dir: string;
		const fakeMedium = useFakeMedium();
		beforeAll(() => {
			if (!existsSync(CLI)) throw new Error("dist/cli.js is missing: run `npm run build` first (npm test does).");
		});
		beforeEach(async () => {
			dir = await mkdtemp(path.join(tmpdir(), "mp-toml-"));
			await writeFile(path.join(dir, "hugo.toml"), 'baseURL = "https://blog.example/"\n');
			await mkdir(path.join(dir, "content", "posts"), { recursive: true });
			await writeFile(path.join(dir, "content", "posts", "maps.md"), POST);
			await mkdir(path.join(dir, ".git"));
		});
		afterEach(async () => {
			await rm(dir, { recursive: true, force: true });
		});

		test("a Hugo post opts in, is published without its front matter, and gets its URL as TOML", async () => {
			const fake = fakeMedium();
			const r = await runCli(["publish", "content/posts", "--canonical-template", "https://blog.example/posts/{slug}/"], { MEDIUM_TOKEN: fake.token, MEDIUM_API_BASE: fake.apiBase }, dir);
			expect(r.stderr).toBe("Publishing content/posts/maps.md (1/1)\n");
			expect(r.code).toBe(0);
			expect(fake.posts).toHaveLength(1);
			const sent = fake.posts[0].request;
			expect(sent.title).toBe("Maps, loaded");
			expect(sent.tags).toEqual(["maps", "web"]);
			expect(sent.canonicalUrl).toBe("https://blog.example/posts/map-loading/");
			expect(sent.content).not.toContain("+++");
			expect(sent.content).not.toContain("medium_publish");
			const after = await readFile(path.join(dir, "content", "posts", "maps.md"), "utf8");
			expect(after).toBe(POST.replace('slug = "map-loading"\n', `slug = "map-loading"\nmedium_url = "${String(fake.posts[0].response.url)}"\n`));
			const again = await runCli(["publish", "content/posts"], { MEDIUM_TOKEN: fake.token, MEDIUM_API_BASE: fake.apiBase }, dir);
			expect(again.code).toBe(0);
			expect(fake.posts).toHaveLength(1);
		});
	});
});
