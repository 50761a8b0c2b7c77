// Markdown story → Medium-safe HTML: every construct, raw HTML, and XSS vectors that must come out inert.
import type * as StoryHtmlModule from "../src/html/story-html";
import {
	decodeBasicReferences,
	escapeHtml,
	escapeHtmlKeepingReferences,
	referenceLength,
	visibleLength,
} from "../src/html/escape-html";

const { storyToHtml, countImages, htmlToSafeText } = jest.requireActual<typeof StoryHtmlModule>("../src/html/story-html");

const ALLOWED_TAGS = new Set([
	"h1", "h2", "h3", "h4", "p", "a", "strong", "em", "code", "pre", "blockquote",
	"ul", "ol", "li", "hr", "img", "figure", "figcaption", "br",
]);
const VOID_TAGS = new Set(["br", "hr", "img"]);
const ALLOWED_ATTRIBUTES: Record<string, string[]> = { a: ["href"], img: ["src", "alt"] };
const REFERENCE = /&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);/y;
const TAG = /^(\/?)([a-z0-9]+)((?: [a-z]+="[^"<>]*")*)$/;
const ATTRIBUTE = / ([a-z]+)="([^"<>]*)"/g;

function textProblems(text: string): string[] {
	const problems: string[] = [];
	for (const ch of [">", "\"", "'"]) if (text.includes(ch)) problems.push(`unescaped ${ch} in text ${JSON.stringify(text)}`);
	for (let i = text.indexOf("&"); i >= 0; i = text.indexOf("&", i + 1)) {
		REFERENCE.lastIndex = i;
		if (!REFERENCE.test(text)) problems.push(`bare & in text ${JSON.stringify(text)}`);
	}
	return problems;
}

function attributeProblems(tag: string, attributes: string): string[] {
	const problems: string[] = [];
	const seen: string[] = [];
	for (const [, name, value] of attributes.matchAll(ATTRIBUTE)) {
		seen.push(name);
		if (!(ALLOWED_ATTRIBUTES[tag] ?? []).includes(name)) problems.push(`attribute ${name} on <${tag}>`);
		problems.push(...textProblems(value).map((p) => `${p} (attribute ${name})`));
		const lower = value.toLowerCase();
		if (name === "href" && !["http://", "https://", "mailto:"].some((s) => lower.startsWith(s))) {
			problems.push(`href ${value}`);
		}
		const dataImage = ["data:image/png;base64,", "data:image/jpeg;base64,", "data:image/gif;base64,"];
		if (name === "src" && !["http://", "https://", ...dataImage].some((s) => lower.startsWith(s))) {
			problems.push(`src ${value}`);
		}
	}
	if (tag === "img" && !(seen.includes("src") && seen.includes("alt"))) problems.push("img without src and alt");
	if (tag === "a" && !seen.includes("href")) problems.push("a without href");
	return problems;
}

/**
 * Everything wrong with `html` as clipboard HTML for Medium (empty when it is fine): every `<` must
 * start one of the allowed tags with only allowed attributes, text must be fully escaped, tags must
 * balance, and lists must be one level deep.
 */
function mediumSafetyProblems(html: string): string[] {
	const problems: string[] = [];
	const open: string[] = [];
	let i = 0;
	while (i <= html.length) {
		const lt = html.indexOf("<", i);
		problems.push(...textProblems(html.slice(i, lt < 0 ? html.length : lt)));
		if (lt < 0) break;
		const gt = html.indexOf(">", lt);
		if (gt < 0) {
			problems.push(`unterminated tag at ${lt}`);
			break;
		}
		const match = TAG.exec(html.slice(lt + 1, gt));
		i = gt + 1;
		if (!match) {
			problems.push(`not an allowed tag: ${html.slice(lt, gt + 1)}`);
			continue;
		}
		const [, slash, name, attributes] = match;
		if (!ALLOWED_TAGS.has(name)) problems.push(`tag <${name}>`);
		if (slash) {
			if (attributes) problems.push(`attributes on </${name}>`);
			const top = open.pop();
			if (top !== name) problems.push(`</${name}> closes <${top ?? "nothing"}>`);
			continue;
		}
		problems.push(...attributeProblems(name, attributes));
		const parent = open[open.length - 1];
		if (name === "li" && parent !== "ul" && parent !== "ol") problems.push(`<li> inside <${parent ?? "root"}>`);
		if ((name === "ul" || name === "ol") && open.includes("li")) problems.push("nested list");
		if (name === "figcaption" && parent !== "figure") problems.push("figcaption outside figure");
		if (!VOID_TAGS.has(name)) open.push(name);
	}
	if (open.length > 0) problems.push(`unclosed ${open.join(", ")}`);
	return problems;
}

