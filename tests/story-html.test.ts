// The HTML writer over the story model: each construct as Medium's own export writes it, images through
// imageSrc, and hostile text and URLs coming out inert.

import { storyToHtml } from "../src/story/story-html";
import { escapeHtml } from "../src/html/escape-html";
import { safeHref, safeImageSrc } from "../src/html/safe-url";
import { convert } from "./support/convert-helpers";
import { expectMediumSafe } from "./support/html-safety";
import { importHtml } from "./support/medium-importer";
import { br, code, em, embed, h, hr, img, li, link, p, pre, quote, story, strong } from "./support/story-builders";
import type { StoryBlock } from "../src/story/story-model";

const body = (...blocks: StoryBlock[]): string => storyToHtml(story("", null, ...blocks)).html;

describe("storyToHtml: constructs", () => {
	const cases: Array<[string, StoryBlock[], string]> = [
		["large and small headings are h3 and h4", [h("large", "Big"), h("small", "Small")], "<h3>Big</h3>\n<h4>Small</h4>"],
		["paragraph with the four markups", [p("a ", strong("b"), " ", em("c"), " ", link("https://x.example/?a=1&b=2", "d"), " ", code("<e>"))],
			"<p>a <strong>b</strong> <em>c</em> <a href=\"https://x.example/?a=1&amp;b=2\">d</a> <code>&lt;e&gt;</code></p>"],
		["nested markups", [p(strong("a ", em("b")), link("mailto:me@example.com", strong("m")))], "<p><strong>a <em>b</em></strong><a href=\"mailto:me@example.com\"><strong>m</strong></a></p>"],
		["line breaks", [p("one", br, "two")], "<p>one<br>two</p>"],
		["a quote group is one blockquote", [quote(1, "only")], "<blockquote>only</blockquote>"],
		["several paragraphs in a group are p's inside it", [quote(1, strong("Thin ice")), quote(1, "Never walk"), quote(2, "next")],
			"<blockquote><p><strong>Thin ice</strong></p><p>Never walk</p></blockquote>\n<blockquote>next</blockquote>"],
		["code with a language", [pre("if (a < b && c) {}\n\nx", "js")], "<pre data-code-block-mode=\"2\" data-code-block-lang=\"js\">if (a &lt; b &amp;&amp; c) {}\n\nx</pre>"],
		["code without a language", [pre("x")], "<pre data-code-block-mode=\"2\">x</pre>"],
		["lists: one per list number, flat items", [li(1, false, "a"), li(1, false, strong("b")), li(2, true, "c"), p("x"), li(3, true, "d")],
			"<ul><li>a</li><li><strong>b</strong></li></ul>\n<ol><li>c</li></ol>\n<p>x</p>\n<ol><li>d</li></ol>"],
		["a list changing kind under the same number splits", [li(1, false, "a"), li(1, true, "b")], "<ul><li>a</li></ul>\n<ol><li>b</li></ol>"],
		["image with alt and caption", [img("https://i.example/a.png", "A \"q\"", ["See ", em("this")])],
			"<figure><img src=\"https://i.example/a.png\" alt=\"A &quot;q&quot;\"><figcaption>See <em>this</em></figcaption></figure>"],
		["image without caption", [img("https://i.example/a.png", "alt")], "<figure><img src=\"https://i.example/a.png\" alt=\"alt\"></figure>"],
		["rule", [p("a"), hr, p("b")], "<p>a</p>\n<hr>\n<p>b</p>"],
		["embed as a bare URL paragraph", [embed("https://www.youtube.com/watch?v=x&t=1")], "<p>https://www.youtube.com/watch?v=x&amp;t=1</p>"],
		["blank paragraphs and empty wrappers are not written", [p(""), p(strong(""), br), p("a", em(""), code(""))], "<p>a</p>"],
		["special characters are escaped", [p("a < b > c \"d\" 'e' & &amp;")], "<p>a &lt; b &gt; c &quot;d&quot; &#39;e&#39; &amp; &amp;amp;</p>"],
	];

	it.each(cases)("%s", (_name, blocks, expected) => {
		const html = body(...blocks);
		expect(html).toBe(expected);
		expectMediumSafe(html);
	});

	it("code that opens with a blank line keeps it: HTML drops one newline right after <pre>", () => {
		const html = body(pre("\nx\n\ny"), pre("\n\nz", "js"));
		expect(html).toBe("<pre data-code-block-mode=\"2\">\n\nx\n\ny</pre>\n<pre data-code-block-mode=\"2\" data-code-block-lang=\"js\">\n\n\nz</pre>");
		expect(importHtml(html).map((b) => b.text)).toEqual(["\nx\n\ny", "\n\nz"]);
	});

	it("writes the title as h1 and the subtitle as h2 only when there is one", () => {
		expect(storyToHtml(story("Fish & chips", null, p("x"))).html).toBe("<h1>Fish &amp; chips</h1>\n<p>x</p>");
		expect(storyToHtml(story("T", "Sub <b>", p("x"))).html).toBe("<h1>T</h1>\n<h2>Sub &lt;b&gt;</h2>\n<p>x</p>");
		expect(storyToHtml(story("T", "  ", p("x"))).html).toBe("<h1>T</h1>\n<p>x</p>");
	});
});

