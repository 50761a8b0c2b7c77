/** `<img>` and `<iframe>` written as HTML in a note: what Medium gets (src/convert/html-media.ts). */

import { decodeEntities } from "../src/convert/entities";
import { htmlTagEnd, iframePageUrl, readHtmlMedia } from "../src/convert/html-media";
import { storyToHtml } from "../src/story/story-html";
import { body, codes, convert } from "./support/convert-helpers";
import { importHtml, showParagraph } from "./support/medium-importer";

const PNG = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13]);

describe("an <img> in a note", () => {
	test("a vault image is an image paragraph to upload, its alt kept, its title the caption", async () => {
		const s = await convert('<img src="pics/a b.png" alt="A [small] chart" title="Sales" width="300">', { "pics/a b.png": PNG });
		expect(s.images).toEqual([expect.objectContaining({ path: "pics/a b.png" })]);
		const image = s.blocks.find((b) => b.type === "image");
		expect(image).toEqual(expect.objectContaining({ source: { kind: "vault", path: "pics/a b.png" }, alt: "A [small] chart", caption: [{ type: "text", text: "Sales" }] }));
		expect(codes(s)).toEqual([]);
	});

	test("in a sentence it follows the paragraph; tag names and attributes in any case, values quoted or bare", async () => {
		const s = await convert("See <IMG ALT='x' SRC=a.png> here.", { "a.png": PNG });
		expect(s.blocks.map((b) => b.type)).toEqual(["paragraph", "image"]);
		await expect(body("See <IMG ALT='x' SRC=a.png> here.", { "a.png": PNG })).resolves.toBe("See here.\n\n![x](a.png)");
	});

	test("a remote image keeps its address, entities decoded", async () => {
		expect(await body('<img src="https://e.com/a.png?x=1&amp;y=2" alt="r">')).toBe("![r](https://e.com/a.png?x=1&y=2)");
	});

	test("a missing file is left out with a warning; an <img> without src too; code is never read", async () => {
		const s = await convert('<img src="gone.png">\n\n<img alt="no source">\n\n`<img src="a.png">`', { "a.png": PNG });
		expect(codes(s)).toEqual(["missing-image", "html-dropped"]);
		expect(s.images).toEqual([]);
		expect(s.content).toContain('`<img src="a.png">`');
	});

	test("a tag that only starts like one (<imgs>, <i>) is other HTML", async () => {
		const s = await convert("a <i>b</i> <imgs src=x.png> c", { "x.png": PNG });
		expect(s.blocks.map((b) => b.type)).toEqual(["paragraph"]);
		expect(s.images).toEqual([]);
		expect(codes(s)).toEqual(["html-dropped"]);
	});
});

describe("an <iframe> in a note", () => {
	test("YouTube's and Vimeo's players become the video's page, an embed of its own; </iframe> goes with it", async () => {
		const s = await convert('Watch:\n\n<iframe width="560" src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?si=a" allowfullscreen></iframe>\n\n<iframe src="//player.vimeo.com/video/123"></iframe>');
		expect(s.blocks.filter((b) => b.type === "embed").map((b) => (b as { url: string }).url)).toEqual(["https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://vimeo.com/123"]);
		expect(codes(s)).toEqual([]);
		expect(s.content).not.toContain("iframe");
	});

	test("another iframe becomes a link to its address, with a warning; a local one is left out", async () => {
		const s = await convert('<iframe src="https://maps.example.com/embed?q=1"></iframe>\n\n<iframe src="file:///etc/x"></iframe>');
		expect(s.content).toContain("[https://maps.example.com/embed?q=1](https://maps.example.com/embed?q=1)");
		expect(s.content).not.toContain("file:");
		expect(codes(s)).toEqual(["iframe-as-link", "html-dropped"]);
	});
});

describe("the tag reader", () => {
	test("reads src, alt and title, and stops at the tag's end", () => {
		const text = `<img alt="a > b" src='x.png' title=T data-x>rest`;
		expect(readHtmlMedia(text, 0, text.indexOf(">", text.indexOf("data-x")))).toEqual({ tag: "img", src: "x.png", href: null, alt: "a > b", title: "T", end: text.indexOf("rest") });
	});
	test("entities: named, decimal and hex; unknown ones stay", () => {
		expect(decodeEntities("a&amp;b&#39;c&#x41;&bogus;")).toBe("a&b'cA&bogus;");
	});
	test("player addresses", () => {
		// The player's start time stays with the video; a playlist's player is the playlist's page.
		expect(iframePageUrl("https://www.youtube.com/embed/abc_-1?start=3")).toBe("https://www.youtube.com/watch?v=abc_-1&t=3");
		expect(iframePageUrl("https://www.youtube.com/embed/abc_-1?si=x&rel=0")).toBe("https://www.youtube.com/watch?v=abc_-1");
		expect(iframePageUrl("https://www.youtube.com/embed/videoseries?list=PL1&index=2")).toBe("https://www.youtube.com/playlist?list=PL1");
		expect(iframePageUrl("https://www.youtube.com/embed/abc?list=PL1#x")).toBe("https://www.youtube.com/watch?v=abc&list=PL1");
		expect(iframePageUrl("https://player.vimeo.com/video/42")).toBe("https://vimeo.com/42");
		expect(iframePageUrl("//example.com/x")).toBe("https://example.com/x");
	});
});

