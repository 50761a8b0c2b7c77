/**
 * The converter's rules as before/after tables: each row is an Obsidian note body and the markdown
 * Medium must receive (without the `# Title` line the story starts with).
 */

import { body, bodyOf, codes, convert } from "./support/convert-helpers";

const vault: Record<string, string> = {
	"Published.md": "---\nmedium_url: https://medium.com/@me/published-123\n---\nPublished body",
	"Draft.md": "Not on Medium",
	"Blog.md": "---\ncanonical_url: https://me.dev/blog-post/\n---\nOn my blog first",
	"BlogCase.md": "---\nCanonical_URL: https://me.dev/case/\n---\nOn my blog first",
	"folder/Deep Note.md": "Deep",
	"Sections.md": [
		"# Top",
		"intro",
		"## Alpha",
		"alpha text",
		"### Alpha child",
		"child text",
		"## Beta",
		"beta text",
		"",
		"A paragraph with an id ^para1",
		"",
		"- item one",
		"- item two ^item2",
		"  - nested under two",
		"- item three",
		"",
		"> quoted line",
		"> second",
		"",
		"^quoteid",
		"",
		"```",
		"## Not a heading",
		"```",
	].join("\n"),
	"pic.png": "png",
	"img/photo one.jpg": "jpg",
	"doc.pdf": "pdf",
	"song.mp3": "mp3",
	"board.canvas": "{}",
	"Embedded.md": "---\nsecret: yes\n---\nEmbedded body with [[Published]] ^blockid",
	"Adjacent.md": "Lead paragraph\n> the quote ^qid",
	"Commented.md": "## A\n\nIn A.\n\n%%\n## Draft section\nnot ready\n%%\n\nStill A.\n\n<!--\n## Old heading\n-->\n\nA again.\n\n## B\n\nIn B.",
	"SetextAfterComment.md": "## A\n\ntext\n\n%%\nhidden\n%%\nUnder\n---\n\nafter",
	"Percent.md": "## Options\n\n- `comments`: whether to enable `%%` style comments.\n\n## Later\n\nLater text.",
	"Headed.md": "## Steps\n- a\n- b\n\n^steps",
	"Tight.md": "- one ^t1\n## Next\n\n- two ^t2\n> a quote\n\n- three ^t3\n```\ncode\n```",
	"Lists.md": [
		"Intro.",
		"",
		"1. one",
		"2. two ^step",
		"",
		"   Under two.",
		"",
		"   ```sh",
		"   run",
		"   ```",
		"3. three",
		"",
		"- loose a",
		"",
		"- loose b",
		"",
		"^loose",
		"",
		"- top",
		"\t- mid ^mid",
		"\t\t- deep",
		"\t- sibling",
	].join("\n"),
};

type Row = [name: string, input: string, expected: string];