function expectMediumSafe(html: string): void {
	expect(mediumSafetyProblems(html)).toEqual([]);
}

describe("the safety check itself", () => {
	it.each([
		["<script>alert(1)</script>"],
		["<p onclick=\"x\">a</p>"],
		["<a href=\"javascript:alert(1)\">a</a>"],
		["<img src=\"x.png\" alt=\"\">"],
		["<p>a > b</p>"],
		["<p>a & b</p>"],
		["<p>a</em>"],
		["<ul><li>a<ul><li>b</li></ul></li></ul>"],
		["<p>open"],
		["<span>a</span>"],
	])("rejects %s", (html) => {
		expect(mediumSafetyProblems(html).length).toBeGreaterThan(0);
	});

	it("accepts well-formed subset HTML", () => {
		expect(mediumSafetyProblems("<p>a &amp; <a href=\"https://x.y/?a=1&amp;b\">b</a><br></p><hr>")).toEqual([]);
	});
});

describe("storyToHtml: constructs", () => {
	const cases: Array<[string, string, string]> = [
		["h1-h4 stay", "# One\n## Two\n### Three\n#### Four", "<h1>One</h1>\n<h2>Two</h2>\n<h3>Three</h3>\n<h4>Four</h4>"],
		["h5/h6 become bold paragraphs", "##### Five\n###### Six", "<p><strong>Five</strong></p>\n<p><strong>Six</strong></p>"],
		["heading with emphasis", "## A *b* **c**", "<h2>A <em>b</em> <strong>c</strong></h2>"],
		["paragraphs", "one\n\ntwo", "<p>one</p>\n<p>two</p>"],
		["soft break stays a newline", "one\ntwo", "<p>one\ntwo</p>"],
		["emphasis", "*a* _b_ **c** __d__ ***e***", "<p><em>a</em> <em>b</em> <strong>c</strong> <strong>d</strong> <em><strong>e</strong></em></p>"],
		["strikethrough keeps its text", "~~gone~~ kept", "<p>gone kept</p>"],
		["inline code is escaped, entities shown literally", "`<b> &amp;`", "<p><code>&lt;b&gt; &amp;amp;</code></p>"],
		["link", "[Medium](https://medium.com/@me \"title\")", "<p><a href=\"https://medium.com/@me\">Medium</a></p>"],
		["http and mailto links", "[a](http://a.example) [b](mailto:me@example.com)", "<p><a href=\"http://a.example\">a</a> <a href=\"mailto:me@example.com\">b</a></p>"],
		["link with & in the query", "[q](https://a.example/?x=1&y=2)", "<p><a href=\"https://a.example/?x=1&amp;y=2\">q</a></p>"],
		["link with an entity in the query", "[q](https://a.example/?x=1&amp;y=2)", "<p><a href=\"https://a.example/?x=1&amp;y=2\">q</a></p>"],
		["link with emphasis inside", "[**bold** link](https://a.example)", "<p><a href=\"https://a.example\"><strong>bold</strong> link</a></p>"],
		["relative link loses the link", "[note](other-note.md)", "<p>note</p>"],
		["autolinks", "<https://a.example> www.b.example", "<p><a href=\"https://a.example\">https://a.example</a> <a href=\"http://www.b.example\">www.b.example</a></p>"],
		["email autolink", "me@example.com", "<p><a href=\"mailto:me@example.com\">me@example.com</a></p>"],
		["reference link", "[a][r]\n\n[r]: https://r.example", "<p><a href=\"https://r.example\">a</a></p>"],
		["image alone is a figure", "![Alt text](https://i.example/a.png)", "<figure><img src=\"https://i.example/a.png\" alt=\"Alt text\"></figure>"],
		["figure caption from the title", "![Alt](https://i.example/a.png \"A & B\")", "<figure><img src=\"https://i.example/a.png\" alt=\"Alt\"><figcaption>A &amp; B</figcaption></figure>"],
		["several images alone are several figures", "![a](https://i.example/a.png)\n![b](https://i.example/b.png)", "<figure><img src=\"https://i.example/a.png\" alt=\"a\"></figure>\n<figure><img src=\"https://i.example/b.png\" alt=\"b\"></figure>"],
		["image in text stays inline", "see ![i](https://i.example/a.png) here", "<p>see <img src=\"https://i.example/a.png\" alt=\"i\"> here</p>"],
		["alt text is plain", "![*a* \"q\" `c`](https://i.example/a.png)", "<figure><img src=\"https://i.example/a.png\" alt=\"a &quot;q&quot; c\"></figure>"],
		["data image", "![d](data:image/png;base64,iVBORw0KGgo=)", "<figure><img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"d\"></figure>"],
		["svg data image is dropped", "![d](data:image/svg+xml;base64,PHN2Zz4=)", ""],
		["relative image is dropped", "![d](pic.png)", ""],
		["linked image", "[![i](https://i.example/a.png)](https://a.example)", "<p><a href=\"https://a.example\"><img src=\"https://i.example/a.png\" alt=\"i\"></a></p>"],
		["unordered list", "- a\n- b", "<ul><li>a</li><li>b</li></ul>"],
		["ordered list", "3. a\n4. b", "<ol><li>a</li><li>b</li></ol>"],
		["nested lists flatten in reading order", "- a\n  - b\n    1. c\n  - d\n- e", "<ul><li>a</li><li>b</li><li>c</li><li>d</li><li>e</li></ul>"],
		["loose list item paragraphs join with br", "- a\n\n  more\n\n- b", "<ul><li>a<br>more</li><li>b</li></ul>"],
		["task list", "- [ ] todo\n- [x] done", "<ul><li>\u2610 todo</li><li>\u2611 done</li></ul>"],
		["list item with formatting", "- **a** [l](https://l.example)", "<ul><li><strong>a</strong> <a href=\"https://l.example\">l</a></li></ul>"],
		["blockquote", "> quoted *text*", "<blockquote>quoted <em>text</em></blockquote>"],
		["blockquote paragraphs and nesting flatten", "> a\n>\n> > b\n>\n> - c\n> 1. d", "<blockquote>a<br>b<br>\u2022 c<br>1. d</blockquote>"],
		["fenced code", "```js\nif (a < b && c) {}\n```", "<pre><code>if (a &lt; b &amp;&amp; c) {}</code></pre>"],
		["indented code", "    x = \"y\"", "<pre><code>x = &quot;y&quot;</code></pre>"],
		["hr", "a\n\n---\n\nb", "<p>a</p>\n<hr>\n<p>b</p>"],
		["hard breaks", "one  \ntwo\\\nthree", "<p>one<br>two<br>three</p>"],
		["table becomes aligned text", "| a | bb |\n|---|---|\n| ccc | **d** |", "<pre>a   | bb\n----|---\nccc | d</pre>"],
		["table cells are escaped", "| x |\n|---|\n| <b>y</b> & z |", "<pre>x\n-----\ny &amp; z</pre>"],
		["entities pass as references", "&copy; &amp; &lt;b&gt; &#65; & x", "<p>&copy; &amp; &lt;b&gt; A &amp; x</p>"],
		["special characters are escaped", "a < b > c \"d\" 'e'", "<p>a &lt; b &gt; c &quot;d&quot; &#39;e&#39;</p>"],
		["backslash escapes", "\\*not em\\* \\<b>", "<p>*not em* &lt;b&gt;</p>"],
		["raw inline html keeps its text", "a <span class=\"x\">b</span> <b>c</b>", "<p>a b c</p>"],
		["raw br forms", "a<br>b<br/>c<BR />d</br>e", "<p>a<br>b<br>c<br>d<br>e</p>"],
		["raw html block keeps its text", "<div>\nHello <b>there</b> &amp; you\n</div>", "<p>Hello there &amp; you</p>"],
		["html comment is dropped", "<!-- secret -->\n\nshown", "<p>shown</p>"],
		["empty document", "", ""],
	];

	it.each(cases)("%s", (_name, markdown, expected) => {
		const html = storyToHtml(markdown);
		expect(html).toBe(expected);
		expectMediumSafe(html);
	});
});

