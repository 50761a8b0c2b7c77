/**
 * What Medium shows for constructs themes, blogs and READMEs write: a note converted, written as the HTML
 * a publish sends, and read back through the stand-in for Medium's importer.
 */

import { storyToHtml } from "../src/story/story-html";
import { codes, convert } from "./support/convert-helpers";
import { importHtml, showParagraph } from "./support/medium-importer";

const PNG = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);

/** What Medium shows for a note's body (the title paragraph left out), `img.png` uploaded as a publish does. */
async function shown(body: string, files: Record<string, string | Uint8Array> = {}): Promise<string[]> {
	const story = await convert("# T\n\n" + body, files, { imageUrls: new Map([["img.png", "https://cdn.example/i.png"]]) });
	return importHtml(storyToHtml(story).html).slice(1).map(showParagraph);
}

describe("image display hints in an embed's alias (ITS, Minimal, digital garden)", () => {
	const files = { "img.png": PNG };
	const img = (alt: string) => `IMG src=https://cdn.example/i.png alt=${JSON.stringify(alt)}`;
	test("a hint word alone is layout, never the alt", async () => {
		for (const hint of ["right", "left", "center", "wide", "small", "inline", "banner", "100%"]) {
			expect(await shown(`![[img.png|${hint}]]`, files)).toEqual([img("")]);
		}
	});
	test("hints beside a size or an alt go; the alt stays", async () => {
		expect(await shown("![[img.png|center|200]]", files)).toEqual([img("")]);
		expect(await shown("![[img.png|right|Alt text]]", files)).toEqual([img("Alt text")]);
		expect(await shown("![[img.png|Alt text|left|300x200]]", files)).toEqual([img("Alt text")]);
		expect(await shown("![[img.png|banner+small]]", files)).toEqual([img("")]);
		expect(await shown("![center|200](img.png)", files)).toEqual([img("")]);
	});
	test("a real alt that holds a hint word is kept whole", async () => {
		expect(await shown("![[img.png|Right whale]]", files)).toEqual([img("Right whale")]);
		expect(await shown("![[img.png|Right whale|wide]]", files)).toEqual([img("Right whale")]);
		expect(await shown("![[img.png|left behind]]", files)).toEqual([img("left behind")]);
	});
});

describe("<details> with a <summary> (blogs, READMEs)", () => {
	test("the summary is a bold paragraph of its own, the body after it", async () => {
		expect(await shown("Before.\n\n<details><summary>Title here</summary>\n\nBody **text**.\n\n</details>\n\nAfter.")).toEqual([
			"P: Before.", "P: **Title here**", "P: Body **text**.", "P: After.",
		]);
		expect(await shown("<details>\n<summary>Other</summary>\nInline body\n</details>")).toEqual(["P: **Other**", "P: Inline body"]);
		expect(await shown("<details><summary>Short</summary>The body, on the same line.</details>")).toEqual(["P: **Short**", "P: The body, on the same line."]);
	});
	test("inside a callout the summary is a quote paragraph of its own; in a list item (one paragraph on Medium), a line of its own", async () => {
		expect(await shown("> [!note]\n> <details><summary>Why</summary>\n> Because.\n> </details>")).toEqual(["BQ: **Note**", "BQ: **Why**", "BQ: Because."]);
		expect(await shown("- item\n  <details><summary>Why</summary>\n  Because.\n  </details>\n- next")).toEqual(["ULI: item\n**Why**\nBecause.", "ULI: next"]);
	});
	test("a summary whose `</summary>` is on a later line is the bold title too, in a callout and a list item as well", async () => {
		expect(await shown("<details>\n<summary>\nTitle\n</summary>\n\nBody.\n</details>")).toEqual(["P: **Title**", "P: Body."]);
		expect(await shown("<details>\n<summary>Title\n</summary>\nBody\n</details>")).toEqual(["P: **Title**", "P: Body"]);
		expect(await shown("<details><summary>A *long*\n  title</summary> Rest\n</details>")).toEqual(["P: **A *long* title**", "P: Rest"]);
		expect(await shown("> [!note]\n> <details>\n> <summary>\n> Why\n> </summary>\n> Because.\n> </details>")).toEqual(["BQ: **Note**", "BQ: **Why**", "BQ: Because."]);
		expect(await shown("- item\n  <details><summary>Why\n  </summary>\n  Because.\n  </details>\n- next")).toEqual(["ULI: item\n**Why**\nBecause.", "ULI: next"]);
		// A block that ends before its `</summary>` still shows the title it read.
		expect(await shown("<details><summary>Cut\n\nAfter.")).toEqual(["P: **Cut**", "P: After."]);
	});
	test("the <details> and <summary> tags it understood raise no warning; a tag it drops inside still does", async () => {
		for (const note of [
			"<details><summary>Title</summary>\n\nBody.\n\n</details>",
			"<details open>\n<summary>Other</summary>\nBody\n</details>",
			"> [!note]\n> <details><summary>Why</summary>\n> Because.\n> </details>",
			"- item\n  <details><summary>Why</summary>\n  Because.\n  </details>",
		]) {
			expect(codes(await convert("# T\n\n" + note))).not.toContain("html-dropped");
		}
		expect(codes(await convert("# T\n\n<details>\n<summary>Other</summary>\nA <u>x</u>\n</details>"))).toContain("html-dropped");
	});
});

describe("a tag inside inline HTML follows the tag rule", () => {
	test("`<span>#feature/x</span>` reads `feature/x`, as `#tag` in a sentence reads `tag`", async () => {
		expect(await shown("A #tag and <span>#feature/x</span> and <b>#bold</b> end.")).toEqual(["P: A tag and feature/x and **bold** end."]);
		expect(await shown("<span class=\"t\">#x</span> said <kbd>#y</kbd>")).toEqual(["P: x said `#y`"]);
	});
	test("a `#` after a `>` that ends no tag is not a tag, as after any other character", async () => {
		expect(await shown("a>#b and 3 >#c, 2 < 3 >#d")).toEqual(["P: a>#b and 3 >#c, 2 < 3 >#d"]);
	});
});

describe("a strikethrough that opens with an image (Medium has no strikethrough: its text stays, the image moves out)", () => {
	const img = "IMG src=https://e.com/i.png alt=\"i\"";
	test("the words around it keep their space, as with bold", async () => {
		expect(await shown("a ~~![i](https://e.com/i.png) b~~ c")).toEqual(["P: a b c", img]);
		expect(await shown("a ~~![i](https://e.com/i.png) b~~")).toEqual(["P: a b", img]);
		expect(await shown("a ~~b ![i](https://e.com/i.png) c~~ d")).toEqual(["P: a b c d", img]);
		expect(await shown("a ~~![i](https://e.com/i.png)~~ b")).toEqual(["P: a b", img]);
	});
});

describe("single tildes (Obsidian strikes only `~~`; GFM's one-tilde strike is not Obsidian's)", () => {
	test("`~text~` is literal text, tildes kept, no warning; `~~text~~` is still a strike", async () => {
		expect(await shown("about ~5~ km, ~/bin and ~~old~~ new")).toEqual(["P: about ~5~ km, ~/bin and old new"]);
		expect(await shown("| a |\n|---|\n| ~x~ ~~y~~ |")).toEqual(["PRE lang=none: a\n-----\n~x~ y"]);
		const story = await convert("# T\n\nA ~single~ one.");
		expect(story.warnings.map((w) => w.code)).toEqual([]);
	});
});
