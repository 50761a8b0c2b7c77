/**
 * Block constructs as a user meets them: a note converted, written as the HTML a publish sends, and
 * read back through the stand-in for Medium's importer, so each case asks what Medium would show.
 */

import { storyToHtml } from "../src/story/story-html";
import type { ImageSource } from "../src/story/story-model";
import { bodyOf, codes, convert } from "./support/convert-helpers";
import { importHtml, showParagraph } from "./support/medium-importer";

/** What Medium shows for a note's body (the title paragraph left out). */
async function shown(body: string): Promise<string[]> {
	const story = await convert("# T\n\n" + body);
	return importHtml(storyToHtml(story).html).slice(1).map(showParagraph);
}

describe("setext headings", () => {
	test("a `===` underline makes a heading, never a highlight of `=`", async () => {
		expect(await shown("Intro.\n\nBig one\n=======\n\nSmall one\n---------\n\nText.")).toEqual(["P: Intro.", "H3: Big one", "H4: Small one", "P: Text."]);
	});
});

describe("ATX headings", () => {
	test("a closing run of `#` after a tab goes, as after a space (CommonMark); one glued to the text or escaped stays", async () => {
		expect(await shown("## Outline\t#\n\n## Two\t##\t\n\n## C#\n\n## Hash \\#")).toEqual(["H3: Outline", "H3: Two", "H3: C#", "H3: Hash #"]);
	});
});

describe("block quotes", () => {
	test("a rule inside a quote (`> ---` not under the quote's text) is a section break between its paragraphs, not lost", async () => {
		expect(await shown("> c\n>\n> ---\n>\n> d\n\nText\n> ---\n\nend")).toEqual(["BQ: c", "HR", "BQ: d", "P: Text", "HR", "P: end"]);
		// Under the quote's text it is a setext underline (a bold line), also after a lazy line.
		expect(await shown("> a\nlazy\n> ---\n\n> b\n---")).toEqual(["BQ: **a\nlazy**", "BQ: b", "HR"]);
	});
	test("a deeper `>` starts a quote of its own: its text is a paragraph apart, not a line of the one before", async () => {
		expect(await shown("> outer\n> > inner\n> > more\n> back out")).toEqual(["BQ: outer", "BQ: inner\nmore\nback out"]);
	});
	test("a code block inside a quote keeps the `>` of its own lines: only the quote's markers go", async () => {
		// A callout showing a quote's source: the code is `> [!info]` / `> body`, as written.
		expect(await shown("> [!tip]\n> ```md\n> > [!info]\n> > body\n> >> deeper\n> ```\n\nAfter.")).toEqual([
			"BQ: **Tip**",
			"PRE lang=md: > [!info]\n> body\n>> deeper",
			"P: After.",
		]);
		expect(await shown("> > ```\n> > > kept\n> > ```")).toEqual(["PRE lang=none: > kept"]);
	});
	test("a callout under a nested list item inside a quote is a callout, as outside a quote: its title a bold paragraph", async () => {
		const outside = await shown("- a\n    - b\n        > [!note] T\n        > body");
		expect(outside.slice(2)).toEqual(["BQ: **T**", "BQ: body"]);
		expect(await shown("> - a\n>     - b\n>         > [!note] T\n>         > body")).toEqual(["BQ: • a", "BQ: \u2003– b", "BQ: **T**", "BQ: body"]);
		expect(await shown("> - a\n>     - b\n>         > [!tip]\n>         > body\n\nAfter.")).toEqual(["BQ: • a", "BQ: \u2003– b", "BQ: **Tip**", "BQ: body", "P: After."]);
		// Under a list item of its own depth only: after a plain quote line, a `>` indented 4 columns is text.
		expect(await shown("> text\n>     > [!note] T")).toEqual(["BQ: text\n> [!note] T"]);
	});
	test("a Hugo or Jekyll highlight block inside a quote or a `:::` container is a code block, as outside one", async () => {
		expect(await shown("> {{< highlight go >}}\n> x := 1\n>\n> y := `a`\n> {{< /highlight >}}\n> after")).toEqual(["PRE lang=go: x := 1\n\ny := `a`", "BQ: after"]);
		expect(await shown("> [!note]\n> {% highlight ruby %}\n> x = 1\n> {% endhighlight %}")).toEqual(["BQ: **Note**", "PRE lang=ruby: x = 1"]);
		expect(await shown(":::note\n{{< highlight go >}}\nx := 1\n{{< /highlight >}}\n:::\n\nAfter.")).toEqual(["BQ: **Note**", "PRE lang=go: x := 1", "P: After."]);
		expect(await shown("::: tip Title\n{% highlight ruby %}\nx = 1\n{% endhighlight %}\n:::")).toEqual(["BQ: **Title**", "PRE lang=ruby: x = 1"]);
		// Without its closing tag the opening line is an unknown tag, left out, as outside a quote.
		expect(await shown("> {{< highlight go >}}\n> x := 1")).toEqual(["BQ: x := 1"]);
	});
	test("a line with fewer `>` than a quoted code block's opener ends the block", async () => {
		expect(await shown("> > ```\n> > code\n> after")).toEqual(["PRE lang=none: code", "BQ: after"]);
	});
	test("a lazy line still continues the quote's paragraph", async () => {
		expect(await shown("> one\ntwo")).toEqual(["BQ: one\ntwo"]);
	});
	test("in a quote as outside one, a numbered item other than 1. cannot interrupt a paragraph: it is a line of it", async () => {
		expect(await shown("> Then:\n> 3. c\n\n> Para\n> 1. one\n> 2. two")).toEqual(["BQ: Then:\n3. c", "BQ: Para", "BQ: 1. one", "BQ: 2. two"]);
	});
	test("a numbered list in a quote shows Obsidian's numbers (its start, then one more per item), not its markers as written", async () => {
		expect(await shown("> 1. a\n> 1. b\n>    1. c\n>    1. d\n> 1. e\n\n> [!note]\n> 3. x\n> 3. y\n> - z")).toEqual(["BQ: 1. a", "BQ: 2. b", "BQ: \u20031. c", "BQ: \u20032. d", "BQ: 3. e", "BQ: **Note**", "BQ: 3. x", "BQ: 4. y", "BQ: • z"]);
	});
	test("a line at a quoted item's margin is no setext underline: `> - ` is an empty item, `> ---` a rule, the item above never bold", async () => {
		expect(await shown("> - one\n> - \n> - three\n\n> 1. a\n> 2.\n> 3. c\n\n> - x\n> ---\n> y")).toEqual(["BQ: • one", "BQ: • three", "BQ: 1. a", "BQ: 3. c", "BQ: • x", "HR", "BQ: y"]);
		// Under the item's text it is one, as under a quote's own paragraph.
		expect(await shown("> - one\n>   ---\n\n> Title\n> -")).toEqual(["BQ: • **one**", "BQ: **Title**"]);
	});
});

describe("paragraph tags inside a line", () => {
	test("`<p>`, `</p>` and `<p/>` part the text as `<br>` does (Medium's paragraph holds lines); nothing is lost, so no warning", async () => {
		const story = await convert("# T\n\nFirst part.<p/>Second part.</p><p>Third.");
		expect(importHtml(storyToHtml(story).html).slice(1).map(showParagraph)).toEqual(["P: First part.\nSecond part.\nThird."]);
		expect(codes(story)).toEqual([]);
	});
});

describe("tables become aligned text", () => {
	test("cell markup is read, not shown: bold, italic, struck and code cells are their text", async () => {
		const story = await convert("# T\n\n| a | b |\n|---|---|\n| **bold** | *it* |\n| ~~old~~ | `x` |");
		const pre = importHtml(storyToHtml(story).html)[1];
		expect(pre.type).toBe("PRE");
		expect(pre.text).toBe("a    | b\n-----|---\nbold | it\nold  | x");
		expect(codes(story)).toEqual(["table-as-text"]);
	});
	test("`<p/>` or `<br>` inside a cell starts a line of its row, as the cell shows them on lines of their own", async () => {
		// GitHub-style tables put paragraphs in a cell with <p/>: "vault.<p/>Example" must not read "vault.Example".
		const story = await convert("# T\n\n| op | says |\n|---|---|\n| `a:` | Finds a.<p/>Example: `a:x`. |\n| `b:` | One.<br>Two.</p>Three<P>four |");
		expect(importHtml(storyToHtml(story).html)[1].text).toBe("op | says\n---|--------------\na: | Finds a.\n   | Example: a:x.\nb: | One.\n   | Two.\n   | Three\n   | four");
		expect(codes(story)).toEqual(["table-as-text"]);
	});
	test("an escaped star in a cell stays a star", async () => {
		const story = await convert("# T\n\n| a |\n|---|\n| 2 \\* 3 \\| 4 |");
		expect(importHtml(storyToHtml(story).html)[1].text).toBe("a\n---------\n2 * 3 | 4");
	});
	test("an escaped pipe is a pipe in code and in a wiki-link's alias too (GFM takes `\\|` off before reading the cell)", async () => {
		const story = await convert("# T\n\n| c | l |\n|---|---|\n| `a\\|b` | [[Other\\|the alias]] |", { "Other.md": "x" });
		expect(importHtml(storyToHtml(story).html)[1].text).toBe("c   | l\n----|----------\na|b | the alias");
	});
	test("wide characters (CJK, emoji) take two columns, so the columns still line up", async () => {
		const story = await convert("# T\n\n| k | v |\n|---|---|\n| 日本 | 1 |\n| ab | 2 |\n| 🎉 | 3 |");
		expect(importHtml(storyToHtml(story).html)[1].text).toBe("k    | v\n-----|--\n日本 | 1\nab   | 2\n🎉   | 3");
	});
});