const rows: Row[] = [
	// Wiki-links
	["link to a note on Medium", "See [[Published]].", "See [Published](https://medium.com/@me/published-123)."],
	["link to a note not on Medium", "See [[Draft]].", "See Draft."],
	["alias", "See [[Draft|the draft]].", "See the draft."],
	["alias to a published note", "See [[Published|it]].", "See [it](https://medium.com/@me/published-123)."],
	// Spaces round an alias show as none in Obsidian (HTML collapses them): the link's text has none either.
	["an alias's edge spaces go", "See [[Published| it ]] and [[Draft|  the draft ]].", "See [it](https://medium.com/@me/published-123) and the draft."],
	["a link reads the note's canonical URL as the note does, its key in any case", "See [[BlogCase]].", "See [BlogCase](https://me.dev/case/)."],
	["link to a note at its own canonical_url", "See [[Blog]] and [it](Blog.md).", "See [Blog](https://me.dev/blog-post/) and [it](https://me.dev/blog-post/)."],
	["heading link", "See [[Draft#Some Heading]].", "See Draft > Some Heading."],
	["nested heading link", "See [[Draft#A#B]].", "See Draft > A > B."],
	["block link", "See [[Draft#^abc]].", "See Draft > ^abc."],
	["same-note heading", "See [[#Intro]].", "See Intro."],
	["heading link with alias", "See [[Draft#H|here]].", "See here."],
	["spaces trimmed", "See [[  Draft  ]].", "See Draft."],
	[".md optional", "See [[Draft.md]].", "See Draft."],
	["case-insensitive", "See [[published]].", "See [published](https://medium.com/@me/published-123)."],
	["folder note by name", "See [[Deep Note]].", "See Deep Note."],
	["markdown link %20", "See [deep](folder/Deep%20Note.md).", "See deep."],
	["markdown link angle brackets", "See [pub](<Published.md>).", "See [pub](https://medium.com/@me/published-123)."],
	["markdown link without .md", "See [pub](Published).", "See [pub](https://medium.com/@me/published-123)."],
	["external link stays", "See [site](https://example.com/a#b) and https://x.y/#z.", "See [site](https://example.com/a#b) and [https://x.y/#z](https://x.y/#z)."],
	["external link with title", "[a](https://e.com \"T\")", "[a](https://e.com)"],
	["unresolved link", "See [[Nowhere]].", "See Nowhere."],
	["escaped brackets stay", "\\[\\[x\\]\\]", "[[x]]"],
	["an escaped bracket is no link", "\\[Draft](Draft.md) and [x](Draft.md)", "\\[Draft](Draft.md) and x"],
	["an escaped ! before a link stays text, not an image", "Wow\\![[Published]] and \\![x](https://e.com)", "Wow\\![Published](https://medium.com/@me/published-123) and \\![x](https://e.com)"],
	["a wiki-link in brackets", "x [[[Published]]] and [[[[Draft]]]] y", "x [[Published](https://medium.com/@me/published-123)] and [[Draft]] y"],
	["unclosed wiki-link stays", "a [[b and c", "a [[b and c"],
	["link to a pdf is text", "See [[doc.pdf]].", "See doc.pdf."],
	["reference link to a note", "See [it][pub] and [Draft].\n\n[pub]: Published.md\n[draft]: <Draft.md>", "See [it](https://medium.com/@me/published-123) and Draft."],
	["a definition right after a rule", "See [it][pub].\n\n---\n[pub]: Published.md", "See [it](https://medium.com/@me/published-123).\n\n---"],
	["reference image from the vault", "![Photo][p]\n\n[p]: <img/photo one.jpg> \"Cap\"", "![Photo](img/photo%20one.jpg \"Cap\")"],
	["a definition in code or inside a paragraph is text", "```\n[a]: https://e.com\n```\ntext\n[b]: https://e.com\n\n[a] [b]", "```\n[a]: https://e.com\n```\n\ntext\\\n[b]: [https://e.com](https://e.com)\n\n[a] [b]"],
	["a definition inside a quote or a callout (CommonMark reads it there too)", "> [!tip] Links\n> [site]: https://e.com/s\n> See [site].\n\n> [q]: https://e.com/q \"T\"\n>\n> > [n]: <https://e.com/n>\n> Quoted [q][] and [n].\n\nAnd [site] [Q] outside.", "> **Links**\n>\n> See [site](https://e.com/s).\n\n> Quoted [q](https://e.com/q) and [n](https://e.com/n).\n\nAnd [site](https://e.com/s) [Q](https://e.com/q) outside."],
	["a definition line inside a quote's paragraph is text", "> text\n> [c]: https://e.com/c\n\n[c]", "> text\\\n> [c]: [https://e.com/c](https://e.com/c)\n\n[c]"],
	["a wide reference destination is written in brackets", "[w][x]\n\n[x]: <https://e.org/a (b)>", "[w](<https://e.org/a (b)>)"],
	// Embeds
	["note embed", "![[Embedded]]", "Embedded body with [Published](https://medium.com/@me/published-123)"],
	["heading embed", "![[Sections#Alpha]]", "### Alpha\n\nalpha text\n\n#### Alpha child\n\nchild text"],
	["nested heading embed", "![[Sections#Alpha#Alpha child]]", "### Alpha child\n\nchild text"],
	["heading embed ignores case", "![[Sections#beta]]", "### Beta\n\nbeta text\n\nA paragraph with an id\n\n- item one\n- item two\n- – nested under two\n- item three\n\n> quoted line\\\n> second\n\n```\n## Not a heading\n```"],
	["paragraph block embed", "![[Sections#^para1]]", "A paragraph with an id"],
	["list item block embed", "![[Sections#^item2]]", "- item two\n- – nested under two"],
	["quote block embed", "![[Sections#^quoteid]]", "> quoted line\\\n> second"],
	["an id ending a quote right under a paragraph embeds the quote alone", "![[Adjacent#^qid]]", "> the quote"],
	["a heading commented out (%% … %%, <!-- … -->) neither ends a section nor is one: Obsidian hides it", "![[Commented#A]]\n\n![[Commented#Draft section]]", "### A\n\nIn A.\n\nStill A.\n\nA again."],
	["a setext heading right under a comment ends the section above it: its text is the line under the comment, not the comment", "![[SetextAfterComment#A]]", "### A\n\ntext"],
	["a `%%` in a code span opens no comment: the headings after it are found", "![[Percent#Later]]", "### Later\n\nLater text."],
	["a list item's id embeds what is indented under it after blank lines too (its paragraphs, its code)", "![[Lists#^step]]", "2\\. two\\\nUnder two.\n\n```sh\nrun\n```"],
	["a list item's embed ends where a heading, a quote or a fence right under it starts", "![[Tight#^t1]]\n\n![[Tight#^t2]]\n\n![[Tight#^t3]]", "- one\n- two\n- three"],
	["an id after a list right under a heading embeds the list, not the heading", "![[Headed#^steps]]", "- a\n- b"],
	["an id after a loose list embeds the whole list, not its last item", "![[Lists#^loose]]", "- loose a\n- loose b"],
	["a nested item's id embeds it as a list item, not as indented code", "![[Lists#^mid]]", "- mid\n- – deep"],
	["an embed in a list item follows the item's whole text", "1. one ![[Embedded]] two\n2. three", "1. one two\n\nEmbedded body with [Published](https://medium.com/@me/published-123)\n\n2\\. three"],
	["an embed in a heading follows the heading's whole text", "## Head ![](https://www.youtube.com/watch?v=x) tail\n\ntext", "### Head tail\n\nhttps://www.youtube.com/watch?v=x\n\ntext"],
	["embed inside a quote", "> ![[Embedded]]", "> Embedded body with [Published](https://medium.com/@me/published-123)"],
	["unresolved embed dropped", "a\n\n![[Missing note]]\n\nb", "a\n\nb"],
	// Images and files
	["image embed", "![[pic.png]]", "![](pic.png)"],
	// Medium's table is text: an image in a cell follows the table (the cell keeps its name), as a list item's does.
	["an image in a table cell follows the table", "| a | b |\n|---|---|\n| ![[pic.png\\|50]] | ![x](https://e.com/x.png) |\n| ![[pic.png\\|50]] | 2 |", "```\na       | b\n--------|--\npic.png | x\npic.png | 2\n```\n\n![](pic.png)\n\n![x](https://e.com/x.png)\n\n![](pic.png)"],
	["image size dropped", "![[pic.png|300]]", "![](pic.png)"],
	["image size WxH dropped", "![[pic.png|300x200]]", "![](pic.png)"],
	["image caption", "![[pic.png|A caption]]", "![A caption](pic.png)"],
	["image alt and size", "![[pic.png|A caption|300]]", "![A caption](pic.png)"],
	["image alt and WxH size", "![[pic.png|A caption|300x200]]", "![A caption](pic.png)"],
	["markdown local image", "![Alt](img/photo%20one.jpg)", "![Alt](img/photo%20one.jpg)"],
	["local image title with escaped quotes or in parentheses", "![a](pic.png \"He said \\\"hi\\\"\")\n\n![b](pic.png (Paren \\) cap))", "![a](pic.png \"He said \\\"hi\\\"\")\n\n![b](pic.png \"Paren ) cap\")"],
	["link to a note with a title in parentheses", "See [it](Published.md (T)).", "See [it](https://medium.com/@me/published-123)."],
	["remote image stays, size dropped", "![alt|100](https://e.com/a.png)", "![alt](https://e.com/a.png)"],
	["remote image pure size", "![250](https://e.com/a.png)", "![](https://e.com/a.png)"],
	["pdf embed is its name", "![[doc.pdf]]", "doc.pdf"],
	["audio embed is its name", "![[song.mp3]]", "song.mp3"],
	["canvas embed is its name", "![[board.canvas]]", "board.canvas"],
	["youtube embed is a bare url", "Watch: ![](https://www.youtube.com/watch?v=xyz) now", "Watch:\n\nhttps://www.youtube.com/watch?v=xyz\n\nnow"],
	["tweet embed is a bare url", "![](https://twitter.com/u/status/1)", "https://twitter.com/u/status/1"],
	// Callouts, quotes
	["callout with title", "> [!tip] Read this\n> body", "> **Read this**\n>\n> body"],
	["callout without title", "> [!warning]\n> body", "> **Warning**\n>\n> body"],
	["foldable callout", "> [!faq]- Why?\n> because", "> **Why?**\n>\n> because"],
	["nested callout flattens", "> [!note] Outer\n> > [!todo] Inner\n> > text", "> **Outer**\n>\n> **Inner**\n>\n> text"],
	["plain quote stays", "> just a quote", "> just a quote"],
	// Comments
	["inline comment", "a %%hidden%% b", "a  b"],
	["multi-line comment", "a\n%%\nhidden\n%%\nb", "a\\\nb"],
	// Obsidian hides the comment inside the line it opened on: the text after it goes on that line.
	["comment across lines in text", "keep %%start\nmiddle\nend%% tail\nnext", "keep tail\\\nnext"],
	["a comment across lines in a quote or list item keeps its line whole", "> a %%x\n> y%% b\n\n- c <!-- x\ny --> d %%e\nf%% g\n- h", "> a b\n\n- c d g\n- h"],
	["a comment opening or closing a line leaves the lines apart", "one %%x\ny%%\ntwo\n%%z\nw%% three", "one\\\ntwo\\\nthree"],
	["html comment", "a <!-- x --> b", "a  b"],
	["multi-line html comment", "a\n<!--\nx\n-->\nb", "a\\\nb"],
	// Inline formatting
	["highlight", "a ==b== c", "a **b** c"],
	["unclosed highlight", "a == b", "a == b"],
	["tag in sentence", "I like #obsidian notes", "I like obsidian notes"],
	["nested tag", "see #area/sub-tag", "see area/sub-tag"],
	["number is not a tag", "year #1984", "year #1984"],
	["tag-only line dropped", "text\n#one #two/three\nmore", "text\\\nmore"],
	["heading keeps marker", "## Section", "### Section"],
	["url fragment untouched", "https://e.com/#frag", "[https://e.com/#frag](https://e.com/#frag)"],
	["block id removed", "A paragraph ^abc-1", "A paragraph"],
	["block id line removed", "- a\n- b\n\n^list-id\n\nafter", "- a\n- b\n\nafter"],
	["task items", "- [ ] open\n- [x] done\n- [?] other", "- ☐ open\n- ☑ done\n- ☑ other"],
	["ordered task item", "1. [ ] step", "1. ☐ step"],
	// GFM: the box holds "a whitespace character" (a tab too) for an open task.
	["task item with a tab in its box", "- [\t] open\n- [x]\tdone", "- ☐ open\n- ☑ done"],
	// Footnotes
	["numbered footnote", "Text[^a].\n\n[^a]: Note A.", "Text[1].\n\n---\n\n**Notes**\n\n1. Note A."],
	["named footnotes in order", "x[^z] y[^a]\n\n[^a]: A\n[^z]: Z", "x[1] y[2]\n\n---\n\n**Notes**\n\n1. Z\n2. A"],
	["inline footnote", "x^[inline text] y", "x[1] y\n\n---\n\n**Notes**\n\n1. inline text"],
	["footnote continuation", "x[^1]\n\n[^1]: first\n    second", "x[1]\n\n---\n\n**Notes**\n\n1. first\\\n   second"],
	// Math
	["inline math", "so $x^2$ here", "so `x^2` here"],
	["dollar amounts stay", "costs $5 and $10", "costs $5 and $10"],
	["display math one line", "$$a+b$$", "```\na+b\n```"],
	["display math block", "$$\na\nb\n$$", "```\na\nb\n```"],
	["a lone > after display math is no line of its own", "$$x$$ >\n\nnext", "```\nx\n```\n\nnext"],
	// Tables
	["table", "| Name | Age |\n|:--|--:|\n| Al | 3 |\n| Bea | 41 |", "```\nName | Age\n-----|----\nAl   |   3\nBea  |  41\n```"],
	["table with an autolink shows the address", "| a |\n|---|\n| <https://e.com/x> |", "```\na\n---------------\nhttps://e.com/x\n```"],
	["table with links", "| a | b |\n|---|---|\n| [[Published\\|P]] | `c` |", "```\na | b\n--|--\nP | c\n```"],
	["a comment that ends on the header line stays out of the table", "%%from here\nto here%% | A | B |\n|---|---|\n| 1 | 2 |", "```\nA | B\n--|--\n1 | 2\n```"],
	// Blocks kept as code
	["mermaid stays code", "```mermaid\ngraph TD\n```", "```mermaid\ngraph TD\n```"],
	["dataview stays code", "```dataview\nLIST\n```", "```dataview\nLIST\n```"],
];