describe("storyToHtml: images and imageSrc", () => {
	it("maps sources through imageSrc before the scheme check", () => {
		const seen: string[] = [];
		const html = storyToHtml("![a](assets/my%20pic.png)\n\n![b](<assets/b c.png>)", {
			imageSrc: (src) => {
				seen.push(src);
				return `https://cdn.example/${encodeURI(src)}`;
			},
		});
		expect(seen).toEqual(["assets/my%20pic.png", "assets/b c.png"]);
		expect(html).toBe(
			"<figure><img src=\"https://cdn.example/assets/my%2520pic.png\" alt=\"a\"></figure>\n" +
				"<figure><img src=\"https://cdn.example/assets/b%20c.png\" alt=\"b\"></figure>",
		);
	});

	it("drops an image when imageSrc returns null, and the figure with it", () => {
		const html = storyToHtml("![a](keep.png)\n\n![b](drop.png)\n\ntext ![c](drop.png) end", {
			imageSrc: (src) => (src === "keep.png" ? "https://cdn.example/keep.png" : null),
		});
		expect(html).toBe("<figure><img src=\"https://cdn.example/keep.png\" alt=\"a\"></figure>\n<p>text  end</p>");
	});

	it("still rejects an unsafe source that imageSrc returns", () => {
		expect(storyToHtml("![a](x.png)", { imageSrc: () => "javascript:alert(1)" })).toBe("");
	});

	it("counts the images in the output", () => {
		const html = storyToHtml("![a](https://i.example/a.png)\n\nx ![b](https://i.example/b.png) ![c](bad.png)\n\n`<img src=x>`");
		expect(countImages(html)).toBe(2);
		expect(countImages(storyToHtml("no images <img src=\"https://x.example/a.png\">"))).toBe(0);
	});
});