describe("HTML tables become aligned text, as markdown tables do", () => {
	test("rows and cells of a <table> keep their places (the Obsidian Hub's theme colour tables): a <th> row is the header, entities read, markdown shown as written", async () => {
		const story = await convert('# T\n\n<table>\n<tr><th>Name</th><th>Shows</th></tr>\n<tr><td>--background-primary: #202020</td>\n    <td style="color: #dcddde; background-color: #202020">fore &amp; <b>ground</b></td></tr>\n<tr><td>**a**</td><td></td></tr>\n</table>\n\nAfter.');
		const paragraphs = importHtml(storyToHtml(story).html);
		expect(paragraphs[1].type).toBe("PRE");
		expect(paragraphs[1].text).toBe("Name                          | Shows\n------------------------------|--------------\n--background-primary: #202020 | fore & ground\n**a**                         |");
		expect(paragraphs.slice(2).map(showParagraph)).toEqual(["P: After."]);
		expect(codes(story)).toEqual(["table-as-text"]);
	});
	test("a table with no header row has no rule under its first row", async () => {
		const story = await convert("# T\n\n<table class=\"x\">\n  <tr>\n    <td>a</td>\n    <td>1</td>\n  </tr>\n  <tr><td>bb</td><td>22</td></tr>\n</table>");
		expect(importHtml(storyToHtml(story).html)[1].text).toBe("a  | 1\nbb | 22");
	});
	test("a <br> or <p> in an HTML table's cell starts a line of its row, as a markdown table's does", async () => {
		const story = await convert("# T\n\n<table>\n<tr><th>City</th><th>Notes</th></tr>\n<tr><td>Hamburg</td><td>port<br/>river <b>Elbe</b></td></tr>\n</table>");
		expect(importHtml(storyToHtml(story).html)[1].text).toBe("City    | Notes\n--------|-----------\nHamburg | port\n        | river Elbe");
	});
	test("HTML written in capitals (<TABLE>, <TD>) is HTML, not an MDX component, while <Steps> still is one", async () => {
		const story = await convert("# T\n\n<TABLE>\n<TR><TH>A</TH><TH>B</TH></TR>\n<TR><TD>1</TD><TD>2</TD></TR>\n</TABLE>\n\n<Steps>\nx\n</Steps>");
		expect(importHtml(storyToHtml(story).html).slice(1).map(showParagraph)).toEqual(["PRE lang=none: A | B\n--|--\n1 | 2", "P: x"]);
		expect(codes(story)).toEqual(["table-as-text", "mdx-component"]);
	});
});

describe("footnotes", () => {
	test("a definition's later paragraph (indented after a blank line) stays in its note, never a code block in the body", async () => {
		const lines = await shown("Claim[^a] and more[^b].\n\n[^a]: First line\n    goes on.\n\n    Second paragraph.\n\n[^b]: Other.\n\nAfter.");
		expect(lines).toEqual(["P: Claim[1] and more[2].", "P: After.", "HR", "P: **Notes**", "OLI: First line\ngoes on.\nSecond paragraph.", "OLI: Other."]);
	});
	test("an unindented line right under a definition is more of it (CommonMark's lazy continuation), not body text", async () => {
		expect(await shown("A[^a] b[^b].\n\n[^a]: Note starts\nand goes on.\n[^b]: Other\n    indented\nlazy again.\n\nBody.")).toEqual(["P: A[1] b[2].", "P: Body.", "HR", "P: **Notes**", "OLI: Note starts\nand goes on.", "OLI: Other\nindented\nlazy again."]);
	});
	test("a definition's lines show as Obsidian shows a paragraph's: a line break each, a space with Strict line breaks", async () => {
		const note = "# T\n\nA[^a].\n\n[^a]: First line\n    second line.";
		expect(importHtml(storyToHtml(await convert(note)).html).map(showParagraph).pop()).toBe("OLI: First line\nsecond line.");
		expect(importHtml(storyToHtml(await convert(note, {}, { strictLineBreaks: true })).html).map(showParagraph).pop()).toBe("OLI: First line second line.");
	});
	test("a line that starts a block (heading, list, quote, rule, fence) ends the definition instead", async () => {
		expect(await shown("A[^a].\n\n[^a]: Note.\n## Next\n\n[^b]: B.\n- item\n\n[^c]: C.\n> quote")).toEqual(["P: A[1].", "H3: Next", "ULI: item", "BQ: quote", "HR", "P: **Notes**", "OLI: Note."]);
	});
	test("a quote, a list or a code block inside a definition shows as Medium's numbered note can hold it: no `>`, a dash, a line of code each", async () => {
		const lines = await shown("A[^a].\n\n[^a]: Para.\n    > Quoted\n    > more\n\n    - one\n    - two\n\n    ```js\n    let x;\n\n    x = 1;\n    ```\n\n    End.");
		expect(lines.slice(-1)).toEqual(["OLI: Para.\nQuoted\nmore\n– one\n– two\n`let x;`\n`x = 1;`\nEnd."]);
		// On the definition's own line too (GFM's `[^a]: > quote`), and a definition whose text starts on the next line.
		expect((await shown("A[^a] b[^b] c[^c].\n\n[^a]: > Quoted.\n[^b]:\n    Next line.\n[^c]: ```\n    code\n    ```")).slice(-3)).toEqual(["OLI: Quoted.", "OLI: Next line.", "OLI: `code`"]);
	});
	test("a definition inside a callout or quote is a note too: its text in the notes, not the quote's", async () => {
		expect(await shown("> [!note] Callout\n> Claim[^g] here.\n>\n> [^g]: Defined in the callout.\n\nAfter[^h].\n\n> > [^h]: Deep.")).toEqual(["BQ: **Callout**", "BQ: Claim[1] here.", "P: After[2].", "HR", "P: **Notes**", "OLI: Defined in the callout.", "OLI: Deep."]);
		// Its later lines in the quote (the definition's paragraph) are the note's too.
		expect(await shown("> Claim[^a].\n>\n> [^a]: Line one\n> line two.\n> - item\n\nAfter.")).toEqual(["BQ: Claim[1].", "BQ: • item", "P: After.", "HR", "P: **Notes**", "OLI: Line one\nline two."]);
		// A blank line ends the quote, and with it the note: a quote after it is a quote of its own.
		expect(await shown("> A[^a].\n> [^a]: Note.\n\n> Own quote.")).toEqual(["BQ: A[1].", "BQ: Own quote.", "HR", "P: **Notes**", "OLI: Note."]);
		// Under a list item of the quote's (indented to its text) too.
		expect(await shown("> - item[^a]\n>   [^a]: In the item.\n> - next")).toEqual(["BQ: • item[1]", "BQ: • next", "HR", "P: **Notes**", "OLI: In the item."]);
	});
	test("a definition indented (up to 3 spaces, or under a list item's text) is one too, not text", async () => {
		expect(await shown("- item[^a]\n  [^a]: In the item.\n- next\n    - deep[^c]\n      [^c]: Deep.\n\nText[^b].\n\n   [^b]: Indented.\n\nMore.\n\n    [^x]: code")).toEqual(["ULI: item[1]", "ULI: next", "ULI: – deep[2]", "P: Text[3].", "P: More.", "PRE lang=none: [^x]: code", "HR", "P: **Notes**", "OLI: In the item.", "OLI: Deep.", "OLI: Indented."]);
	});
	test("a label with spaces inside (`[^Idea One]`) is one, as the reference reads it: numbered, never a false 'no definition'", async () => {
		const story = await convert("# T\n\nAccepted[^Idea One] and [^ ] here.\n\n[^Idea One]: Keep it short.\n\n[^ ]: not a note");
		expect(importHtml(storyToHtml(story).html).slice(1).map(showParagraph)).toEqual(["P: Accepted[1] and [^ ] here.", "P: [^ ]: not a note", "HR", "P: **Notes**", "OLI: Keep it short."]);
		expect(codes(story)).toEqual([]);
	});
	test("a reference in an image's alt or title is numbered as in the text, so its note (a source, a credit) is not lost", async () => {
		const story = await convert("# T\n\n![Chart[^s]](https://e.com/a.png \"Figure[^t]\")\n\nText[^s].\n\n[^s]: Source.\n[^t]: Credit.");
		expect(importHtml(storyToHtml(story).html).slice(1).map(showParagraph)).toEqual(["IMG src=https://e.com/a.png alt=\"Chart[1]\": Figure[2]", "P: Text[1].", "HR", "P: **Notes**", "OLI: Source.", "OLI: Credit."]);
	});
	test("a block id ending a definition's paragraph is hidden, as Obsidian hides one at any block's end; one mid-line or in its code stays", async () => {
		expect((await shown("A[^a] b[^b].\n\n[^a]: The note. ^fn1\n[^b]: One ^x here\n    and on. ^end\n\n    Second. ^p2\n\n    ```\n    code ^c\n    ```")).slice(-2)).toEqual(["OLI: The note.", "OLI: One ^x here\nand on.\nSecond.\n`code ^c`"]);
	});
	test("a callout inside a definition shows its title (or its type's name) in bold, never `[!note]`", async () => {
		const lines = await shown("A[^a] b[^b].\n\n[^a]: Para.\n    > [!note] Title here\n    > body\n\n[^b]: > [!tip]-\n    > tip body");
		expect(lines.slice(-2)).toEqual(["OLI: Para.\n**Title here**\nbody", "OLI: **Tip**\ntip body"]);
	});
	test("a blank line then unindented text ends the definition", async () => {
		expect(await shown("A[^a].\n\n[^a]: Note.\n\nBody text.")).toEqual(["P: A[1].", "P: Body text.", "HR", "P: **Notes**", "OLI: Note."]);
	});
	test("an image in a footnote is left out with a warning, and only a body image is uploaded", async () => {
		const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
		const story = await convert("# T\n\n![[body.png]] A[^a] b^[inline ![[inline.png|Alt]] note].\n\n[^a]: See ![](note.png) here.", { "body.png": png, "note.png": png, "inline.png": png });
		expect(bodyOf(story).split("\n").slice(-2)).toEqual(["1. See here.", "2. inline note"]);
		expect(codes(story)).toEqual(["image-in-footnote", "image-in-footnote"]);
		expect(story.images.map((i) => i.path)).toEqual(["body.png"]);
	});
});

