/**
 * A Gatsby-style blog repository built in a folder: posts in content/blog/<slug>/index.md, an image
 * beside a post and one under static/, a post that does not opt in, and opted-in notes in folders that
 * must be skipped (public/, node_modules/, a hidden folder). Also runs the built command line.
 */

import { execFile } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const CLI = path.join(ROOT, "dist", "cli.js");
const PNG = path.join(ROOT, "examples", "vault", "attachments", "Sunrise.png");

export const FIRST_POST = `---
title: "Hello, world: the first post of this blog, whose title is far too long for Medium to keep it whole anyway"
date: 2024-01-02
tags: [gatsby, blogging, markdown, medium, extra]
medium_publish: true
---

This is the first post. Read [the second post](../second-post/) next,
or [its source](../second-post/index.md).

![A cover beside the post](./cover.png)

![The site banner](/images/banner.png)
`;

export const SECOND_POST = `---
title: The second post
medium_publish: true
---

Short and plain.
`;

/** Builds the blog in `blog` (created if needed). */
export async function buildGatsbyBlog(blog: string): Promise<void> {
	const put = async (rel: string, content: string | Uint8Array) => {
		const abs = path.join(blog, rel);
		await mkdir(path.dirname(abs), { recursive: true });
		await writeFile(abs, content);
	};
	const png = await readFile(PNG);
	await put("package.json", JSON.stringify({ name: "my-blog", private: true }));
	await put("gatsby-config.js", "module.exports = {};\n");
	await put("content/blog/first-post/index.md", FIRST_POST);
	await put("content/blog/first-post/cover.png", png);
	await put("content/blog/second-post/index.md", SECOND_POST);
	await put("content/blog/draft-post/index.md", "---\ntitle: Not yet\n---\n\nA draft that does not opt in.\n");
	await put("static/images/banner.png", Buffer.concat([png, Buffer.from([0])])); // other bytes: another upload
	await put("public/first-post/index.md", "---\nmedium_publish: true\n---\nBuild output.\n");
	await put("node_modules/some-package/README.md", "---\nmedium_publish: true\n---\nA dependency.\n");
	await put("content/.drafts/hidden/index.md", "---\nmedium_publish: true\n---\nHidden.\n");
}

export interface Run {
	code: number;
	stdout: string;
	stderr: string;
}

/** Runs a program with a clean environment (PATH plus `env`), never throwing. */
export function runProgram(file: string, args: readonly string[], env: Record<string, string>, cwd: string): Promise<Run> {
	return new Promise((resolve) => {
		execFile(file, args, { cwd, env: { PATH: process.env.PATH ?? "", ...env } }, (err, stdout, stderr) => {
			const code = err ? (typeof err.code === "number" ? err.code : 1) : 0;
			resolve({ code, stdout, stderr });
		});
	});
}

/** Runs the built `medium-publish` with arguments. */
export function runCliBuilt(args: readonly string[], env: Record<string, string>, cwd: string): Promise<Run> {
	return runProgram(process.execPath, [CLI, ...args], env, cwd);
}