describe("storyToHtml: images through imageSrc", () => {
	const blocks = [img("Attachments/a.png", "a"), img("https://remote.example/r.png", "r"), img("Attachments/b.png", "b", ["cap"])];

	it("by default keeps remote images and leaves vault images out, counted", () => {
		const out = storyToHtml(story("T", null, ...blocks));
		expect(out.html).toBe("<h1>T</h1>\n<figure><img src=\"https://remote.example/r.png\" alt=\"r\"></figure>");
		expect(out.images).toBe(1);
		expect(out.leftOut).toEqual([{ kind: "vault", path: "Attachments/a.png" }, { kind: "vault", path: "Attachments/b.png" }]);
	});

	it("shows each image from the URL imageSrc gives, uploaded or data", () => {
		const out = storyToHtml(story("T", null, ...blocks), {
			imageSrc: (s) => (s.kind === "vault" ? (s.path.endsWith("a.png") ? "https://cdn-images-1.medium.com/a" : "data:image/png;base64,iVBO=") : s.url),
		});
		expect(out.html).toContain("<img src=\"https://cdn-images-1.medium.com/a\" alt=\"a\">");
		expect(out.html).toContain("<figure><img src=\"data:image/png;base64,iVBO=\" alt=\"b\"><figcaption>cap</figcaption></figure>");
		expect(out.images).toBe(3);
		expect(out.leftOut).toEqual([]);
	});

	it("still refuses an unsafe URL that imageSrc returns, and counts it left out", () => {
		for (const bad of ["javascript:alert(1)", "data:image/svg+xml;base64,PHN2Zz4=", "data:image/png;base64,<x>", "relative/pic.png", "//cdn.example/x.png"]) {
			const out = storyToHtml(story("", null, img("a.png", "a")), { imageSrc: () => bad });
			expect(out.html).toBe("");
			expect(out.leftOut).toHaveLength(1);
		}
	});
});

describe("storyToHtml: hostile text and URLs come out inert", () => {
	const hostileText = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\" onmouseover=\"alert(1)", "&lt;script&gt;", "</p><iframe src=javascript:alert(1)>"];
	const hostileHrefs = ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "  javascript:alert(1)", "java\nscript:alert(1)", "vbscript:msgbox(1)",
		"data:text/html;base64,PHNjcmlwdD4=", "&#106;avascript:alert(1)", "other-note.md", "../post/", "//evil.example"];

	it.each(hostileText)("text %j", (t) => {
		const html = storyToHtml(story(t, t, h("large", t), p(t), quote(1, t), li(1, false, t), pre(t, t), img("https://i.example/a.png", t, [t]), embed(t))).html;
		expectMediumSafe(html);
		expect(html.toLowerCase()).not.toContain("<script");
		expect(html.toLowerCase()).not.toContain("<iframe");
		// No event-handler attribute in any tag (quoted values blanked first: they are escaped text).
		const tags = html.replace(/"[^"]*"/g, "\"\"").match(/<[^>]*>/g) ?? [];
		for (const tag of tags) expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
	});

	it.each(hostileHrefs)("link %j keeps its text, without the link", (href) => {
		const html = body(p(link(href, "click me")));
		expect(html).toBe("<p>click me</p>");
	});

	it.each(hostileHrefs)("image %j is left out", (src) => {
		expect(storyToHtml(story("", null, img({ kind: "url", url: src }, "a"))).leftOut).toHaveLength(1);
	});
});