describe("math blocks", () => {
	test("a `$$` block inside a bullet item stays the item's, without the item's indent; the item's text after it stays in the item", async () => {
		expect(await shown("- item\n  $$\n  y = 2\n  $$\n- next, as\n  $$S := \\{A\\}$$\n  then more\n- last")).toEqual([
			"ULI: item\n`y = 2`",
			"ULI: next, as\n`S := \\{A\\}`\nthen more",
			"ULI: last",
		]);
		// A quote after the list ends its item: math under the quote is not the item's.
		expect(await shown("- b\n\n> quote\n$$\ny\n$$")).toEqual(["ULI: b", "BQ: quote", "PRE lang=none: y"]);
	});
	test("display math inside a numbered item stays the item's, a line of code each, so the items after it keep their numbers", async () => {
		// A lecture note's derivation: lazy `$$` lines under `2)`, then `3)` (Obsidian shows the math in item 2, then 3).
		const story = await convert("# T\n\n1) a $x$\n2) trivial and\n$$\n\\begin{split}\ng & = h \\\\\n\n& = k\n\\end{split}\n$$\n3) last\n\n1. one\n   $$x = 1$$ then\n2. two");
		expect(importHtml(storyToHtml(story).html).slice(1).map(showParagraph)).toEqual([
			"OLI: a `x`",
			"OLI: trivial and\n`\\begin{split}`\n`g & = h \\\\`\n`& = k`\n`\\end{split}`",
			"OLI: last",
			"OLI: one\n`x = 1`\nthen",
			"OLI: two",
		]);
		expect(codes(story)).toEqual(["math-as-code"]);
		// Two lists (`)` and `.`), neither split: no part of one is numbered from 1 again, and no list-numbering warning.
		expect(storyToHtml(story).html.match(/<ol>/g)).toHaveLength(2);
	});
	test("a `$$` block opening a list item (a Logseq outline) is the item's code block; the notes after it stay text", async () => {
		expect(await shown("- Setup\n\t- $$\n\t  x^2\n\t  $$\n- after\n\n1. $$ a\n   b $$\n\nText.")).toEqual([
			"ULI: Setup",
			"PRE lang=none: x^2",
			"ULI: after",
			"PRE lang=none: a\nb",
			"P: Text.",
		]);
	});
	test("display math inside a quote or a callout stays there, a line of code each: the theorem's body is not split around it", async () => {
		// A math vault's theorem callout (its body's math written `> $$` … `> $$`), and a quote's one-line `$$…$$`.
		expect(await shown("> [!abstract] Theorem 4\n> If $f$ is continuous, we have\n> $$\n> \\begin{align}\n> f(x) = 1\n> \\end{align}\n> $$\n> for some $x$.\n\n> Quote $$y = 2$$ here\n> $$z$$")).toEqual([
			"BQ: **Theorem 4**",
			"BQ: If `f` is continuous, we have\n`\\begin{align}`\n`f(x) = 1`\n`\\end{align}`\nfor some `x`.",
			"BQ: Quote `y = 2` here\n`z`",
		]);
	});
	test("macro definitions show nothing, as in Obsidian: a preamble block of them is left out with a warning, a mixed block keeps the rest", async () => {
		// A course note's preamble, one-line definitions (a Jekyll math post), and a block defining then using.
		const story = await convert(
			"# T\n\n$$\n% operators\n\\newcommand{\\opn}[1]{\\operatorname{#1}}\n\\newcommand{\\card}[0]{\\opn{card}}\n\\renewcommand*\\vec[1]{\\mathbf{#1}}\n\\DeclareMathOperator*{\\argmax}{arg\\,max}\n\\def\\abs#1{\\left|#1\\right|}\n\\let\\eps=\\varepsilon\n\\require{mhchem}\n$$\n\n" +
				"$$\\newcommand{\\ind}{\\perp\\kern-5pt\\perp}$$\n\nText.\n\n> $$\\newcommand{\\bra}[1]{{\\left\\langle#1\\right|}}\n> \\bra{\\psi} = \\{x\\}\n> $$",
		);
		expect(importHtml(storyToHtml(story).html).slice(1).map(showParagraph)).toEqual(["P: Text.", "PRE lang=none: \\bra{\\psi} = \\{x\\}"]);
		expect(story.warnings.map((w) => [w.code, w.line])).toEqual([["math-macros", 3], ["math-macros", 14], ["math-as-code", 18]]);
		// Math that only looks like one (a `\\newcommand` not well formed, `\\define`, `def` in text) is shown as written.
		expect(await shown("$$\\newcommand{\\x\n$$\n\n$$\\text{def} \\define x$$")).toEqual(["PRE lang=none: \\newcommand{\\x", "PRE lang=none: \\text{def} \\define x"]);
	});
	test("a multi-line `$$` block keeps its lines, blank ones included", async () => {
		expect(await shown("$$\na\n\nb\n$$")).toEqual(["PRE lang=none: a\n\nb"]);
	});
});

describe("callouts in real vaults", () => {
	test("two nested callouts a `>` line apart are both callouts (the Ideaverse/LYT multi-column layout)", async () => {
		expect(await shown("> [!multi-column]\n>\n>> [!note]+ Maps\n>> - a\n>\n>> [!tip]- Actions\n>> Do it.")).toEqual([
			"BQ: **Multi-column**",
			"BQ: **Maps**",
			"BQ: • a",
			"BQ: **Actions**",
			"BQ: Do it.",
		]);
		// In one nested quote, a later `[!type]` line is text, as in Obsidian.
		expect(await shown("> > [!note] A\n> > x\n> >\n> > [!tip] B")).toEqual(["BQ: **A**", "BQ: x", "BQ: [!tip] B"]);
	});
	test("a callout with metadata and no title is titled by its type alone (`[!blank|wide]` is Blank)", async () => {
		expect(await shown("> [!blank|wide]\n> Text.\n\n> [!note|right]- \n> More.")).toEqual(["BQ: **Blank**", "BQ: Text.", "BQ: **Note**", "BQ: More."]);
	});
});

