/**
 * The preview's one layout over a story in Medium's model, built by hand here (every block type, every
 * markup), and its HTML writer: what a reader sees, which elements and classes carry it, where each
 * warning lands, and that nothing in the model can become markup.
 */

import { readFileSync } from "node:fs";
import * as path from "node:path";
import { embedKind, layoutStory, placeWarnings, readingMinutes, type PreviewWarning } from "../src/preview/preview-layout";
import { previewPage, previewStylesheet } from "../src/preview/preview-page";
import { previewText, previewToHtml, type PreviewElement, type PreviewNode } from "../src/preview/preview-tree";
import type { ImageSource, InlineNode, StoryBlock, StoryModel } from "../src/story/story-model";
import { convert } from "./support/convert-helpers";

const t = (text: string): InlineNode => ({ type: "text", text });

/** A story with one of everything, lines as a note would give them. */
function showcase(): StoryModel {
	return {
		title: "Field notes",
		subtitle: "What the tide left",
		blocks: [
			{ line: 5, type: "paragraph", content: [t("First line"), { type: "break" }, t("second line with "), { type: "strong", children: [t("bold")] }, t(", "), { type: "em", children: [t("em")] }, t(", "), { type: "code", text: "x < y" }, t(" and "), { type: "link", href: "https://example.com/a?b=1&c=2", children: [t("a link")] }, t(".")] },
			{ line: 8, type: "heading", size: "large", content: [t("Large")] },
			{ line: 10, type: "heading", size: "small", content: [t("Small")] },
			{ line: 12, type: "quote", group: 1, content: [{ type: "strong", children: [t("Thin ice")] }] },
			{ line: 13, type: "quote", group: 1, content: [t("Never walk on it.")] },
			{ line: 15, type: "quote", group: 2, content: [t("Another quote.")] },
			{ line: 17, type: "code", language: "python", text: "def f():\n\n    return '<b>'\n" },
			{ line: 22, type: "code", language: null, text: "plain" },
			{ line: 24, type: "list-item", ordered: false, list: 1, content: [t("one")] },
			{ line: 25, type: "list-item", ordered: false, list: 1, content: [t("two")] },
			{ line: 26, type: "image", source: { kind: "vault", path: "attachments/Sunrise.png" }, alt: "A sunrise", caption: [t("Dawn, "), { type: "em", children: [t("June")] }] },
			{ line: 28, type: "list-item", ordered: true, list: 2, content: [t("first")] },
			{ line: 29, type: "list-item", ordered: true, list: 2, content: [t("second")] },
			{ line: 31, type: "image", source: { kind: "url", url: "https://cdn.example.com/x.png" }, alt: "remote", caption: null },
			{ line: 33, type: "embed", url: "https://www.youtube.com/watch?v=dQw4w9WgXcQ" },
			{ line: 35, type: "rule" },
			{ line: 36, type: "paragraph", content: [{ type: "strong", children: [t("Notes")] }] },
			{ line: 40, type: "list-item", ordered: true, list: 3, content: [t("A footnote.")] },
		],
	};
}

const imageSrc = (source: ImageSource): string | null => (source.kind === "vault" ? `vault://${source.path}` : source.url);

function elements(node: PreviewNode): PreviewElement[] {
	if (typeof node === "string") return [];
	return [node, ...node.children.flatMap(elements)];
}

function byClass(root: PreviewElement, cls: string): PreviewElement[] {
	return elements(root).filter((el) => (el.cls ?? "").split(" ").includes(cls));
}

function one(root: PreviewElement, cls: string): PreviewElement {
	const found = byClass(root, cls);
	expect(found).toHaveLength(1);
	return found[0];
}

const C = (name: string): string => `medium-publisher-preview-${name}`;

