/**
 * Raw HTML as real notes and blog posts hold it (an epigraph in a `<blockquote>`, a pasted tweet, a
 * `<figure>`, the Obsidian Hub's footers), converted, written as the HTML a publish sends and read back
 * through the stand-in for Medium's importer: what Medium would show, and which warnings come with it.
 */

import { storyToHtml } from "../src/story/story-html";
import { codes, convert } from "./support/convert-helpers";
import { importHtml, showParagraph } from "./support/medium-importer";

/** What Medium shows for a note's body (the title paragraph left out), and the warnings' codes. */
async function shown(body: string): Promise<{ shows: string[]; warnings: string[] }> {
	const story = await convert("# T\n\n" + body);
	return { shows: importHtml(storyToHtml(story).html).slice(1).map(showParagraph), warnings: codes(story) };
}

describe("an HTML <blockquote>", () => {
	test("is a quote, as Obsidian shows it, over lines or on one, its <p>s paragraphs of the quote", async () => {
		expect(await shown("<blockquote>\nThe only way to do great work\nis to love what you do.\n</blockquote>\n\nAfter.")).toEqual({
			shows: ["BQ: The only way to do great work is to love what you do.", "P: After."],
			warnings: [],
		});
		expect((await shown("Before.\n\n<blockquote><p>One.</p><p>Two.</p></blockquote>\n\nAfter.")).shows).toEqual(["P: Before.", "BQ: One.", "BQ: Two.", "P: After."]);
		expect((await shown('<div class="epigraph">\n<blockquote>\nWords.\n</blockquote>\nText under it.\n</div>')).shows).toEqual(["BQ: Words.", "P: Text under it."]);
	});
	test("its <cite> is italic, as a browser shows it", async () => {
		expect((await shown("<blockquote>\n<p>Stay hungry.</p>\n<footer>— <cite>Whole Earth Catalog</cite></footer>\n</blockquote>")).shows).toEqual(["BQ: Stay hungry.", "BQ: — _Whole Earth Catalog_"]);
	});
	test("a pasted tweet, Instagram post or TikTok is the post's URL alone in its paragraph (Medium's embed); its script shows nothing", async () => {
		const tweet =
			'<blockquote class="twitter-tweet"><p lang="en" dir="ltr">just setting up my twttr</p>&mdash; jack (@jack) <a href="https://twitter.com/jack/status/20?ref_src=twsrc%5Etfw">March 21, 2006</a></blockquote> <script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>';
		expect(await shown("Before.\n\n" + tweet + "\n\nAfter.")).toEqual({ shows: ["P: Before.", "IFRAME https://twitter.com/jack/status/20", "P: After."], warnings: [] });
		const lines = '<blockquote class="twitter-tweet" data-theme="dark">\n<p lang="en" dir="ltr">Text</p>\n&mdash; X (@x) <a href="https://x.com/x/status/123">May 1, 2020</a>\n</blockquote>\n<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>';
		expect(await shown(lines)).toEqual({ shows: ["IFRAME https://x.com/x/status/123"], warnings: [] });
		const insta = '<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/CxYz123/?utm_source=ig_embed&amp;utm_campaign=loading" data-instgrm-version="14"><div><a href="https://www.instagram.com/p/CxYz123/?utm_source=ig_embed" target="_blank">View this post on Instagram</a></div></blockquote>\n<script async src="//www.instagram.com/embed.js"></script>';
		expect(await shown(insta)).toEqual({ shows: ["P: [https://www.instagram.com/p/CxYz123/](https://www.instagram.com/p/CxYz123/)"], warnings: [] });
		const tiktok = '<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@scout2015/video/6718335390845095173" data-video-id="6718335390845095173" style="max-width: 605px;min-width: 325px;" > <section> <a target="_blank" title="@scout2015" href="https://www.tiktok.com/@scout2015?refer=embed">@scout2015</a> </section> </blockquote> <script async src="https://www.tiktok.com/embed.js"></script>';
		expect((await shown(tiktok)).shows).toEqual(["P: [https://www.tiktok.com/@scout2015/video/6718335390845095173](https://www.tiktok.com/@scout2015/video/6718335390845095173)"]);
	});
});