describe("lists in quotes", () => {
	test("a nested item in a callout shows its level, as one outside a quote does (the obsidian-tasks docs' outline of links)", async () => {
		expect(await shown("> [!info]\n> Steps:\n>\n> - Understand:\n>   - [[Statuses]]\n>     1. first\n> - Choose\n>\n> 1. one\n>    - sub")).toEqual([
			"BQ: **Info**",
			"BQ: Steps:",
			"BQ: • Understand:",
			"BQ: \u2003– Statuses",
			"BQ: \u2003\u20031. first",
			"BQ: • Choose",
			"BQ: 1. one",
			"BQ: \u2003– sub",
		]);
	});
});

describe("quotes in list items", () => {
	test("a code block or a `$$` block opening an item inside a quote is a code block of its lines, the text after it kept", async () => {
		expect(await shown("> - ```js\n>   let a = 1;\n>   ```\n> - $$\n>   x^2\n>   $$\n> - after\n\nText.")).toEqual(["PRE lang=js: let a = 1;", "PRE lang=none: x^2", "BQ: • after", "P: Text."]);
	});
	test("a quote opening a nested item goes on over its later lines, indented with a tab or spaces, never as code", async () => {
		expect(await shown("- a\n\t- > quote\n\t  > more\n- b\n\n- c\n    - > [!tip] Tip\n      > body\n- d")).toEqual(["ULI: a", "BQ: quote\nmore", "ULI: b", "ULI: c", "BQ: **Tip**", "BQ: body", "ULI: d"]);
	});
	test("a quote under a nested item (4 columns and more from the margin) is a quote after it, never `>` in the item's text", async () => {
		expect(await shown("- a\n\t- item\n\t  > more\n\t  > again\n- b\n\n- c\n    - item\n      > *quoted*")).toEqual(["ULI: a", "ULI: – item", "BQ: more\nagain", "ULI: b", "ULI: c", "ULI: – item", "BQ: _quoted_"]);
	});
	test("a callout opening an item (`- > [!tip] Title`) is a callout: its title bold and apart, never `[!tip]` on Medium", async () => {
		expect(await shown("- item\n- > [!tip] Opening\n  > tip body\n- > [!warning]\n  > careful\n\nText.")).toEqual(["ULI: item", "BQ: **Opening**", "BQ: tip body", "BQ: **Warning**", "BQ: careful", "P: Text."]);
	});
	test("a callout under a nested item (4 columns and more in, spaces or tabs) is a callout: its title bold and apart, never `[!note]` on Medium", async () => {
		expect(await shown("- a\n    - b\n        > [!note] Title\n        > body\n- c")).toEqual(["ULI: a", "ULI: – b", "BQ: **Title**", "BQ: body", "ULI: c"]);
		expect(await shown("- a\n\t- b\n\t\t> [!warning]\n\t\t> careful\n\t\t> > [!tip] Inner\n\t\t> > deep\n- c")).toEqual(["ULI: a", "ULI: – b", "BQ: **Warning**", "BQ: careful", "BQ: **Inner**", "BQ: deep", "ULI: c"]);
		expect(await shown("- a\n    - b\n        - c\n            > [!tip]- Folded [[one]]\n            > text\n            lazy")).toEqual(["ULI: a", "ULI: – b", "ULI: \u2003– c", "BQ: **Folded one**", "BQ: text\nlazy"]);
		// Only the quote's first line makes a callout; 4 columns past the item's text it is the item's text, as in Obsidian.
		expect(await shown("- a\n    - b\n        > [!info] One\n        > [!tip] text")).toEqual(["ULI: a", "ULI: – b", "BQ: **One**", "BQ: [!tip] text"]);
		expect(await shown("- a\n    - b\n              > [!info] code")).toEqual(["ULI: a", "ULI: – b\n> [!info] code"]);
		// The outline goes on after it, as after a code block under an item: `- c` is still nested, never code.
		expect(await shown("- a\n    - b\n\n        > [!note] Title\n        > body\n\n    - c\n- d")).toEqual(["ULI: a", "ULI: – b", "BQ: **Title**", "BQ: body", "ULI: – c", "ULI: d"]);
	});
	test("a quote opening an item (`- > text`, Logseq's and Roam's quote bullets) is a quote after the list, never a `>` in the item's text", async () => {
		expect(await shown("- a\n- > quoted *line*\n  > more\n- b\n\n1. > numbered")).toEqual(["ULI: a", "BQ: quoted _line_\nmore", "ULI: b", "BQ: numbered"]);
	});
});

describe("callouts", () => {
	test("a lazy line right under a callout's title is its body, inside the quote", async () => {
		expect(await shown("> [!note] Title\nlazy body\nmore\n\nAfter.")).toEqual(["BQ: **Title**", "BQ: lazy body\nmore", "P: After."]);
	});
	test("a line under the title that starts a block is not lazy", async () => {
		expect(await shown("> [!note] Title\n- item")).toEqual(["BQ: **Title**", "ULI: item"]);
	});
	test("`[!type]` on a later line of the same quote is text, not a second callout", async () => {
		expect(await shown("> [!question]+ Why\n> [!info] is text here\n>\n> [!tip] so is this")).toEqual(["BQ: **Why**", "BQ: [!info] is text here", "BQ: [!tip] so is this"]);
	});
	test("`[!note]Title` with no space before the title is no callout in Obsidian (r4ai/remark-callout#115): a quote of its text", async () => {
		expect(await shown("> [!note]Title\n> body\n\n> [!note]-Title")).toEqual(["BQ: [!note]Title\nbody", "BQ: [!note]-Title"]);
		expect(await shown("> [!note]\tTitle\n> body")).toEqual(["BQ: **Title**", "BQ: body"]);
	});
	test("callouts one after another, apart or nested, each keep their title", async () => {
		expect(await shown("> [!tip] A\n> a\n\n> [!warning] B\n> b\n> > [!bug] C\n> > c")).toEqual(["BQ: **A**", "BQ: a", "BQ: **B**", "BQ: b", "BQ: **C**", "BQ: c"]);
	});
});

describe("Admonition plugin blocks", () => {
	test("```ad-type is a callout: title apart, body read as markdown; the line after the block is not pulled into the quote", async () => {
		expect(await shown("```ad-warning\ntitle: Thin ice\nicon: x\nNever walk on it.\n\nSecond *para*.\n```\nAfter.")).toEqual([
			"BQ: **Thin ice**",
			"BQ: Never walk on it.",
			"BQ: Second _para_.",
			"P: After.",
		]);
	});
	test("a code block inside (a longer outer fence) stays one code block, moved out of the quote; the block ends at its own fence", async () => {
		const story = await convert("# T\n\n````ad-example\n```js\nlet x = 1;\n```\n````\n\nEnd.");
		expect(importHtml(storyToHtml(story).html).slice(1).map(showParagraph)).toEqual(["BQ: **Example**", "PRE lang=js: let x = 1;", "P: End."]);
		expect(codes(story)).toEqual([]);
	});
	test("inside a list item, an ad- fence is a callout that follows the item, as a callout there is", async () => {
		const story = await convert("# T\n\n- item\n  ```ad-note\n  x\n  ```");
		expect(story.blocks.map((b) => b.type)).toEqual(["list-item", "quote", "quote"]);
	});
});

describe("lists", () => {
	test("a new delimiter or bullet character starts a new list (CommonMark), so numbering starts again", async () => {
		const story = await convert("# T\n\n1. a\n2. b\n1) c\n2) d\n- e\n* f");
		const lists = story.blocks.map((b) => (b.type === "list-item" ? b.list : -1));
		expect(lists[0]).toBe(lists[1]);
		expect(lists[2]).toBe(lists[3]);
		expect(new Set([lists[0], lists[2], lists[4], lists[5]]).size).toBe(4);
		expect(story.content).toContain("1. a\n2. b\n\n1. c\n2. d");
	});
	test("a numbered line not starting at 1 does not interrupt a paragraph: it is a line of it", async () => {
		expect(await shown("It happened in\n1984. Then more.\n\nA list:\n1. one\n2. two")).toEqual(["P: It happened in\n1984. Then more.", "P: A list:", "OLI: one", "OLI: two"]);
	});
	test("a list may follow a paragraph directly", async () => {
		expect(await shown("Intro\n- a\n- b")).toEqual(["P: Intro", "ULI: a", "ULI: b"]);
	});
});