describe("layoutStory", () => {
	const root = layoutStory(showcase(), { imageSrc });

	test("the root carries the one preview class; the story is an article with a header and a body", () => {
		expect(root.tag).toBe("div");
		expect(root.cls).toBe("medium-publisher-preview");
		const article = root.children[0] as PreviewElement;
		expect(article.tag).toBe("article");
		expect((article.children as PreviewElement[]).map((c) => c.tag)).toEqual(["header", "section"]);
	});

	test("title, subtitle and Medium's reading time open the story", () => {
		const title = one(root, C("title"));
		expect(title.tag).toBe("h1");
		expect(previewText(title)).toBe("Field notes");
		const subtitle = one(root, C("subtitle"));
		expect(subtitle.tag).toBe("h2");
		expect(previewText(subtitle)).toBe("What the tide left");
		expect(previewText(one(root, C("byline")))).toBe("1 min read");
	});

	test("no subtitle element when the story has none", () => {
		const plain = layoutStory({ ...showcase(), subtitle: null }, { imageSrc });
		expect(byClass(plain, C("subtitle"))).toHaveLength(0);
	});

	test("the body follows the model block by block, lists and quotes grouped", () => {
		const body = byClass(root, C("body"))[0];
		const shape = (body.children as PreviewElement[]).map((el) => `${el.tag}.${(el.cls ?? "").replace(/medium-publisher-preview-/g, "")}`);
		expect(shape).toEqual([
			"p.p", "h3.h-large", "h4.h-small", "blockquote.quote", "blockquote.quote", "div.code", "div.code",
			"ul.list", "figure.figure", "ol.list", "figure.figure", "div.embed", "hr.rule", "p.p", "ol.list",
		]);
		const quotes = byClass(root, C("quote"));
		expect(quotes[0].children.map(previewText)).toEqual(["Thin ice", "Never walk on it."]);
		expect(quotes[1].children.map(previewText)).toEqual(["Another quote."]);
		const lists = byClass(root, C("list"));
		expect(lists.map((l) => l.children.map(previewText))).toEqual([["one", "two"], ["first", "second"], ["A footnote."]]);
	});

	test("a paragraph keeps its line breaks and Medium's four markups", () => {
		const p = byClass(root, C("p"))[0];
		expect(p.children.map((c) => (typeof c === "string" ? "text" : c.tag))).toEqual(["text", "br", "text", "strong", "text", "em", "text", "code", "text", "a", "text"]);
		expect(previewText(p)).toBe("First line\nsecond line with bold, em, x < y and a link.");
		const a = elements(p).find((el) => el.tag === "a")!;
		expect(a.attrs?.href).toBe("https://example.com/a?b=1&c=2");
	});

	test("a code block shows its language above the code; without one, no label", () => {
		const codes = byClass(root, C("code"));
		expect(previewText(one(codes[0], C("code-lang")))).toBe("python");
		expect(previewText(one(codes[0], C("pre")))).toBe("def f():\n\n    return '<b>'\n");
		expect(byClass(codes[1], C("code-lang"))).toHaveLength(0);
	});

	test("images show from the host's address with their alt, and the caption under them", () => {
		const figures = byClass(root, C("figure"));
		const img = one(figures[0], C("img"));
		expect(img.attrs).toEqual({ src: "vault://attachments/Sunrise.png", alt: "A sunrise" });
		expect(previewText(one(figures[0], C("caption")))).toBe("Dawn, June");
		expect(one(figures[1], C("img")).attrs?.src).toBe("https://cdn.example.com/x.png");
		expect(byClass(figures[1], C("caption"))).toHaveLength(0);
	});

	test("an image the host cannot show says so in its place", () => {
		const missing = layoutStory(showcase(), { imageSrc: () => null });
		const figure = byClass(missing, C("figure"))[0];
		expect(byClass(figure, C("img"))).toHaveLength(0);
		expect(previewText(one(figure, C("img-missing")))).toBe("Image not shown: attachments/Sunrise.png");
	});

	test("an embed is a card with what it is and its URL", () => {
		const card = one(root, C("embed"));
		expect(previewText(one(card, C("embed-kind")))).toBe("YouTube");
		const url = one(card, C("embed-url"));
		expect(url.tag).toBe("a");
		expect(url.attrs?.href).toBe("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
		expect(previewText(url)).toBe("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
	});

	test("every block says which line of the note it came from", () => {
		expect(one(root, C("h-large")).attrs?.["data-line"]).toBe("8");
		expect(byClass(root, C("li"))[1].attrs?.["data-line"]).toBe("25");
	});
});

describe("warnings at their blocks", () => {
	const warn = (line: number, message: string): PreviewWarning => ({ line, message });

	test("each warning goes to the block whose lines hold it; ones before every block go to the header", () => {
		const blocks = showcase().blocks;
		const placed = placeWarnings(blocks, [warn(1, "tags"), warn(9, "in the large heading's range"), warn(17, "at the code"), warn(19, "inside the code"), warn(99, "after the last")]);
		expect(placed.header.map((w) => w.message)).toEqual(["tags"]);
		const at = (line: number) => placed.byBlock.get(blocks.findIndex((b) => b.line === line))?.map((w) => w.message);
		expect(at(8)).toEqual(["in the large heading's range"]);
		expect(at(17)).toEqual(["at the code", "inside the code"]);
		expect(at(40)).toEqual(["after the last"]);
	});

	test("blocks out of line order (the notes section) and blocks sharing a line (an embed's) are handled", () => {
		const blocks: StoryBlock[] = [
			{ line: 3, type: "paragraph", content: [t("a")] },
			{ line: 7, type: "paragraph", content: [t("embedded 1")] },
			{ line: 7, type: "paragraph", content: [t("embedded 2")] },
			{ line: 12, type: "paragraph", content: [t("b")] },
			{ line: 5, type: "list-item", ordered: true, list: 1, content: [t("note from line 5")] },
		];
		const placed = placeWarnings(blocks, [warn(5, "five"), warn(6, "six"), warn(8, "eight")]);
		expect(placed.byBlock.get(4)?.map((w) => w.message)).toEqual(["five", "six"]);
		expect(placed.byBlock.get(1)?.map((w) => w.message)).toEqual(["eight"]);
		expect(placed.byBlock.has(2)).toBe(false);
	});

	test("a warning from an embedded note (its own lines) goes to the header, named by its note", () => {
		const placed = placeWarnings(showcase().blocks, [{ line: 8, message: "Unresolved link.", path: "Notes/Embedded.md" }]);
		expect(placed.byBlock.size).toBe(0);
		expect(placed.header.map((w) => w.message)).toEqual(["Notes/Embedded.md, line 8: Unresolved link."]);
	});

	test("a warning from an embedded note that names its embed's line goes to the embed's block, named by its note", () => {
		const blocks = showcase().blocks;
		const placed = placeWarnings(blocks, [{ line: 3, message: "Unresolved link.", path: "Notes/Embedded.md", embedLine: 17 }]);
		expect(placed.header).toEqual([]);
		expect(placed.byBlock.get(blocks.findIndex((b) => b.line === 17))?.map((w) => w.message)).toEqual(["Notes/Embedded.md, line 3: Unresolved link."]);
	});

	test("a block with warnings carries one mark whose hover text lists them; the byline counts them", () => {
		const root = layoutStory(showcase(), { imageSrc, warnings: [warn(2, "Too many tags."), warn(17, "First."), warn(18, "Second."), warn(24, "An item.")] });
		const marks = byClass(root, C("mark"));
		expect(marks).toHaveLength(3);
		const header = one(root, C("header"));
		expect(header.children[0]).toBe(marks[0]);
		expect(marks[0].tooltip).toBe("Too many tags.");
		const code = byClass(root, C("code"))[0];
		expect(code.cls).toContain(C("has-warning"));
		expect(code.children[0]).toBe(marks[1]);
		expect(marks[1].tooltip).toBe("First.\nSecond.");
		expect(previewText(marks[1])).toBe("2");
		const item = byClass(root, C("li"))[0];
		expect(item.children[0]).toBe(marks[2]);
		expect(previewText(one(root, C("byline")))).toBe("1 min read \u00b7 4 warnings");
	});
});

describe("the HTML writer", () => {
	test("escapes every text and attribute; unsafe links become text", () => {
		const model: StoryModel = {
			title: "<script>alert(1)</script>",
			subtitle: "\"quoted\" & 'single'",
			blocks: [
				{ line: 1, type: "paragraph", content: [{ type: "link", href: "javascript:alert(1)", children: [t("bad")] }, { type: "link", href: "https://x.test/\"><img src=x onerror=alert(1)>", children: [t("<i>odd</i>")] }] },
				{ line: 2, type: "code", language: "\"><script>", text: "</code></pre><script>alert(1)</script>" },
				{ line: 3, type: "image", source: { kind: "url", url: "https://x.test/a.png\" onload=\"alert(1)" }, alt: "\" onerror=\"x", caption: [t("<b>")] },
			],
		};
		const html = previewToHtml(layoutStory(model, { imageSrc, warnings: [{ line: 1, message: "<img src=x onerror=alert(1)>" }] }));
		expect(html).not.toMatch(/<script/i);
		// Every tag's attributes are ours: values are escaped, so no quote ends one early.
		for (const tag of html.match(/<[a-z0-9]+(?:\s[^>]*)?>/g) ?? []) {
			const rest = tag.replace(/^<[a-z0-9]+/, "").replace(/\s([a-z-]+)="[^"]*"/g, "").replace(/>$/, "");
			expect(rest).toBe("");
			for (const m of tag.matchAll(/\s([a-z-]+)="/g)) expect(["class", "href", "src", "alt", "rel", "target", "role", "title", "aria-label", "data-line"]).toContain(m[1]);
		}
		expect(html).not.toContain("javascript:");
		expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
		expect(html).toContain("<span class=\"medium-publisher-preview-link\">bad</span>");
		expect(html).toContain("href=\"https://x.test/&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\"");
		expect(html).toContain("title=\"&lt;img src=x onerror=alert(1)&gt;\"");
	});

	test("void elements have no end tag; the rest nest as built", () => {
		const html = previewToHtml(layoutStory({ title: "T", subtitle: null, blocks: [{ line: 1, type: "paragraph", content: [t("a"), { type: "break" }, t("b")] }, { line: 2, type: "rule" }] }, { imageSrc }));
		expect(html).toContain("<p class=\"medium-publisher-preview-p\" data-line=\"1\">a<br>b</p><hr class=\"medium-publisher-preview-rule\" data-line=\"2\">");
		expect(html).not.toContain("</br>");
		expect(html).not.toContain("</hr>");
	});
});

describe("helpers", () => {
	test("embed cards name the service", () => {
		expect(embedKind("https://youtu.be/abc")).toBe("YouTube");
		expect(embedKind("https://vimeo.com/1")).toBe("Vimeo");
		expect(embedKind("https://x.com/a/status/1")).toBe("X (Twitter)");
		expect(embedKind("https://twitter.com/a/status/1")).toBe("X (Twitter)");
		expect(embedKind("https://gist.github.com/a/1")).toBe("GitHub Gist");
		expect(embedKind("https://notyoutube.com/")).toBe("Embed");
		expect(embedKind("not a url")).toBe("Embed");
	});

	test("reading time: 265 words a minute plus Medium's time per image, at least one minute", () => {
		const words = (n: number): StoryBlock => ({ line: 1, type: "paragraph", content: [t(Array.from({ length: n }, () => "word").join(" "))] });
		const image: StoryBlock = { line: 1, type: "image", source: { kind: "url", url: "https://x.test/a.png" }, alt: "", caption: null };
		expect(readingMinutes({ title: "", subtitle: null, blocks: [] })).toBe(1);
		expect(readingMinutes({ title: "", subtitle: null, blocks: [words(530)] })).toBe(2);
		expect(readingMinutes({ title: "", subtitle: null, blocks: [words(531)] })).toBe(3);
		// 265 words (60 s) + 12 + 11 + 10 + 9 + 8 s of images = 110 s: 2 minutes.
		expect(readingMinutes({ title: "", subtitle: null, blocks: [words(265), image, image, image, image, image] })).toBe(2);
	});
});

describe("the page", () => {
	const stylesheet = readFileSync(path.join(__dirname, "..", "styles.css"), "utf8");

	test("its stylesheet is styles.css' preview section, every rule scoped to the preview", () => {
		const css = previewStylesheet(stylesheet);
		expect(stylesheet).toContain(css);
		expect(css).toContain(".medium-publisher-preview {");
		expect(css).toContain("max-width: 680px");
		// Every selector (outside @container blocks' braces) starts at the preview's class.
		const selectors = css.replace(/\/\*[\s\S]*?\*\//g, "").split("}").map((chunk) => chunk.split("{")[0].trim()).filter((s) => s !== "" && !s.startsWith("@"));
		for (const group of selectors) for (const s of group.split(",")) expect(s.trim()).toMatch(/^\.medium-publisher-preview/);
		expect(() => previewStylesheet(".x {}")).toThrow(/no medium-publisher-preview section/);
	});

	test("one self-contained document: doctype, inline styles, a strict policy, no script", () => {
		const page = previewPage(layoutStory(showcase(), { imageSrc }), { title: "A & B", stylesheet: previewStylesheet(stylesheet) });
		expect(page.startsWith("<!doctype html>\n<html lang=\"en\">")).toBe(true);
		expect(page).toContain("<title>A &amp; B \u00b7 Medium preview</title>");
		expect(page).toContain("default-src 'none'");
		expect(page).toContain("--text-normal: #242424");
		expect(page).toContain(".medium-publisher-preview-title {");
		expect(page).not.toMatch(/<script|<link|@import|url\(/i);
	});
});

describe("over a converted note", () => {
	const PNG_BYTES = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
	const NOTE = [
		"---",
		"medium_subtitle: A subtitle from the property",
		"---",
		"# The title",
		"",
		"First line",
		"second line.",
		"",
		"## Section",
		"",
		"### Deeper",
		"",
		"> [!tip] Callout title",
		"> Callout body.",
		"",
		"```python",
		"print(1)",
		"```",
		"",
		"- one",
		"  - nested",
		"",
		"![Alt text](pic.png \"The caption\")",
		"",
		"| a | b |",
		"|---|---|",
		"| 1 | 2 |",
		"",
		"https://www.youtube.com/watch?v=dQw4w9WgXcQ",
		"",
		"A footnote[^n].",
		"",
		"[^n]: The note.",
	].join("\n");

	test("every construct lands in its element, and the table's warning at the table", async () => {
		const story = await convert(NOTE, { "pic.png": PNG_BYTES });
		const root = layoutStory(story, { warnings: story.warnings, imageSrc });
		expect(previewText(one(root, C("title")))).toBe("The title");
		expect(previewText(one(root, C("subtitle")))).toBe("A subtitle from the property");
		expect(previewText(one(root, C("h-large")))).toBe("Section");
		expect(previewText(one(root, C("h-small")))).toBe("Deeper");
		const first = byClass(root, C("p"))[0];
		expect(previewText(first)).toBe("First line\nsecond line.");
		const quote = one(root, C("quote"));
		expect(quote.children.map(previewText)).toEqual(["Callout title", "Callout body."]);
		const codes = byClass(root, C("code"));
		expect(previewText(one(codes[0], C("code-lang")))).toBe("python");
		expect(previewText(one(codes[0], C("pre")))).toBe("print(1)");
		const lists = byClass(root, C("list"));
		expect(lists[0].tag).toBe("ul");
		expect(lists[0].children.length).toBe(2);
		const figure = one(root, C("figure"));
		expect(one(figure, C("img")).attrs).toEqual({ src: "vault://pic.png", alt: "Alt text" });
		expect(previewText(one(figure, C("caption")))).toBe("The caption");
		expect(previewText(one(one(root, C("embed")), C("embed-url")))).toBe("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
		expect(byClass(root, C("rule"))).toHaveLength(1);
		expect(previewText(root)).toContain("The note.");
		// The table became a code block with a warning: its mark sits on that block.
		const table = story.warnings.find((w) => w.code === "table-as-text");
		expect(table).toBeDefined();
		const marked = byClass(root, C("has-warning"));
		const tableBlock = codes.find((c) => previewText(c).includes("a | b") || previewText(c).includes("a  | b"));
		expect(tableBlock).toBeDefined();
		expect(marked).toContain(tableBlock);
		expect(byClass(tableBlock!, C("mark"))[0].tooltip).toContain(table!.message);
	});
});
