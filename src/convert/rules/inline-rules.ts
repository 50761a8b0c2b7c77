/**
 * The inline rules: what each piece of text markup becomes among Medium's four markups (strong, em,
 * link, code) plus line breaks. One entry per rule, with its examples; the parsers
 * (src/convert/inline.ts for Obsidian's syntax, src/convert/inline-tree.ts for the markups) look their
 * decisions up here.
 */

import type { ConversionRule } from "./rule";

/** Schemes a link may keep on Medium: anything else would leave Medium's site for nowhere. */
const ABSOLUTE_SCHEMES = ["https:", "http:", "mailto:"];

/** Whether a link target is one Medium can follow (absolute web or mail address). */
export function isAbsoluteHref(href: string): boolean {
	let i = 0;
	while (i < href.length && href.charCodeAt(i) <= 32) i++;
	for (const s of ABSOLUTE_SCHEMES) if (href.length > i + s.length && startsWithIgnoringCase(href, s, i)) return true;
	return false;
}

/** Whether `text` holds the lower-case ASCII `prefix` at `at`, in any case (no copy of `text`). */
function startsWithIgnoringCase(text: string, prefix: string, at: number): boolean {
	for (let k = 0; k < prefix.length; k++) if ((text.charCodeAt(at + k) | 32) !== prefix.charCodeAt(k)) return false;
	return true;
}

/** Whether an image source is one Medium can fetch itself. */
export function isAbsoluteImageSrc(src: string): boolean {
	const h = src.trim().toLowerCase();
	return (h.startsWith("https://") || h.startsWith("http://")) && h.length > 8;
}

/**
 * `br`, `br/`, `br /`, and a bare paragraph tag `p`, `/p`, `p/` (any case): kept as a line break. A `<p>`
 * inside a line starts a new paragraph where Obsidian shows it (a table cell's `<p/>` above all); Medium's
 * paragraph holds lines, so a break keeps the words apart instead of gluing "end.<p/>Next" together.
 */
export function isLineBreakTag(inner: string): boolean {
	const t = inner.trim().toLowerCase();
	// A `<details>`'s summary is a line of its own, above its body (shown open: Medium folds nothing).
	return t === "br" || t === "br/" || t === "br /" || t === "/summary" || isParagraphTag(inner);
}

/** `p`, `/p`, `p/`, `p /` (any case): a paragraph tag, which breaks the line once (`</p><p>` is one break). */
export function isParagraphTag(inner: string): boolean {
	const t = inner.trim().toLowerCase();
	return t === "p" || t === "/p" || t === "p/" || t === "p /";
}