describe("converter rules", () => {
	test.each(rows)("%s", async (_name, input, expected) => {
		expect(await body(input, vault)).toBe(expected);
	});
});

test("brackets in a wiki-link's alias stay in the link's text", async () => {
	const story = await convert("# T\n\n[[Published|a]b]] and [[Published|[x] y]]", vault);
	const link = (text: string) => ({ type: "link", href: "https://medium.com/@me/published-123", children: [{ type: "text", text }] });
	expect(story.blocks[0]).toEqual({ type: "paragraph", content: [link("a]b"), { type: "text", text: " and " }, link("[x] y")], line: 3 });
});

describe("bare web addresses are links, their text as written", () => {
	const link = (url: string, href = url) => ({ type: "link", href, children: [{ type: "text", text: url }] });
	test.each([
		["https://github.com/o/r/blob/main/__init__.py"],
		["https://e.com/a==b==c"],
		["https://e.com/x%%y%%z"],
		["https://e.com/$a$b"],
		["https://en.wikipedia.org/wiki/Foo_(bar)"],
	])("%s", async (url) => {
		const story = await convert(`# T\n\nSee ${url} now.`, vault);
		expect(story.blocks).toEqual([{ type: "paragraph", content: [{ type: "text", text: "See " }, link(url), { type: "text", text: " now." }], line: 3 }]);
		expect(codes(story)).toEqual([]);
	});
	test("www. goes to http://, and a trailing * is the sentence's (GFM)", async () => {
		const story = await convert("# T\n\nSee www.example.com/*star* now.", vault);
		expect(story.blocks[0]).toEqual({ type: "paragraph", content: [{ type: "text", text: "See " }, link("www.example.com/*star", "http://www.example.com/*star"), { type: "text", text: "* now." }], line: 3 });
	});
	test("trailing punctuation and an unbalanced parenthesis are the sentence's; emphasis around an address stays", async () => {
		const story = await convert("# T\n\n(see https://e.com/__a__), *https://e.com/b_c*.", vault);
		expect(story.blocks[0]).toEqual({ type: "paragraph", content: [{ type: "text", text: "(see " }, link("https://e.com/__a"), { type: "text", text: "__), " }, { type: "em", children: [link("https://e.com/b_c")] }, { type: "text", text: "." }], line: 3 });
	});
	test("an address in a link's text or in code stays text", async () => {
		const story = await convert("# T\n\n[see https://e.com/a](https://e.com/b) and `https://e.com/c`", vault);
		expect(story.blocks[0]).toEqual({ type: "paragraph", content: [{ type: "link", href: "https://e.com/b", children: [{ type: "text", text: "see https://e.com/a" }] }, { type: "text", text: " and " }, { type: "code", text: "https://e.com/c" }], line: 3 });
	});
});

describe("code is never changed", () => {
	const code = [
		"[[Published]] ![[Embedded]] ==hl== %%c%% #tag $x$ ^[fn] [^1] ^abc",
		"> [!note] not a callout",
	];
	// The code's text is kept byte for byte; the fence is the writer's (backticks, longer than any run inside).
	test.each([
		["backtick fence", "```\n" + code.join("\n") + "\n```", "```\n" + code.join("\n") + "\n```"],
		["long backtick fence", "````md\n" + code.join("\n") + "\n```\nstill code\n````", "````md\n" + code.join("\n") + "\n```\nstill code\n````"],
		["tilde fence", "~~~\n" + code.join("\n") + "\n~~~", "```\n" + code.join("\n") + "\n```"],
		["indented code", "para\n\n    " + code.join("\n    "), "para\n\n```\n" + code.join("\n") + "\n```"],
		["fence in a list moves out of the item", "- item\n  ```\n  [[Published]] ==x==\n  ```", "- item\n\n```\n[[Published]] ==x==\n```"],
	])("%s", async (_name, input, expected) => {
		expect(await body(input, vault)).toBe(expected);
	});
	test("inline code", async () => {
		expect(await body("a `[[Published]] ==x== #t $y$` b", vault)).toBe("a `[[Published]] ==x== #t $y$` b");
		expect(await body("a ``x ` [[Draft]]`` [[Draft]]", vault)).toBe("a ``x ` [[Draft]]`` Draft");
	});
	test("a backslash inside a code span is literal, even right before the closing backtick", async () => {
		// CommonMark: backslash escapes do not work in code spans, so `\` is a span holding one backslash;
		// only a run that would open a span can be escaped.
		const story = await convert("# T\n\nType a backslash (`\\`) or `a\\` here; \\`not code`.");
		expect(story.blocks[0]).toEqual({
			type: "paragraph",
			content: [
				{ type: "text", text: "Type a backslash (" },
				{ type: "code", text: "\\" },
				{ type: "text", text: ") or " },
				{ type: "code", text: "a\\" },
				{ type: "text", text: " here; `not code`." },
			],
			line: 3,
		});
		expect(bodyOf(story)).toBe("Type a backslash (`\\`) or `a\\` here; \\`not code\\`.");
	});
	test("a fence left open runs to the end and is closed", async () => {
		expect(await body("```\n[[Draft]]", vault)).toBe("```\n[[Draft]]\n```");
	});
});