describe("tags that show nothing of their own", () => {
	test("a <figure>, a <div> or the Hub's <span class=\"git-footer\"> is dropped without a warning", async () => {
		expect((await shown('<figure>\n<img src="https://e.com/a.png" alt="Sun">\n<figcaption>Dawn</figcaption>\n</figure>')).warnings).toEqual([]);
		expect(await shown('<span class="git-footer">[Edit In GitHub](https://github.dev/o/r/blob/main/N.md "git-hub-edit-note")</span>')).toEqual({
			shows: ["P: [Edit In GitHub](https://github.dev/o/r/blob/main/N.md)"],
			warnings: [],
		});
		expect((await shown("<div>\nText.\n</div>")).warnings).toEqual([]);
		// An anchor to link to, and the page break a PDF export reads, show nothing either.
		expect(await shown('<a name="top"></a>\nText.\n\n<div style="page-break-after: always;"></div>\n\nMore.')).toEqual({ shows: ["P: Text.", "P: More."], warnings: [] });
	});
	test("a tag whose look Medium lacks (underline, colour, small print) still warns", async () => {
		expect((await shown("An <u>underlined</u> word.")).warnings).toEqual(["html-dropped"]);
		expect((await shown('A <span style="color:red">red</span> word.')).warnings).toEqual(["html-dropped"]);
	});
});

describe("HTML that is not what it seems", () => {
	test("a `<blockquote` that never closes its tag is text, read once", async () => {
		expect((await shown('<div>a <blockquote title="x> b\n</div>')).shows).toEqual(['P: a <blockquote title="x> b']);
	});
});

describe("an HTML heading", () => {
	test("wrapped on its line in a centring or grouping tag (`<center><h2>…</h2></center>`) is still the heading Obsidian shows", async () => {
		expect(await shown('<center><h2><b>Disclaimer</b></h2></center>\n\nText.\n\n<div align="center"><h3 id="x">Sub</h3></div>')).toEqual({ shows: ["H3: **Disclaimer**", "P: Text.", "H4: Sub"], warnings: [] });
	});
});

describe("HTML code", () => {
	test("`<code>` and `<kbd>` in an HTML block or a paragraph show their text as written, no escape added or kept", async () => {
		expect((await shown("<p>Use <code>foo_bar_baz</code> or <code>**kwargs**</code></p>\n\n<details>\n<summary><b>I see <code>???#</code> in PowerShell</b></summary>\nBody.\n</details>")).shows).toEqual([
			"P: Use `foo_bar_baz` or `**kwargs**`",
			"P: **I see `???#` in PowerShell**",
			"P: Body.",
		]);
		// In a paragraph the text between the tags is markdown: a backslash escape shows its character (CommonMark).
		expect((await shown("Press <kbd>Ctrl</kbd>+<kbd>\\_</kbd>, then <code>a\\*b</code>.")).shows).toEqual(["P: Press `Ctrl`+`_`, then `a*b`."]);
	});
});

describe("HTML quotation", () => {
	test("`<q>` shows the quotation marks a browser puts around it", async () => {
		expect(await shown("He said <q>it <b>works</b></q>.")).toEqual({ shows: ["P: He said “it **works**”."], warnings: [] });
	});
});

describe("a <pre> inside an HTML block", () => {
	test("is a code block, its lines kept, in the language the tags around it name (Jekyll's highlighter output, a README's <div><pre>)", async () => {
		expect(await shown('<div class="language-ruby highlighter-rouge"><div class="highlight"><pre class="highlight"><code>def x\n  1\nend\n</code></pre></div></div>\n\nAfter.')).toEqual({
			shows: ["PRE lang=ruby: def x\n  1\nend", "P: After."],
			warnings: [],
		});
		expect((await shown('<div class="highlighter-rouge">\n<pre class="highlight">\n<code>\nRP/0# <mark>crypto key</mark>\n  done\n</code>\n</pre>\n</div>\nText after.')).shows).toEqual(["PRE lang=none: RP/0# crypto key\n  done", "P: Text after."]);
		expect((await shown('<pre lang="python">\nprint(1)\n</pre>')).shows).toEqual(["PRE lang=python: print(1)"]);
	});
});

