// The fake Medium's importer: what Medium shows for the HTML or markdown it receives (medium-model.md's table).

import { importHtml, importMarkdown, MediumImportError, parseHtml, showParagraph, type MediumParagraph } from "./support/medium-importer";

const show = (paragraphs: MediumParagraph[]): string[] => paragraphs.map(showParagraph);

describe("HTML, as Medium imports it", () => {
	it("the first h1 is the title and an h2 right under it the subtitle", () => {
		expect(show(importHtml("<h1>Title</h1><h2>Sub</h2><p>Body</p>"))).toEqual(["TITLE: Title", "SUBTITLE: Sub", "P: Body"]);
	});

	it("an h2 not right under the title is a large heading; later h1s too", () => {
		expect(show(importHtml("<h1>T</h1><p>x</p><h2>A</h2><h1>B</h1><h3>C</h3><h4>D</h4><h5>E</h5><h6>F</h6>"))).toEqual([
			"TITLE: T", "P: x", "H3: A", "H3: B", "H3: C", "H4: D", "P: E", "P: F",
		]);
	});

	it("without an h1 there is no title (the API's title field is not shown)", () => {
		expect(show(importHtml("<h2>Not a subtitle</h2><p>x</p>"))).toEqual(["H3: Not a subtitle", "P: x"]);
	});

	it("keeps the four markups as ranges, and line breaks as \\n", () => {
		const [p] = importHtml("<p>a <strong>b</strong> <em>c</em> <a href=\"https://x.example/?a=1&amp;b=2\">d</a> <code>&lt;e&gt;</code><br>next</p>");
		expect(p.text).toBe("a b c d <e>\nnext");
		expect(p.markups).toEqual([
			{ type: "strong", start: 2, end: 3 },
			{ type: "em", start: 4, end: 5 },
			{ type: "a", start: 6, end: 7, href: "https://x.example/?a=1&b=2" },
			{ type: "code", start: 8, end: 11 },
		]);
		expect(showParagraph(p)).toBe("P: a **b** _c_ [d](https://x.example/?a=1&b=2) `<e>`\nnext");
	});

	it("collapses whitespace the way a browser shows it", () => {
		expect(show(importHtml("<p>  one\n  two  <br>  three </p>"))).toEqual(["P: one two\nthree"]);
	});

	it("drops what Medium has no markup for, keeping the text", () => {
		expect(show(importHtml("<p><del>gone</del> <u>u</u> <span>s</span><sup>1</sup></p><script>alert(1)</script>"))).toEqual(["P: gone u s1"]);
	});

	it("a relative link or image is broken", () => {
		const [p, img] = importHtml("<p><a href=\"../post/\">x</a></p><figure><img src=\"pic.png\" alt=\"a\"></figure>");
		expect(p.markups[0]).toMatchObject({ type: "a", href: "../post/", broken: true });
		expect(img).toMatchObject({ type: "IMG", src: "pic.png", broken: true });
	});

	it("blockquote paragraphs are BQ each; nested quotes flatten", () => {
		expect(show(importHtml("<blockquote><p><strong>Thin ice</strong></p><p>Never walk</p><blockquote>deep</blockquote></blockquote><blockquote>one</blockquote>"))).toEqual([
			"BQ: **Thin ice**", "BQ: Never walk", "BQ: deep", "BQ: one",
		]);
	});

	it("a code block keeps its language only from data-code-block-lang", () => {
		expect(show(importHtml("<pre data-code-block-mode=\"2\" data-code-block-lang=\"python\">if a &lt; b:\n\n    pass</pre>"))).toEqual(["PRE lang=python: if a < b:\n\n    pass"]);
		expect(importHtml("<pre><code class=\"language-js\">x\n</code></pre>")).toEqual([{ type: "PRE", text: "x", markups: [], lang: null }]);
	});

	it("lists are flat: nested items follow their parent", () => {
		expect(show(importHtml("<ul><li>a<ul><li>b<ol><li>c</li></ol></li></ul></li><li>d</li></ul><ol><li>e</li></ol>"))).toEqual([
			"ULI: a", "ULI: b", "OLI: c", "ULI: d", "OLI: e",
		]);
	});

	it("a code block in a list item ends the item and follows it", () => {
		expect(show(importHtml("<ol><li>step<pre>code</pre></li><li>next</li></ol>"))).toEqual(["OLI: step", "PRE lang=none: code", "OLI: next"]);
	});

	it("an image inside a list item refuses the whole post", () => {
		expect(() => importHtml("<ul><li>a <img src=\"https://i.example/a.png\"></li></ul>")).toThrow(new MediumImportError("Bad nested paragraphs: [ LI ]"));
		expect(() => importHtml("<ul><li>a<ul><li><figure><img src=\"https://i.example/a.png\"></figure></li></ul></li></ul>")).toThrow(MediumImportError);
	});

	it("a figure is an image with alt and caption (markups kept)", () => {
		const [img] = importHtml("<figure><img src=\"https://i.example/a.png\" alt=\"A &quot;q&quot;\"><figcaption>See <em>this</em></figcaption></figure>");
		expect(img).toEqual({ type: "IMG", text: "See this", markups: [{ type: "em", start: 4, end: 8 }], src: "https://i.example/a.png", alt: "A \"q\"" });
	});

	it("an image inside a paragraph ends it and follows as its own paragraph", () => {
		expect(show(importHtml("<p>before <img src=\"https://i.example/a.png\" alt=\"x\"> after</p>"))).toEqual([
			"P: before", "IMG src=https://i.example/a.png alt=\"x\"", "P: after",
		]);
	});

	it("hr is a section break; a table is garbled into one paragraph", () => {
		expect(show(importHtml("<hr><table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>"))).toEqual(["HR", "P: a b 1 2"]);
	});

	it("a bare YouTube, X, Vimeo or Gist URL alone in a paragraph is an embed; other URLs stay text", () => {
		expect(show(importHtml("<p>https://www.youtube.com/watch?v=x&amp;t=1</p><p>https://x.com/a/status/1</p><p>https://gist.github.com/a/b</p><p>https://example.com/</p><p>see https://vimeo.com/1</p>"))).toEqual([
			"IFRAME https://www.youtube.com/watch?v=x&t=1", "IFRAME https://x.com/a/status/1", "IFRAME https://gist.github.com/a/b", "P: https://example.com/", "P: see https://vimeo.com/1",
		]);
	});

	it("empty paragraphs show nothing", () => {
		expect(importHtml("<p> </p><p><br></p><h3></h3>")).toEqual([]);
	});

	it("the tree builder closes what HTML closes implicitly", () => {
		const root = parseHtml("<p>a<p>b<ul><li>c<li>d</ul>");
		expect(root.children.map((c) => (c.kind === "element" ? c.name : "#text"))).toEqual(["p", "p", "ul"]);
	});
});

describe("markdown, as Medium imports it", () => {
	it("reproduces the reported surprises: ## under the title is the subtitle, ##### is text, the fence language is lost", () => {
		const md = "# Title\n\n## Before you go\n\nText\n\n##### Small\n\n```python\nx = 1\n```\n";
		expect(show(importMarkdown(md))).toEqual(["TITLE: Title", "SUBTITLE: Before you go", "P: Text", "P: Small", "PRE lang=none: x = 1"]);
	});

	it("a single newline runs the lines together; nested lists flatten; a table is garbled", () => {
		const md = "one\ntwo\n\n- a\n  - b\n\n| x | y |\n|---|---|\n| 1 | 2 |\n";
		expect(show(importMarkdown(md))).toEqual(["P: one two", "ULI: a", "ULI: b", "P: x y 1 2"]);
	});

	it("an image in a markdown list item refuses the post too", () => {
		expect(() => importMarkdown("- item ![a](https://i.example/a.png)\n")).toThrow("Bad nested paragraphs: [ LI ]");
	});
});