describe("storyToHtml: XSS vectors come out inert", () => {
	const vectors: Array<[string, string]> = [
		["script block", "<script>alert(1)</script>"],
		["inline script", "a <script>alert(1)</script> b"],
		["script with attributes, mixed case", "<SCRIPT type=\"text/javascript\">alert(1)</SCRIPT >"],
		["img onerror", "<img src=x onerror=alert(1)>"],
		["img onerror inline", "text <img src=x onerror=alert(1)> more"],
		["iframe", "<iframe src=\"https://evil.example/\"></iframe>"],
		["inline iframe", "x <iframe src=javascript:alert(1)></iframe> y"],
		["javascript link", "[x](javascript:alert(1))"],
		["javascript link, mixed case", "[x](JaVaScRiPt:alert(1))"],
		["javascript link hidden by a reference", "[x](&#106;avascript:alert(1))"],
		["javascript link with spaces", "[x](<  javascript:alert(1)>)"],
		["vbscript link", "[x](vbscript:msgbox(1))"],
		["data link", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
		["javascript image", "![x](javascript:alert(1))"],
		["javascript image inline", "a ![x](javascript:alert(1)) b"],
		["raw anchor with javascript href", "<a href=\"javascript:alert(1)\">click</a>"],
		["raw anchor with onclick", "<a href=\"https://a.example\" onclick=\"alert(1)\">click</a>"],
		["svg onload", "<svg onload=alert(1)><circle r=\"1\"/></svg>"],
		["inline svg", "a <svg onload=alert(1)><text>t</text></svg> b"],
		["style block", "<style>body { display: none }</style>"],
		["inline style", "a <style>p{}</style> b"],
		["math", "<math><mtext><script>alert(1)</script></mtext></math>"],
		["noscript mutation", "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>"],
		["object and embed", "<object data=\"x.swf\"><embed src=\"javascript:alert(1)\"></object>"],
		["template", "<template><script>alert(1)</script></template>"],
		["comment hiding a script", "<!--<script>-->alert"],
		["broken tag nesting", "<<script>script>alert(1)<</script>/script>"],
		["encoded script", "&lt;script&gt;alert(1)&lt;/script&gt;"],
		["code span script", "`<script>alert(1)</script>`"],
		["code block script", "```html\n<script>alert(1)</script>\n```"],
		["title attribute injection", "[x](https://a.example \"\\\" onmouseover=alert(1)\")"],
		["href quote injection", "[x](<https://a.example/\" onmouseover=\"alert(1)>)"],
		["alt quote injection", "![\" onerror=\"alert(1)](https://i.example/a.png)"],
		["form and input", "<form action=\"javascript:alert(1)\"><input onfocus=alert(1) autofocus></form>"],
		["unterminated tag", "<img src=x onerror=alert(1)"],
		["div with handler", "<div onmouseover=\"alert(1)\">hover</div>"],
	];

	it.each(vectors)("%s", (_name, markdown) => {
		const html = storyToHtml(markdown);
		expectMediumSafe(html);
		const lower = html.toLowerCase();
		expect(lower).not.toContain("<script");
		expect(lower).not.toContain("<iframe");
		expect(lower).not.toContain("<style");
		expect(lower).not.toContain("<svg");
		expect(lower).not.toContain("javascript:");
		// No event-handler attribute in any tag (quoted values, escaped text in themselves, blanked first).
		const tags = lower.replace(/"[^"]*"/g, "\"\"").match(/<[^>]*>/g) ?? [];
		for (const tag of tags) expect(tag).not.toMatch(/\son[a-z]+\s*=/);
	});

	it("drops what script-like elements hold and keeps the text around them", () => {
		expect(storyToHtml("a <script>alert(1)</script> b")).toBe("<p>a  b</p>");
		expect(storyToHtml("a <svg><text>inside</text></svg> b")).toBe("<p>a  b</p>");
		expect(storyToHtml("<style>\np { color: red }\n</style>\n\nafter")).toBe("<p>after</p>");
		expect(storyToHtml("x <iframe src=\"https://e.example\">fallback</iframe> y")).toBe("<p>x  y</p>");
	});

	it("keeps the text of an unsafe link, without the link", () => {
		expect(storyToHtml("[click me](javascript:alert(1))")).toBe("<p>click me</p>");
		expect(storyToHtml("<a href=\"javascript:alert(1)\">click me</a>")).toBe("<p>click me</p>");
	});

	it("keeps a javascript: autolink as text only", () => {
		const html = storyToHtml("<javascript:alert(1)>");
		expectMediumSafe(html);
		expect(html).not.toContain("<a");
	});

	it("shows encoded markup as text", () => {
		expect(storyToHtml("&lt;script&gt;alert(1)&lt;/script&gt;")).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
	});
});