describe("an <a href> in a note", () => {
	test("a web link stays a link, its text read as markdown; entities decoded; tag and attribute names in any case", async () => {
		const s = await convert('See <a href="https://e.com/x?a=1&amp;b=2" target="_blank">the **site**</a> and <A HREF=\'https://e.com/y\'>y</A>.');
		expect(s.blocks[0]).toEqual(expect.objectContaining({
			content: [
				{ type: "text", text: "See " },
				{ type: "link", href: "https://e.com/x?a=1&b=2", children: [{ type: "text", text: "the " }, { type: "strong", children: [{ type: "text", text: "site" }] }] },
				{ type: "text", text: " and " },
				{ type: "link", href: "https://e.com/y", children: [{ type: "text", text: "y" }] },
				{ type: "text", text: "." },
			],
		}));
		expect(codes(s)).toEqual([]);
	});

	test("a link to a note goes to its story, as a markdown link does; one to no note is plain text, warned", async () => {
		const files = { "Other.md": "---\nmedium_url: https://medium.com/@me/other-1\n---\nx" };
		const s = await convert('<a href="Other.md">other</a> and <a href="Gone.md">gone</a>', files);
		expect(s.content).toContain("[other](https://medium.com/@me/other-1) and gone");
		expect(codes(s)).toEqual(["unresolved-link"]);
	});

	test("an <a> without href, or whose </a> is not on the line, is other HTML: its text kept, the tags dropped", async () => {
		const s = await convert('<a name="x">named</a> and <a href="https://e.com">open\nstill');
		expect(s.content).not.toContain("](");
		expect(codes(s)).toEqual(["html-dropped"]);
	});
});

describe("entity references", () => {
	test("Medium shows the character, not the reference: the HTML sent escapes it once", async () => {
		const story = await convert("# T\n\nFish &amp; chips&nbsp;&mdash; [Q&amp;A](https://e.com/?a=1&amp;b=2)");
		const shown = importHtml(storyToHtml(story).html).slice(1);
		expect(shown[0].text).toBe("Fish & chips\u00a0— Q&A");
		expect(shown[0].markups).toEqual([expect.objectContaining({ type: "a", href: "https://e.com/?a=1&b=2" })]);
	});
	test("the reader: numbers in range, names it knows, nothing else", () => {
		expect(decodeEntities("&#0; &#x110000; &#65; &lt;&gt; &constructor; &amp")).toBe("\ufffd \ufffd A <> &constructor; &amp");
	});
});

describe("styling tags", () => {
	test("a closing tag in either case closes; a <br> inside does not stop bold", async () => {
		expect(await body("<B>one</b>, <b>two</B>, <b>x<br>y</b>.")).toBe("**one**, **two**, **x\\\ny**.");
	});
	test("many tags whose closing tag never comes are each dropped, the text kept", async () => {
		const s = await convert("<b>a ".repeat(200) + "<a href=x>b ".repeat(200));
		expect(s.blocks).toHaveLength(1);
		expect(s.content).not.toContain("**");
		expect(s.content).not.toContain("](");
	});
});

describe("a `>` inside a quoted attribute value", () => {
	/** What Medium shows for a note's body (the title paragraph left out). */
	async function shown(text: string, files: Record<string, string | Uint8Array> = {}): Promise<string[]> {
		return importHtml(storyToHtml(await convert("# T\n\n" + text, files)).html).slice(1).map(showParagraph);
	}

	test("is the value's text, not the tag's end: the image, the link and the styling are read whole", async () => {
		expect(await shown('<img alt="a > b" src="https://e.com/x.png">')).toEqual(['IMG src=https://e.com/x.png alt="a > b"']);
		expect(await shown("See <img alt='1 > 0' src=\"https://e.com/y.png\" title=\"x>y\"> here.")).toEqual(["P: See here.", 'IMG src=https://e.com/y.png alt="1 > 0": x>y']);
		expect(await shown('Go <a title="x>y" href="https://e.com">there</a> now, <b data-x="a>b">bold</b>.')).toEqual(["P: Go [there](https://e.com) now, **bold**."]);
	});
	test("another tag holding one is dropped whole, its text kept, never `b\">` on Medium", async () => {
		expect(await shown('Some <span title="a > b" class=\'x>y\'>kept</span> text')).toEqual(["P: Some kept text"]);
	});
	test("a quote never closed, or a quote that is not a value's, makes no tag: the text is shown as written", async () => {
		expect(await shown('a <span title="x> b')).toEqual(['P: a <span title="x> b']);
		expect(await shown("it's <b x'>y</b>")).toEqual(["P: it's <b x'>y"]);
	});
	test("the reader: the `>` past quoted values, -1 for no tag", () => {
		const end = (t: string) => htmlTagEnd(t, 0);
		expect(end('<img alt="a > b" src=x>rest')).toBe(22);
		expect(end("<a title = 'x>y' href=z/>")).toBe(24);
		expect(end('<a href="x>')).toBe(-1);
		expect(end('<a href="x" <b>')).toBe(-1);
		expect(end("<a b'c>")).toBe(-1);
		expect(end("<a\nhref=x>")).toBe(-1);
	});
});