describe("the title", () => {
	test("a setext H1 (`===` underline) opening the note is the title, not repeated in the body", async () => {
		const story = await convert("My Title\n========\n\nBody.\n\nLater\n=====\n");
		expect(story.title).toBe("My Title");
		expect(importHtml(storyToHtml(story).html).map(showParagraph)).toEqual(["TITLE: My Title", "P: Body.", "H3: Later"]);
	});
	test("an ATX H1 before it wins, and a setext H2 is never the title", async () => {
		expect((await convert("Sub\n---\n\n# Real\n\nText\n===")).title).toBe("Real");
		expect((await convert("Sub\n---\n\nText.")).title).toBe("Note");
	});
	test("an H1 after prose is a section, as in a page imported from Notion: the file name is the title, nothing moves", async () => {
		const intro = "This page aims to test how different combinations of Notion text- and block-formatting are handled.";
		const story = await convert(intro + "\n\n# Section A\n\nBody.\n\n# Section B\n\nMore.");
		expect(importHtml(storyToHtml(story).html).map(showParagraph)).toEqual(["TITLE: Note", "P: " + intro, "H3: Section A", "P: Body.", "H3: Section B", "P: More."]);
		expect((await convert("- one item of a list, with its text\n- another item of that list, with more\n- and a third, longer one\n\nTitle\n=====\n\nBody.")).title).toBe("Note");
	});
	test("a banner image, comments, tag lines and a short line before the H1 leave it the title", async () => {
		const story = await convert("![[pic.png]]\n%% draft\nstill a long comment that runs on for quite a while, with more than eighty characters %%\n<!-- c -->\n#idea #draft\nup:: [[Home]]\n\n# Real Title\n\nBody.", { "pic.png": "x" });
		expect(story.title).toBe("Real Title");
	});
	test("a `===` under a list item or a quote is not a title", async () => {
		expect((await convert("- item\n===\n\n> quote\n> ===")).title).toBe("Note");
	});
});

describe("a fence on the list item's own line", () => {
	test("`1. ```js` opens a code block the item holds: it moves out, and nothing after it is read as code", async () => {
		const story = await convert("# T\n\n1. ```js\n   const a = [[Other]];\n   ```\n2. next\n\n# Later H1\n\nText[^1].\n\n[^1]: Note.", { "Other.md": "x" });
		const shownNow = importHtml(storyToHtml(story).html).map(showParagraph);
		expect(shownNow).toEqual(["TITLE: T", "PRE lang=js: const a = [[Other]];", "P: 2. next", "H3: Later H1", "P: Text[1].", "HR", "P: **Notes**", "OLI: Note."]);
	});
	test("a bullet item too, with the fence closed by a longer one", async () => {
		expect(await shown("- ~~~\n  x\n  ~~~~\n- after")).toEqual(["PRE lang=none: x", "ULI: after"]);
	});
	test("its code ends with the item, at a line less indented, when no fence closes it (Roam's ```` ``` ```` at a line's end)", async () => {
		const roam = "- Code\n    - ```javascript\n      two lines\n      of code```\n- Embeds\n    - [[Other]] page\n\t- ```\n\t  tabbed\n\t    more\n\t- [[Other]]";
		expect(await shown(roam)).toEqual(["ULI: Code", "PRE lang=javascript: two lines\nof code```", "ULI: Embeds", "ULI: – Other page", "PRE lang=none: tabbed\n  more", "ULI: – Other"]);
	});
});

describe("a table inside a list item", () => {
	test("its header is the item's text (the marker is not a cell), and it follows the item as aligned text", async () => {
		const story = await convert("# T\n\n- Prices:\n- | a | b |\n  |---|--:|\n  | x | 10 |\n- after");
		expect(importHtml(storyToHtml(story).html).slice(1).map(showParagraph)).toEqual(["ULI: Prices:", "PRE lang=none: a |  b\n--|---\nx | 10", "ULI: after"]);
	});
});

describe("lists indented with tabs (Obsidian's default)", () => {
	test("a tab nests an item as deep as spaces do", async () => {
		const spaces = await shown("- a\n    - b\n        - c\n- d\n\n1. one\n    1. sub\n        - deep\n2. two");
		const tabs = await shown("- a\n\t- b\n\t\t- c\n- d\n\n1. one\n\t1. sub\n\t\t- deep\n2. two");
		expect(tabs).toEqual(spaces);
		expect(tabs.slice(0, 4)).toEqual(["ULI: a", "ULI: – b", "ULI: \u2003– c", "ULI: d"]);
	});
});

describe("indented code inside a list item", () => {
	test("four columns past the item's text, after a blank line, is a code block that moves out of the item", async () => {
		expect(await shown("- item\n\n      code line\n\n        deeper\n- next\n\n1. one\n\n\t\tx = 1\n2. two")).toEqual(["ULI: item", "PRE lang=none: code line\n\n  deeper", "ULI: next", "OLI: one", "PRE lang=none:  x = 1", "P: 2. two"]);
		// `1. one`'s text is 3 columns in, its code 7: of the tabs' 8 columns, one is the code's, a space (as CommonMark reads it).
	});
	test("without the blank line it is more of the item's text", async () => {
		expect(await shown("- item\n      more text")).toEqual(["ULI: item\nmore text"]);
	});
});

describe("a heading inside a list item", () => {
	test("`- ## x` and `1. # x` are the item's text in bold, not `## x` (Medium's items hold no headings)", async () => {
		expect(await shown("- ## Setup\n- plain\n\n1. # First *step* now\n2. two")).toEqual(["ULI: **Setup**", "ULI: plain", "OLI: **First _step_ now**", "OLI: two"]);
	});
	test("a closing `#` run goes, and bold inside the heading stays one bold run", async () => {
		expect(await shown("- ### Done ###\n- ## **Big** deal")).toEqual(["ULI: **Done**", "ULI: **Big deal**"]);
	});
	test("a heading ends its line: text under it is a later paragraph of the item, a lazy line is not", async () => {
		expect(await shown("- ## Head\n  body of it\n- next\n\n- ## Solo\nlazy")).toEqual(["ULI: **Head**\nbody of it", "ULI: next", "ULI: **Solo**", "P: lazy"]);
	});
	test("a heading line under an item's text is a later paragraph of it, and a nested item may hold one", async () => {
		expect(await shown("- text\n  ## Sub\n  - ## Deep")).toEqual(["ULI: text\n**Sub**", "ULI: – **Deep**"]);
	});
	test("inside a quote too, and a quote's own heading keeps one bold run", async () => {
		expect(await shown("> - ## In quote\n> ## **Big** deal")).toEqual(["BQ: • **In quote**", "BQ: **Big deal**"]);
	});
	test("a setext heading inside a quote or callout is a bold paragraph as an ATX one is, its underline not text nor a rule", async () => {
		expect(await shown("> quote heading\n> ===\n> body\n\n> [!note] T\n> Sub *part*\n> ---\n> after\n\n> ## Sub *part*")).toEqual(["BQ: **quote heading**", "BQ: body", "BQ: **T**", "BQ: **Sub _part**_", "BQ: after", "BQ: **Sub _part**_"]);
	});
	test("a setext underline in an item's text column makes its paragraph a bold heading; a lazy one is text", async () => {
		expect(await shown("- Bar\n  ---\n  baz\n- Qux\n  ===\n- Lazy\n===")).toEqual(["ULI: **Bar**\nbaz", "ULI: **Qux**", "ULI: Lazy\n==="]);
	});
	test("`- #tag` is a tag (its text, as in a paragraph), not a heading", async () => {
		expect(await shown("- #tag x")).toEqual(["ULI: tag x"]);
	});
});

