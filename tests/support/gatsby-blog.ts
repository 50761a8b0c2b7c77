/**
 * A Gatsby-style blog repository built in a folder: posts in content/blog/<slug>/index.md, an image
 * beside a post and one under static/, a post that does not opt in, and opted-in notes in folders that
 * must be skipped (public/, node_modules/, a hidden folder). Also runs the built command line.
 */

import { mkdir, readFile, writeFile } from "node:fs/promises";
import * as path from "node:path";

import { CLI, ROOT, runCli, runProgram, type Run } from "./run-cli";

export { CLI, ROOT, runProgram, type Run };
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

/** Runs the built `medium-publish` with arguments. */
export function runCliBuilt(args: readonly string[], env: Record<string, string>, cwd: string): Promise<Run> {
	return runCli(args, env, cwd);
}