describe("an HTML list", () => {
	test("is a list, its items Medium's, numbered in an <ol> from its start", async () => {
		expect(await shown("Intro.\n<ul>\n  <li>One</li>\n  <li>Two <b>bold</b>\n  and more</li>\n</ul>\nAfter.")).toEqual({ shows: ["P: Intro.", "ULI: One", "ULI: Two **bold** and more", "P: After."], warnings: [] });
		expect((await shown("<ol><li>First</li><li><p>Second</p></li></ol>")).shows).toEqual(["OLI: First", "OLI: Second"]);
		// Its start is the markdown list's that starts there.
		expect(await shown('<ol start="3"><li>Third</li><li>Fourth</li></ol>')).toEqual(await shown("3. Third\n4. Fourth"));
		// A list inside an item goes on after it (Medium's lists are flat).
		expect((await shown("<ul>\n<li>Fruit\n<ul>\n<li>Apple</li>\n</ul>\n</li>\n<li>Nuts</li>\n</ul>")).shows).toEqual(["ULI: Fruit", "ULI: Apple", "ULI: Nuts"]);
	});
});

describe("a tag written over lines", () => {
	test("in an HTML block (a README's `<img src=…` with its `alt=…>` on the next line) is read whole, not shown as text", async () => {
		expect(await shown('<p align="center">\n  <a href="https://e.com/x">\n    <img src="https://e.com/badge.svg"\n         alt="Gitter">\n  </a>\n  Text after.\n</p>')).toEqual({
			shows: ['IMG src=https://e.com/badge.svg alt="Gitter"', "P: Text after."],
			warnings: ["aligned-text", "html-dropped"],
		});
		// A `<` that opens no tag is text, read line by line as before.
		expect((await shown("<div>\nx<y and\nmore\n</div>")).shows).toEqual(["P: x<y and more"]);
	});
});

describe("an HTML table", () => {
	test("holding images (screenshots side by side): the cells keep their alt, the images follow the table, as a markdown table's", async () => {
		const table = '<table>\n  <tr>\n    <td><img src="https://e.com/a.png" alt="Light" width="400"></td>\n    <td><a href="https://e.com"><img src="https://e.com/b.png" alt="Dark"></a></td>\n  </tr>\n  <tr><td>Light mode</td><td>Dark mode</td></tr>\n</table>';
		expect(await shown(table)).toEqual({
			shows: ["PRE lang=none: Light      | Dark\nLight mode | Dark mode", 'IMG src=https://e.com/a.png alt="Light"', 'IMG src=https://e.com/b.png alt="Dark"'],
			warnings: ["image-in-table", "image-in-table", "table-as-text"],
		});
	});
});

describe("an HTML heading over lines", () => {
	test("(a README's centred title with its logo) is the heading Obsidian shows, its image before it", async () => {
		const title = '<h1 align="center">\n  <br>\n  <a href="https://e.com"><img src="https://e.com/logo.png" alt="Logo" width="200"></a>\n  <br>\n  Markdownify\n  <br>\n</h1>\n\n<h4 align="center">A minimal\neditor.</h4>\n\nText.';
		expect((await shown(title)).shows).toEqual(['IMG src=https://e.com/logo.png alt="Logo"', "H3: Markdownify", "H4: A minimal editor.", "P: Text."]);
		// So is a markdown heading's image before its text.
		expect((await shown("## ![Logo](https://e.com/logo.png) Name\n\nText.")).shows).toEqual(['IMG src=https://e.com/logo.png alt="Logo"', "H3: Name", "P: Text."]);
	});
});

describe("an HTML video or audio player", () => {
	test("is its first source's address (Medium plays no file), without the fallback text the browser never shows", async () => {
		const video = '<video controls width="600">\n  <source src="https://e.com/clip.webm" type="video/webm">\n  <source src="https://e.com/clip.mp4" type="video/mp4">\n  Your browser does not support video.\n</video>\n\nAfter.';
		expect(await shown(video)).toEqual({ shows: ["P: [https://e.com/clip.webm](https://e.com/clip.webm)", "P: After."], warnings: ["media-as-link"] });
		expect((await shown('<audio controls><source src="https://e.com/a.mp3">Your browser does not support audio.</audio>')).shows).toEqual(["P: [https://e.com/a.mp3](https://e.com/a.mp3)"]);
	});
});

describe("HTML strikethrough", () => {
	test("`<s>`, `<del>`, `<strike>` warn as `~~x~~` does: Medium has no strikethrough", async () => {
		expect(await shown("Need to strike <s>some text</s>, <del>this</del> and <strike>that</strike>?")).toEqual({ shows: ["P: Need to strike some text, this and that?"], warnings: ["strikethrough-dropped"] });
	});
});

