/**
 * A cover image named in the properties (`cover`, `image`, `banner`, `heroImage`…, or `medium_cover`)
 * opens the story: the converter's rule (src/convert/cover-image.ts), then a publish through the command
 * line to the fake Medium, judged by what Medium would show and what was uploaded.
 */

import { mkdir, readFile, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { coverOf } from "../src/convert/cover-image";
import { storyToHtml } from "../src/story/story-html";
import { useCliFixture } from "./support/cli-fixture";
import { bodyOf, codes, convert } from "./support/convert-helpers";
import { runCli } from "./support/run-cli";

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");
const files = { "img/hero.png": new Uint8Array(PNG), "Other.md": "text" };

describe("the cover property becomes the story's first image", () => {
	test.each([
		['cover: "[[hero.png]]"', "![](img/hero.png)"],
		['banner: "![[hero.png|A view]]"', "![A view](img/hero.png)"],
		['banner: "![[hero.png|300]]"', "![](img/hero.png)"],
		['banner: "![[hero.png|wide|A view|300]]"', "![A view](img/hero.png)"], // a theme's layout hint is not the alt
		["cover: [[hero.png]]", "![](img/hero.png)"], // unquoted: YAML reads a list in a list
		["image: img/hero.png", "![](img/hero.png)"],
		["heroImage: ./img/hero.png", "![](img/hero.png)"],
		['featuredImage: "![Alt text](img/hero.png \\"The caption\\")"', '![Alt text](img/hero.png "The caption")'],
		["coverImage: https://e.com/a b.jpg", "![](https://e.com/a%20b.jpg)"],
		["cover:\n  image: img/hero.png\n  alt: A hero\n  caption: The shot", '![A hero](img/hero.png "The shot")'],
		['medium_cover: "[[hero.png]]"\ncover: https://e.com/other.png', "![](img/hero.png)"],
	])("%s", async (props, image) => {
		const story = await convert(`---\n${props}\n---\n# Title\n\nBody.`, files);
		expect(bodyOf(story)).toBe(`${image}\n\nBody.`);
		expect(story.blocks[0].type).toBe("image");
		expect(codes(story)).toEqual([]);
	});

	test("a local cover is listed for upload, and the HTML gives it its figure and caption", async () => {
		const story = await convert("---\ncover:\n  image: img/hero.png\n  caption: The shot\n---\n# Title\n\nBody.", files);
		expect(story.images).toEqual([{ path: "img/hero.png", alt: "" }]);
		const html = storyToHtml(story, { imageSrc: () => "https://cdn.example/hero.png" }).html;
		expect(html).toContain('<figure><img src="https://cdn.example/hero.png" alt=""><figcaption>The shot</figcaption></figure>');
		expect(html.indexOf("<figure>")).toBeLessThan(html.indexOf("Body."));
	});

	test("medium_cover: false turns it off; no property, no cover", async () => {
		for (const off of ["false", '"none"', "off"]) {
			const story = await convert(`---\ncover: "[[hero.png]]"\nmedium_cover: ${off}\n---\n# Title\n\nBody.`, files);
			expect(bodyOf(story)).toBe("Body.");
		}
		// A blank medium_cover (a template left it empty) names none: the cover property stands.
		for (const blank of ['""', "", "null"]) {
			const story = await convert(`---\ncover: "[[hero.png]]"\nmedium_cover: ${blank}\n---\n# Title\n\nBody.`, files);
			expect(bodyOf(story)).toBe("![](img/hero.png)\n\nBody.");
		}
		expect(bodyOf(await convert("# Title\n\nBody.", files))).toBe("Body.");
		expect(coverOf({ cover: ["a.png", "b.png"], image: 3, banner: true })).toBeNull();
	});

	test("a theme's layout hint in the cover's alias or alt is not its alt", () => {
		expect(coverOf({ banner: "![[hero.png|wide|A view|300]]" })?.alt).toBe("A view");
		expect(coverOf({ banner: "![[hero.png|center]]" })?.alt).toBe("");
		expect(coverOf({ cover: "![right|A lake](img/hero.png)" })?.alt).toBe("A lake");
	});

	test("a body that opens with the same image shows it once; another first image keeps both", async () => {
		const same = await convert('---\nbanner: "[[hero.png]]"\n---\n# Title\n\n![[hero.png|Lake]]\n\nBody.', files);
		expect(bodyOf(same)).toBe("![Lake](img/hero.png)\n\nBody.");
		const other = await convert('---\nbanner: "[[hero.png]]"\n---\n# Title\n\n![](https://e.com/x.png)\n\nBody.', files);
		expect(bodyOf(other)).toBe("![](img/hero.png)\n\n![](https://e.com/x.png)\n\nBody.");
	});

	test("a PaperMod cover hidden on the post's own page (cover.hidden, cover.hiddenInSingle) is not the story's", async () => {
		for (const flag of ["hidden: true", "hiddenInSingle: true"]) {
			expect(bodyOf(await convert(`---\ncover:\n  image: img/hero.png\n  ${flag}\n---\n# T\n\nBody.`, files))).toBe("Body.");
		}
		expect(bodyOf(await convert("---\ncover:\n  image: img/hero.png\n  hiddenInList: true\n---\n# T\n\nBody.", files))).toBe("![](img/hero.png)\n\nBody.");
	});

	test("a Hugo Blox page bundle's featured.png (its image: property holding only its caption) is the cover, unless preview_only", async () => {
		const bundle = { "content/post/trip/featured.jpg": new Uint8Array(PNG), "content/post/other/featured.png": new Uint8Array(PNG) };
		const s = await convert("---\nimage:\n  caption: 'Image credit: [**Unsplash**](https://unsplash.com/x)'\n  focal_point: ''\n---\n# Trip\n\nBody.", bundle, {}, "content/post/trip/index.md");
		expect(bodyOf(s)).toBe('![](content/post/trip/featured.jpg "Image credit: Unsplash")\n\nBody.');
		expect(bodyOf(await convert("# Trip\n\nBody.", bundle, {}, "content/post/trip/index.md"))).toBe("![](content/post/trip/featured.jpg)\n\nBody.");
		expect(bodyOf(await convert("---\nimage:\n  preview_only: true\n---\n# Trip\n\nBody.", bundle, {}, "content/post/trip/index.md"))).toBe("Body.");
		expect(bodyOf(await convert("---\nmedium_cover: false\n---\n# Trip\n\nBody.", bundle, {}, "content/post/trip/index.md"))).toBe("Body.");
		// Another bundle's featured image is not this post's; nor is one beside a post that is no bundle.
		expect(bodyOf(await convert("# Solo\n\nBody.", bundle, {}, "content/post/solo/index.md"))).toBe("Body.");
		expect(bodyOf(await convert("# Flat\n\nBody.", bundle, {}, "content/post/trip/flat.md"))).toBe("Body.");
		// An Obsidian vault's index note is no bundle.
		expect(bodyOf(await convert("# Trip\n\nBody.", bundle, { obsidianVault: true }, "content/post/trip/index.md"))).toBe("Body.");
	});

	test("a post that shows its cover further down (Docusaurus's image: ./img/card.png, repeated after the intro) shows it once, where the post puts it", async () => {
		const later = await convert('---\nimage: img/hero.png\n---\n# Title\n\nIntro.\n\n![](https://e.com/x.png)\n\n![Lake](img/hero.png)\n\nBody.', files);
		expect(bodyOf(later)).toBe("Intro.\n\n![](https://e.com/x.png)\n\n![Lake](img/hero.png)\n\nBody.");
		expect(later.images.map((i) => i.path)).toEqual(["img/hero.png"]);
	});

	test("a cover that is missing, outside the vault, or not an image is left out with a warning naming the property", async () => {
		for (const [props, says] of [
			["cover: [[Missing.png]]", "The cover image in the cover property (Missing.png) is not in the vault"],
			["image: ../secret.png", "The cover image in the image property (../secret.png) is not in the vault"],
			['cover: "[[Other]]"', "The cover image in the cover property (Other) is not an image"],
		]) {
			const story = await convert(`---\n${props}\n---\n# Title\n\nBody.`, { ...files, "../secret.png": new Uint8Array(PNG) });
			expect(bodyOf(story)).toBe("Body.");
			expect(story.images).toEqual([]);
			expect(story.warnings).toEqual([{ code: "cover-image", message: `${says}; it was left out.`, line: 1 }]);
		}
	});
});

describe("publishing a post with a cover, through the command line", () => {
	const cli = useCliFixture("mp-cover-");

	test("Medium shows the cover first, uploaded once, with its caption", async () => {
		const dir = cli.dir();
		const fake = cli.fake();
		await mkdir(path.join(dir, "blog", "hello", "images"), { recursive: true });
		const post = path.join(dir, "blog", "hello", "index.md");
		await writeFile(post, "---\ntitle: Hello\ncover:\n  image: images/hero.png\n  caption: Morning light\n---\nFirst paragraph.\n");
		await writeFile(path.join(dir, "blog", "hello", "images", "hero.png"), PNG);
		const r = await runCli(["publish", post, "--vault", path.join(dir, "blog")], cli.env(), dir);
		expect(r.stderr).not.toContain(fake.token);
		expect(r.code).toBe(0);
		expect(fake.images).toHaveLength(1);
		const shown = fake.storyParagraphs(String(fake.posts[0].response.id));
		expect(shown.map((p) => p.type)).toEqual(["TITLE", "IMG", "P"]);
		expect(shown[1]).toMatchObject({ text: "Morning light" });
		expect(await readFile(post, "utf8")).toContain("medium_url:");
	});
});