describe("a numbered list Medium would number otherwise", () => {
	test("split by a code block or image that moves out of it: Medium would number each part from 1, so the items after the split are paragraphs led by the note's numbers, with one warning", async () => {
		const story = await convert("# T\n\n1. Install\n   ```sh\n   npm i\n   ```\n2. Configure\n   - on macOS\n\n   More.\n   ![](https://e.com/a.png)\n3. Run\n\nText.\n\n1. Again\n   ```\n   x\n   ```\n2. Twice");
		expect(importHtml(storyToHtml(story).html).slice(1).map(showParagraph)).toEqual(["OLI: Install", "PRE lang=sh: npm i", "P: 2. Configure\n– on macOS\nMore.", "IMG src=https://e.com/a.png alt=\"\"", "P: 3. Run", "P: Text.", "OLI: Again", "PRE lang=none: x", "P: 2. Twice"]);
		expect(codes(story)).toEqual(["list-numbering"]);
		expect(story.warnings[0].line).toBe(7);
	});
	test("a nested list under a numbered item joins it, so Medium numbers the next item as the note does", async () => {
		const story = await convert("# T\n\n1. Install\n   - on macOS: brew\n   - on Linux: apt\n2. Configure\n   1. edit\n   2. save\n3. Run");
		expect(importHtml(storyToHtml(story).html).slice(1).map(showParagraph)).toEqual([
			"OLI: Install\n– on macOS: brew\n– on Linux: apt",
			"OLI: Configure\n1. edit\n2. save",
			"OLI: Run",
		]);
		expect(codes(story)).toEqual([]);
		// A nested numbered list shows Obsidian's numbers (its start, then one more per item), not its markers as written.
		expect(await shown("1. Item 1\n1. Item 3\n   1. Item 3a\n   1. Item 3b\n      1) deeper\n      1) deeper too\n   1. Item 3c\n2. Item 4\n   5. five\n   5. six")).toEqual([
			"OLI: Item 1",
			"OLI: Item 3\n1. Item 3a\n2. Item 3b\n\u20031. deeper\n\u20032. deeper too\n3. Item 3c",
			"OLI: Item 4\n5. five\n6. six",
		]);
		// A later paragraph of the numbered item under its nested list is still the item's, and the next item stays one.
		expect(await shown("1. Install\n2. Configure\n   - on macOS\n\n   More.\n3. Run")).toEqual(["OLI: Install", "OLI: Configure\n– on macOS\nMore.", "OLI: Run"]);
	});
	test("an empty numbered item (`1. ` with nothing after it) is left out, and the warning says so, not that the list is split", async () => {
		// Obsidian shows an empty item; Medium keeps no empty paragraph, so the items after it move up a number.
		for (const body of ["1. \n2. two\n3. three", "1.\n2. two\n3. three"]) {
			const story = await convert("# T\n\n" + body);
			expect(importHtml(storyToHtml(story).html).slice(1).map(showParagraph)).toEqual(["OLI: two", "OLI: three"]);
			expect(codes(story)).toEqual(["empty-list-item"]);
			expect(story.warnings[0].line).toBe(3);
		}
		const mid = await convert("# T\n\n1. one\n2.\n3. three");
		expect(importHtml(storyToHtml(mid).html).slice(1).map(showParagraph)).toEqual(["OLI: one", "OLI: three"]);
		expect(codes(mid)).toEqual(["empty-list-item"]);
		expect(mid.warnings[0].line).toBe(4);
		// An item whose text starts on the next line is not empty; an empty last item moves no number.
		expect(codes(await convert("# T\n\n1.\n   one\n2. two"))).toEqual([]);
		expect(codes(await convert("# T\n\n1. one\n2.\n\nText."))).toEqual([]);
		// In a list Medium shows as numbered paragraphs (it starts at 3), the items after it keep their numbers: no warning says otherwise.
		const off = await convert("# T\n\n3.\n4. four\n5. five");
		expect(importHtml(storyToHtml(off).html).slice(1).map(showParagraph)).toEqual(["P: 4. four", "P: 5. five"]);
		expect(codes(off)).toEqual(["list-numbering"]);
	});
	test("a first item that is only an image or code (moved out) leaves the next one numbered as in the note, not 1", async () => {
		const story = await convert("# T\n\n1. ![](https://e.com/a.png)\n2. two\n3. three\n\nPara.\n\n1. ```\n   code\n   ```\n2. after code");
		expect(importHtml(storyToHtml(story).html).slice(1).map(showParagraph)).toEqual(["IMG src=https://e.com/a.png alt=\"\"", "P: 2. two", "P: 3. three", "P: Para.", "PRE lang=none: code", "P: 2. after code"]);
		expect(codes(story)).toEqual(["list-numbering"]);
	});
	test("a list starting at another number than 1 is paragraphs led by its numbers, with a warning (Medium's lists have no start number)", async () => {
		const story = await convert("# T\n\nText.\n\n3. third\n4. fourth\n\n0) zero\n1) one\n\n- a\n  7. seven\n  8. eight");
		expect(importHtml(storyToHtml(story).html).slice(1).map(showParagraph)).toEqual(["P: Text.", "P: 3. third", "P: 4. fourth", "P: 0. zero", "P: 1. one", "ULI: a", "P: 7. seven", "P: 8. eight"]);
		expect(codes(story)).toEqual(["list-numbering"]);
		expect(bodyOf(story)).toContain("3\\. third");
	});
	test("a whole list, a bulleted one split by code, or a fresh list after code does not warn", async () => {
		expect(codes(await convert("# T\n\n1. a\n2. b\n   more\n3. c\n\n- x\n  ```\n  y\n  ```\n- z\n\n```\nq\n```\n\n1. new"))).toEqual([]);
	});
});

describe("a raw HTML block (CommonMark's kinds 6 and 7: up to a blank line)", () => {
	test("markdown inside it is text, as Obsidian shows it; its tags go as in a paragraph, once warned", async () => {
		const story = await convert("# T\n\n<div>\n**bold** and [[Note]] and _x_ ==hl== #tag\n</div>\n\n<span class=\"k\">\n*a* `b`\n</span>\n\n**real** bold");
		expect(bodyOf(story)).toBe("\\*\\*bold\\*\\* and [[Note]] and \\_x\\_ ==hl== #tag\n\n\\*a\\* \\`b\\`\n\n**real** bold");
		// A <div> or <span> shows nothing of its own: dropping it loses nothing the reader sees.
		expect(codes(story)).toEqual([]);
	});
	test("an image or a link tag inside it is still read", async () => {
		expect(bodyOf(await convert("# T\n\n<p align=\"center\">\n<img src=\"https://e.com/a.png\" alt=\"A\">\n<a href=\"https://e.com\">the *site*</a>\n</p>"))).toBe("![A](https://e.com/a.png)\n\n[the \\*site\\*](https://e.com)");
	});
	test("a blank line ends it; a tag with text after it on its line, or a lone tag under a paragraph's line, starts none", async () => {
		const out = bodyOf(await convert("# T\n\n<div>\n\n*md*\n\n</div>\n\n<span>*a*</span> b\n\ntext\n<span>\n*c*"));
		expect(out.startsWith("*md*\n\n*a* b\n\ntext\\\n")).toBe(true);
		expect(out.endsWith("\n*c*")).toBe(true);
	});
});

describe("an image inside link text or emphasis (Medium holds no image there: it moves out)", () => {
	test("the words around it keep one space between them, in the story and in `convert`'s markdown", async () => {
		const story = await convert("# T\n\n[see ![i](https://e.com/u.png) here](https://l.com) and **bold ![[pic.png]] text**, _x ![[pic.png]]; y_.", { "pic.png": new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]) });
		expect(bodyOf(story).split("\n\n")[0]).toBe("[see here](https://l.com) and **bold text**, *x; y*.");
		// The sentence stays one paragraph; the images follow it, as for an image in the middle of a line.
		expect(story.blocks.map((b) => b.type)).toEqual(["paragraph", "image", "image", "image"]);
		const first = story.blocks[0];
		expect(first.type === "paragraph" ? first.content[0] : null).toEqual({ type: "link", href: "https://l.com", children: [{ type: "text", text: "see here" }] });
	});
	test("an image opening or ending the link text (an icon before a name) leaves no space inside the link, one outside it", async () => {
		const story = await convert("# T\n\nFollow [![icon](https://e.com/i.png) GitHub](https://github.com/x) and [me ![i](https://e.com/j.png)](https://l.com) now, a[![i](https://e.com/k.png) b](https://l.com).");
		expect(bodyOf(story).split("\n\n")[0]).toBe("Follow [GitHub](https://github.com/x) and [me](https://l.com) now, a [b](https://l.com).");
	});
});