describe("an HTML list in a table cell", () => {
	test("(the markdown guide's `<ul><li>` in a cell) is a line per item, its marker first, in a markdown or an HTML table", async () => {
		expect((await shown("| Syntax | Description |\n| --- | --- |\n| List | Here's a list! <ul><li>Item one.</li><li>Item two.</li></ul> |\n| Steps | <ol><li>One</li><li>Two</li></ol> |")).shows).toEqual([
			"PRE lang=none: Syntax | Description\n-------|---------------\nList   | Here's a list!\n       | - Item one.\n       | - Item two.\nSteps  | 1. One\n       | 2. Two",
		]);
		expect((await shown("<table><tr><td>List</td><td>A list: <ul><li>One.</li><li>Two.</li></ul></td></tr></table>")).shows).toEqual(["PRE lang=none: List | A list:\n     | - One.\n     | - Two."]);
	});
});

describe("a video's thumbnail linking to the video", () => {
	test("(READMEs' way to show one, in markdown or HTML) is the video, which Medium embeds", async () => {
		expect(await shown("Watch:\n\n[![Less Than Jake](https://img.youtube.com/vi/PYCxct2e0zI/0.jpg)](https://www.youtube.com/watch?v=PYCxct2e0zI)\n\nAfter.")).toEqual({
			shows: ["P: Watch:", "IFRAME https://www.youtube.com/watch?v=PYCxct2e0zI", "P: After."],
			warnings: [],
		});
		expect((await shown('<a href="https://www.youtube.com/watch?v=PYCxct2e0zI" rel="nofollow"><img src="https://img.youtube.com/vi/PYCxct2e0zI/0.jpg" width="480" alt="Video"></a>')).shows).toEqual(["IFRAME https://www.youtube.com/watch?v=PYCxct2e0zI"]);
		// A thumbnail linking elsewhere stays the image, its link dropped with a warning.
		expect(await shown("[![Shot](https://e.com/a.png)](https://e.com/page)")).toEqual({ shows: ['IMG src=https://e.com/a.png alt="Shot"'], warnings: ["image-link"] });
	});
});

describe("a <details> inside a paragraph or list item", () => {
	test("shows its summary on a line of its own above its body, without a warning", async () => {
		expect(await shown("- Item\n- <details><summary>More</summary>Hidden text</details>")).toEqual({ shows: ["ULI: Item", "ULI: More\nHidden text"], warnings: [] });
	});
});

describe("another site's pasted post", () => {
	test("(Reddit, Bluesky) is a quote of its text and link, its widget script dropped without a warning", async () => {
		const reddit = '<blockquote class="reddit-embed-bq" data-embed-height="316"><a href="https://www.reddit.com/r/ObsidianMD/comments/abc/my_setup/">My setup</a><br> by<a href="https://www.reddit.com/user/me/">u/me</a> in<a href="https://www.reddit.com/r/ObsidianMD/">ObsidianMD</a></blockquote><script async="" src="https://embed.reddit.com/widgets.js" charset="UTF-8"></script>';
		expect(await shown(reddit)).toEqual({ shows: ["BQ: [My setup](https://www.reddit.com/r/ObsidianMD/comments/abc/my_setup/)\nby[u/me](https://www.reddit.com/user/me/) in[ObsidianMD](https://www.reddit.com/r/ObsidianMD/)"], warnings: [] });
		expect((await shown('<blockquote class="bluesky-embed"><p lang="en">Hello</p></blockquote>\n<script async src="https://embed.bsky.app/static/embed.js" charset="utf-8"></script>')).warnings).toEqual([]);
	});
});

describe("an HTML <h1> opening the note", () => {
	test("(a README's `<h1 align=\"center\">Name</h1>`) is the story's title, as `# Name` is, and leaves the body", async () => {
		const story = await convert('<h1 align="center">My <b>Project</b> &amp; co</h1>\n\n<p align="center">A tool.</p>\n\n## Install\n\nRun it.', {}, {}, "README.md");
		expect(story.title).toBe("My Project & co");
		expect(importHtml(storyToHtml(story).html).map(showParagraph)).toEqual(["TITLE: My Project & co", "P: A tool.", "H3: Install", "P: Run it."]);
	});
});