/** The warnings the parsers raise (apart from the table, so the plugin bundle holds no examples). */
export const STRIKETHROUGH_CODE = "strikethrough-dropped";
export const STRIKETHROUGH_MESSAGE = "Medium has no strikethrough: struck text is shown as plain text.";
export const RAW_HTML_CODE = "html-dropped";
export const RAW_HTML_MESSAGE = "Inline HTML tags were dropped (their text is kept): Medium keeps only its own markups.";
/** A dropped tag that centred or right-aligned its text (`<center>`, `align="center"`, `text-align: right`). */
export const ALIGNED_TEXT_CODE = "aligned-text";
export const ALIGNED_TEXT_MESSAGE = "Medium has no centred or right-aligned text: text in <center> or an align attribute or style is shown left-aligned (its tags dropped, its text kept).";
/** `center`, or a tag whose align attribute or text-align style centres or right-aligns. One pass, no backtracking. */
const ALIGNING_TAG = /^center\b|\balign\s*=\s*["']?(?:center|centre|right)|text-align\s*:\s*(?:center|right|end)/i;

/** Whether a tag (its text between `<` and `>`) sets its text centred or right-aligned, which Medium cannot. */
export function alignsText(inner: string): boolean {
	return ALIGNING_TAG.test(inner);
}
/**
 * Tags that only group what they hold (a browser shows nothing of their own: a `<div>`, a `<figure>`, the
 * Obsidian Hub's `<span class="git-footer">`): dropped without a warning, unless a style gives them a look.
 */
const PLAIN_TAGS = new Set("p div span figure section article header footer main aside nav hgroup picture time data bdi wbr details summary".split(" "));

/**
 * Whether a dropped tag (its text between `<` and `>`) loses nothing the reader sees: one of those, or an
 * anchor (`<a name="top">`, no href); its style, if any, only a page break for print (the PDF export's
 * `<div style="page-break-after: always;">`).
 */
export function showsNothingOwn(inner: string): boolean {
	let k = 0;
	while (k < inner.length && ((inner.charCodeAt(k) | 32) >= 97 && (inner.charCodeAt(k) | 32) <= 122)) k++;
	const name = inner.slice(0, k).toLowerCase();
	if (!(PLAIN_TAGS.has(name) || (name === "a" && !/\bhref\s*=/i.test(inner)))) return false;
	const style = /\bstyle\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)/i.exec(inner);
	return style === null || style[1].replace(/["']/g, "").split(";").every((d) => d.trim() === "" || /^\s*(?:page-)?break-(?:before|after|inside)\s*:/i.test(d));
}
export const RELATIVE_LINK_CODE = "relative-link";
/** A link around nothing but an image, dropped. */
export const IMAGE_LINK_CODE = "image-link";
/** A Hugo shortcode or Liquid tag line, left out. */
export const SITE_TAG_CODE = "site-tag";
/** An inline Dataview query (`` `= this.file.name` ``): Obsidian shows its result, Medium the query. */
export const INLINE_QUERY_CODE = "unrendered-query";
/** A template's unfilled placeholder or command ({{title}} in a title, Templater's `<% … %>` anywhere). */
export const TEMPLATE_CODE = "template-placeholder";

/** The inline rules, for the README and the tests (src/convert/rules/rule.ts). */
export const INLINE_RULES = {
	emphasis: {
		construct: "`**bold**`, `__bold__`, `*italic*`, `_italic_`",
		medium: "bold and italic (Medium's strong and em), parsed as CommonMark does",
		examples: [
			{ note: "Some **bold**, __bold__, *em*, _em_ and ***both***.", markdown: "Some **bold**, **bold**, *em*, *em* and ***both***." },
			{ note: "snake_case_name stays, 2 * 3 too", markdown: "snake_case_name stays, 2 \\* 3 too" },
			// CommonMark's reading: `*<em>unclosed and <em>half</em></em>`, italic inside italic: one italic.
			{ note: "**unclosed and *half**", markdown: "\\**unclosed and half*" },
			// Unicode white space (the ideographic space U+3000 of Japanese text) and punctuation (「」。) count as CommonMark says;
			// `**` between a letter and punctuation opens nothing, in Obsidian too.
			{ note: "**「注意」**\u3000この機能、日本**「強調」**です", markdown: "**「注意」**\u3000この機能、日本\\*\\*「強調」\\*\\*です" },
			// Bold inside bold shows nothing more: one bold, not `<strong>` inside `<strong>`.
			{ note: "**all **of** it** and *a *b* c*", markdown: "**all of it** and *a b c*" },
		],
	},
	highlight: {
		construct: "`==highlight==`",
		medium: "bold (Medium has no highlight)",
		examples: [
			{ note: "A ==marked== word.", markdown: "A **marked** word." },
			// `==` with a space after it opens nothing, with a space before it closes nothing: code in prose stays as written.
			{ note: "If a == b and c == d, ==this== is marked; x ==y == z== too.", markdown: "If a == b and c == d, **this** is marked; x **y == z** too." },
			// Like `**` and `~~`, a highlight spans the lines of its paragraph; `==` with spaces round it is an operator.
			{ note: "A ==marked\nacross== line, if a == b\nor c == d.", markdown: "A **marked\\\nacross** line, if a == b\\\nor c == d." },
			// Bold inside a highlight (Apple Notes' ==🟣**bold**==): written `**` round `**`, the inner bold closed the
			// outer one. Inside a word, where `__` cannot be bold, the inner bold is what stays.
			{ note: "==🟣**bold**== and ==**all**==, x==a**b**==y", markdown: "**🟣bold** and **all**, xa**b**y" },
			// A link inside a highlight: the address ends at its `)`, so the highlight's close after it is found.
			{ note: "==🟠[linked](https://example.com)== and ==two==", markdown: "**🟠[linked](https://example.com)** and **two**" },
			// A highlight crossing emphasis pairs as CommonMark pairs delimiters: the first close wins, the other mark stays as written.
			{ note: "==a *b== c*, *a ==b* c== and **a ==b** c==", markdown: "**a \\*b** c\\*, *a ==b* c== and **a ==b** c==" },
		],
	},
	strikethrough: {
		construct: "`~~strikethrough~~`",
		medium: "the text without the strike (Medium has none), with a warning",
		code: STRIKETHROUGH_CODE,
		warning: STRIKETHROUGH_MESSAGE,
		examples: [{ note: "Was ~~wrong~~ right.", markdown: "Was wrong right.", warnings: ["strikethrough-dropped"] }],
	},
	code: {
		construct: "`` `code` ``, inline math `$x$`",
		medium: "inline code (math with a warning)",
		examples: [
			{ note: "Run `npm test` now.", markdown: "Run `npm test` now." },
			{ note: "Math $x^2$ here.", markdown: "Math `x^2` here.", warnings: ["math-as-code"] },
			// Math a line opens and the next line of its paragraph closes: Obsidian's MathJax reads it across the break.
			{ note: "Let $a +\nb = c$ hold.\n> Quote $x +\n> y$ too.\n\nPrice $5 and\n$6 here.", markdown: "Let `a + b = c` hold.\n\n> Quote `x + y` too.\n\nPrice $5 and\\\n$6 here.", warnings: ["math-as-code"] },
		],
	},
	absoluteLinks: {
		construct: "links `[text](url)`, `<https://…>`, bare `https://…` and `www.…` addresses, wiki-links",
		medium: "a link when the target is a web address or a note with a Medium URL (or the link template); anything relative or local becomes plain text, with a warning",
		code: RELATIVE_LINK_CODE,
		examples: [
			{ note: "See [site](https://example.com) and <https://e.org>.", markdown: "See [site](https://example.com) and [https://e.org](https://e.org)." },
			// A bare address is a link whose text is as written (GFM autolinks): no markup inside it; the writer escapes what needs it.
			{ note: "See https://github.com/o/r/blob/main/__init__.py, https://e.com/a==b==c%%d%% and www.e.com/*x*.", markdown: "See [https://github.com/o/r/blob/main/\\_\\_init\\_\\_.py](https://github.com/o/r/blob/main/__init__.py), [https://e.com/a==b==c%%d%%](https://e.com/a==b==c%%d%%) and [www.e.com/\\*x](http://www.e.com/*x)\\*." },
			{ note: "<https://e.com/a==b==c%%d%%?p=$x$&q=[[y]]> stays whole.", markdown: "[https://e.com/a==b==c%%d%%?p=$x$&q=\\[\\[y\\]\\]](https://e.com/a==b==c%%d%%?p=$x$&q=[[y]]) stays whole." },
			{ note: "Mail <me@example.com> or <first.last+tag@mail.example.org>.", markdown: "Mail [me@example.com](mailto:me@example.com) or [first.last+tag@mail.example.org](mailto:first.last+tag@mail.example.org)." },
			{ note: "See [local](file:///etc/passwd).", markdown: "See local.", warnings: ["local-url"] },
			{ note: "See [files](ftp://files.example/a).", markdown: "See files.", warnings: ["relative-link"] },
		],
	},
	referenceLinks: {
		construct: "reference links `[text][label]`, `[label][]`, `[label]`, `![alt][label]` with a `[label]: url \"Title\"` line",
		medium: "the link or image the definition gives (labels ignore case); the definition line shows nothing",
		examples: [
			{
				note: "See [the site][Site], [site][] and [SITE].\n\n[site]: https://example.com/a \"Home\"",
				markdown: "See [the site](https://example.com/a), [site](https://example.com/a) and [SITE](https://example.com/a).",
			},
			{ note: "![A chart][chart] and [no such][label] stays.\n\n[chart]: https://e.com/c.png \"Caption\"", markdown: "![A chart](https://e.com/c.png \"Caption\")\n\nand [no such][label] stays." },
		],
	},
	lineBreaks: {
		construct: "a single newline inside a paragraph",
		medium: "a line break, as Obsidian shows it (a space when the vault uses Strict line breaks, or the folder is not a vault)",
		examples: [
			{ note: "one\ntwo", markdown: "one\\\ntwo" },
			{ note: "one\ntwo", markdown: "one two", strictLineBreaks: true },
		],
	},
	hardBreaks: {
		construct: "hard line breaks: two trailing spaces, a trailing `\\`, `<br>` (and a `<p>` tag inside a line)",
		medium: "a line break, whatever the vault's setting",
		examples: [
			{ note: "one  \ntwo\\\nthree<br>four", markdown: "one\\\ntwo\\\nthree\\\nfour", strictLineBreaks: true },
		],
	},
	entities: {
		construct: "HTML entity references: `&amp;`, `&nbsp;`, `&mdash;`, `&#8212;`, `&#x2014;`",
		medium: "the character they name, in text, link addresses and alt text (code keeps them as written); an unknown name stays as written",
		examples: [
			{ note: "Fish &amp; chips &mdash; &copy; 2024, &#x2014; and `&amp;` in code; AT&T and &nosuch; stay.", markdown: "Fish & chips — © 2024, — and `&amp;` in code; AT&T and \\&nosuch; stay." },
			{ note: "[Q&amp;A](https://e.com/?a=1&amp;b=2)", markdown: "[Q&A](https://e.com/?a=1&b=2)" },
		],
	},
	htmlMedia: {
		construct: "`<img src alt title>`, `<iframe src>`, `<video src>` / `<audio src>` (or their `<source src>`) and `<a href>` written as HTML",
		medium: "an image (alt kept, the title as its caption, a vault file uploaded), the player's page as an embed (YouTube, Vimeo; another iframe, and a video or audio file, becomes a link to its address, with a warning), a link read like a markdown link",
		examples: [
			{ note: "<a href=\"https://e.com\" target=\"_blank\">a *site*</a>", markdown: "[a *site*](https://e.com)" },
			{ note: "<img src=\"https://e.com/a.png\" alt=\"A chart\" title=\"Sales\" width=\"300\">", markdown: "![A chart](https://e.com/a.png \"Sales\")", blocks: ["image"] },
			{ note: "<iframe width=\"560\" src=\"https://www.youtube.com/embed/abc?si=x\"></iframe>", markdown: "https://www.youtube.com/watch?v=abc", blocks: ["embed"] },
			// A playlist's player is the playlist's page; a video's start time and playlist stay with it.
			{ note: "<iframe src=\"https://www.youtube.com/embed/videoseries?list=PLx-1_a\"></iframe>\n\n<iframe src=\"https://www.youtube-nocookie.com/embed/abc?start=30&amp;list=PLy\"></iframe>", markdown: "https://www.youtube.com/playlist?list=PLx-1_a\n\nhttps://www.youtube.com/watch?v=abc&t=30&list=PLy", blocks: ["embed", "embed"] },
			{ note: "<iframe src=\"https://codepen.io/a/embed/b\"></iframe>", markdown: "[https://codepen.io/a/embed/b](https://codepen.io/a/embed/b)", warnings: ["iframe-as-link"] },
			// Obsidian's help embeds a web video or audio file so: a player Medium cannot show, its file a link.
			{ note: "<video controls src=\"https://e.com/a.mp4\" type=\"video/mp4\">\n</video>\n\n<audio controls><source src=\"https://e.com/a.ogg\"></audio>", markdown: "[https://e.com/a.mp4](https://e.com/a.mp4)\n\n[https://e.com/a.ogg](https://e.com/a.ogg)", warnings: ["media-as-link", "media-as-link"] },
		],
	},
	htmlStyle: {
		construct: "`<b>`, `<strong>`, `<mark>`, `<i>`, `<em>`, `<code>`, `<kbd>`, `<sup>`, `<sub>` with their closing tag on the line",
		medium: "bold (`<mark>` too, as a highlight), italic, code; a superscript or subscript of digits and signs (`x<sup>2</sup>`, `H<sub>2</sub>O`) in Unicode's raised or lowered characters (x², H₂O), any other one as its text with the warning below; where markdown could not read it (punctuation against a word: `这是<b>“强调”</b>后文`) the tags still open and close the bold or italic, as a browser reads them; with a space inside the tag, or without its partner, the tags are dropped, their text kept, with the warning below",
		examples: [
			{ note: "Press <kbd>Ctrl</kbd>+<kbd>C</kbd>: <b>bold</b>, <em>it</em>, <mark>hi</mark>, <code>a &lt; b</code>.", markdown: "Press `Ctrl`+`C`: **bold**, *it*, **hi**, `a < b`." },
			{ note: "A <b> spaced </b> one.", markdown: "A  spaced  one.", warnings: ["html-dropped"] },
			// Apple Notes and Notion write super- and subscripts as HTML: digits and signs have Unicode forms.
			{ note: "x<sup>2</sup> + y<sup>-1</sup>, H<sub>2</sub>O, e<sup>iπ</sup>", markdown: "x² + y⁻¹, H₂O, eiπ", warnings: ["html-dropped"] },
		],
	},
	rawHtml: {
		construct: "inline HTML tags other than `<br>`, `<img>`, `<iframe>`, `<a href>` and the styling ones above",
		medium: "dropped, their text kept, with a warning (Medium imports no markup of ours)",
		code: RAW_HTML_CODE,
		warning: RAW_HTML_MESSAGE,
		examples: [
			{ note: "A <span class=\"x\">word</span> <sup>note</sup>.", markdown: "A word note.", warnings: ["html-dropped"] },
			// Only a tag of CommonMark's shape is HTML (a name, then attributes whose names start with a letter, `_` or `:`):
			// Obsidian shows `<Things 3>`, `<x 1="2">`, `<a.b>` and `</p q>` as written, so they are text.
			{ note: "Inspired by <Things 3>, <x 1=\"2\">, <a.b> and </p q>.", markdown: "Inspired by \\<Things 3>, \\<x 1=\"2\">, \\<a.b> and \\</p q>." },
		],
	},
	alignedText: {
		construct: "`<center>`, or a tag with `align=\"center\"`/`\"right\"` or `style=\"text-align: center\"` (a poem, an epigraph's attribution)",
		medium: "its text as a left-aligned paragraph, with a warning (Medium has no centred or right-aligned text); a dinkus centred alone is a section break (block rules)",
		code: ALIGNED_TEXT_CODE,
		warning: ALIGNED_TEXT_MESSAGE,
		examples: [
			{ note: "<center>A centred line</center>", markdown: "A centred line", warnings: ["aligned-text"] },
			{ note: '<p style="text-align: right">— Anon</p>', markdown: "— Anon", warnings: ["aligned-text"] },
			// The closing tag loses nothing of its own: one warning, the opener's.
			{ note: '<div align="center">\n\n**Centred** verse\n\n</div>', markdown: "**Centred** verse", warnings: ["aligned-text"] },
		],
	},
	linkedImage: {
		construct: "a linked image (`[![alt](src)](href)`, `<a href=…><img …></a>`: badges, video thumbnails)",
		medium: "the image, with a warning that its link was dropped (Medium's images cannot be links); a link to the image itself is dropped without one",
		code: IMAGE_LINK_CODE,
		examples: [
			{ note: "[![Build](https://img.shields.io/b.svg)](https://ci.example/b)", markdown: "![Build](https://img.shields.io/b.svg)", warnings: ["image-link"] },
			// A link to the image itself (Notion's embedded images, a picture that opens full size) loses nothing: no warning.
			{ note: "[![](https://e.com/cat.jpg)](https://e.com/cat.jpg)", markdown: "![](https://e.com/cat.jpg)" },
		],
	},
	siteGeneratorTags: {
		construct: "a line that is only a Hugo shortcode (`{{< admonition >}}`, `{{% note %}}`) or a Jekyll/Liquid tag (`{% include x.html %}`)",
		medium: "left out with a warning (only the blog renders it), the text between such lines kept; `{{< youtube ID >}}` is the video's embed, as are a gist, video or post tag (`{{< gist user id >}}`, `{{< vimeo id >}}`, `{{< tweet user=… id=… >}}`, Hexo's and Jekyll plugins' `{% youtube id %}`, `{% vimeo id %}`, `{% gist user/id %}`) and a gist's `<script src=…>` line; `{{< figure src=… caption=… alt=… >}}` the image (its src read as a markdown image's: a site-root path is the blog's `static/` file), its caption (else its title) and alt (else the caption); Hexo's `{% asset_img slug Title %}` (a file of the post's asset folder) and `{% img /a.png Title %}` the image, its title the caption; a highlight block (`{{< highlight go \"linenos=table\" >}}` … `{{< /highlight >}}`, Jekyll's `{% highlight ruby %}` … `{% endhighlight %}`, Hexo's `{% codeblock lang:js Title %}` … `{% endcodeblock %}`) a code block with its language, its lines as written (a Hexo title a bold paragraph above it); a callout shortcode with its closing one (`{{< admonition type=tip title=… >}}`, `{{% notice info \"Title\" %}}`, `{{< alert title=… >}}`, `{{< note >}}` … `{{< /note >}}`) a callout, its title (else its type's name) in bold; Hexo's `{% blockquote Author, Source %}` … `{% endblockquote %}` a quote, `— Author, Source` last (NexT's `{% note %}` a quote); Liquid's `{% comment %}` … `{% endcomment %}` dropped with the lines between (the blog hides them); Liquid's `{% raw %}` / `{% endraw %}` (Jekyll, Eleventy, Hexo) dropped wherever they are (in a line, a code span, a code block; a tag alone on its line with its line), paired as Liquid pairs them, the text between kept as written, without a warning; a raw or endraw with no partner stays as written (that text goes through no Liquid); a tag written over several lines (`{{< figure` … `>}}`) read as one",
		code: SITE_TAG_CODE,
		examples: [
			// A callout shortcode or tag with its closing one is a callout (a quote, its title in bold); Hexo's blockquote a quote, its source last.
			{ note: "{{< admonition type=tip title=\"Mind *this*\" >}}\nBody.\n{{< /admonition >}}\n{{% notice warning %}}\nCareful.\n{{% /notice %}}\n\n{% blockquote David Levithan, Wide Awake %}\nDo not just seek happiness.\n{% endblockquote %}\nAfter.", markdown: "> **Mind *this***\n>\n> Body.\n\n> **Warning**\n>\n> Careful.\n\n> Do not just seek happiness.\n>\n> — David Levithan, Wide Awake\n\nAfter." },
			{ note: "{{< alert >}}\nNo title.\n{{< /alert >}}\n\n{{< unknown >}}\nBody.\n{{< /unknown >}}", markdown: "> No title.\n\nBody.", warnings: ["site-tag", "site-tag"] },
			{ note: "{% include toc.html %}\n\n  {{% notice info %}}\n\nText with {{< ref \"a.md\" >}} inside.", markdown: "Text with {{< ref \"a.md\" >}} inside.", warnings: ["site-tag", "site-tag"] },
			{ note: "{{< youtube dQw4w9WgXcQ >}}", markdown: "https://www.youtube.com/watch?v=dQw4w9WgXcQ", blocks: ["embed"] },
			// Quarto's video shortcode: a YouTube or Vimeo address is the video's embed.
			{ note: "{{< video https://www.youtube.com/embed/wo9vZccmqwc >}}\n\n{{< video https://vimeo.com/548291297 title=\"A talk\" >}}", markdown: "https://www.youtube.com/watch?v=wo9vZccmqwc\n\nhttps://vimeo.com/548291297", blocks: ["embed", "embed"] },
			{ note: "{{< gist spf13 7896402 >}}\n\n{% gist parkr/931c1c8d465a04042403 %}\n\n{% youtube dQw4w9WgXcQ %}\n\n<script src=\"https://gist.github.com/mmistakes/77c68fbb.js\"></script>", markdown: "https://gist.github.com/spf13/7896402\n\nhttps://gist.github.com/parkr/931c1c8d465a04042403\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\nhttps://gist.github.com/mmistakes/77c68fbb", blocks: ["embed", "embed", "embed", "embed"] },
			{ note: "{{< figure src=\"https://x.example/lake.png\" caption=\"The lake\" alt=\"Ice\" >}}", markdown: "![Ice](https://x.example/lake.png \"The lake\")", blocks: ["image"] },
			{ note: "{{< highlight go \"linenos=table\" >}}\n# not a heading\nx := 1\n{{< /highlight >}}", markdown: "```go\n# not a heading\nx := 1\n```", blocks: ["code"] },
			{ note: "{% highlight ruby %}\nputs 1\n{% endhighlight %}\n\n{% raw %}\n{{ page.title }}\n{% endraw %}", markdown: "```ruby\nputs 1\n```\n\n{{ page.title }}", blocks: ["code", "paragraph"] },
			// Hexo's codeblock (alias code): a code block, its `lang:` the language, its title a bold paragraph above it.
			{ note: "{% codeblock lang:js Array.map http://e.com/map Docs %}\n# not a heading\n{% endcodeblock %}\n\n{% code %}\nplain\n{% endcode %}", markdown: "**Array.map**\n\n```js\n# not a heading\n```\n\n```\nplain\n```" },
			// Liquid's comment block shows nothing, its lines included.
			{ note: "Before.\n\n{% comment %}\nA private note, **hidden**.\n{% endcomment %}\n\nAfter.", markdown: "Before.\n\nAfter." },
			// Liquid reads the whole file before markdown: raw tags in a line, a code span or a code block go too.
			{ note: "Use `{% raw %}{{ page.title }}{% endraw %}` or {%- raw -%}{{ site.url }}{%endraw%}.\n\n```liquid\n{% raw %}\n{% if a %}{{ b }}{% endif %}\n{% endraw %}\n```\n\n{% highlight liquid %}\n{% raw %}\n{{ x }}\n{% endraw %}\n{% endhighlight %}", markdown: "Use `{{ page.title }}` or {{ site.url }}.\n\n```liquid\n{% if a %}{{ b }}{% endif %}\n```\n\n```liquid\n{{ x }}\n```" },
			// An Obsidian note (about Jekyll) goes through no Liquid: Obsidian shows every tag as written, and so does Medium.
			{ note: "Use `{% raw %}{{ page.title }}{% endraw %}` or {% raw %}{{ site.url }}{% endraw %}.\n\n```liquid\n{% raw %}\n{{ b }}\n{% endraw %}\n```\n\n{% include toc.html %}\n\n{% comment %}\nShown.\n{% endcomment %}\n\n{% highlight ruby %}\nputs 1\n{% endhighlight %}\n\n![Cat]({{ site.baseurl }}/cat.png)", markdown: "Use `{% raw %}{{ page.title }}{% endraw %}` or {% raw %}{{ site.url }}{% endraw %}.\n\n```liquid\n{% raw %}\n{{ b }}\n{% endraw %}\n```\n\n{% include toc.html %}\n\n{% comment %}\\\nShown.\\\n{% endcomment %}\n\n{% highlight ruby %}\\\nputs 1\\\n{% endhighlight %}\n\n!\\[Cat]({{ site.baseurl }}/cat.png)", obsidianVault: true },
		],
	},
	dataviewFields: {
		construct: "Dataview's inline fields in a line: `[key:: value]`, `(key:: value)` (the form that hides its key)",
		medium: "what Dataview shows in reading view: `key: value`, or the value alone; a full-line `Key:: Value` and a `::` with no space after it (`std::move`) stay as written; so do all fields where the vault does not run Dataview (option `dataviewFields: false`)",
		examples: [
			{ note: "I would rate this a [rating:: 9]! It was [mood:: acceptable].", markdown: "I would rate this a rating: 9! It was mood: acceptable." },
			{ note: "This will not show the (longKeyIDontNeedWhenReading:: key).", markdown: "This will not show the key." },
			// A Zotero template's bold keys: Dataview reads the key without its bold, but shows a full-line field as written (PR #2083: "Unwrapped field :: not rendered"); a bracketed one shows its key's markdown.
			{ note: "**Title**:: Deep Work\n**Author**:: Cal Newport\n\nRated [**Rating**:: 9].", markdown: "**Title**:: Deep Work\\\n**Author**:: Cal Newport\n\nRated **Rating**: 9." },
			{ note: "- [ ] Mail David [due:: 2022-04-05] [project:: [[Plan]]] [owner:: **Ann** (lead)]", markdown: "- ☐ Mail David due: 2022-04-05 project: Plan owner: **Ann** (lead)", warnings: ["unresolved-link"] },
			{ note: "Basic Field:: Some value\nCall (std::move) or [a::b], not `[code:: x]`.", markdown: "Basic Field:: Some value\\\nCall (std::move) or [a::b], not `[code:: x]`." },
		],
	},
	dataviewInlineQueries: {
		construct: "Dataview's inline queries `` `= this.file.name` ``, `` `$= dv.current().rating` ``; Meta Bind's `` `INPUT[toggle:done]` ``, `` `VIEW[{a}]` ``, `` `BUTTON[id]` ``",
		medium: "the query as inline code (only Obsidian can run it), with a warning; `` `==` `` and `` `=x` `` are code like any other",
		code: INLINE_QUERY_CODE,
		examples: [
			{ note: "Written `= this.file.ctime`, rated `$= dv.current().rating`; `==` and `=x` are operators.", markdown: "Written `= this.file.ctime`, rated `$= dv.current().rating`; `==` and `=x` are operators.", warnings: ["unrendered-query", "unrendered-query"] },
			// Without the space too, as Dataview reads it, once it is an expression (`=this.id`, `=date(today)`).
			{ note: "Id `=this.id`, made `=date(today)`; `=x`, `===` and `=.5` stay code.", markdown: "Id `=this.id`, made `=date(today)`; `=x`, `===` and `=.5` stay code.", warnings: ["unrendered-query", "unrendered-query"] },
			// Meta Bind's fields and views are widgets in Obsidian; `INPUT` alone or a word in brackets is code.
			{ note: "Rate `INPUT[slider(minValue(1)):rating]`, twice `VIEW[{rating} * 2]`, `BUTTON[go]`; `INPUT` and `a[INPUT]`.", markdown: "Rate `INPUT[slider(minValue(1)):rating]`, twice `VIEW[{rating} * 2]`, `BUTTON[go]`; `INPUT` and `a[INPUT]`.", warnings: ["unrendered-query", "unrendered-query", "unrendered-query"] },
		],
	},
	templaterCommands: {
		construct: "a Templater command left in a note (`<% tp.file.title %>`, `<%* … %>`), which runs only when a template is applied",
		medium: "the command as written, as Obsidian shows it, with one warning a note (a note that still holds one is a template)",
		code: TEMPLATE_CODE,
		examples: [
			{ note: "Only `<% code %>` here, 1 <% 2, and ERB's <%= x %>.", markdown: "Only `<% code %>` here, 1 <% 2, and ERB's <%= x %>." },
			{ note: "Made <% tp.date.now(\"YYYY-MM-DD\") %> by <% tp.file.title %>.\n\n1 <% 2, and `<% code %>`.", markdown: "Made <% tp.date.now(\"YYYY-MM-DD\") %> by <% tp.file.title %>.\n\n1 <% 2, and `<% code %>`.", warnings: [TEMPLATE_CODE] },
			// A command over several lines (`<%*` opening its line, `%>` on a later one).
			{ note: "<%*\nlet t = tp.file.title;\n-%>\nText.", markdown: "<%\\*\\\nlet t = tp.file.title;\\\n-%>\\\nText.", warnings: [TEMPLATE_CODE] },
		],
	},
	bracketedSpans: {
		construct: "Pandoc's (Quarto's) bracketed spans `[text]{.mark}`, `[text]{style=\"color: red\"}`",
		medium: "the text, read as markdown; the attributes (a class, a style the blog applies) left out. Brackets with anything else after them stay as written. In an Obsidian vault, which shows them as written, they stay as written too, but in a `.qmd` note or a Jekyll `_posts/` folder",
		examples: [
			{ note: "This is [**important**]{.mark} and [red]{style=\"color: red;\"}; [a] {.b} and [x]{y} stay.", markdown: "This is **important** and red; [a] {.b} and [x]{y} stay." },
			{ note: "Read [this]{.mark}, [that]{.underline} and [there]{#sec-a .x}.", markdown: "Read [this]{.mark}, [that]{.underline} and [there]{#sec-a .x}.", obsidianVault: true },
			{ note: "Read [this]{.mark}.", path: "Notes/Talk.qmd", markdown: "Read this.", obsidianVault: true },
		],
	},
	quartoCrossrefs: {
		construct: "Quarto's cross-references `@fig-plot`, `@tbl-sales`, `@lst-code` to a figure, table or listing the post labels (`![Cap](a.png){#fig-plot}`, a code cell's `#| label: fig-plot`, `: Caption {#tbl-sales}`)",
		medium: "what the blog shows: `Figure 1`, `Table 2`, `Listing 1`, numbered per kind in the order the post labels them (a labelled table's caption line `: Caption {#tbl-x}` a paragraph `Table 1: Caption`); an `@` before a label the post does not define (a citation, an e-mail address) stays as written",
		examples: [
			{ note: "See @fig-b, then @Fig-a; @tbl-t and @sec-x; a@fig-a.\n\n![A](https://e.com/a.png){#fig-a}\n\n```{python}\n#| label: fig-b\nplot()\n```\n\n: Sales {#tbl-t}", markdown: "See Figure 2, then Figure 1; Table 1 and @sec-x; a@fig-a.\n\n![A](https://e.com/a.png)\n\n```python\nplot()\n```\n\nTable 1: Sales" },
			// In brackets (Pandoc's citation form) the brackets go; `-@` leaves the kind's name out.
			{ note: "Figures [@fig-a] and [-@fig-b]; [@smith] stays.\n\n![A](https://e.com/a.png){#fig-a}\n\n![B](https://e.com/b.png){#fig-b}", markdown: "Figures Figure 1 and 2; [@smith] stays.\n\n![A](https://e.com/a.png)\n\n![B](https://e.com/b.png)" },
			// A labelled table's caption line is its numbered caption, as the blog shows it.
			{ note: "| A |\n|---|\n| 1 |\n\n: Quarterly *sales* {#tbl-q .striped}\n\nIn @tbl-q.", markdown: "```\nA\n-\n1\n```\n\nTable 1: Quarterly *sales*\n\nIn Table 1.", warnings: ["table-as-text"] },
		],
	},
} satisfies Record<string, ConversionRule>;