describe("a line of a paragraph that shows nothing", () => {
	test("a lone HTML tag, dropped, takes its line break with it: no blank line inside the paragraph", async () => {
		expect(await shown("First\n<span>\nThird")).toEqual(["P: First\nThird"]);
		expect(await shown("First\n</span>\nThird\n<b> <i title=\"a > b\">\nFourth")).toEqual(["P: First\nThird\nFourth"]);
		expect(await shown("- item\n  <span>\n  more\n\n> quote\n> </div>\n> more")).toEqual(["ULI: item\nmore", "BQ: quote\nmore"]);
		const strict = await convert("# T\n\nFirst\n<span>\nThird", {}, { strictLineBreaks: true });
		expect(importHtml(storyToHtml(strict).html).slice(1).map(showParagraph)).toEqual(["P: First Third"]);
	});
	test("a block id ends its block: ` ^a` at the end of a line its paragraph or item goes on after is text, as Obsidian shows it", async () => {
		expect(await shown("line ^a\nnext line\n\nend ^b\n\n- item ^c\n  more\n- last ^d\n- after")).toEqual(["P: line ^a\nnext line", "P: end", "ULI: item ^c\nmore", "ULI: last", "ULI: after"]);
		expect(await shown("> line ^a\n> next\n\n> lazy ^b\nline\n\n> end ^c\n\n> > deep ^d\n> > more")).toEqual(["BQ: line ^a\nnext", "BQ: lazy ^b\nline", "BQ: end", "BQ: deep ^d\nmore"]);
		// The paragraph's last line, before a block that ends it, keeps hiding its id.
		expect(await shown("para ^e\n- list\n\nx ^f\n\n## H")).toEqual(["P: para", "ULI: list", "P: x", "H3: H"]);
	});
	test("a comment, a tag line or a block id alone on a line too; text beside a tag stays", async () => {
		// In Obsidian (a blog's markdown reads the comment line as an HTML block that ends the paragraph: below).
		const vault = await convert("# T\n\nFirst\n%%c%%\nSecond\n<!-- c -->\nThird\n#tag\nFourth\n^id-1\nFifth", {}, { obsidianVault: true });
		expect(importHtml(storyToHtml(vault).html).slice(1).map(showParagraph)).toEqual(["P: First\nSecond\nThird\nFourth\nFifth"]);
		expect(await shown("First\n<span>x</span>\nThird")).toEqual(["P: First\nx\nThird"]);
	});
});

describe("a comment line in a blog's post (CommonMark: an HTML block, which ends a paragraph)", () => {
	test("Hexo's <!-- more --> right under the intro, NexT's <!-- tab --> lines: the paragraphs on either side stay apart, as the blog shows them", async () => {
		const story = await convert("# T\n\nThe intro.\n<!-- more -->\nThe rest.\n\n**Tab one.**\n<!-- endtab -->\n<!-- tab Two -->\n**Tab two.**", {}, {}, "source/_posts/p.md");
		expect(importHtml(storyToHtml(story).html).slice(1).map(showParagraph)).toEqual(["P: The intro.", "P: The rest.", "P: **Tab one.**", "P: **Tab two.**"]);
	});
});

describe("a blog's empty table-of-contents heading (remark-toc: AstroPaper's `## Table of contents`)", () => {
	test("the blog fills it with its table of contents, which Medium has none of: it goes, never an empty section", async () => {
		const story = await convert("# T\n\nIntro.\n\n## Table of contents\n\n## Creating a post\n\nText.\n\n## Contents\n\n- [Mine](https://e.com)\n\n### TOC\n", {}, {}, "src/data/blog/p.md");
		expect(importHtml(storyToHtml(story).html).slice(1).map(showParagraph)).toEqual(["P: Intro.", "H3: Creating a post", "P: Text.", "H3: Contents", "ULI: [Mine](https://e.com)"]);
		// In Obsidian it is a heading like any.
		const vault = await convert("# T\n\n## Table of contents\n\n## A\n\nText.", {}, { obsidianVault: true });
		expect(importHtml(storyToHtml(vault).html).slice(1).map(showParagraph)).toEqual(["H3: Table of contents", "H3: A", "P: Text."]);
	});
});

describe("the lines of a raw HTML block", () => {
	/** What Medium shows, with Obsidian's Strict line breaks setting off and on. */
	async function both(body: string): Promise<string[][]> {
		const out: string[][] = [];
		for (const strictLineBreaks of [false, true]) {
			const story = await convert("# T\n\n" + body, {}, { strictLineBreaks });
			out.push(importHtml(storyToHtml(story).html).slice(1).map(showParagraph));
		}
		return out;
	}

	test("are joined by a space, as the browser joins raw HTML's lines, whatever the line-break setting", async () => {
		expect(await both("<div>\nline one\nline two\n</div>\n\nNext\nline")).toEqual([["P: line one line two", "P: Next\nline"], ["P: line one line two", "P: Next line"]]);
		expect(await both("<span>\nword\n<b>bold</b>\nend\n</span>")).toEqual([["P: word **bold** end"], ["P: word **bold** end"]]);
	});
	test("a `<br>` breaks the line once, and a block tag (`<p>`, `<div>`, `<li>`) between two lines parts them", async () => {
		expect(await both("<div>\nfirst<br>\nsecond\nthird\n</div>")).toEqual([["P: first\nsecond third"], ["P: first\nsecond third"]]);
		// An `<li>` is a list item, bullet and all, as a browser shows it.
		expect(await both("<div>a</div>\n<div>b\nc</div>\n<li>x</li>")).toEqual([["P: a\nb c", "ULI: x"], ["P: a\nb c", "ULI: x"]]);
		expect(await both("<div>a</div>\n<div>b\nc</div>\nd")).toEqual([["P: a\nb c\nd"], ["P: a\nb c\nd"]]);
	});
	test("a `<p>` at a line's start or a `</p>` at its end parts paragraphs, as Obsidian shows them (a `<p>` inside a table cell stays a line break)", async () => {
		expect(await both("<p>a</p>\n<p>b</p>")).toEqual([["P: a", "P: b"], ["P: a", "P: b"]]);
		expect(await both("<p>a</p><p>b</p>\n\nx")).toEqual([["P: a", "P: b", "P: x"], ["P: a", "P: b", "P: x"]]);
		expect(await both("<div>\n<p>one\ntwo</p>\n<p>three</p>\n</div>")).toEqual([["P: one two", "P: three"], ["P: one two", "P: three"]]);
		expect(await both("<p align=\"left\">a <b>b</b></p> tail\n<div>c</div>")).toEqual([["P: a **b**", "P: tail\nc"], ["P: a **b**", "P: tail\nc"]]);
		expect(await both("<p>a\n</p>\nb")).toEqual([["P: a", "P: b"], ["P: a", "P: b"]]);
		expect(await both("> <p>a</p>\n> <p>b</p>")).toEqual([["BQ: a", "BQ: b"], ["BQ: a", "BQ: b"]]);
		// A comment on the line is skipped, its text not read for tags; one left open ends the search.
		expect(await both("<p>x</p><!-- c <p> --><p>y</p>\n\n<p>z</p><!-- <p>w</p>\n-->")).toEqual([["P: x", "P: y", "P: z"], ["P: x", "P: y", "P: z"]]);
		expect(await both("<table><tr><td>a<p>b</td></tr></table>")).toEqual([["PRE lang=none: a\nb"], ["PRE lang=none: a\nb"]]);
	});
	test("inside a quote or a callout too, up to a blank quote line", async () => {
		expect(await both("> [!note] T\n> <div align=\"center\">\n> line one\n> line two\n> </div>\n>\n> next\n> para")).toEqual([
			["BQ: **T**", "BQ: line one line two", "BQ: next\npara"],
			["BQ: **T**", "BQ: line one line two", "BQ: next para"],
		]);
	});
	test("inside a list item too, its lines under the item's text", async () => {
		expect(await both("- item\n\n  <div>\n  line one\n  line two\n  </div>\n- next\n\t<div>\n\ta\n\tb\n\t</div>\n\n1. x")).toEqual([
			["ULI: item\nline one line two", "ULI: next\na b", "OLI: x"],
			["ULI: item\nline one line two", "ULI: next\na b", "OLI: x"],
		]);
	});
	test("a heading line whose attribute holds a `>` is the heading, its text whole", async () => {
		expect(await both("<div>\n<h2 id=\"a>b\" class='x'>Title <b>here</b></h2>\ntext\n</div>")).toEqual([["H3: Title **here**", "P: text"], ["H3: Title **here**", "P: text"]]);
	});
	test("a comment over several of its lines shows nothing, as in Obsidian: never `<!--` on Medium", async () => {
		expect(await both("<div>\ntext <!-- a note\nto self -->\nmore\n<!--\nhidden\n-->\nend\n</div>")).toEqual([["P: text more end"], ["P: text more end"]]);
	});
});

describe("HTML blocks up to their closing tag (<pre>, <script>, <style>)", () => {
	test("a fence inside a <pre> is its text: the rest of the note is not swallowed, its footnotes are still read", async () => {
		const story = await convert("# T\n\n<pre><code>```q\nx\n```</code></pre>\n\nAfter[^1].\n\n## Next\n\nMore.\n\n[^1]: The note.");
		expect(importHtml(storyToHtml(story).html).slice(1).map(showParagraph)).toEqual([
			"PRE lang=none: ```q\nx\n```",
			"P: After[1].",
			"H3: Next",
			"P: More.",
			"HR",
			"P: **Notes**",
			"OLI: The note.",
		]);
	});
	test("a <pre> never closed runs to the end of the note, as CommonMark reads it", async () => {
		const story = await convert("# T\n\n<pre>\na\n\nb");
		expect(story.blocks).toEqual([expect.objectContaining({ type: "code", text: "a\n\nb", language: null })]);
	});
});