describe("URL checks (shared with the preview)", () => {
	it("allows links to https, http and mailto only, cleaned of what browsers ignore", () => {
		expect(safeHref(" https://a.example/x\n")).toBe("https://a.example/x");
		expect(safeHref("HTTP://A.example")).toBe("HTTP://A.example");
		expect(safeHref("mailto:me@example.com")).toBe("mailto:me@example.com");
		expect(safeHref("java\tscript:alert(1)")).toBeNull();
		expect(safeHref("ftp://a.example")).toBeNull();
		expect(safeHref("#anchor")).toBeNull();
	});

	it("allows images from https, http and base64 PNG/JPEG/GIF data URLs only", () => {
		expect(safeImageSrc("https://i.example/a.png")).toBe("https://i.example/a.png");
		expect(safeImageSrc("data:image/jpeg;base64,/9j/4A==")).toBe("data:image/jpeg;base64,/9j/4A==");
		expect(safeImageSrc("data:image/png;base64,")).toBeNull();
		expect(safeImageSrc("data:image/webp;base64,AAAA")).toBeNull();
		expect(safeImageSrc("mailto:me@example.com")).toBeNull();
	});
});

test("escapeHtml escapes all five characters, and only those", () => {
	expect(escapeHtml("<a href=\"x\">'&amp;'</a>")).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;amp;&#39;&lt;/a&gt;");
	expect(escapeHtml("plain \u00e9 \u{1F600}")).toBe("plain \u00e9 \u{1F600}");
});

describe("hostile notes, converted then written, come out inert and import cleanly", () => {
	const vectors: Array<[string, string]> = [
		["script block", "<script>alert(1)</script>"],
		["inline script", "a <script>alert(1)</script> b"],
		["img onerror", "text <img src=x onerror=alert(1)> more"],
		["iframe", "<iframe src=\"https://evil.example/\"></iframe>"],
		["javascript link", "[x](javascript:alert(1))"],
		["javascript link, mixed case", "[x](JaVaScRiPt:alert(1))"],
		["javascript link hidden by a reference", "[x](&#106;avascript:alert(1))"],
		["vbscript link", "[x](vbscript:msgbox(1))"],
		["data link", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
		["javascript image", "![x](javascript:alert(1))"],
		["raw anchor with javascript href", "<a href=\"javascript:alert(1)\">click</a>"],
		["svg onload", "<svg onload=alert(1)><circle r=\"1\"/></svg>"],
		["style block", "<style>body { display: none }</style>"],
		["noscript mutation", "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>"],
		["code span script", "`<script>alert(1)</script>`"],
		["code block script", "```html\n<script>alert(1)</script>\n```"],
		["fence language injection", "```\" onmouseover=\"alert(1)\nx\n```"],
		["title attribute injection", "[x](https://a.example \"\\\" onmouseover=alert(1)\")"],
		["href quote injection", "[x](<https://a.example/\" onmouseover=\"alert(1)>)"],
		["alt quote injection", "![\" onerror=\"alert(1)](https://i.example/a.png)"],
		["caption injection", "![a](https://i.example/a.png \"</figcaption><script>alert(1)</script>\")"],
		["callout title injection", "> [!note] <img src=x onerror=alert(1)>\n> body"],
		["heading injection", "## <script>alert(1)</script> title"],
		["table cell injection", "| <b onclick=alert(1)>x</b> |\n|---|\n| y |"],
	];

	it.each(vectors)("%s", async (_name, markdown) => {
		const story = await convert(`# T\n\n${markdown}\n`);
		const html = storyToHtml(story).html;
		expectMediumSafe(html);
		const lower = html.toLowerCase();
		for (const bad of ["<script", "<iframe", "<style", "<svg", "javascript:", "vbscript:", "data:text"]) expect(lower).not.toContain(bad);
		const tags = html.replace(/"[^"]*"/g, "\"\"").match(/<[^>]*>/g) ?? [];
		for (const tag of tags) expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
		// Medium would take it: no refusal, nothing broken.
		const shown = importHtml(html);
		expect(shown.filter((p) => p.broken || p.markups.some((m) => m.broken))).toEqual([]);
	});
});