describe("htmlToSafeText", () => {
	it.each([
		["<p>a</p><p>b</p>", "ab"],
		["a <b>c</b> &amp; &nope d", "a c &amp; &amp;nope d"],
		["a < b", "a &lt; b"],
		["<a title=\"x > y\">t</a>", "t"],
		["<a title='x > y'>t</a>", "t"],
		["x<!-- a > b -->y", "xy"],
		["x<!---->y<!-->z", "xyz"],
		["x<![CDATA[ <b> ]]>y<!DOCTYPE html>z<?php echo 1 ?>w", "xyzw"],
		["<script>if (a</b) {}</script>ok", "ok"],
		["<script>a</scriptx>b</script>ok", "ok"],
		["<svg><svg></svg>hidden</svg>shown", "shown"],
		["<svg/>shown", "shown"],
		["<embed src=x>shown", "shown"],
		["<template>hidden</template>shown", "shown"],
		["</>x</ y>z", "xz"],
		["<br><br/><br />", "<br><br><br>"],
		["<script>never closed", ""],
	])("%j → %j", (html, expected) => {
		expect(htmlToSafeText(html)).toBe(expected);
	});

	it("stays linear on hostile input", () => {
		const hostile = [
			"<a".repeat(100_000),
			"<a b=\"".repeat(100_000),
			"<!--".repeat(100_000),
			"<!".repeat(100_000),
			`<script>${"</scrip".repeat(50_000)}`,
			"<svg>".repeat(100_000),
			"&".repeat(200_000),
		];
		const started = Date.now();
		for (const input of hostile) expect(mediumSafetyProblems(htmlToSafeText(input))).toEqual([]);
		expect(Date.now() - started).toBeLessThan(2000);
	});
});

describe("escape helpers", () => {
	it("escapes all five characters", () => {
		expect(escapeHtml("<a href=\"x\">'&amp;'</a>")).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;amp;&#39;&lt;/a&gt;");
		expect(escapeHtml("plain")).toBe("plain");
	});

	it("keeps well-formed references only", () => {
		expect(escapeHtmlKeepingReferences("&amp; &#65; &#x41; &copy; &; &#; &#x; &1a; & <")).toBe(
			"&amp; &#65; &#x41; &copy; &amp;; &amp;#; &amp;#x; &amp;1a; &amp; &lt;",
		);
	});

	it("measures references", () => {
		expect(referenceLength("a&amp;b", 1)).toBe(5);
		expect(referenceLength("&#x1F600;", 0)).toBe(9);
		expect(referenceLength("&#12345678;", 0)).toBe(0);
		expect(referenceLength("&amp", 0)).toBe(0);
		expect(referenceLength("x", 0)).toBe(0);
	});

	it("decodes numeric and basic named references", () => {
		expect(decodeBasicReferences("&#106;ava&#x73;cript&colon;&amp;&lt;&gt;&quot;&apos;&#0;&#xD800;")).toBe(
			"javascript&colon;&<>\"'\ufffd\ufffd",
		);
		expect(decodeBasicReferences("no refs & here")).toBe("no refs & here");
	});

	it("counts visible characters", () => {
		expect(visibleLength("a&amp;b")).toBe(3);
		expect(visibleLength("\u{1F600}x")).toBe(2);
		expect(visibleLength("&bogus")).toBe(6);
	});
});