describe("scene breaks", () => {
	test("a paragraph of nothing but a dinkus (⁂, §, ❧, a centred `#`) is Medium's section break, as the writer meant", async () => {
		expect(await shown("One.\n\n⁂\n\nTwo.\n\n§ § §\n\nThree.\n\n<center>#</center>\n\nFour.\n\n❧\n\nFive.")).toEqual([
			"P: One.", "HR", "P: Two.", "HR", "P: Three.", "HR", "P: Four.", "HR", "P: Five.",
		]);
	});
	test("a lone `#` (an empty heading, the manuscript scene break) is a section break, not lost; `# # #` too", async () => {
		expect(await shown("One.\n\n#\n\nTwo.\n\n# # #\n\nThree.")).toEqual(["P: One.", "HR", "P: Two.", "HR", "P: Three."]);
	});
	test("a three-em dash alone (⸻, a novelist's break) is a section break too", async () => {
		expect(await shown("One.\n\n⸻\n\nTwo.")).toEqual(["P: One.", "HR", "P: Two."]);
	});
	test("an HTML `<hr>` alone on its line is a section break, as Obsidian draws it a rule, in a block or not", async () => {
		expect(await shown('One.\n\n<hr>\n\nTwo.\n\n<HR class="scene-break" />\n\nThree.\n\n<div>\nFour.\n<hr/>\nFive.\n</div>')).toEqual([
			"P: One.", "HR", "P: Two.", "HR", "P: Three.", "P: Four.", "HR", "P: Five.",
		]);
	});
	test("a dinkus inside a sentence or beside other text stays text", async () => {
		expect(await shown("⁂ and more\n\n§ 12 of the code\n\nline\n⁂")).toEqual(["P: ⁂ and more", "P: § 12 of the code", "P: line\n⁂"]);
	});
});

describe("image captions", () => {
	/** What Medium shows for a note's body holding `pic.png` (the title left out). */
	async function withPic(body: string, options = {}): Promise<string[]> {
		const story = await convert("# T\n\n" + body, { "pic.png": new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]) }, options);
		return importHtml(storyToHtml(story, { imageSrc: () => "https://cdn.example/pic.png" }).html).slice(1).map((p) => showParagraph(p).replace(" src=https://cdn.example/pic.png", ""));
	}
	test("a wholly italic line right under an image, in its paragraph, is the image's caption, as writers and blogs use it", async () => {
		expect(await withPic("![[pic.png]]\n*The lake at dawn, by [me](https://e.com)*\n\nAfter.")).toEqual(['IMG alt="": The lake at dawn, by [me](https://e.com)', "P: After."]);
		expect(await withPic("![A lake](pic.png)\n_Photo: me_")).toEqual(['IMG alt="A lake": Photo: me']);
		expect(await withPic("![[pic.png]]\n*Caption*", { strictLineBreaks: true })).toEqual(['IMG alt="": Caption']);
	});
	test("a `<figure>`'s `<figcaption>` is its image's caption, over lines or on one", async () => {
		expect(await withPic('<figure>\n<img src="pic.png" alt="Sun">\n<figcaption>The <em>sun</em> rises</figcaption>\n</figure>\n\nAfter.')).toEqual(['IMG alt="Sun": The sun rises', "P: After."]);
		expect(await withPic('<figure><img src="pic.png"><figcaption>One line</figcaption></figure>')).toEqual(['IMG alt="": One line']);
	});
	test("an italic line after a blank line, an image with a title, or text beside the italics stays a paragraph", async () => {
		expect(await withPic("![[pic.png]]\n\n*Not a caption*")).toEqual(['IMG alt=""', "P: _Not a caption_"]);
		expect(await withPic('![x](pic.png "Title")\n*Also text*')).toEqual(['IMG alt="x": Title', "P: _Also text_"]);
		expect(await withPic("![[pic.png]]\n*Italic* and more")).toEqual(['IMG alt=""', "P: _Italic_ and more"]);
		expect(await withPic("Before ![[pic.png]]\n*After*")).toEqual(["P: Before", 'IMG alt=""', "P: _After_"]);
	});
});

describe("an MDX post's <img> with a JSX src (Docusaurus)", () => {
	test("src={require('./a.png').default}, @site/… and useBaseUrl('/img/…') are the image they name, uploaded with its alt", async () => {
		const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
		const files = { "blog/post/a.png": png, "static/img/b.png": png };
		const text = "# T\n\n<img src={require('./a.png').default} alt=\"Local\" />\n\n<img\n  src={require(\"@site/static/img/b.png\").default}\n  alt=\"Site\"\n  style={{ width: 400 }}\n/>\n\n<img src={useBaseUrl('/img/b.png')} alt={'Base'} />";
		const story = await convert(text, files, {}, "blog/post/index.mdx");
		const imageSrc = (s: ImageSource) => (s.kind === "vault" ? "https://cdn.example/" + s.path : null);
		expect(importHtml(storyToHtml(story, { imageSrc }).html).slice(1).map(showParagraph)).toEqual([
			'IMG src=https://cdn.example/blog/post/a.png alt="Local"',
			'IMG src=https://cdn.example/static/img/b.png alt="Site"',
			'IMG src=https://cdn.example/static/img/b.png alt="Base"',
		]);
		expect(codes(story)).toEqual([]);
	});

	test("an HTML element with a JSX attribute (<div style={{textAlign: 'center'}}>) wraps its content, as on the blog: never a paragraph of its tag's text", async () => {
		const text = "# T\n\n<div style={{textAlign: 'center'}}>\n  ![A](https://e.com/a.png)\n\n  Centred **text**.\n</div>\n\n<p className=\"x\" style={{color: 'red'}}>\nRed.\n</p>\n\nAfter.";
		const story = await convert(text, {}, {}, "blog/post/index.mdx");
		expect(importHtml(storyToHtml(story).html).slice(1).map(showParagraph)).toEqual(['IMG src=https://e.com/a.png alt="A"', "P: Centred **text**.", "P: Red.", "P: After."]);
		expect(codes(story)).toEqual(["aligned-text"]);
	});

	test("a link component in a sentence (Next.js's <Link href>, Gatsby's <Link to>) is the link it makes", async () => {
		const text = "# T\n\nSee <Link href=\"https://e.com/guide\">the guide</Link> and <Link to='https://e.com/x' className=\"a\">x</Link>.";
		const story = await convert(text, {}, {}, "blog/post/index.mdx");
		expect(importHtml(storyToHtml(story).html).slice(1).map(showParagraph)).toEqual(["P: See [the guide](https://e.com/guide) and [x](https://e.com/x)."]);
		expect(codes(story)).toEqual([]);
	});

	test("in a markdown note it is text, as Obsidian shows it", async () => {
		const story = await convert("# T\n\n<img src={require('./a.png').default} />", {}, {}, "Note.md");
		expect(bodyOf(story)).toContain("require");
	});
});

describe("Embed Code File's blocks (```embed-go with PATH: vault://…)", () => {
	const files = { "Code/sol.go": "package main\n\nfunc a() {}\nfunc b() {}\nfunc c() {}\n" };
	test("the vault file's code, in the block's language, its TITLE (else its path) in bold above it", async () => {
		const story = await convert('# T\n\n```embed-go\nPATH: "vault://Code/sol.go"\nTITLE: "Two Sum"\n```\n\n> [!code]- Click\n> ```embed-go\n> PATH: "Code/sol.go"\n> LINES: "3,5"\n> ```', files);
		expect(bodyOf(story)).toBe("**Two Sum**\n\n```go\npackage main\n\nfunc a() {}\nfunc b() {}\nfunc c() {}\n```\n\n> **Click**\n>\n> **Code/sol.go**\n\n```go\nfunc a() {}\n...\nfunc c() {}\n```");
		expect(codes(story)).toEqual([]);
	});
	test("a file not in the vault (or on the web) leaves the block as it is, with a warning", async () => {
		const story = await convert('# T\n\n```embed-go\nPATH: "vault://Code/none.go"\n```\n\n```embed-python\nPATH: "https://e.com/a.py"\n```', files);
		expect(bodyOf(story)).toBe('```embed-go\nPATH: "vault://Code/none.go"\n```\n\n```embed-python\nPATH: "https://e.com/a.py"\n```');
		expect(codes(story)).toEqual(["unrendered-block", "unrendered-block"]);
	});
});
