/**
 * A Hugo post written with shortcodes, published through the built command line to the fake Medium over
 * real HTTP: a `figure` with a site-root src (the blog's static/ folder) is an uploaded image with its
 * caption and alt, a `highlight` block a code block with its language. Judged by what Medium shows.
 */

import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { CLI, runCli } from "./support/run-cli";
import { useFakeMedium } from "./support/use-fake-medium";

/** A valid 1×1 PNG. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

const POST = `+++
title = "Ice walks"
medium_publish = true
+++

The lake froze early.

{{< figure src="/images/lake.png" caption="The lake at dawn" alt="A frozen lake" >}}

{{< highlight go "linenos=table" >}}
// # a comment, not a heading
func thickness() int { return 12 }
{{< /highlight >}}

{{< instagram BWNjjyYFxVx >}}

Stay safe.
`;

let dir: string;
const fakeMedium = useFakeMedium();

beforeAll(() => {
	if (!existsSync(CLI)) throw new Error("dist/cli.js is missing: run `npm run build` first (npm test does).");
});
beforeEach(async () => {
	dir = await mkdtemp(path.join(tmpdir(), "mp-hugo-"));
	await writeFile(path.join(dir, "hugo.toml"), 'baseURL = "https://blog.example/"\n');
	await mkdir(path.join(dir, "content", "posts"), { recursive: true });
	await mkdir(path.join(dir, "static", "images"), { recursive: true });
	await writeFile(path.join(dir, "content", "posts", "ice.md"), POST);
	await writeFile(path.join(dir, "static", "images", "lake.png"), PNG);
	await mkdir(path.join(dir, ".git"));
});
afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

test("a Hugo post's figure and highlight shortcodes land on Medium as a captioned image and a code block", async () => {
	const fake = fakeMedium();
	const r = await runCli(["publish", "content/posts/ice.md"], { MEDIUM_TOKEN: fake.token, MEDIUM_API_BASE: fake.apiBase }, dir);
	expect(r.code).toBe(0);
	// The unknown shortcode is still left out, with its warning.
	expect(r.stderr).toContain("{{< instagram BWNjjyYFxVx >}} only renders on the blog");
	expect(r.stderr).not.toContain("figure");
	expect(fake.images).toHaveLength(1);
	const shown = fake.storyParagraphs(String(fake.posts[0].response.id));
	expect(shown.map((p) => p.type)).toEqual(["TITLE", "P", "IMG", "PRE", "P"]);
	expect(shown[2]).toMatchObject({ type: "IMG", src: fake.images[0].url, alt: "A frozen lake", text: "The lake at dawn" });
	expect(shown[3]).toMatchObject({ type: "PRE", lang: "go", text: "// # a comment, not a heading\nfunc thickness() int { return 12 }" });
	expect(shown[4].text).toBe("Stay safe.");
});
