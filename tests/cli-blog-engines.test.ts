/**
 * Blogs other than Gatsby's markdown, end to end through the built command line: a Docusaurus blog with
 * MDX posts (imports, JSX components, `:::` admonitions) and an Astro content collection, built in a
 * temporary folder from the shapes of those projects' own sample posts, published to the fake Medium
 * server over real HTTP. What is checked is what Medium would show.
 */

import { mkdir, readFile, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { useCliFixture } from "./support/cli-fixture";
import type { FakeMedium } from "./support/fake-medium-server";
import { ROOT, runCliBuilt as run } from "./support/gatsby-blog";

/** A Quarto blog post's shape (quarto-web's docs/blog/posts): YAML front matter, callouts, code cells. */
const QUARTO_POST = `---
title: "From One Notebook to Many Reports"
date: "2025-07-23"
categories:
  - Authoring
medium_publish: true
---

::: callout-tip

## Based on a talk at SciPy 2025

This post is based on a talk.

:::

Quarto solves this with parameterized reports.
`;

/** Docusaurus's website/blog post shape: an MDX post in its folder, with imports, tabs and admonitions. */
const DOCUSAURUS_POST = `---
title: DocSearch migration
authors: [shortcuts, slorber]
tags: [search]
medium_publish: true
---

import Tabs from '@theme/Tabs';
import TabItem from '@theme/TabItem';
import overview from './img/overview.png';
export const site = {
  name: 'Docusaurus',
};

[DocSearch](https://docsearch.algolia.com/) is migrating to a new system.

<!--truncate-->

## Upgrading your site {#upgrading}

:::info

\`appId\` is now **required**.

:::

<Tabs>
  <TabItem value="npm" label="npm">
    \`\`\`bash
    npm install @docsearch/react
    \`\`\`
  </TabItem>
</Tabs>

<Image src="https://example.com/crawler.png" alt="The crawler" />

<Image src={overview} alt="The overview" />

Done.
`;

/** Astro's blog template post shape: src/content/blog/*.md with heroImage. */
const ASTRO_POST = `---
title: 'First post'
description: 'Lorem ipsum dolor sit amet'
pubDate: 'Jul 08 2022'
heroImage: '/blog-placeholder-3.jpg'
medium_publish: true
---

Lorem ipsum dolor sit amet.
`;

/** The Eleventy base blog's first post shape: Nunjucks tags and its image shortcode, the image beside the post. */
const ELEVENTY_POST = `---
title: This is my first post.
description: This is a post on My Blog about agile frameworks.
date: 2018-05-01
tags:
  - another tag
medium_publish: true
---
Leverage agile frameworks to provide a robust synopsis for high level overviews.

{% image "./possum.png", "A possum parent and two possum kids hanging from the iconic red balloon" %}

{%- if site.showAuthor -%}
By the author.
{%- endif -%}
`;

let blog: string;
let fake: FakeMedium;
const cli = useCliFixture("mp-engines-");
const env = cli.env;

beforeEach(async () => {
	fake = cli.fake();
	blog = path.join(cli.dir(), "site");
	const put = async (rel: string, text: string | Uint8Array) => {
		await mkdir(path.dirname(path.join(blog, rel)), { recursive: true });
		await writeFile(path.join(blog, rel), text);
	};
	await put("package.json", '{"name":"site"}\n');
	await put("blog/2021-11-21-docsearch/index.mdx", DOCUSAURUS_POST);
	await put("posts/2025-07-23-parameterized-reports/index.qmd", QUARTO_POST);
	await put("src/content/blog/first-post.md", ASTRO_POST);
	await put("content/blog/firstpost/firstpost.md", ELEVENTY_POST);
	await put("blog/2021-11-21-docsearch/img/overview.png", Buffer.from([...(await readFile(path.join(ROOT, "examples", "vault", "attachments", "Sunrise.png"))), 1]));
	await put("public/blog-placeholder-3.jpg", await readFile(path.join(ROOT, "examples", "vault", "attachments", "Sunrise.png")));
	await put("content/blog/firstpost/possum.png", await readFile(path.join(ROOT, "examples", "vault", "attachments", "Sunrise.png")));
});
describe("Quarto posts", () => {
	test("a folder's .qmd posts are found, named after their folder, and published; a .qmd named directly converts", async () => {
		const dry = await run(["publish", "posts", "--dry-run"], {}, blog);
		expect(dry.code).toBe(0);
		expect(dry.stdout).toMatch(/^posts\/2025-07-23-parameterized-reports\/index\.qmd +would publish +-$/m);
		const one = await run(["convert", "posts/2025-07-23-parameterized-reports/index.qmd"], {}, blog);
		expect(one.code).toBe(0);
		expect(one.stdout).toContain("# From One Notebook to Many Reports");
		const r = await run(["publish", "posts", "--canonical-template", "https://site.example/posts/{slug}/"], env(), blog);
		expect(r.code).toBe(0);
		expect(fake.posts).toHaveLength(1);
		expect(fake.posts[0].request.canonicalUrl).toBe("https://site.example/posts/parameterized-reports/");
		expect(await readFile(path.join(blog, "posts/2025-07-23-parameterized-reports/index.qmd"), "utf8")).toContain(`medium_url: ${String(fake.posts[0].response.url)}`);
	});
});

describe("MDX posts (Docusaurus, Gatsby, Next.js, Astro)", () => {
	test("a folder's .mdx posts are found, named after their folder, and published; a .mdx named directly converts", async () => {
		const dry = await run(["publish", "blog", "--dry-run", "--canonical-template", "https://site.example/blog/{slug}/"], {}, blog);
		expect(dry.code).toBe(0);
		expect(dry.stdout).toMatch(/^blog\/2021-11-21-docsearch\/index\.mdx +would publish +-$/m);

		const one = await run(["convert", "blog/2021-11-21-docsearch/index.mdx"], {}, blog);
		expect(one.code).toBe(0);
		expect(one.stdout).toContain("# DocSearch migration");

		const r = await run(["publish", "blog", "--canonical-template", "https://site.example/blog/{slug}/"], env(), blog);
		expect(r.code).toBe(0);
		expect(fake.posts).toHaveLength(1);
		const [post] = fake.posts;
		expect(post.request.canonicalUrl).toBe("https://site.example/blog/docsearch/");
		expect(await readFile(path.join(blog, "blog/2021-11-21-docsearch/index.mdx"), "utf8")).toContain(`medium_url: ${String(post.response.url)}`);
	});

	test("what Medium shows of an MDX post: no import/export lines, components' markdown kept, admonitions as callouts", async () => {
		const r = await run(["publish", "blog/2021-11-21-docsearch/index.mdx"], env(), blog);
		expect(r.code).toBe(0);
		const shown = fake.posts[0].paragraphs.map((p) => `${p.type} ${p.type === "IMG" ? (p.src ?? "") : p.text}`);
		expect(shown).toEqual([
			"TITLE DocSearch migration",
			"P DocSearch is migrating to a new system.",
			"H3 Upgrading your site",
			"BQ Info",
			"BQ appId is now required.",
			"P npm",
			"PRE npm install @docsearch/react",
			"IMG https://example.com/crawler.png",
			`IMG ${fake.images[0]?.url ?? "(not uploaded)"}`,
			"P Done.",
		]);
	});
});

describe("Astro content collections", () => {
	test("the heroImage served from public/ opens the story, uploaded", async () => {
		const r = await run(["publish", "src/content/blog/first-post.md"], env(), blog);
		expect(r.stderr).not.toContain("warning");
		expect(r.code).toBe(0);
		expect(fake.images.map((i) => i.filename)).toEqual(["blog-placeholder-3.jpg"]);
		const shown = fake.posts[0].paragraphs.map((p) => `${p.type} ${p.type === "IMG" ? (p.src ?? "") : p.text}`);
		expect(shown).toEqual(["TITLE First post", `IMG ${fake.images[0].url}`, "P Lorem ipsum dolor sit amet."]);
	});
});

describe("Eleventy posts", () => {
	test("the image shortcode is the image, uploaded from beside the post; Nunjucks tags are left out, the text between kept", async () => {
		const r = await run(["publish", "content/blog"], env(), blog);
		expect(r.code).toBe(0);
		expect(fake.images.map((i) => i.filename)).toEqual(["possum.png"]);
		const shown = fake.posts[0].paragraphs.map((p) => `${p.type} ${p.type === "IMG" ? `${p.src ?? ""} ${p.alt ?? ""}` : p.text}`);
		expect(shown).toEqual([
			"TITLE This is my first post.",
			"P Leverage agile frameworks to provide a robust synopsis for high level overviews.",
			`IMG ${fake.images[0].url} A possum parent and two possum kids hanging from the iconic red balloon`,
			"P By the author.",
		]);
	});
});