describe("title, tags, canonical URL", () => {
	test("title from the first H1, not repeated", async () => {
		const s = await convert("intro\n\n# The Title\n\ntext");
		expect(s.title).toBe("The Title");
		expect(s.content).toBe("# The Title\n\nintro\n\ntext\n");
	});
	test("an H1 after a callout, code, display math or a table is a section, not the title: Obsidian shows it below them", async () => {
		// A Zotero literature note: metadata callouts, then `# Annotations`.
		const zotero = await convert("> [!Cite]\n> Smith (2020).\n\n# Annotations\n\nQuote.", {}, {}, "Smith 2020.md");
		expect(zotero.title).toBe("Smith 2020");
		expect(zotero.content).toBe("# Smith 2020\n\n> **Cite**\n>\n> Smith (2020).\n\n### Annotations\n\nQuote.\n");
		// A research note whose H1s are its sections, display math first.
		expect((await convert("Let\n$$\nx = 1\n$$\n\n# Relation\n\ntext", {}, {}, "Cheeger.md")).title).toBe("Cheeger");
		expect((await convert("```js\nx\n```\n\n# Later\n\ntext", {}, {}, "Code.md")).title).toBe("Code");
		expect((await convert("| a | b |\n|---|---|\n| 1 | 2 |\n\n# Later\n\ntext", {}, {}, "Tab.md")).title).toBe("Tab");
		// A section (a heading with text under it) before it: the H1 is one of the note's later headings, as the
		// Obsidian Hub's footer ('# This note in GitHub' under a note of ## sections) is; lifted to the top it would
		// title the story with the footer's name and move the footer over the note.
		const hub = await convert("## Concepts\n\nSome text.\n\n## More\n\n- item\n\n# This note in GitHub\n\nLinks.", {}, {}, "My Guide.md");
		expect(hub.title).toBe("My Guide");
		expect(hub.content.endsWith("This note in GitHub\n\nLinks.\n")).toBe(true);
		expect((await convert("## Sub\n- a list\n# Later", {}, {}, "L.md")).title).toBe("L");
		expect((await convert("## Related\n\n[[Other]]\n\n# Later", {}, {}, "R.md")).title).toBe("R");
		// Short lines, a plain quote (an epigraph), images, headings and comments before it leave it the title.
		expect((await convert("Tags: #x\n\n> A quote.\n\n%%\n```\nhidden\n```\n%%\n\n## Sub\n\n# The Title\n\ntext", {}, {}, "Z.md")).title).toBe("The Title");
	});
	test("medium_title wins over title and the H1 stays", async () => {
		const s = await convert("---\ntitle: T\nmedium_title: M\n---\n# H\nx");
		expect(s.title).toBe("M");
		expect(s.content).toBe("# M\n\n### H\n\nx\n");
	});
	test("a title property equal to the H1 does not repeat it", async () => {
		expect((await convert("---\ntitle: Same Title\n---\n# Same title\n\nbody")).content).toBe("# Same Title\n\nbody\n");
	});
	test("a note with nothing below its title says so, on the title's line: Medium would show the title alone", async () => {
		const stub = await convert("---\ntags: [x]\n---\n# Stub\n\n%% to write %%\n");
		expect(stub.content).toBe("# Stub\n");
		expect(stub.warnings.map((w) => [w.code, w.line])).toEqual([["empty-story", 4]]);
		expect(codes(await convert("---\ntitle: Only\n---\n"))).toEqual(["empty-story"]);
		expect(codes(await convert("# Title\n\nA line."))).toEqual([]);
	});
	test("a title that is a template's unfilled placeholder ({{title}}, {{date:YYYY-MM-DD}}) warns on its line: Obsidian fills them only when the template is inserted", async () => {
		const template = await convert("---\ntags: [seedling]\n---\n\n# {{title}}\n\nBy someone.\n");
		expect(template.title).toBe("{{title}}");
		expect(template.warnings.map((w) => [w.code, w.line])).toEqual([["template-placeholder", 5]]);
		expect(codes(await convert("---\ntitle: Log {{Date:YYYY-MM-DD}}\n---\nbody"))).toEqual(["template-placeholder"]);
		expect(codes(await convert("# {{time}} notes\n\nbody"))).toEqual(["template-placeholder"]);
		expect(codes(await convert("# {{titles}} and {{name}} and {{date\n\nbody"))).toEqual([]);
		expect(codes(await convert("# Title\n\nbody {{title}}"))).toEqual([]);
		expect(codes(await convert("# {{title}}\n\n%% to write %%\n"))).toEqual(["empty-story", "template-placeholder"]);
		// QuickAdd's and Templater's, once each (the Templater command in the title is read with the body's).
		expect(codes(await convert("---\ntitle: \"{{VALUE:Project name}}\"\n---\nbody"))).toEqual(["template-placeholder"]);
		const templater = await convert("# <% tp.file.title %>\n\nMade <% tp.date.now() %>.");
		expect(templater.warnings.map((w) => [w.code, w.line])).toEqual([["template-placeholder", 1]]);
	});
	test("title property", async () => {
		expect((await convert("---\ntitle: From property\n---\nbody")).title).toBe("From property");
	});
	test("file name when nothing else", async () => {
		expect((await convert("body", {}, {}, "folder/My note.md")).title).toBe("My note");
	});
	test("frontmatter never reaches the content", async () => {
		const s = await convert("---\nsecret: x\ntags: [a]\n---\nbody");
		expect(s.content).not.toContain("secret");
		expect(s.content).toBe("# Note\n\nbody\n");
	});
	test("H1 with a link gives a plain title", async () => {
		expect((await convert("# About [[Published|this]] and ==that==", vault)).title).toBe("About this and that");
	});
	test("a title or subtitle property holding internal links shows their text, as Obsidian shows a text property's links; its markdown stays as written", async () => {
		const s = await convert("---\ntitle: \"Notes on [[Zettelkasten]] and [[Evergreen notes|evergreens]]\"\nmedium_subtitle: \"[[Books#Atomic Habits]], *read* twice\"\n---\nbody");
		expect([s.title, s.subtitle]).toEqual(["Notes on Zettelkasten and evergreens", "Books > Atomic Habits, *read* twice"]);
		expect((await convert("---\nmedium_title: \"[[Published]]\"\n---\nbody", vault)).title).toBe("Published");
	});
	test("subtitle follows the title", async () => {
		expect((await convert("---\nmedium_subtitle: Sub\n---\nbody")).content).toBe("# Note\n\n## Sub\n\nbody\n");
	});
	test("medium_tags over tags, # dropped, warnings for Medium's limits", async () => {
		const s = await convert("---\ntags: [x]\nmedium_tags: [\"#one\", two, three, four, averyveryverylongtagthatmediumignores]\n---\nb");
		expect(s.tags).toEqual(["one", "two", "three", "four", "averyveryverylongtagthatmediumignores"]);
		expect(codes(s)).toEqual(["too-many-tags", "tag-too-long"]);
	});
	test("a Tags or TAGS property is the tags, a Title the title, as Obsidian reads names in any case (a CSV or Airtable import writes its column's name)", async () => {
		const csv = await convert("---\nTitle: From CSV\nTags:\n  - Fiction\n  - test\n---\nx");
		expect([csv.title, csv.tags]).toEqual(["From CSV", ["Fiction", "test"]]);
		expect((await convert("---\nTAGS: a, b\n---\nx")).tags).toEqual(["a", "b"]);
	});
	test("tags as a string", async () => {
		expect((await convert("---\ntags: a, b\n---\nx")).tags).toEqual(["a", "b"]);
	});
	test("tags as a string of words are several tags (an Obsidian tag holds no space); medium_tags may hold spaces", async () => {
		expect((await convert("---\ntags: writing  obsidian tools\n---\nx")).tags).toEqual(["writing", "obsidian", "tools"]);
		expect((await convert("---\nmedium_tags: Machine Learning, Data Science\n---\nx")).tags).toEqual(["Machine Learning", "Data Science"]);
	});
	test("a blog post's tags written as one string with commas (tags: \"astro, web dev\") are parted at the commas only: its tags may hold spaces", async () => {
		expect((await convert("---\ntags: astro, blogging, web dev\n---\nx", {}, {}, "src/content/blog/p.md")).tags).toEqual(["astro", "blogging", "web dev"]);
		// Without a comma, Jekyll's space-separated string: several tags.
		expect((await convert("---\ntags: jekyll ruby\n---\nx", {}, {}, "_posts/2020-01-01-p.md")).tags).toEqual(["jekyll", "ruby"]);
		// In an Obsidian vault a tag holds no space, as before.
		expect((await convert("---\ntags: astro, web dev\n---\nx", {}, { obsidianVault: true })).tags).toEqual(["astro", "web", "dev"]);
	});
	test("a note tagged only in its text has those tags: the tag line the story leaves out, and tags in its sentences, once each whatever their case", async () => {
		const vaultNote = { obsidianVault: true };
		const text = "# Writing in public\n\n#writing #PKM/obsidian\n\nWhy I #Writing daily, see `#code` and issue #42.\n\n> [!note]\n> #callout\n\n```\n#fenced\n```";
		const s = await convert(text, {}, vaultNote);
		expect(s.tags).toEqual(["writing", "PKM/obsidian", "callout"]);
		expect(s.content).not.toContain("#writing");
		// An empty tags property names none; an embedded note's tags are its own, not the story's.
		const files = { "Other.md": "#elsewhere\n\nText" };
		expect((await convert("---\ntags:\n---\nBody #mine\n\n![[Other]]", files, vaultNote)).tags).toEqual(["mine"]);
		// A site's post (a folder that is no Obsidian vault, a Jekyll post) takes its tags from its front matter only.
		expect((await convert(text)).tags).toEqual([]);
		expect((await convert(text, {}, vaultNote, "_posts/2024-05-01-post.md")).tags).toEqual([]);
	});
	test("a note of many tags keeps a few and names a few: Medium takes 3, and the warning counts the rest", async () => {
		const many = await convert("Body.\n\n" + Array.from({ length: 5000 }, (_, i) => `#t${i}`).join(" "), {}, { obsidianVault: true });
		expect(many.tags).toEqual(["t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9"]);
		expect(many.warnings.map((w) => w.message)).toEqual(["Medium keeps only the first 3 tags; t3, t4, t5, t6, t7, t8, t9 and more will be dropped."]);
		const listed = await convert(`---\ntags: [${Array.from({ length: 12 }, (_, i) => `p${i}`).join(", ")}]\n---\nx`);
		expect(listed.warnings.map((w) => w.message)).toEqual(["Medium keeps only the first 3 tags; p3, p4, p5, p6, p7, p8, p9 and 2 more will be dropped."]);
	});
	test("a tags property, or medium_tags, wins over the tags in the text", async () => {
		expect((await convert("---\ntags: [a]\n---\nBody #b\n\n#c", {}, { obsidianVault: true })).tags).toEqual(["a"]);
		expect((await convert("---\nmedium_tags: [m]\ntags: [a]\n---\nBody #b", {}, { obsidianVault: true })).tags).toEqual(["m"]);
	});
	test("a blank medium_tags, as a template leaves it (`medium_tags:`, Obsidian's empty list `[]`, \"\"), names no tags: the note's own stand", async () => {
		for (const blank of ["medium_tags:", "medium_tags: []", "medium_tags: \"\"", "Medium_Tags:"]) {
			expect((await convert(`---\ntags: [writing, obsidian]\n${blank}\n---\nBody`)).tags).toEqual(["writing", "obsidian"]);
			expect((await convert(`---\n${blank}\n---\nBody #pkm`, {}, { obsidianVault: true })).tags).toEqual(["pkm"]);
		}
	});
	test("a linked note's own canonical_url wins over the link template, and its medium_url over both", async () => {
		const files = { ...vault, "Both.md": "---\ncanonical_url: https://me.dev/both/\nmedium_url: https://medium.com/@me/both-1\n---\nx" };
		const story = await convert("[[Blog]] [[Draft]] [[Both]]", files, { linkTemplate: "https://t.example/{slug}/" });
		expect(bodyOf(story)).toBe("[Blog](https://me.dev/blog-post/) [Draft](https://t.example/draft/) [Both](https://medium.com/@me/both-1)");
	});
	test("canonical_url and template", async () => {
		expect((await convert("---\ncanonical_url: https://me.dev/x\n---\nb")).canonicalUrl).toBe("https://me.dev/x");
		expect((await convert("b", {}, { canonicalTemplate: "https://me.dev/blog/{slug}" }, "My Great Post.md")).canonicalUrl).toBe("https://me.dev/blog/my-great-post");
		expect((await convert("b")).canonicalUrl).toBeNull();
	});
	test("Hugo's and Astro's canonicalURL is the post's canonical URL, for the post and for links to it", async () => {
		const options = { canonicalTemplate: "https://t.example/{slug}/", linkTemplate: "https://t.example/{slug}/" };
		expect((await convert("---\ncanonicalURL: https://me.dev/x/\n---\nb", {}, options)).canonicalUrl).toBe("https://me.dev/x/");
		const files = { "Hugo.md": "---\ncanonicalURL: https://me.dev/hugo/\n---\nx" };
		expect(bodyOf(await convert("[[Hugo]]", files, options))).toBe("[Hugo](https://me.dev/hugo/)");
	});
	test("a post's canonical (Astro blogs, Hashnode's export) is its canonical URL, for the post and for links to it", async () => {
		const options = { canonicalTemplate: "https://t.example/{slug}/", linkTemplate: "https://t.example/{slug}/" };
		expect((await convert("---\ncanonical: https://me.dev/x/\n---\nb", {}, options)).canonicalUrl).toBe("https://me.dev/x/");
		const files = { "Astro.md": "---\ncanonical: https://me.dev/astro/\n---\nx" };
		expect(bodyOf(await convert("[[Astro]]", files, options))).toBe("[Astro](https://me.dev/astro/)");
	});
	test("a site-root link to a page that is not in the vault (/about/, /tags/x/) goes to the blog's own site: its canonical URL's origin", async () => {
		const options = { canonicalTemplate: "https://me.dev/blog/{slug}/" };
		const story = await convert("See [about](/about/), [tags](/tags/react/#top) and [here](/blog/x/).", {}, options, "posts/x.md");
		expect(bodyOf(story)).toBe("See [about](https://me.dev/about/), [tags](https://me.dev/tags/react/#top) and [here](https://me.dev/blog/x/).");
		expect(codes(story)).toEqual([]);
		// Without a canonical URL there is no site to point at: plain text, with the warning.
		const alone = await convert("See [about](/about/).", {}, {}, "posts/x.md");
		expect(bodyOf(alone)).toBe("See about.");
		expect(codes(alone)).toEqual(["unresolved-link"]);
		// A page of the vault is still its note.
		const files = { "content/about/index.md": "---\ncanonical_url: https://me.dev/about-me/\n---\nx" };
		expect(bodyOf(await convert("[a](/about/)", files, options, "content/posts/x.md"))).toBe("[a](https://me.dev/about-me/)");
	});
	test("a relative link to a page of the blog that is not in the folder (../older-post/) is read from the post's canonical URL, as the blog's reader's browser reads it", async () => {
		const options = { canonicalTemplate: "https://me.dev/blog/{slug}/" };
		const story = await convert("Read [the older one](../older-post/#end) and [this](./) but not [a note](../Missing.md).", {}, options, "posts/x.md");
		expect(bodyOf(story)).toBe("Read [the older one](https://me.dev/blog/older-post/#end) and [this](https://me.dev/blog/x/) but not a note.");
		expect(codes(story)).toEqual(["unresolved-link"]);
	});
	test("the images to upload name their alt text as the reader sees it, without markdown's escapes", async () => {
		const files = { "a.png": "png", "b.png": "png" };
		const story = await convert('![Tom \\& Jerry \\[1\\]](a.png)\n\n<img src="b.png" alt="Q &amp; A [2]">', files);
		expect(story.images).toEqual([{ path: "a.png", alt: "Tom & Jerry [1]" }, { path: "b.png", alt: "Q & A [2]" }]);
	});
	test("a post's own slug property (Hugo, Jekyll, Docusaurus, many Gatsby blogs) is its {slug}, for its canonical URL and links to it", async () => {
		const template = "https://me.dev/blog/{slug}/";
		const post = "---\nslug: why-x-matters\n---\nb";
		expect((await convert(post, {}, { canonicalTemplate: template }, "_posts/2024-01-02-why-x.md")).canonicalUrl).toBe("https://me.dev/blog/why-x-matters/");
		expect((await convert("---\nslug: /notes/a b\n---\nb", {}, { canonicalTemplate: template }, "x.md")).canonicalUrl).toBe("https://me.dev/blog/notes/a%20b/");
		const linking = await convert("See [[2024-01-02-why-x]].", { "_posts/2024-01-02-why-x.md": post }, { linkTemplate: template });
		expect(bodyOf(linking)).toBe("See [2024-01-02-why-x](https://me.dev/blog/why-x-matters/).");
		// {path} and {title} stay the file's; an empty or non-text slug is no slug.
		expect((await convert("---\nslug: s\n---\nb", {}, { canonicalTemplate: "https://me.dev/{path}" }, "dir/Name.md")).canonicalUrl).toBe("https://me.dev/dir/Name");
		expect((await convert("---\nslug: ''\n---\nb", {}, { canonicalTemplate: template }, "Name.md")).canonicalUrl).toBe("https://me.dev/blog/name/");
	});
	test("a garden's permalink (Obsidian Publish's and Quartz's permalink, Digital Garden's dg-permalink) is the note's {slug} and {path}: the site serves it there", async () => {
		const dg = "---\ndg-publish: true\ndg-permalink: my-name-is-permalink/custom-permalink\n---\nb";
		expect((await convert(dg, {}, { canonicalTemplate: "https://garden.dev/{path}/" }, "007 Custom permalink.md")).canonicalUrl).toBe("https://garden.dev/my-name-is-permalink/custom-permalink/");
		expect((await convert("---\npermalink: /ideas/first/\n---\nb", {}, { canonicalTemplate: "https://pub.dev/{slug}" }, "Notes/First idea.md")).canonicalUrl).toBe("https://pub.dev/ideas/first");
		const linking = await convert("See [[Idea]].", { "Idea.md": "---\npermalink: big-idea\n---\nx" }, { linkTemplate: "https://pub.dev/{slug}" });
		expect(bodyOf(linking)).toBe("See [Idea](https://pub.dev/big-idea).");
		// Digital Garden's home note is the garden's root page.
		const home = await convert("Back to [[000 Home|home]].", { "000 Home.md": "---\ndg-home: true\ndg-publish: true\n---\nx" }, { linkTemplate: "https://garden.dev/{path}" });
		expect(bodyOf(home)).toBe("Back to [home](https://garden.dev/).");
		const slashed = await convert("[[000 Home]]", { "000 Home.md": "---\ndg-home: true\n---\nx" }, { linkTemplate: "https://garden.dev/{slug}/" });
		expect(bodyOf(slashed)).toBe("[000 Home](https://garden.dev/)");
		// A blog's own slug wins for {slug}; without any, the file's name as before.
		expect((await convert("---\nslug: s\npermalink: p\n---\nb", {}, { canonicalTemplate: "https://x.dev/{slug}" }, "N.md")).canonicalUrl).toBe("https://x.dev/s");
		expect((await convert("b", {}, { canonicalTemplate: "https://x.dev/{path}" }, "dir/N.md")).canonicalUrl).toBe("https://x.dev/dir/N");
	});
});

describe("notes their properties keep off their site (draft: true, publish: false, dg-publish: false)", () => {
	test("the note itself warns on the property's line, and a template's canonical URL (a page the site does not have) is left out", async () => {
		const draft = await convert("---\ntitle: WIP\ndraft: true\n---\nBody.", {}, { canonicalTemplate: "https://site.dev/{slug}" });
		expect(draft.warnings.map((w) => [w.code, w.line])).toEqual([["off-site-note", 3]]);
		expect(draft.warnings[0].message).toContain("draft: true");
		expect(draft.canonicalUrl).toBeNull();
		expect(draft.content).toBe("# WIP\n\nBody.\n");
		// Its own canonical_url is the writer's word: kept.
		const own = await convert("---\npublish: false\ncanonical_url: https://site.dev/x\n---\nBody.", {}, { canonicalTemplate: "https://site.dev/{slug}" });
		expect(codes(own)).toEqual(["off-site-note"]);
		expect(own.canonicalUrl).toBe("https://site.dev/x");
		expect(codes(await convert("---\ndg-publish: false\n---\nBody."))).toEqual(["off-site-note"]);
		expect(codes(await convert("---\npublished: false\n---\nBody."))).toEqual(["off-site-note"]); // Jekyll's
		expect(codes(await convert("---\nmedium_publish: \"false\"\n---\nBody."))).toEqual(["off-site-note"]);
		// Notes free to go are quiet.
		for (const free of ["---\ndraft: false\npublish: true\ndg-publish: true\n---\nBody.", "Body.", "---\nmedium_publish: true\n---\nBody."]) {
			const s = await convert(free, {}, { canonicalTemplate: "https://site.dev/{slug}" });
			expect(codes(s)).toEqual([]);
			expect(s.canonicalUrl).toMatch(/^https:\/\/site\.dev\//);
		}
	});
	test("an embed of such a note shows its text, as Obsidian does, and says so", async () => {
		const files = { "Private.md": "---\ndg-publish: false\n---\nSecret plans." };
		const s = await convert("Intro.\n\n![[Private]]", files);
		expect(bodyOf(s)).toBe("Intro.\n\nSecret plans.");
		expect(s.warnings.map((w) => [w.code, w.line])).toEqual([["off-site-embed", 3]]);
		expect(s.warnings[0].message).toContain("dg-publish: false");
	});
	test("a link to such a note is not given the link template's address (no page there), with a warning", async () => {
		const files = { "Draft.md": "---\ndraft: true\n---\nx", "Live.md": "y", "Posted.md": "---\ndraft: true\nmedium_url: https://medium.com/@me/p-1\n---\nz" };
		const s = await convert("[[Draft]], [the draft](Draft.md), [[Live]] and [[Posted]].", files, { linkTemplate: "https://me.dev/{slug}" });
		expect(bodyOf(s)).toBe("Draft, the draft, [Live](https://me.dev/live) and [Posted](https://medium.com/@me/p-1).");
		expect(codes(s)).toEqual(["off-site-link", "off-site-link"]);
		// Without a template such links are plain text already: nothing more to say.
		expect(codes(await convert("[[Draft]]", files))).toEqual([]);
	});
});

describe("links to notes not on Medium", () => {
	test("a link template makes them links", async () => {
		expect(await body("[[Draft]] and [[folder/Deep Note|deep]]", vault, { linkTemplate: "https://me.dev/{slug}" })).toBe(
			"[Draft](https://me.dev/draft) and [deep](https://me.dev/deep-note)",
		);
	});
	test("a custom URL property", async () => {
		const files = { "A.md": "---\ncanonical: https://medium.com/x\n---\n" };
		expect(await body("[[A]]", files, { urlProperty: "canonical" })).toBe("[A](https://medium.com/x)");
	});
});

describe("images", () => {
	test("local images are listed once with their alt text", async () => {
		const s = await convert("![[pic.png|Cap]] ![[pic.png]] ![x](img/photo%20one.jpg) ![r](https://e.com/r.png)", vault);
		expect(s.images).toEqual([
			{ path: "pic.png", alt: "Cap" },
			{ path: "img/photo one.jpg", alt: "x" },
		]);
	});
	test("uploaded images take their Medium URL; others are left out", async () => {
		const s = await convert("![[pic.png]]\n\n![[img/photo one.jpg]]", vault, { imageUrls: new Map([["pic.png", "https://cdn/m.png"]]) });
		expect(s.content).toBe("# Note\n\n![](https://cdn/m.png)\n");
	});
	test("images of embedded notes are listed", async () => {
		const s = await convert("![[Holder]]", { ...vault, "Holder.md": "![[pic.png]]" });
		expect(s.images.map((i) => i.path)).toEqual(["pic.png"]);
		expect(s.embeddedNotes).toEqual(["Holder.md"]);
	});
	test("a query after a local image or note (`?raw=true`, which GitHub and a blog's server ignore) names the file before it", async () => {
		const files = { ...vault, "What?.png": "", "Other.md": "---\nmedium_url: https://medium.com/@me/o-1\n---\nx" };
		const s = await convert("![a](pic.png?raw=true) ![b](./img/photo%20one.jpg?width=300#center) ![c](What%3F.png) [d](Other.md?plain=1#Top)", files);
		expect(s.images.map((i) => i.path)).toEqual(["pic.png", "img/photo one.jpg", "What?.png"]);
		expect(s.content).toContain("[d](https://medium.com/@me/o-1)");
		expect(codes(s)).toEqual([]);
		// A wiki-link's `?` is part of the name: `[[Draft?]]` is no link to Draft.md.
		expect(codes(await convert("![[pic.png?x]] [[Draft?]]", vault))).toEqual(["unresolved-embed", "unresolved-link"]);
	});
	test("a Windows path's backslashes (![](.\\images\\a.png), as Typora on Windows writes it) are the folders a browser reads", async () => {
		const files = { ...vault, "Other.md": "---\nmedium_url: https://medium.com/@me/o-1\n---\nx" };
		const s = await convert("![a](.\\img\\photo%20one.jpg) ![b](<img\\photo one.jpg>) [d](.\\Other.md)", files);
		expect(s.images.map((i) => i.path)).toEqual(["img/photo one.jpg"]);
		expect(s.content).toContain("[d](https://medium.com/@me/o-1)");
		expect(codes(s)).toEqual([]);
	});
	test("in a blog, a bare image or link destination is the post's own file first, as the site and GitHub read it; in a vault, Obsidian's exact path wins", async () => {
		const files = {
			"cover.png": "root",
			"posts/p1/cover.png": "post",
			"other.md": "---\nmedium_url: https://medium.com/@me/root-1\n---\nx",
			"posts/p1/other.md": "---\nmedium_url: https://medium.com/@me/p1-1\n---\ny",
		};
		const text = "![c](cover.png)\n\n[o](other.md)";
		const blog = await convert(text, files, {}, "posts/p1/index.md");
		expect(blog.images.map((i) => i.path)).toEqual(["posts/p1/cover.png"]);
		expect(blog.content).toContain("[o](https://medium.com/@me/p1-1)");
		const vault = await convert(text, files, { obsidianVault: true }, "posts/p1/index.md");
		expect(vault.images.map((i) => i.path)).toEqual(["cover.png"]);
		expect(vault.content).toContain("[o](https://medium.com/@me/root-1)");
	});
	test("a missing image warns", async () => {
		const s = await convert("![[gone.png]] ![a](gone.jpg)", vault);
		expect(codes(s)).toEqual(["missing-image", "missing-image"]);
		expect(s.images).toEqual([]);
	});
});

describe("warnings", () => {
	test("each lossy construct warns with its line", async () => {
		const s = await convert("---\na: 1\n---\n[[Nowhere]]\n![[Missing]]\n![[doc.pdf]]\n```mermaid\nx\n```\n| a |\n|---|\n| b |", vault);
		expect(s.warnings.map((w) => [w.code, w.line])).toEqual([
			["unresolved-link", 4],
			["unresolved-embed", 5],
			["unsupported-embed", 6],
			["unrendered-block", 7],
			["table-as-text", 10],
		]);
	});
	test("a warning from a table cell names the cell's own row, in the note and in an embedded note", async () => {
		const table = "| a | b |\n|---|---|\n| 1 | 2 |\n| [[Nowhere]] | ![[gone.png]] |\n| 3 | [[Gone too]] |";
		const s = await convert("Intro.\n\n" + table + "\n\n![[Holder]]", { "Holder.md": "h\n\n" + table });
		const root = s.warnings.filter((w) => w.path === undefined);
		const held = s.warnings.filter((w) => w.path !== undefined);
		expect([...root, ...held].map((w) => [w.code, w.path, w.line])).toEqual([
			["table-as-text", undefined, 3],
			["unresolved-link", undefined, 6],
			["missing-image", undefined, 6],
			["unresolved-link", undefined, 7],
			["table-as-text", "Holder.md", 3],
			["unresolved-link", "Holder.md", 6],
			["missing-image", "Holder.md", 6],
			["unresolved-link", "Holder.md", 7],
		]);
	});
	test("a markdown link to a note not on Medium becomes text with a warning; a wiki-link to it stays quiet", async () => {
		const s = await convert("See [the second post](second-post/index.md) and [[index]].", { "second-post/index.md": "Second" });
		expect(s.content).toContain("See the second post and index.");
		expect(s.warnings.map((w) => w.code)).toEqual(["unpublished-link"]);
	});

	test("a markdown link to a note on Medium with parentheses in its name, or after a space, is a link", async () => {
		const files = { "Meeting (2024).md": "---\nmedium_url: https://medium.com/@me/m-1\n---\nx", "Plain.md": "---\nmedium_url: https://medium.com/@me/p-2\n---\ny" };
		const s = await convert("See [the meeting](Meeting%20(2024).md) and [plain]( Plain.md ).", files);
		expect(bodyOf(s)).toBe("See [the meeting](https://medium.com/@me/m-1) and [plain](https://medium.com/@me/p-2).");
		expect(codes(s)).toEqual([]);
	});
	test("a markdown link to a note on Medium is a link, with no warning", async () => {
		const s = await convert("See [it](Other.md).", { "Other.md": "---\nmedium_url: https://medium.com/@me/other-1\n---\nx" });
		expect(s.content).toContain("See [it](https://medium.com/@me/other-1).");
		expect(s.warnings).toEqual([]);
	});

	test("a warning inside an embed names the embedded note and its own line", async () => {
		const s = await convert("x\n![[Holder]]", { "Holder.md": "a\nb\n[[Nowhere]]" });
		expect(s.warnings).toEqual([expect.objectContaining({ code: "unresolved-link", line: 3, path: "Holder.md" })]);
	});

	test("a warning two embeds deep names the deepest note; the root's own warnings have no path", async () => {
		const s = await convert("[[Gone]]\n![[Outer]]", { "Outer.md": "o\n![[Inner]]", "Inner.md": "i\n\n$x$" });
		expect(s.warnings.map((w) => [w.code, w.path, w.line])).toEqual([
			["unresolved-link", undefined, 1],
			["math-as-code", "Inner.md", 3],
		]);
	});

	test("math is warned about once per story, saying in how many places, at the first", async () => {
		const s = await convert("Intro.\n\n$a$ and $b$\n\n$c$\n\n$$\nd\n$$\n\n- $e$\n- $f$", {});
		expect(s.warnings.map((w) => [w.code, w.line, w.message])).toEqual([["math-as-code", 3, "Math is shown as code in 5 places: Medium cannot render it."]]);
		// One place keeps the plain message.
		expect((await convert("$a$ and $b$", {})).warnings.map((w) => w.message)).toEqual(["Math is shown as code: Medium cannot render it."]);
	});

	test("an H1 that stays in the body (a title property differs) warns once, from the body", async () => {
		const s = await convert("---\ntitle: Other\n---\n# Head with $x$ and [[Gone]]\n\nText $y$.", {});
		expect(s.title).toBe("Other");
		expect(s.warnings.map((w) => [w.code, w.line])).toEqual([
			["math-as-code", 4],
			["unresolved-link", 4],
		]);
		expect(s.warnings[0].message).toContain("in 2 places");
	});

	test("an embedded note's warnings come at its embed, in the root note's order, each naming its own line", async () => {
		const outer = "o\n\n\n\n[[Nowhere]]\n\n\n\n\n\n\n\n\n\n$m$";
		const s = await convert("[[Gone]]\n\n![[Outer]]\n\n$x$", { "Outer.md": outer });
		expect(s.warnings.map((w) => [w.code, w.path, w.line])).toEqual([
			["unresolved-link", undefined, 1],
			["unresolved-link", "Outer.md", 5],
			["math-as-code", "Outer.md", 15],
		]);
		// Each names the root note's line whose embed brought it in (math, its first place, in 2).
		expect(s.warnings.map((w) => w.embedLine)).toEqual([undefined, 3, 3]);
		expect(s.warnings[2].message).toContain("in 2 places");
	});

	test("the same lines embedded twice by different embeds (a section, then a block in it) warn once", async () => {
		const src = "# Src\n\n## Sec\n\nSee [[Nowhere]].\n\n| a | b |\n|---|---|\n| 1 | 2 |\n^tbl";
		const s = await convert("![[Src#Sec]]\n\n![[Src#^tbl]]", { "Src.md": src });
		// Both embeds show the table; Medium gets it twice, as the note shows it twice.
		expect(s.blocks.filter((b) => b.type === "code")).toHaveLength(2);
		expect(s.warnings.map((w) => [w.code, w.path, w.line])).toEqual([
			["unresolved-link", "Src.md", 5],
			["table-as-text", "Src.md", 7],
		]);
	});

	test("the story builder's warnings for embedded text name the embedded note and its own line, two deep too", async () => {
		const outer = "o\n\n~~gone~~\n\n![[Inner]]";
		const inner = "# A\n\n## B\n\n### C\n\n```mermaid\ngraph\n```\n\n<u>x</u>";
		const s = await convert("Root\n\n![[Outer]]\n\n~~root~~\n\n![[Outer]]", { "Outer.md": outer, "Inner.md": inner });
		const found = s.warnings.map((w) => [w.code, w.path, w.line]);
		// Outer is embedded twice: its warnings are given once. Strikethrough is warned once per story.
		expect(found).toEqual([
			["strikethrough-dropped", "Outer.md", 3],
			["heading-levels", "Inner.md", 5],
			["unrendered-block", "Inner.md", 7],
			["html-dropped", "Inner.md", 11],
		]);
		// Blocks still carry the root line that brought them in, each embed its own.
		const lines = s.blocks.filter((b) => b.type === "code").map((b) => b.line);
		expect(lines).toEqual([3, 7]);
	});
});

describe("embeds: cycles and depth", () => {
	test("a cycle stops with a warning", async () => {
		const files = { "A.md": "A says ![[B]]", "B.md": "B says ![[A]]" };
		const s = await convert(files["A.md"], files, {}, "A.md");
		expect(s.content).toBe("# A\n\nA says\n\nB says\n");
		expect(codes(s)).toEqual(["embed-cycle"]);
		// B's embed of A is a loop through A, not B embedding itself: the warning names the loop.
		expect(s.warnings[0].message).toBe("Embed ![[A]] would embed A.md, which embeds this note: a loop; it was left out.");
	});
	test("a link back to the note itself stays text, even once it is on Medium", async () => {
		const files = { "E.md": "see [[Note]]" };
		const text = "---\nmedium_url: https://medium.com/me\n---\n[[Note]] ![[E]]";
		expect((await convert(text, files)).content).toBe("# Note\n\nNote\n\nsee Note\n");
	});
	test("a self embed stops", async () => {
		const s = await convert("me ![[Note]]", {});
		expect(codes(s)).toEqual(["embed-cycle"]);
		expect(s.warnings[0].message).toBe("Embed ![[Note]] would embed itself; it was left out.");
	});
	test("depth over 10 stops", async () => {
		const files: Record<string, string> = {};
		for (let i = 0; i < 15; i++) files[`N${i}.md`] = `level ${i}\n\n![[N${i + 1}]]`;
		files["N15.md"] = "bottom";
		const s = await convert(files["N0.md"], files, {}, "N0.md");
		expect(s.content).toContain("level 10");
		expect(s.content).not.toContain("level 11");
		expect(codes(s)).toEqual(["embed-depth"]);
	});
	test("the same note embedded twice is read once", async () => {
		const s = await convert("![[E]]\n\n![[E]]", { "E.md": "e" });
		expect(s.content).toBe("# Note\n\ne\n\ne\n");
	});
	test("links inside an embedded note resolve from its own folder", async () => {
		const files = { "sub/Inner.md": "see [[Sibling]]", "sub/Sibling.md": "---\nmedium_url: https://medium.com/s\n---\n", "other/Sibling.md": "elsewhere" };
		expect(await body("![[Inner]]", files)).toBe("see [Sibling](https://medium.com/s)");
	});
});

describe("long notes", () => {
	test("a note of thousands of lines keeps every line, in order, with blank runs collapsed", async () => {
		const input: string[] = [];
		const expected: string[] = [];
		for (let i = 0; i < 9000; i++) {
			if (i % 7 === 0) {
				input.push("", "", "");
				if (expected.length > 0 && expected[expected.length - 1] !== "") expected.push("");
			}
			input.push(`line ${i} with ==mark== and [[Draft]]`);
			// A single newline is a line break (Obsidian's default): the line before ends with `\`.
			if (expected.length > 0 && expected[expected.length - 1] !== "") expected[expected.length - 1] += "\\";
			expected.push(`line ${i} with **mark** and Draft`);
		}
		input.push("", "> quoted", ">", "");
		expected.push("", "> quoted");
		const s = await convert(input.join("\n"), vault);
		expect(s.content).toBe("# Note\n\n" + expected.join("\n") + "\n");
	});
});

describe("line endings and totality", () => {
	test("CRLF converts like LF", async () => {
		const lf = "---\ntags: [a]\n---\n# T\n\n> [!note] x\n> [[Draft]] ==h==\n\n```\ncode\n```\n";
		const a = await convert(lf, vault);
		const b = await convert(lf.replace(/\n/g, "\r\n"), vault);
		expect(b.content).toBe(a.content);
		expect(b.tags).toEqual(a.tags);
	});
	test.each(["", "\n", "---", "---\n", "[[", "![[", "]]", "$", "$$", "==", "%%", "<!--", "> [!", "|", "| a |\n|---|", "[^", "^[", "#", "\\"])("odd input %j converts", async (input) => {
		await expect(convert(input)).resolves.toHaveProperty("content");
	});
});

describe("Excalidraw drawings", () => {
	const drawing = "---\nexcalidraw-plugin: parsed\ntags: [excalidraw]\n---\n==⚠  Switch to EXCALIDRAW VIEW in the MORE OPTIONS menu of this document. ⚠==\n\n# Text Elements\nHello ^abc\n\n%%\n# Drawing\n```json\n{}\n```\n%%";
	const PNG = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);

	test("an embedded drawing is its exported PNG, never the note's text", async () => {
		const s = await convert("See:\n\n![[art/Sketch.excalidraw|The plan]]\n\n![x](art/Sketch.excalidraw.md)", { "art/Sketch.excalidraw.md": drawing, "art/Sketch.excalidraw.png": PNG });
		expect(s.content).not.toContain("EXCALIDRAW");
		expect(s.content).not.toContain("Text Elements");
		expect(s.images).toEqual([{ path: "art/Sketch.excalidraw.png", alt: "The plan" }]);
		expect(s.blocks.filter((b) => b.type === "image")).toHaveLength(2);
		expect(s.embeddedNotes).toEqual([]);
		expect(codes(s)).toEqual([]);
	});

	test("the export may drop .excalidraw from its name; with no export, the name stays and a warning says how to get one", async () => {
		const found = await convert("![[Sketch.excalidraw]]", { "Sketch.excalidraw.md": drawing, "Sketch.png": PNG });
		expect(found.images.map((im) => im.path)).toEqual(["Sketch.png"]);
		const missing = await convert("![[Sketch.excalidraw]]", { "Sketch.excalidraw.md": drawing });
		expect(bodyOf(missing)).toBe("Sketch");
		expect(codes(missing)).toEqual(["unsupported-embed"]);
		expect(missing.warnings[0].message).toContain("Export it as PNG");
	});

	test("a drawing published as a note is its exported PNG; with none, an empty story and a warning before anything is sent", async () => {
		const png = await convert(drawing, { "art/Sketch.excalidraw.png": PNG }, {}, "art/Sketch.excalidraw.md");
		expect(png.title).toBe("Sketch");
		expect(png.blocks.map((b) => b.type)).toEqual(["image"]);
		expect(png.images.map((im) => im.path)).toEqual(["art/Sketch.excalidraw.png"]);
		expect(png.content).not.toContain("EXCALIDRAW");
		expect(codes(png)).toEqual([]);
		const none = await convert(drawing, {}, {}, "Sketch.excalidraw.md");
		expect(none.blocks).toEqual([]);
		expect(codes(none)).toEqual(["unsupported-embed"]);
		expect(none.warnings[0].message).toContain("export it as PNG");
	});

	test("a note that only mentions Excalidraw is embedded as usual", async () => {
		expect(await body("![[Notes]]", { "Notes.md": "I use excalidraw-plugin daily." })).toBe("I use excalidraw-plugin daily.");
	});
});
