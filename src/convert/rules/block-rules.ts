/**
 * The block rules: what each kind of block in a note becomes in Medium's flat list of paragraphs
 * (../shared/docs/medium-model.md, "The rules"). One entry per rule, with its examples (which are
 * tests); the small decisions the builders make are functions here, beside the rule they implement.
 */

import { isWebEmbedUrl } from "../file-kinds";
import type { JsxTag } from "../jsx-lines";
import type { ConversionRule } from "./rule";

/**
 * Heading sizes for the body's headings in order: the highest level used is Medium's large heading,
 * every deeper level the small one (h5 and h6 included). `extraLevelAt` is the first heading of a third
 * level (the note uses more levels than Medium can show apart), or -1.
 */
export function headingSizes(levels: readonly number[]): { sizes: Array<"large" | "small">; extraLevelAt: number } {
	let top = Infinity;
	for (const l of levels) if (l < top) top = l;
	let second = Infinity;
	for (const l of levels) if (l > top && l < second) second = l;
	const sizes = levels.map((l): "large" | "small" => (l === top ? "large" : "small"));
	const extraLevelAt = levels.findIndex((l) => l !== top && l !== second);
	return { sizes, extraLevelAt };
}

/**
 * A fence's language: the first word of its info string, or null. What blogs attach to it is not part of
 * it: highlighted lines or options in braces (`jsx{2,5-6}`, Gatsby/Prism) and a `:title=` (`js:title=a.js`);
 * Pandoc and R Markdown put it in braces (`{.python .numberLines}`, `{r}`).
 */
export function codeLanguage(info: string): string | null {
	const t = info.trim();
	if (t === "") return null;
	let start = 0;
	if (t.charCodeAt(0) === 123 /* { */) {
		start = 1;
		if (t.charCodeAt(1) === 46 /* . */) start = 2;
	}
	// One forward scan to the first white space or attachment; a language name holds none of them.
	let end = start;
	while (end < t.length) {
		const c = t.charCodeAt(end);
		if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 123 || c === 125 || c === 58 /* : */ || c === 44 /* , */) break;
		end++;
	}
	return end > start ? t.slice(start, end) : null;
}

/**
 * The file name or label a blog shows above a code block, from its fence's info string: VitePress's
 * `js [config.js]` (a code group's tab), Docusaurus's and Astro's `js title="a.js"`, Gatsby's
 * `js:title=a.js`, Quarto's `{.js filename="a.js"}`; else null. Medium's code blocks have no title, so it becomes a bold paragraph above.
 */
export function codeTitle(info: string): string | null {
	if (info.indexOf("title=") === -1 && info.indexOf("name=") === -1 && info.indexOf("[") === -1 && info.indexOf(":") === -1) return null;
	// `js:utils.js`: a language, then the file's name (rehype-code-titles, Zenn, Qiita).
	const m = /(?:^|[\s:])(?:title|filename)[=:](?:"([^"]*)"|'([^']*)'|([^\s"'{}]+))/.exec(info) ?? /^[^\s[]*[ \t]*\[([^\]]+)\]/.exec(info) ?? /^[A-Za-z][\w+#.-]*:([^\s{}=:]+)(?:\s|$)/.exec(info);
	if (m === null) return null;
	const title = (m[1] ?? m[2] ?? m[3] ?? "").trim();
	return title === "" ? null : title;
}

/** A Quarto code cell's option line (`#| echo: false`, `//| label: x`, `--| …`), which the blog does not show. */
export function isCellOption(line: string): boolean {
	const t = line.trimStart();
	return t.startsWith("#|") || t.startsWith("//|") || t.startsWith("--|");
}

/** Options (`#| echo: false`, knitr's `{r, include=FALSE}`) that hide a cell's code: the option's name, else null. */
export function cellHiddenBy(options: string): string | null {
	return /\b(echo|include)[ \t]*[:=][ \t]*(?:false|FALSE|F)\b/.exec(options)?.[1] ?? null;
}

export const HIDDEN_CELL_CODE = "hidden-cell";

/** Docusaurus's magic comments, alone on a code line: the blog highlights the lines they mark and hides them. */
const MAGIC_COMMENT = /^(?:\/\/|#|--|%|\/\*|\{\/\*|<!--)[ \t]*highlight-(?:next-line|start|end)[ \t]*(?:\*\/\}?|-->)?$/;
/** Comment openers a Shiki `[!code …]` notation may follow on its line. */
const NOTATION_OPENERS = ["<!--", "//", "/*", "#", "--"];

/**
 * A code line as the blog shows it: null for a line the blog hides (Docusaurus's `// highlight-next-line`,
 * `# highlight-start`…), the line without a trailing Shiki notation (VitePress's `// [!code ++]`,
 * `# [!code focus]`), else the line itself. A cheap look for `highlight-` or `[!code ` first.
 */
export function shownCodeLine(line: string): string | null {
	if (line.indexOf("highlight-") !== -1 && MAGIC_COMMENT.test(line.trim())) return null;
	let at = line.lastIndexOf("[!code ");
	let close = at === -1 ? -1 : line.indexOf("]", at);
	if (at === -1) {
		// Material for MkDocs' code annotation marker, `# (1)!`: the blog shows a bubble, the comment stripped.
		at = line.lastIndexOf(")!");
		if (at === -1) return line;
		close = at + 1;
		let k = at;
		while (k > 0 && line.charCodeAt(k - 1) >= 48 && line.charCodeAt(k - 1) <= 57) k--;
		if (k === at || line.charCodeAt(k - 1) !== 40) return line;
		at = k - 1;
	}
	if (close === -1) return line;
	const after = line.slice(close + 1).trim();
	if (after !== "" && after !== "-->" && after !== "*/") return line;
	let k = at;
	while (k > 0 && (line.charCodeAt(k - 1) === 32 || line.charCodeAt(k - 1) === 9)) k--;
	const opener = NOTATION_OPENERS.find((o) => line.startsWith(o, k - o.length));
	if (opener === undefined) return line;
	k -= opener.length;
	while (k > 0 && (line.charCodeAt(k - 1) === 32 || line.charCodeAt(k - 1) === 9)) k--;
	return k === 0 ? null : line.slice(0, k);
}

/** A bare YouTube, X/Twitter, Vimeo or Gist URL alone on its line: Medium embeds it. */
export function isEmbedLine(line: string): boolean {
	const t = line.trim();
	if (t.length < 12 || t.indexOf(" ") !== -1 || t.indexOf("\t") !== -1) return false;
	return isWebEmbedUrl(t);
}

/** The longest line read as a dinkus: room for a centring tag around it (`<p align="center">⁂</p>`). */
export const DINKUS_MAX = 80;

/**
 * Glyphs a writer sets alone on a line as a scene break (a dinkus: `⁂`, `§ § §`, the manuscript's centred
 * `#`); Medium's own section break is the HR, so such a paragraph becomes one.
 */
const DINKUS_GLYPHS = new Set(["⁂", "§", "❧", "☙", "❦", "✻", "✱", "✦", "◆", "◇", "•", "·", "~", "#", "*", "⸻", "⸺"]);

/**
 * Whether `line` holds nothing but one dinkus glyph, repeated at most 5 times, spaced or escaped (`\\#`),
 * maybe in tags that centre it (`<center>⁂</center>`: Medium's break is centred). Short lines only.
 */
export function isDinkus(line: string): boolean {
	if (line.length > DINKUS_MAX) return false;
	let glyph = "";
	let count = 0;
	for (let i = 0; i < line.length; i++) {
		const ch = line[i];
		if (ch === " " || ch === "\t" || ch === "\\" || ch === "\u00a0") continue;
		if (ch === "<") {
			const close = line.indexOf(">", i);
			if (close === -1) return false;
			i = close;
			continue;
		}
		if (glyph === "") {
			if (!DINKUS_GLYPHS.has(ch)) return false;
			glyph = ch;
		} else if (ch !== glyph) return false;
		count++;
	}
	return count > 0 && count <= 5;
}

/** The text before a nested list item's own text (Medium's lists are flat): its level shown by a dash, its number kept. */
export function nestedItemPrefix(depth: number, ordered: boolean, marker: string): string {
	if (depth === 0) return "";
	const lead = "\u2003".repeat(depth - 1);
	return lead + (ordered ? marker.replace(")", ".") : "–") + " ";
}

/**
 * A list item inside a quote (Medium's quotes hold paragraphs): a bullet or its number before its text;
 * a nested one (`depth` items in) is set in by em spaces, its bullet a dash as outside a quote.
 */
export function quotedListPrefix(marker: string, depth = 0): string {
	const numbered = /^\d/.test(marker);
	if (depth === 0) return numbered ? marker.replace(")", ".") + " " : "• ";
	return "\u2003".repeat(depth) + (numbered ? marker.replace(")", ".") : "–") + " ";
}

/** The warnings and constants the builders use (apart from the table, so the plugin bundle holds no examples). */
export const HEADING_LEVELS_CODE = "heading-levels";
export const HEADING_LEVELS_MESSAGE = "The note uses more than two heading levels below the title; Medium has two sizes, so the deeper ones share the small size.";
export const OBSIDIAN_ONLY_CODE = "unrendered-block";
/** Blocks Obsidian or a popular community plugin renders (Dataview, Datacore, Tasks, Meta Bind, Tracker, Leaflet, Buttons, Fantasy Statblocks, Initiative Tracker, tables of contents…). */
export const OBSIDIAN_ONLY_LANGUAGES = new Set(
	"mermaid query dataview dataviewjs base tasks tikz chart tracker leaflet plantuml markmap button toc js-engine contributiongraph todoist breadcrumbs tabs timeline music-abc smiles cardlink embed statblock encounter".split(" "),
);
/** Whether a code block's language is one only Obsidian or a plugin renders (Datacore's, Meta Bind's and Embed Code File's by their prefix). */
export function obsidianOnly(language: string): boolean {
	const lang = language.toLowerCase();
	return OBSIDIAN_ONLY_LANGUAGES.has(lang) || lang.startsWith("datacore") || lang.startsWith("meta-bind") || lang.startsWith("embed-");
}
/** Whether a fence's info opens a link card: Auto Card Link's ```` ```cardlink ````, Link Embed's ```` ```embed ````. */
export function isLinkCardInfo(info: string): boolean {
	const lang = codeLanguage(info);
	return lang === "cardlink" || lang === "embed";
}

/** The value of a plugin block's `key:` line (YAML: quoted, over lines when quoted, `''` and JSON's escapes read), trimmed; "" for none. */
export function yamlField(body: string, key: string): string {
	const m = new RegExp(`^[ \\t]*"?${key}"?:[ \\t]*("(?:[^"\\\\]|\\\\.)*"|'(?:[^']|'')*'|.*)`, "m").exec(body);
	let v = m === null ? "" : m[1].replace(/\s*\n\s*/g, " ").trim();
	if (v.startsWith("'")) v = v.slice(1, -1).replace(/''/g, "'");
	else if (v.startsWith('"')) {
		try {
			v = JSON.parse(v) as string;
		} catch {
			v = v.slice(1, -1);
		}
	}
	return v.trim();
}

/** The vault file an Embed Code File block's `PATH:` names (`"vault://Code/a.go"`, or `Code/a.go`); null for none or a web address. */
export function codeFilePath(body: string): string | null {
	const p = yamlField(body, "PATH");
	return p === "" || /^https?:/i.test(p) ? null : p.startsWith("vault://") ? p.slice(8) : p;
}

/** A code file's lines an Embed Code File block shows: its `LINES` (`"2,9,30-40"`), `...` between them; all without. */
export function codeFileLines(text: string, body: string): string[] {
	const all = text.replace(/\r\n?/g, "\n").replace(/\n$/, "").split("\n");
	const spec = yamlField(body, "LINES");
	if (!/^[\d\s,-]+$/.test(spec)) return all;
	const out: string[] = [];
	for (const part of spec.split(",")) {
		const [a, b] = part.split("-").map((n) => parseInt(n, 10));
		if (!(a > 0)) continue;
		if (out.length > 0) out.push("...");
		out.push(...all.slice(a - 1, b > 0 ? b : a));
	}
	return out;
}

/**
 * A link card's text (YAML `key: value` lines) as the markdown lines of what the card shows: its title in
 * bold, linked to its `url`, then its description; a video's or post's address alone (Medium embeds it).
 * Null when it holds no web `url`. Its text is escaped, so nothing in it reads as markup.
 */
export function linkCardLines(body: string): string[] | null {
	const field = (key: string) => yamlField(body, key);
	const url = field("url");
	if (!/^https?:\/\/\S+$/i.test(url)) return null;
	if (isWebEmbedUrl(url)) return [url];
	const text = (s: string) => s.replace(/[!-/:-@[-`{-~]/g, "\\$&");
	const description = field("description");
	const link = `**[${text(field("title") || field("host") || url)}](<${url.replace(/[<>]/g, encodeURIComponent)}>)**`;
	return description === "" ? [link] : [link + "\\", text(description)];
}

/**
 * A Multi-Column Markdown marker line: 1 for a region's start (`--- start-multi-column: ID`, `===` and
 * `multi-column-start` too), 2 for a column's end or a region's (`--- column-break ---`, `--- end-multi-column`), else 0.
 */
export function multiColumnMarker(line: string): number {
	const m = /^(?:---|===) *(?:(start-multi-column|multi-column-start)(?:[ \t:].*)?|(?:end-multi-column|multi-column-end)[ \t]*|(?:column-end|end-column|column-break|break-column) *(?:---|===)[ \t]*)$/.exec(line);
	return m === null ? 0 : m[1] === undefined ? 2 : 1;
}

/** The settings block right after a region's start (```` ```column-settings ````), and the region's start as a block (```` ```start-multi-column ````). */
export const MULTI_COLUMN_BLOCKS = new Set(["settings", "column-settings", "multi-column-settings", "start-multi-column", "multi-column-start"]);
/** Whether a fence's info opens a tabs block (Tabs' ```` ```tabs ````, Code Tab's ```` ```tab ````, Tab Panels' ```` ```tab-panels ````) or a column (Columns' ```` ```col ````, ```` ```col-md ````). */
export function isTabsInfo(info: string): boolean {
	const lang = codeLanguage(info);
	return lang === "tabs" || lang === "tab" || lang === "tab-panels" || lang === "col" || lang === "col-md";
}

/** A tabs block's line that starts a tab (`tab: Name`, Tab Panels' `--- Name (default)`): its label; else null. */
export function tabLabel(line: string): string | null {
	const t = line.trim();
	const label = t.startsWith("tab:") ? t.slice(4).trim() : t.startsWith("--- ") ? t.slice(4).trim() : null;
	return label !== null && label.endsWith("(default)") ? label.slice(0, -9).trim() : label;
}
export const RELATIVE_IMAGE_CODE = "relative-image";
export const LIST_NUMBERING_CODE = "list-numbering";
/** A display-math block that only defines TeX macros, left out. */
export const MATH_MACROS_CODE = "math-macros";
export const MATH_MACROS_MESSAGE = "Math that only defines macros (\\newcommand, \\def) shows nothing in Obsidian; it was left out.";
export const LIST_NUMBERING_MESSAGE =
	"A numbered list is split by what Medium cannot hold inside it (a code block, an image) or starts at a number other than 1: Medium's lists have no start number, so its items from there are paragraphs led by the note's numbers.";
/** A numbered item with nothing in it (`1. ` alone) before more items: Medium keeps no empty paragraph. */
export const EMPTY_LIST_ITEM_CODE = "empty-list-item";
export const EMPTY_LIST_ITEM_MESSAGE =
	"An empty numbered list item was left out (Medium keeps no empty paragraph): the items after it are numbered one less than in the note.";
export const NOTES_HEADING = "Notes";
/** An image inside a footnote: the notes are a numbered list, which holds no image. */
export const IMAGE_IN_NOTE_CODE = "image-in-footnote";
/** A cover image property (cover-image.ts) that names no image in the vault. */
export const COVER_IMAGE_CODE = "cover-image";

/**
 * A heading's text without its trailing custom id or attributes, `{#id}` (Docusaurus, Hugo, Jekyll's
 * kramdown, Pandoc's `{#id .class}`): the blog reads it as the heading's anchor, Medium would show it.
 */
export function withoutHeadingId(text: string): string {
	let end = text.length;
	while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
	if (text.charCodeAt(end - 1) !== 125 /* } */) return text;
	const open = text.lastIndexOf("{", end - 1);
	if (open < 1) return text;
	const before = text.charCodeAt(open - 1);
	const first = text.charCodeAt(open + 1);
	if ((before !== 32 && before !== 9) || (first !== 35 /* # */ && first !== 46) /* . */) return text;
	if (!/^[#.][^\s{}]+(?:[ \t]+[^\s{}]+)*$/.test(text.slice(open + 1, end - 1))) return text;
	return text.slice(0, open).trimEnd();
}

/**
 * A line that is only Eleventy's image shortcode, `{% image "./possum.png", "A possum" %}` (eleventy-img,
 * the Eleventy base blog's own posts): the markdown image it shows, else null. The space before the comma
 * sits inside the optional part, so no two parts can share a run of spaces (linear on a line of them).
 */
export function eleventyImage(trimmed: string): string | null {
	const m = /^\{%-?\s*image\s+(?:"([^"]*)"|'([^']*)')(?:\s*,\s*(?:"([^"]*)"|'([^']*)'))?[^%]*%\}$/.exec(trimmed);
	if (m === null) return null;
	const src = (m[1] ?? m[2]).trim();
	if (src === "") return null;
	const alt = (m[3] ?? m[4] ?? "").replace(/[[\]\\]/g, "\\$&");
	return `![${alt}](${/[\s()<>]/.test(src) ? "<" + src.replace(/[<>]/g, (c) => encodeURIComponent(c)) + ">" : src})`;
}

/**
 * A line that is only a Zola shortcode, `{{ name(args) }}`: the address of the video it embeds
 * (`youtube(id=…)`, `vimeo(id=…)`), "" for another (only the blog renders it), null for other text
 * (`{{ page.title }}` stays).
 */
export function zolaShortcode(trimmed: string): string | null {
	const m = /^\{\{-?\s*([A-Za-z_]\w*)\((.*)\)\s*-?\}\}$/.exec(trimmed);
	if (m === null || m[2].indexOf("}}") !== -1) return null;
	const id = /\bid\s*=\s*["']([\w-]+)["']/.exec(m[2]);
	if (id !== null && m[1] === "youtube") return "https://www.youtube.com/watch?v=" + id[1];
	if (id !== null && m[1] === "vimeo") return "https://vimeo.com/" + id[1];
	return /image|img|figure|picture|photo/i.test(m[1]) ? (zolaImage(m[2]) ?? "") : "";
}

/** An image file's extension at the end of a path. */
const IMAGE_PATH = /\.(?:png|jpe?g|gif|webp|avif|svg|bmp)$/i;

/**
 * A theme's image shortcode's arguments (`src="sun.png", alt="The sun"`, `path="blog/a.png"`,
 * `caption="…"`): the markdown image it shows, else null. `src` is read as a markdown image's (beside the
 * post, or a site-root path in `static/`); a `path` (Zola's `resize_image`) from the content folder.
 */
function zolaImage(args: string): string | null {
	const named = new Map<string, string>();
	const re = /(\w+)[ \t]*=[ \t]*(?:"([^"]*)"|'([^']*)'|([^,\s)]+))/g;
	for (let m = re.exec(args); m !== null; m = re.exec(args)) named.set(m[1].toLowerCase(), m[2] ?? m[3] ?? m[4]);
	let src = (named.get("src") ?? named.get("url") ?? named.get("file") ?? "").trim();
	if (src === "") {
		const path = (named.get("path") ?? "").trim();
		src = path === "" || /^(?:\/|\.\.?\/|[a-z]+:)/i.test(path) ? path : "@/" + path;
	}
	if (src === "" || !IMAGE_PATH.test(src.split(/[?#]/)[0])) return null;
	const caption = (named.get("caption") ?? named.get("title") ?? "").trim();
	const alt = (named.get("alt") ?? caption).replace(/[[\]\\]/g, "\\$&");
	const title = caption === "" ? "" : ` "${caption.replace(/["\\]/g, "\\$&")}"`;
	return `![${alt}](${/[\s()<>]/.test(src) ? "<" + src.replace(/[<>]/g, (c) => encodeURIComponent(c)) + ">" : src}${title})`;
}

/** A `:::` container's opening line (Docusaurus admonitions, VuePress/VitePress and markdown-it containers). */
export interface ContainerOpen {
	/** How many colons open it: a line of at least as many closes it. */
	colons: number;
	/** The callout it becomes (`> [!type] Title`), or null for a layout container shown as its content. */
	callout: { type: string; title: string } | null;
	/** A Quarto callout with no title attribute: a heading first in its body is its title. */
	headingTitle?: boolean;
}

/**
 * The names a blog shows as a titled box: Docusaurus's admonitions, VuePress's and VitePress's containers,
 * and the callout types Obsidian names (a post written in a vault). Any other name is a plain div
 * (Pandoc's and Quarto's `::: incremental`, `::: notes`, a markdown-it container of the site's own): its
 * content, with no title the blog never shows; so are the ones that only arrange their content (VitePress's
 * `code-group`, `raw`, `v-pre`).
 */
const CALLOUT_CONTAINERS = new Set([
	"note", "tip", "info", "warning", "danger", "caution", "important", "success", "secondary", "details",
	"abstract", "summary", "tldr", "todo", "hint", "check", "done", "question", "help", "faq", "attention",
	"failure", "fail", "missing", "error", "bug", "example", "quote", "cite", "admonition", "callout",
]);

/**
 * `:::note Title`, `:::tip[Title]`, `::: warning`, `::: details Click me` (Docusaurus, VuePress, VitePress):
 * the container it opens, or null when the line opens none. A line of colons alone opens nothing (it closes).
 */
export function containerOpen(line: string): ContainerOpen | null {
	let colons = 0;
	while (line.charCodeAt(colons) === 58 /* : */) colons++;
	if (colons < 3) return null;
	const m = /^[ \t]*([A-Za-z][\w-]*)?(.*)$/.exec(line.slice(colons));
	if (m === null) return null;
	const type = m[1] ?? "";
	let rest = m[2].trim();
	if (type === "" && rest === "") return null;
	const quarto = quartoCallout(type, rest);
	if (quarto !== null) return { colons, callout: quarto, headingTitle: quarto.title === "" };
	if (type === "" || !CALLOUT_CONTAINERS.has(type.toLowerCase())) return { colons, callout: null };
	if (rest.startsWith("[")) {
		const close = rest.lastIndexOf("]");
		rest = close === -1 ? rest.slice(1) : rest.slice(1, close);
	} else if (rest.startsWith("{")) {
		// Attributes (`{title="T"}`, `{.class}`): a title among them is the title.
		const t = /\btitle=(?:"([^"]*)"|'([^']*)')/.exec(rest);
		rest = t === null ? "" : (t[1] ?? t[2]);
	}
	return { colons, callout: { type, title: rest.trim() } };
}

/**
 * Quarto's callout (`::: callout-tip`, `::: {.callout-note title="T" collapse="true"}`): its type (the
 * class's word after `callout-`) and title (the attribute, else ""), or null when the div is no callout.
 */
function quartoCallout(type: string, rest: string): { type: string; title: string } | null {
	const m = type === "" ? /(?:^\{|\s)\.callout-([A-Za-z]+)/.exec(rest) : /^callout-([A-Za-z]+)$/i.exec(type);
	if (m === null) return null;
	const t = /\btitle=(?:"([^"]*)"|'([^']*)')/.exec(rest);
	return { type: m[1].toLowerCase(), title: t === null ? "" : (t[1] ?? t[2]).trim() };
}

/** A line of only colons (3 or more) closes the innermost container opened with at most as many. */
export function containerCloseColons(trimmed: string): number {
	let colons = 0;
	while (trimmed.charCodeAt(colons) === 58) colons++;
	return colons >= 3 && colons === trimmed.length ? colons : 0;
}

/**
 * An MkDocs block's opening line: an admonition (`!!! note "Title"`, pymdownx.details' `??? note` and
 * `???+ note`) or a content tab (`=== "Label"`, `===+`, `===!`). Its body is the lines indented after it.
 */
export interface MkdocsOpen {
	/** An admonition's callout: its type and title ("" for the type's name); null for a tab, or an admonition titled `""`. */
	callout: { type: string; title: string } | null;
	/** A tab's label (markdown), else null. */
	label: string | null;
	/** Whether its body is a quote (an admonition) rather than plain content (a tab). */
	quote: boolean;
}

/** Material's icon shortcodes (`:octicons-file-code-16:`, `:material-check:`): icons on the site, nothing on Medium. */
const ICON_SHORTCODE = /:(?:material|fontawesome|octicons|simple)-[a-z0-9-]+:[ \t]*/g;

/**
 * `line` (trimmed of its indent) as an MkDocs block's opener, or null. Python-Markdown's forms: classes
 * as words, the first the type, then an optional title in double quotes (`""`: no title).
 */
export function mkdocsOpen(line: string): MkdocsOpen | null {
	const c = line.charCodeAt(0);
	if (line.charCodeAt(1) !== c || line.charCodeAt(2) !== c) return null;
	let k = 3;
	if (c === 61 /* = */) {
		if (line.charCodeAt(k) === 33 || line.charCodeAt(k) === 43) k++; // `===!`, `===+`
		const m = /^[ \t]+"(.*)"[ \t]*$/.exec(line.slice(k));
		return m === null ? null : { callout: null, label: m[1].replace(ICON_SHORTCODE, "").trim(), quote: false };
	}
	if (c !== 33 /* ! */ && c !== 63 /* ? */) return null;
	if (c === 63 && line.charCodeAt(k) === 43) k++; // `???+`: open
	const m = /^[ \t]*([\w-]+)((?:[ \t]+[\w-]+)*)(?:[ \t]+"(.*)")?[ \t]*$/.exec(line.slice(k));
	if (m === null) return null;
	const title = m[3];
	if (title !== undefined && title.trim() === "") return { callout: null, label: null, quote: true };
	return { callout: { type: m[1].toLowerCase(), title: (title ?? "").replace(ICON_SHORTCODE, "").trim() }, label: null, quote: true };
}

/** MDX components that are callouts on the blog (Docusaurus's Admonition, Nextra's Callout, Starlight's Aside, Mintlify's Note…). */
const CALLOUT_COMPONENTS = new Set(["admonition", "callout", "aside", "alert", "note", "tip", "info", "warning", "caution", "danger", "important", "check"]);

/** The callout an MDX component is (`<Callout type="warning" title="T">`), or null: its `type` (else its name) and `title`. */
export function componentCallout(tag: JsxTag): { type: string; title: string } | null {
	const name = tag.name.toLowerCase();
	if (!CALLOUT_COMPONENTS.has(name)) return null;
	const generic = name === "admonition" || name === "callout" || name === "aside" || name === "alert";
	return { type: tag.attrs.get("type") ?? (generic ? "note" : name), title: tag.attrs.get("title") ?? "" };
}

/**
 * A self-closing MDX component with a `src` (`<Image src="…" alt="…" />`, `<Figure src=… caption=… />`,
 * `<Image src={cover} />` of an imported `cover`):
 * the markdown image it shows, its caption (or title) as the image's title; else null.
 */
export function componentImage(tag: JsxTag, imports: ReadonlyMap<string, string> | null): string | null {
	let src = tag.attrs.get("src");
	// `src={cover}`: the image the post imports under that name.
	if (src?.startsWith("{")) src = imports?.get(src.slice(1, -1));
	if (!tag.selfClosing || src === undefined || src.trim() === "") return null;
	const alt = (tag.attrs.get("alt") ?? "").replace(/[[\]\\]/g, "\\$&");
	const caption = tag.attrs.get("caption") ?? tag.attrs.get("title");
	const title = caption ? ` "${caption.replace(/["\\]/g, "\\$&")}"` : "";
	const url = src.trim();
	const plain = !/[\s()<>]/.test(url);
	return `![${alt}](${plain ? url : "<" + url.replace(/[<>\n]/g, (c) => encodeURIComponent(c)) + ">"}${title})`;
}

/** The attributes a video, post or gist component names its id or address with (lower case), in each embed library's spelling. */
const EMBED_ID_ATTRS = new Set(["id", "videoid", "youtubeid", "vimeoid", "tweetid", "tweetlink", "gistid", "gistlink", "url", "href"]);

/**
 * A self-closing MDX video or post component (`<YouTube id="…" />`, `<Vimeo id>`, `<Tweet id>`, MDX
 * Embed's `<Tweet tweetLink="user/status/1" />`, `<Gist gistLink="user/id" />`, or any with an address
 * Medium embeds): the address Medium turns into the player or card, else null.
 */
export function componentEmbed(tag: JsxTag): string | null {
	if (!tag.selfClosing) return null;
	for (const [key, raw] of tag.attrs) {
		if (!EMBED_ID_ATTRS.has(key.toLowerCase())) continue;
		const id = raw.trim();
		if (isWebEmbedUrl(id)) return id;
		if (/youtube/i.test(tag.name) && /^[\w-]+$/.test(id)) return `https://www.youtube.com/watch?v=${id}`;
		if (/vimeo/i.test(tag.name) && /^\d+$/.test(id)) return `https://vimeo.com/${id}`;
		if (/tweet|twitter/i.test(tag.name)) {
			if (/^\d+$/.test(id)) return `https://twitter.com/i/status/${id}`;
			if (/^\w+\/status\/\d+$/.test(id)) return `https://twitter.com/${id}`;
		}
		if (/gist/i.test(tag.name) && /^[\w-]+\/\w+$/.test(id)) return `https://gist.github.com/${id}`;
	}
	return null;
}

/**
 * A self-closing link card (Starlight's `<LinkCard title="…" href="…" description="…" />`, any with an
 * `href` and a `title` or `label`): a paragraph of its link, its description after a dash; else null.
 */
export function componentLink(tag: JsxTag): string | null {
	const href = (tag.attrs.get("href") ?? "").trim();
	const title = (tag.attrs.get("title") ?? tag.attrs.get("label") ?? "").trim();
	if (!tag.selfClosing || href === "" || title === "" || /[\s<>()]/.test(href) || href.startsWith("{")) return null;
	const description = (tag.attrs.get("description") ?? "").trim();
	return `[${title.replace(/[[\]\\]/g, "\\$&")}](${href})${description === "" || description.startsWith("{") ? "" : " — " + description}`;
}

/** Components whose `title` the blog shows as their heading (a collapsible's, a card's); other components' titles may be anything. */
const TITLED_COMPONENTS = /details|accordion|collaps|card|tab|step|section|summary/i;

/** Tabs (Docusaurus's and Starlight's `<Tabs>` / `<TabItem>`): each tab is shown, its label a bold paragraph, so nothing is lost. */
const TAB_COMPONENTS = new Set(["Tabs", "TabItem", "Tab"]);

/** Whether a component is shown in full by its label and content (no warning that its tags were left out). */
export function isTabComponent(name: string): boolean {
	return TAB_COMPONENTS.has(name);
}

/** The text a dropped MDX component shows as its heading on the blog (a tab's `label`, else its `value` as Docusaurus shows it; a details block's `title`), or "". */
export function componentLabel(tag: JsxTag): string {
	const label = tag.attrs.get("label") ?? (TITLED_COMPONENTS.test(tag.name) ? tag.attrs.get("title") : undefined) ?? (tag.name === "TabItem" ? tag.attrs.get("value") : undefined);
	return (label ?? "").trim();
}

export const MDX_COMPONENT_CODE = "mdx-component";
export function mdxComponentMessage(name: string): string {
	return `MDX component <${name}> only renders on the blog: its tags were left out, the text inside kept.`;
}

/** The block rules, for the README and the tests (src/convert/rules/rule.ts). */
export const BLOCK_RULES = {
	title: {
		construct: "the first `# H1` or `===`-underlined H1 (or the `medium_title` / `title` property)",
		medium: "the story's title, once (the H1 is not repeated in the body)",
		examples: [{ note: "Body text.", markdown: "Body text." }],
	},
	cover: {
		construct: "a cover image property: `medium_cover`, else `cover`, `image`, `banner`, `heroImage`, `featuredImage`, `coverImage` (a vault image as `\"[[pic.png]]\"` or a path, a web address, or Hugo's `cover: {image, alt, caption}`)",
		medium: "the story's first image (Medium's card shows it), uploaded like any vault image, with its alt and caption; shown once (where the body puts it) when the body shows the same image; `medium_cover: false` turns it off; one that is missing or not an image is left out with a warning",
		code: COVER_IMAGE_CODE,
		examples: [
			{ frontmatter: "cover: https://e.com/hero.png", note: "Body.", markdown: "![](https://e.com/hero.png)\n\nBody." },
			{ frontmatter: "cover: https://e.com/hero.png\nmedium_cover: false", note: "Body.", markdown: "Body." },
			{ frontmatter: "image: \"[[Missing.png]]\"", note: "Body.", markdown: "Body.", warnings: [COVER_IMAGE_CODE] },
		],
	},
	subtitle: {
		construct: "the `medium_subtitle` property",
		medium: "the subtitle; nothing else becomes one (a `##` right under the title stays a heading)",
		examples: [{ note: "## Before you go\n\nText.", markdown: "### Before you go\n\nText." }],
	},
	headings: {
		construct: "headings `##` … `######`",
		medium: "the note's highest body level is Medium's large heading, every deeper level the small one (h5/h6 included); an embedded note's headings sit under the heading its embed sits under (its top level one below it; before the note's first heading, at the note's top level), so its `# H1` never changes the note's own sizes; a warning when the story's outline uses more than two levels",
		code: HEADING_LEVELS_CODE,
		warning: HEADING_LEVELS_MESSAGE,
		examples: [
			{ note: "## Big\n\n### Small\n\n##### Tiny", markdown: "### Big\n\n#### Small\n\n#### Tiny", warnings: ["heading-levels"] },
			{ note: "### Only\n\n#### Under", markdown: "### Only\n\n#### Under" },
		],
	},
	paragraphs: {
		construct: "paragraphs",
		medium: "paragraphs; line breaks inside follow the vault's Strict line breaks setting (see the inline rules)",
		examples: [{ note: "First.\n\nSecond.", markdown: "First.\n\nSecond." }],
	},
	lists: {
		construct: "lists, nested lists, task lists",
		medium: "flat list items (Medium has no nesting): a nested item follows its parent; under bullets it is a bullet led by a dash (a numbered one under bullets, a numbered list of its own); under a numbered item it joins that item after a line break, led by its marker or a dash, so Medium numbers the next item as the note does; a later paragraph of an item joins it after a line break; a heading inside an item (`- ## x`) is its text in bold (items hold no headings); tasks keep ☐ / ☑; an item that opens with a bullet (`- - [ ] x`, `1. - [ ] x`) is one item, its inner bullet gone; a rule in an outline (`  - ---`) is a section break after the item above",
		examples: [
			{ note: "- a\n  - b\n    - c\n- d", markdown: "- a\n- – b\n- \u2003– c\n- d" },
			{ note: "1. one\n   - sub\n2. two\n\n   more of two\n3. three", markdown: "1. one\\\n   – sub\n2. two\\\n   more of two\n3. three" },
			{ note: "1. a\n   1. x\n   2. y\n2. b", markdown: "1. a\\\n   1\\. x\\\n   2\\. y\n2. b" },
			{ note: "- p\n  1. q\n  2. r\n- s", markdown: "- p\n\n1. q\n2. r\n\n- s" },
			{ note: "- [ ] open\n- [x] done", markdown: "- ☐ open\n- ☑ done" },
			// The item's text may start up to 4 spaces after its marker (CommonMark): a task all the same.
			{ note: "-  [x] two spaces\n1.   [ ] three", markdown: "- ☑ two spaces\n\n1. ☐ three" },
			// An item that opens with a bullet of its own (OneNote's to-dos `- - [ ] x`, `1. - [ ] x`): one item, its inner bullet gone.
			{ note: "- - [ ] outer\n    - - [x] inner\n\n1. - [ ] one\n2. - two", markdown: "- ☐ outer\n- – ☑ inner\n\n1. ☐ one\n2. two" },
			// A rule in an outline (Roam's `- ---` divider block): a section break after the item above, not its text.
			{ note: "- a\n    - b\n    - ---\n- c", markdown: "- a\n- – b\n\n---\n\n- c" },
			{ note: "- ## Setup\n  Install it.\n- plain", markdown: "- **Setup**\\\n  Install it.\n- plain" },
		],
	},
	emptyListItem: {
		construct: "an empty list item (`1. ` or `- ` with nothing after it) before more items",
		medium: "left out (Medium keeps no empty paragraph); a numbered one with a warning that says so, as the items after it are numbered one less than in the note; a bullet quietly, as nothing after it changes (the items nested under it keep their dash)",
		code: EMPTY_LIST_ITEM_CODE,
		warning: EMPTY_LIST_ITEM_MESSAGE,
		examples: [
			{ note: "1. \n2. two\n3. three", markdown: "1. two\n2. three", warnings: ["empty-list-item"] },
			{ note: "1.\n   one\n2. two", markdown: "1. one\n2. two" },
			{ note: "- one\n- \n  - nested\n-\n- four", markdown: "- one\n- – nested\n- four" },
			// Nested items under it are its text (joined as under any numbered item): the numbers after it stay the note's.
			{ note: "1. a\n2.\n   1. sub\n   2. sub two\n3. c", markdown: "1. a\n2. 1\\. sub\\\n   2\\. sub two\n3. c" },
		],
	},
	listMoveOut: {
		construct: "an image or code block inside a list item",
		medium: "moved out: it follows the item as a block of its own (Medium refuses images in list items); the item keeps all its text (text after a code block is a paragraph after it, as Obsidian shows it under the item, not an item of its own). A numbered list it splits (Medium would number it from 1 again after it) goes on as paragraphs led by the note's numbers (`2. Next`), with one warning; so does a list that starts at another number than 1 (`3.`), as Obsidian numbers it",
		code: LIST_NUMBERING_CODE,
		warning: LIST_NUMBERING_MESSAGE,
		examples: [
			{ note: "1. Step ![](https://e.com/a.png)\n2. Next\n   ```sh\n   run\n   ```", markdown: "1. Step\n\n![](https://e.com/a.png)\n\n2\\. Next\n\n```sh\nrun\n```", warnings: ["list-numbering"] },
			{ note: "- one ![](https://e.com/a.png) item\n- two", markdown: "- one item\n\n![](https://e.com/a.png)\n\n- two" },
			{ note: "- one\n  ![](https://e.com/a.png)\n  more", markdown: "- one\\\n  more\n\n![](https://e.com/a.png)" },
			// The item's text after a code block (or quote, or nested list) that moved out: a paragraph under it, not an item of its own.
			{ note: "- a\n  ```\n  x\n  ```\n  after\n- b", markdown: "- a\n\n```\nx\n```\n\nafter\n\n- b" },
			// Tabs reach the next multiple of 4 columns: the item's and the fence's columns go, the code's own indent stays
			// as the note lines it up (a tab in an indent cut at 2 or 3 columns is spaces, not a tab that shows 4).
			{ note: "- a\n\t```js\n\tif (x) {\n\t\ty();\n\t}\n\t```", markdown: "- a\n\n```js\nif (x) {\n\ty();\n}\n```" },
			{ note: "- a\n  ```js\n\tif (x) {\n\t\ty();\n  \tz();\n\t}\n  ```", markdown: "- a\n\n```js\n  if (x) {\n      y();\n  z();\n  }\n```" },
			{ note: "1. a\n   ```\n\tx\n\t\ty\n   ```", markdown: "1. a\n\n```\n x\n     y\n```" },
			{ note: "- a\n\t- b\n\t\t```\n\t\tx\n\t\t\ty\n\t\t  z\n\t\t```", markdown: "- a\n- – b\n\n```\nx\n\ty\n  z\n```" },
		],
	},
	code: {
		construct: "code blocks (fenced or indented)",
		medium: "one code block with its language, blank lines inside included, without what the blog hides in it (Docusaurus's `// highlight-next-line`, `highlight-start`/`-end` lines, VitePress's `// [!code ++]` notations, Material for MkDocs' `# (1)!` annotation markers); the label or file name the blog shows above it (`js:title=a.js`, `title=\"a.js\"`, VitePress's `[a.js]`, Obsidian's code block plugins' `title:\"a.js\"`) a bold paragraph before it",
		examples: [
			{ note: "```python\na = 1\n\nb = 2\n```", markdown: "```python\na = 1\n\nb = 2\n```" },
			{ note: "Text.\n\n    indented\n    code", markdown: "Text.\n\n```\nindented\ncode\n```" },
			// A blog's highlighted lines or title after the language (Gatsby/Prism `jsx{2,5-6}`, `js:title=a.js`) are not part of it; the title is shown above.
			{ note: "```jsx{2,5-6}\nlet a;\n```", markdown: "```jsx\nlet a;\n```" },
			{ note: "```js:title=app.js\nlet a;\n```", markdown: "**app.js**\n\n```js\nlet a;\n```" },
			// Obsidian's code block plugins (Code Styler, Code Block Enhancer): `title:`.
			{ note: "```python title:\"calc one.py\"\nx\n```\n```python title:main.py fold\ny\n```", markdown: "**calc one.py**\n\n```python\nx\n```\n\n**main.py**\n\n```python\ny\n```" },
			// Quarto's (Pandoc's) `filename` attribute is shown above the code as a title is.
			{ note: "```{.bash filename=\"Terminal\"}\nquarto render\n```", markdown: "**Terminal**\n\n```bash\nquarto render\n```" },
			// What the blog hides in code: Docusaurus's magic comments, VitePress's (Shiki's) `[!code …]` notations.
			{ note: "```js\n// highlight-next-line\nlet a = 1;\nlet b = 2; // [!code ++]\n# [!code focus:2]\n```", markdown: "```js\nlet a = 1;\nlet b = 2;\n```" },
			// Material for MkDocs' annotation markers (`# (1)!`) too; a `(1)` that is code stays.
			{ note: "``` yaml\nplugins:\n  - blog:\n      blog_dir: . # (1)!\n  - search  /* (2)! */\nf(1)!\n```", markdown: "```yaml\nplugins:\n  - blog:\n      blog_dir: .\n  - search\nf(1)!\n```" },
			// Pandoc and R Markdown write the language in braces.
			{ note: "```{.python .numberLines}\na = 1\n```", markdown: "```python\na = 1\n```" },
			{ note: "```{r}\nx <- 1\n```", markdown: "```r\nx <- 1\n```" },
			// Quarto's (knitr's, Jupyter's) code cells: the blog shows the code without its `#|` option lines; a cell it hides (`echo: false`, `include: false`, knitr's `echo=FALSE`) is left out.
			{ note: "```{python}\n#| label: fig-plot\n#| fig-cap: \"A plot\"\nimport math\n#| not an option here\n```", markdown: "```python\nimport math\n#| not an option here\n```" },
			{ note: "```{r}\n#| echo: false\nplot(x)\n```\n\n```{r setup, include=FALSE}\nlibrary(x)\n```\n\n```{ojs}\n//| echo: true\nx = 1\n```", markdown: "```ojs\nx = 1\n```", warnings: ["hidden-cell"] },
			{ note: "```{.python}\n#| shown\n```", markdown: "```python\n#| shown\n```" },
		],
	},
	obsidianOnlyBlocks: {
		construct: "mermaid, dataview and other plugin blocks",
		medium: "a code block with their source, with a warning; an empty one left out",
		code: OBSIDIAN_ONLY_CODE,
		examples: [
			{ note: "```mermaid\ngraph TD\n```", markdown: "```mermaid\ngraph TD\n```", warnings: ["unrendered-block"] },
			// Community plugins' blocks: Meta Bind's inputs and buttons, Datacore, Tracker, Leaflet, Buttons, a table of contents.
			{ note: "```meta-bind-button\nlabel: Go\n```\n```datacorejsx\nreturn 1;\n```\n```toc\n```", markdown: "```meta-bind-button\nlabel: Go\n```\n\n```datacorejsx\nreturn 1;\n```", warnings: ["unrendered-block", "unrendered-block", "unrendered-block"] },
			// A TTRPG vault's creature (Fantasy Statblocks) and encounter (Initiative Tracker).
			{ note: "```statblock\nmonster: Troll\n```", markdown: "```statblock\nmonster: Troll\n```", warnings: ["unrendered-block"] },
			// Embed Code File's block shows a file of the vault, which Medium cannot read.
			{ note: "```embed-go\nPATH: \"vault://leetcode/solution.go\"\n```", markdown: "```embed-go\nPATH: \"vault://leetcode/solution.go\"\n```", warnings: ["unrendered-block"] },
			// An empty block (a plugin's view: a table of contents, a calendar) shows nothing on Medium but an empty box: left out; an empty code block too.
			{ note: "```calendar-nav\n```\n\n```\n\n```\nText.", markdown: "Text.", warnings: ["unrendered-block"] },
		],
	},
	linkCards: {
		construct: "a link card: Auto Card Link's ```` ```cardlink ```` and Link Embed's ```` ```embed ```` blocks (`url:`, `title:`, `description:` lines)",
		medium: "what the card shows: its title (else its host, else its address) in bold, linked to its `url`, its description on the next line; a video's or post's address alone (Medium's embed); a block with no web `url` stays code, with a warning",
		examples: [
			{ note: "```cardlink\nurl: http://e.com/dalvik_opcodes.html\ntitle: \"Dalvik opcodes\"\nhost: e.com\n```\nAfter.", markdown: "**[Dalvik opcodes](http://e.com/dalvik_opcodes.html)**\n\nAfter." },
			// Link Embed's block, single-quoted; the card's text is text, never markup (`$`, `#`, `[`).
			{ note: "```embed\ntitle: 'Git: it''s $1M'\nimage: 'https://e.com/a.png'\ndescription: 'How #git saved [us]'\nurl: 'https://e.com/git'\n```", markdown: "**[Git: it's $1M](https://e.com/git)**\\\nHow #git saved [us]" },
			// In a callout; a quoted description over two lines is one line (YAML folds it).
			{ note: "> [!info] Ref\n> ```cardlink\n> url: https://e.com/x\n> title: \"A \\\"quoted\\\" title\"\n> description: \"Forum rules\n> Before you post.\"\n> ```", markdown: "> **Ref**\n>\n> **[A \"quoted\" title](https://e.com/x)**\\\n> Forum rules Before you post." },
			{ note: "```cardlink\nurl: https://www.youtube.com/watch?v=dQw4w9WgXcQ\ntitle: \"A video\"\n```", markdown: "https://www.youtube.com/watch?v=dQw4w9WgXcQ", blocks: ["embed"] },
			{ note: "```embed\ntitle: x\n```", markdown: "```embed\ntitle: x\n```", warnings: ["unrendered-block"] },
		],
	},
	multiColumns: {
		construct: "Multi-Column Markdown's regions: `--- start-multi-column: ID` (or `===`, `multi-column-start`) and its settings block (```` ```column-settings ````), `--- column-break ---` / `--- end-column ---`, `--- end-multi-column`; the ```` ```start-multi-column ```` block",
		medium: "the columns' content one after the other (Medium has one column), each column's blocks apart; the markers and settings left out",
		examples: [
			{ note: "--- start-multi-column: ExampleRegion1  \n```column-settings  \nnumber of columns: 2\n```\n\nLeft.\n--- column-break ---\nRight.\n\n=== end-column ===\n\nThird.\n\n--- end-multi-column\nAfter.", markdown: "Left.\n\nRight.\n\nThird.\n\nAfter." },
			{ note: "```start-multi-column\nID: a\nnumber of columns: 2\n```\n# Left\n--- end-column ---\n## Right\n=== multi-column-end", markdown: "### Left\n\n#### Right" },
			// A settings block anywhere else, or words after a marker, are the note's.
			{ note: "```settings\nx: 1\n```\n\n--- column-break --- here", markdown: "```settings\nx: 1\n```\n\n--- column-break --- here" },
		],
	},
	math: {
		construct: "math blocks `$$…$$`",
		medium: "a code block with the TeX source, with a warning; inside a list item or a quote, its lines stay there, each as code on a line of its own, so the item's text after it stays in it and the items after it keep their numbers. Macro definitions (`\\newcommand`, `\\def`, `\\DeclareMathOperator`…) show nothing in Obsidian: they are left out, and a block of them alone with a warning",
		code: "math-as-code",
		examples: [
			{ note: "$$\nx^2\n$$", markdown: "```\nx^2\n```", warnings: ["math-as-code"] },
			{ note: "$$\\newcommand{\\R}{\\mathbb{R}}\n\\def\\abs#1{|#1|} % mine\n$$\nText.\n\n$$\\newcommand{\\N}{\\mathbb{N}}\n\\N^2\n$$", markdown: "Text.\n\n```\n\\N^2\n```", warnings: ["math-macros", "math-as-code"] },
			{ note: "1. Then\n   $$\n   x^2\n   $$\n2. Next", markdown: "1. Then\\\n   `x^2`\n2. Next", warnings: ["math-as-code"] },
			// A `$$` nothing closes: Obsidian shows the rest of the note as math, so it is code to the end, with a warning at the `$$`.
			{ note: "Before.\n\n$$\nx^2\n\nText *here*.", markdown: "Before.\n\n```\nx^2\n\nText *here*.\n```", warnings: ["math-as-code", "math-unclosed"] },
		],
	},
	images: {
		construct: "images `![alt](src \"Title\")`, `![[pic.png|Caption]]`",
		medium: "an image block: alt stays alt, a markdown title becomes the caption; a vault image is uploaded, a web image fetched by Medium; anything relative or local is left out with a warning",
		code: RELATIVE_IMAGE_CODE,
		examples: [
			{ note: "![A cat](https://e.com/cat.png \"My cat\")", markdown: "![A cat](https://e.com/cat.png \"My cat\")" },
			{ note: "![](img/missing.png)", markdown: "", warnings: ["missing-image"] },
			// Medium has no image inside text: one mid-sentence follows the paragraph; one on its own line splits it.
			{ note: "See ![](https://e.com/a.png), then more.", markdown: "See, then more.\n\n![](https://e.com/a.png)" },
			{ note: "Before\n![](https://e.com/a.png)\nafter", markdown: "Before\n\n![](https://e.com/a.png)\n\nafter" },
			// In a Quarto post an image alone on its line is a figure: its alt is the caption the blog shows, numbered when labelled.
			{ path: "Post.qmd", note: "![A lake](https://e.com/a.png){#fig-lake width=50%}\n\n![](https://e.com/b.png)\n\nSee ![x](https://e.com/c.png) and @fig-lake.", markdown: "![A lake](https://e.com/a.png \"Figure 1: A lake\")\n\n![](https://e.com/b.png)\n\nSee and Figure 1.\n\n![x](https://e.com/c.png)" },
			{ note: "![A lake](https://e.com/a.png)", markdown: "![A lake](https://e.com/a.png)" },
		],
	},
	callouts: {
		construct: "callouts `> [!note] Title` and block quotes, nested ones too",
		medium: "a block quote whose title is a bold paragraph of its own; nested callouts and quotes flattened into it, each title apart",
		examples: [
			{ note: "> [!warning] Thin ice\n> Never walk on it.\n> > [!note]\n> > Inner.", markdown: "> **Thin ice**\n>\n> Never walk on it.\n>\n> **Note**\n>\n> Inner." },
			{ note: "> [!tip] Keep **this** in mind\n> Body.", markdown: "> **Keep this in mind**\n>\n> Body." },
			// Under a numbered item (as far in as its text): it follows the item, and the item's later text and the next item stay the list's.
			{ note: "1. Step\n   > [!tip]\n   > Tip.\n\n   After.\n2. Next", markdown: "1. Step\n\n> **Tip**\n>\n> Tip.\n\nAfter.\n\n2\\. Next", warnings: ["list-numbering"] },
			// A code block in a callout of a nested item (its lines a tab or more in): code, up to its closing fence.
			{ note: "- a\n\t- b\n\t\t> [!tip] Deep\n\t\t> x\n\t\t> ```js\n\t\t> let y;\n\t\t> ```\n- c", markdown: "- a\n- – b\n\n> **Deep**\n>\n> x\n\n```js\nlet y;\n```\n\n- c" },
		],
	},
	kanbanBoards: {
		construct: "a Kanban board (`kanban-plugin: basic` in its properties): `## Lane` headings (`## Lane (3)`: a WIP limit) over `- [ ] card` lists, `**Complete**` lane markers, dates `@{2024-05-01}` and times `@@{14:30}`, an archive after `***`",
		medium: "what the board shows: each lane a heading over its cards as bullets (checkboxes only if the board shows them, `show-checkboxes`), a date or time as its text, a daily-note date `@[[2024-05-01]]` its link; the lane's WIP limit and marker and the archive (hidden on the board) left out, the archive with a warning",
		examples: [
			{
				frontmatter: "kanban-plugin: basic",
				note: "## Doing (3)\n\n- [ ] Ship it @{2024-05-01} @@{14:30}\n- [ ] Mail a@b.c or me@{host}\n\n## Done\n\n**Complete**\n- [x] Plan\n\n***\n\n## Archive\n\n- [x] Old\n- [x] Older\n\n%% kanban:settings\n```\n{\"kanban-plugin\":\"basic\"}\n```\n%%",
				markdown: "### Doing\n\n- Ship it 2024-05-01 14:30\n- Mail a@b.c or me@{host}\n\n### Done\n\n- Plan",
				warnings: ["board-archive"],
			},
			{ frontmatter: "kanban-plugin: basic\nshow-checkboxes: true", note: "## Lane\n\n- [ ] Card\n\t- [x] Step", markdown: "### Lane\n\n- ☐ Card\n- – ☑ Step" },
			// In a code span, a date is as written (the board shows the code).
			{ frontmatter: "kanban-plugin: basic", note: "## Lane\n\n- [ ] Type `due @{2024-01-01}` or ``@@{9:00} ` x`` for @{2024-02-02}", markdown: "### Lane\n\n- Type `due @{2024-01-01}` or ``@@{9:00} ` x`` for 2024-02-02" },
		],
	},
	admonitions: {
		construct: "the Admonition plugin's blocks ```` ```ad-note ```` (with `title:`, `collapse:`, `icon:`, `color:` lines)",
		medium: "a callout: a block quote whose title (`title:`, or the type's name; none for a blank `title:`) is a bold paragraph, its body read as markdown",
		examples: [
			{ note: "```ad-warning\ntitle: Thin ice\ncollapse: open\nNever walk **on** it.\n```\nAfter.", markdown: "> **Thin ice**\n>\n> Never walk **on** it.\n\nAfter." },
			{ note: "```ad-tip\nJust the body.\n```", markdown: "> **Tip**\n>\n> Just the body." },
			// A blank `title:` shows no title bar at all.
			{ note: "```ad-tip\ntitle:\nJust the body.\n```", markdown: "> Just the body." },
			// With no body (a title alone, or a note to fill later), the line after its close is a paragraph of its own.
			{ note: "```ad-note\ntitle: Modified today\ncollapse: close\n```\nEffect:\n\nMore.", markdown: "> **Modified today**\n\nEffect:\n\nMore." },
			{ note: "Intro:\n```ad-tip\n```\nAfter.", markdown: "Intro:\n\n> **Tip**\n\nAfter." },
			// A code block inside, its fence as long as the block's: the block's close ends both (Obsidian reads the block as one fence).
			{ note: "```ad-example\n```c\nint x;\n```\n\nAfter.", markdown: "> **Example**\n\n```c\nint x;\n```\n\nAfter." },
			// Under a list item, a callout that follows the item, as a callout in an item does (Medium's list items hold no quote).
			{ note: "- One\n\t```ad-note\n\ttitle: Heads up\n\tInside **it**.\n\t```\n- Two", markdown: "- One\n\n> **Heads up**\n>\n> Inside **it**.\n\n- Two" },
			{ note: "1. Step\n   ```ad-tip\n   Tip.\n   ```\n\n   After.\n2. Next", markdown: "1. Step\n\n> **Tip**\n>\n> Tip.\n\nAfter.\n\n2\\. Next", warnings: ["list-numbering"] },
			{ note: "- a\n  ```ad-tip\n  Tip.\n  ```\n\n  After.\n- b", markdown: "- a\n\n> **Tip**\n>\n> Tip.\n\nAfter.\n\n- b" },
			// Left open, it ends with the item.
			{ note: "- a\n  ```ad-warning\n  Open.\n- b", markdown: "- a\n\n> **Warning**\n>\n> Open.\n\n- b" },
			// Inside a callout or quote, a callout within it, flattened as nested callouts are.
			{ note: "> [!note] Outer\n> Before.\n> ```ad-tip\n> title: Inner\n> Inside **it**.\n> ```\n> After.\n\nOut.", markdown: "> **Outer**\n>\n> Before.\n>\n> **Inner**\n>\n> Inside **it**.\n>\n> After.\n\nOut." },
			{ note: "> ```ad-warning\n> Cut short.\n\nOut.", markdown: "> **Warning**\n>\n> Cut short.\n\nOut." },
			// One inside another (a longer fence around it, as the plugin nests them), and tabs inside one.
			{ note: "````ad-note\ntitle: Outer\nBefore.\n```ad-tip\ntitle: Inner\nInside.\n```\nAfter inner.\n````\nOut.", markdown: "> **Outer**\n>\n> Before.\n>\n> **Inner**\n>\n> Inside.\n>\n> After inner.\n\nOut." },
			{ note: "````ad-example\n```tabs\ntab: One\nFirst.\n````\nOut.", markdown: "> **Example**\n>\n> **One**\n>\n> First.\n\nOut." },
			{ note: "> Quote.\n> ```ad-example\n> ```js\n> x;\n> ```\n> Still quote.", markdown: "> Quote.\n>\n> **Example**\n\n```js\nx;\n```\n\n> Still quote." },
			// A table inside is a table, as in a callout.
			{ note: "```ad-info\n| Type | Value |\n| ---- | ----- |\n| MD5  | 812a  |\n```\nAfter.", markdown: "> **Info**\n\n```\nType | Value\n-----|------\nMD5  | 812a\n```\n\nAfter.", warnings: ["table-as-text"] },
		],
	},
	tabs: {
		construct: "a tabs block: ```` ```tabs ```` / ```` ```tab ```` with `tab: Name` lines (Tabs, Code Tab), ```` ```tab-panels ```` with `--- Name` lines (Tab Panels); the Columns plugin's ```` ```col ```` and ```` ```col-md ```` blocks",
		medium: "each tab (column) one after another: a tab's name a bold paragraph, its content read as markdown (code blocks in it stay code); a column's settings (`flexGrow=1` over `===`) left out",
		examples: [
			{ note: "````tabs\ntab: Julia\nRun **this**:\n```julia\nx = 1\n```\ntab: Notes\n- a\n````\nAfter.", markdown: "**Julia**\n\nRun **this**:\n\n```julia\nx = 1\n```\n\n**Notes**\n\n- a\n\nAfter." },
			{ note: "```tab-panels\n--- Intro (default)\n## Hello\n---\n--- Next\nText.\n```", markdown: "**Intro**\n\n### Hello\n\n---\n\n**Next**\n\nText." },
			{ note: "> ```tab\n> tab: One\n> Text.\n> ```", markdown: "> **One**\n>\n> Text." },
			// The Columns plugin's ```` ````col ```` around ```` ```col-md ```` blocks: their markdown, one column after another, without a column's settings (`flexGrow=1` over `===`).
			{ note: "`````col\n````col-md\nflexGrow=1\n===\n## Left\n```js\nx;\n```\n````\n````col-md\nRight *side*.\n````\n`````\nAfter.", markdown: "### Left\n\n```js\nx;\n```\n\nRight *side*.\n\nAfter." },
		],
	},
	headingIds: {
		construct: "a heading's custom id or attributes `## Title {#id}` (Docusaurus, Hugo, kramdown, Pandoc)",
		medium: "left out: the blog's anchor, which Medium has no place for",
		examples: [
			{ note: "## Can I migrate? {#can-i-migrate}\n\n### Set {#id .wide}\n\n## Use {braces} {here}", markdown: "### Can I migrate?\n\n#### Set\n\n### Use {braces} {here}" },
		],
	},
	kramdownAttributes: {
		construct: "kramdown's attribute lines (Jekyll): `{: .notice}` under a paragraph, `{:.no_toc}`, `{::options … /}`, and `* TOC` over `{:toc}`; Python-Markdown's (MkDocs) `{ style=\"…\" }`, `{ #id .class }`; either right after an image (`![a](b.png){ width=\"300\" }`)",
		medium: "left out (the blog styles the block with them); the list that `{:toc}` marks is the blog's table of contents, which Medium has no place for, so it goes too",
		examples: [
			{ note: "**Note:** read this.\n{: .notice--info}\n\n## Contents\n{:.no_toc}\n\n* TOC\n{:toc}\n\n{::options parse_block_html=\"true\" /}\nText.", markdown: "**Note:** read this.\n\n### Contents\n\nText." },
			// Python-Markdown's attribute lists (MkDocs) too; braces that are not one stay.
			{ note: "_In Chinese._\n{ style=\"display: inline\" }\n\n![A](https://e.com/a.png){ width=\"300\" .center }\n![B](https://e.com/b.png){: .align-left}\n\n{ a: 1 }", markdown: "*In Chinese.*\n\n![A](https://e.com/a.png)\n\n![B](https://e.com/b.png)\n\n{ a: 1 }" },
		],
	},
	tocMarkers: {
		construct: "a blog's table-of-contents marker alone on its line: `[[toc]]` (VitePress, markdown-it), `[TOC]` (Python-Markdown, MkDocs), `${toc}`",
		medium: "left out: the blog puts its table of contents there, which Medium has no place for (`[[toc]]` stays a link when the vault has a note named toc)",
		examples: [{ note: "[[toc]]\n\n[TOC]\n\n${toc}\n\nText.", markdown: "Text." }],
	},
	markdownInHtml: {
		construct: "an HTML block whose tag asks for markdown inside (kramdown's `<div class=\"notice\" markdown=\"1\">`, Python-Markdown's `<div markdown>`), up to its closing tag",
		medium: "its content read as markdown, as the blog reads it; the tags left out",
		examples: [
			{ note: "<div class=\"notice--primary\" markdown=\"1\">\n**Primary:** text.\n\n```sh\nls\n```\n</div>\n\n<div markdown=\"0\">\n**kept**\n</div>", markdown: "**Primary:** text.\n\n```sh\nls\n```\n\n\\*\\*kept\\*\\*" },
		],
	},
	eleventyImages: {
		construct: "a line that is only Eleventy's image shortcode `{% image \"./possum.png\", \"A possum\" %}`",
		medium: "the image, as `![A possum](./possum.png)` (uploaded from beside the post)",
		examples: [{ note: "{% image \"https://e.com/possum.png\", \"A possum\" %}", markdown: "![A possum](https://e.com/possum.png)" }],
	},
	zolaShortcodes: {
		construct: "a line that is only a Zola shortcode `{{ name(args) }}`",
		medium: "left out with a warning (only the blog renders it); `{{ youtube(id=\"…\") }}` and `{{ vimeo(id=\"…\") }}` are the video's embed; a theme's image shortcode (`{{ image(src=\"a.png\", alt=…, caption=…) }}`, `figure`, `img`, `resize_image(path=…)`) the image, its caption (else its alt) the caption; `{{ page.title }}` in text stays",
		code: "site-tag",
		examples: [
			{ note: "{{ youtube(id=\"dQw4w9WgXcQ\") }}\n\n{{ gallery(dir=\"img\") }}\n\nText.", markdown: "https://www.youtube.com/watch?v=dQw4w9WgXcQ\n\nText.", warnings: ["site-tag"], blocks: ["embed", "paragraph"] },
			// A theme's image shortcode (`image`, `img`, `figure`, `resize_image`…) with an image file: the image.
			{ note: "{{ figure(src=\"https://e.com/moon.png\", caption=\"The moon\") }}\n\n{{ image(src=\"https://e.com/sun.jpg\", alt=\"The sun\") }}", markdown: "![The moon](https://e.com/moon.png \"The moon\")\n\n![The sun](https://e.com/sun.jpg)" },
		],
	},
	mdxEsm: {
		construct: "MDX's `import …` / `export …` lines and `{/* comments */}` (Docusaurus, Gatsby, Next.js and Astro posts)",
		medium: "left out: only the blog runs them (a statement goes on while a bracket is open, and the block while `import`/`export` lines follow); prose that starts with the word stays. In a note that is not an `.mdx` file (where Obsidian shows them as text) a warning says they were left out",
		code: MDX_COMPONENT_CODE,
		examples: [
			{ path: "Post.mdx", note: "import Tabs from '@theme/Tabs';\nexport const meta = {\n  a: 1,\n};\n\nText.\n\n{/* truncate */}\n\nimport the file, then export it.", markdown: "Text.\n\nimport the file, then export it." },
			// An import right above markdown ends at it: the markdown is kept.
			{ path: "Post.mdx", note: "import A from 'a';\nimport {\n  B,\n} from 'b';\n- item", markdown: "- item" },
			{ note: "import A from 'a';\n\nText.", markdown: "Text.", warnings: ["mdx-component"] },
		],
	},
	mdxComponents: {
		construct: "MDX components on lines of their own (`<Tabs>`, `<TabItem label=\"npm\">`, `</Tabs>`, `<Image src alt />`)",
		medium: "their markdown children kept (the component's indent removed, as MDX reads them), a tab's `label` (else its `value`; or a details block's `title`) as a bold paragraph, tabs (`<Tabs>`, `<TabItem>`) without a warning; a self-closing one with a `src` an image (its `caption` or `title` the caption; `src={cover}` the image the post imports as `cover`; an `<img>`'s `src={require('./a.png').default}` or `useBaseUrl('/img/a.png')` the file it names, a `<ThemedImage sources={{light, dark}} />` its light one), a code component (Docusaurus's `<CodeBlock language title>{`…`}</CodeBlock>`, a `<Code code=… lang=… />`) a code block, its title in bold above, a video, post or gist component (`<YouTube id=…/>`, `<Vimeo>`, `<Tweet>`, `<Gist>`, the id or address in any embed library's attribute: `tweetLink`, `youTubeId`, `gistLink`…) its embed, a link card (`<LinkCard title=… href=… description=… />`) a paragraph of its link; a callout component (`<Callout>`, `<Admonition>`, `<Aside>`, `<Note>`, `<Tip>`, `<Warning>`…) a callout of its `type` and `title`; other tags left out with one warning per component",
		code: MDX_COMPONENT_CODE,
		examples: [
			// Tabs are shown whole, each its label in bold then its content: no warning (a TabItem's label defaults to its value).
			{ note: "<Tabs>\n  <TabItem value=\"npm\" label=\"npm\">\n    ```bash\n    npm i x\n    ```\n  </TabItem>\n  <TabItem value=\"yarn\">\n    Use yarn.\n  </TabItem>\n</Tabs>\nAfter.", markdown: "**npm**\n\n```bash\nnpm i x\n```\n\n**yarn**\n\nUse yarn.\n\nAfter." },
			{ note: "<Steps>\n1. One\n</Steps>", markdown: "1. One", warnings: ["mdx-component"] },
			// A line that is no tag (an attribute's name cannot start with a digit) is text, as Obsidian and MDX show it.
			{ note: "<Things 3>\n\n<Step 1> Open it.", markdown: "\\<Things 3>\n\n\\<Step 1> Open it." },
			{ note: "Before.\n<Image src=\"https://e.com/a.png\" alt=\"A\" caption=\"The cat\" />", markdown: "Before.\n\n![A](https://e.com/a.png \"The cat\")" },
			{ path: "Post.mdx", note: "import cover from 'https://e.com/c.png';\n\n<Image src={cover} alt=\"Cover\" />", markdown: "![Cover](https://e.com/c.png)" },
			// Docusaurus's CodeBlock (its code a template literal), Astro's and others' `code` attribute: a code block, its title above.
			{ path: "Post.mdx", note: "<CodeBlock language=\"jsx\" title=\"/src/Hello.js\">\n  {`function Hello() {\n  return <h1>Hi \\`you\\`</h1>;\n}`}\n</CodeBlock>\n\n<CodeBlock language=\"yaml\">{`a: 1`}</CodeBlock>\n\n<Code code={`npm i x`} lang=\"sh\" />", markdown: "**/src/Hello.js**\n\n```jsx\nfunction Hello() {\n  return <h1>Hi `you`</h1>;\n}\n```\n\n```yaml\na: 1\n```\n\n```sh\nnpm i x\n```" },
			// Docusaurus's ThemedImage: the light theme's picture, as the blog shows it by default.
			{ path: "Post.mdx", note: "<ThemedImage\n  alt=\"Logo\"\n  sources={{\n    light: useBaseUrl('https://e.com/l.png'),\n    dark: 'https://e.com/d.png',\n  }}\n/>", markdown: "![Logo](https://e.com/l.png)" },
			{ note: "<YouTube id=\"dQw4w9WgXcQ\" />", markdown: "https://www.youtube.com/watch?v=dQw4w9WgXcQ", blocks: ["embed"] },
			// Each library names its id its own way: astro-embed's Tweet takes the post's address, MDX Embed's `tweetLink`, `youTubeId`, `gistLink`.
			{ note: "<Tweet id=\"https://twitter.com/astrodotbuild/status/1511750228428435457\" />", markdown: "https://twitter.com/astrodotbuild/status/1511750228428435457", blocks: ["embed"] },
			{ note: "<Tweet tweetLink=\"jlengstorf/status/1228356226339913729\" />", markdown: "https://twitter.com/jlengstorf/status/1228356226339913729", blocks: ["embed"] },
			{ note: "<YouTube youTubeId=\"dQw4w9WgXcQ\" />\n\n<Vimeo vimeoId=\"76979871\" />", markdown: "https://www.youtube.com/watch?v=dQw4w9WgXcQ\n\nhttps://vimeo.com/76979871", blocks: ["embed", "embed"] },
			{ note: "<Gist id=\"spf13/7896402\" />\n\n<Gist gistLink=\"spf13/7896402\" />", markdown: "https://gist.github.com/spf13/7896402\n\nhttps://gist.github.com/spf13/7896402", blocks: ["embed", "embed"] },
			{ note: "<YouTube id=\"https://youtu.be/dQw4w9WgXcQ\" />", markdown: "https://youtu.be/dQw4w9WgXcQ", blocks: ["embed"] },
			{ note: "<LinkCard title=\"Astro docs\" href=\"https://docs.astro.build\" description=\"Learn Astro.\" />", markdown: "[Astro docs](https://docs.astro.build) — Learn Astro." },
			{ note: "<Callout type=\"warning\" title=\"Careful\">\n  Do **not** run it.\n</Callout>\nAfter.", markdown: "> **Careful**\n>\n> Do **not** run it.\n\nAfter." },
			// JSX in indented code, or in a fence, is code.
			{ note: "Text.\n\n    <App>\n      <Header />\n    </App>\n\n```jsx\n<Tabs>\n```", markdown: "Text.\n\n```\n<App>\n  <Header />\n</App>\n```\n\n```jsx\n<Tabs>\n```" },
		],
	},
	containers: {
		construct: "`:::note Title` … `:::` containers (Docusaurus admonitions `:::tip[Title]`, VuePress and VitePress `::: warning`, Quarto's callouts `::: {.callout-note title=\"T\"}` and its layout divs `::: {.column-margin}`)",
		medium: "a callout, as above: the title (or the type's name) a bold paragraph, the body read as markdown, nested ones flattened into it; a layout container (`::: code-group`) its content, each code block's label (```` ```js [config.js] ````) a bold paragraph above it (as a file name, ```` ```js title=\"a.js\" ```` or ```` ```js:a.js ````, is)",
		examples: [
			{ note: ":::tip[Keep in mind]\n\nThe **body**.\n\n:::\nAfter.", markdown: "> **Keep in mind**\n>\n> The **body**.\n\nAfter." },
			{ note: "::: warning\nCareful.\n:::", markdown: "> **Warning**\n>\n> Careful." },
			{ note: "::::note Outer\nA.\n:::info\nB.\n:::\nC.\n::::", markdown: "> **Outer**\n>\n> A.\n>\n> **Info**\n>\n> B.\n>\n> C." },
			{ note: "::: code-group\n```sh\nnpm i\n```\n:::", markdown: "```sh\nnpm i\n```" },
			// Quarto's callouts: the class names the type; a title attribute, else a heading first in the body, is the title.
			{ note: "::: callout-tip\n\n## Based on a talk\n\nThe body.\n\n:::\nAfter.", markdown: "> **Based on a talk**\n>\n> The body.\n\nAfter." },
			{ note: ":::{.callout-note}\nFive types.\n:::", markdown: "> **Note**\n>\n> Five types." },
			{ note: "::: {#tip-x .callout-caution title=\"Heads up\" collapse=\"true\"}\n## Not the title\nExpand me.\n:::", markdown: "> **Heads up**\n>\n> **Not the title**\n>\n> Expand me." },
			{ note: "::: {.column-margin}\nA side note.\n:::", markdown: "A side note." },
			// A name no engine titles (Pandoc's and Quarto's divs, `::: incremental` in a slide deck): its content, no callout.
			{ note: "::: incremental\n- One\n- Two\n:::\n\n::: notes\nSpeaker notes.\n:::", markdown: "- One\n- Two\n\nSpeaker notes." },
			// A code block's label (a code group's tab, a file name) is a bold paragraph above it.
			{ note: "::: code-group\n```sh [npm]\nnpm i\n```\n```sh [pnpm]\npnpm i\n```\n:::\nText.\n```js title=\"a_b.js\"\nx\n```", markdown: "**npm**\n\n```sh\nnpm i\n```\n\n**pnpm**\n\n```sh\npnpm i\n```\n\nText.\n\n**a_b.js**\n\n```js\nx\n```" },
			// The `lang:file` form (rehype-code-titles in Next.js starters, Zenn, Qiita) names the file too; gatsby-remark-code-titles' `js:title=a.js` its title.
			{ note: "```js:utils.js showLineNumbers {2}\nx\n```\n\n```ts:src/pages/index.ts\ny\n```\n\n```js:title=gatsby-config.js\nz\n```", markdown: "**utils.js**\n\n```js\nx\n```\n\n**src/pages/index.ts**\n\n```ts\ny\n```\n\n**gatsby-config.js**\n\n```js\nz\n```" },
		],
	},
	mkdocsBlocks: {
		construct: "MkDocs (Python-Markdown, Material) admonitions `!!! note \"Title\"`, collapsible `??? tip` / `???+ tip`, and content tabs `=== \"Tab\"`, their body indented four spaces",
		medium: "an admonition a callout (its title, else its type's name, a bold paragraph; `\"\"` no title), its body read as markdown; each tab its label as a bold paragraph, then its content; the block ends at the first line indented less than its body. An opener with no indented body stays text",
		examples: [
			{ note: "!!! note \"Phasellus posuere\"\n\n    Lorem **ipsum**.\n\n    - one\n\nAfter.", markdown: "> **Phasellus posuere**\n>\n> Lorem **ipsum**.\n>\n> • one\n\nAfter." },
			{ note: "???+ warning\n    Open.\n!!! tip \"\"\n    No title.", markdown: "> **Warning**\n>\n> Open.\n\n> No title." },
			{ note: "=== \"C\"\n\n    ```c\n    int main(void) {}\n    ```\n\n=== \"`C++`\"\n\n        indented code\n\nDone.", markdown: "**C**\n\n```c\nint main(void) {}\n```\n\n**`C++`**\n\n```\nindented code\n```\n\nDone." },
			// Under a list item: the callout follows the item (Medium's list items hold no quote).
			{ note: "1.  One\n\n    !!! note\n        In it.\n\n2.  Two", markdown: "1. One\n\n> **Note**\n>\n> In it.\n\n2\\. Two", warnings: ["list-numbering"] },
			{ note: "!!! note \"Not an admonition\"\nText.", markdown: "!!! note \"Not an admonition\"\\\nText." },
		],
	},
	embeds: {
		construct: "web embeds: `![](https://youtu.be/…)` or a bare YouTube, X, Vimeo or Gist URL on its own line",
		medium: "an embed (a bare URL paragraph Medium turns into the player or card)",
		examples: [
			{ note: "![](https://www.youtube.com/watch?v=abc)\n\nhttps://gist.github.com/me/123", markdown: "https://www.youtube.com/watch?v=abc\n\nhttps://gist.github.com/me/123", blocks: ["embed", "embed"] },
			{ note: "https://vimeo.com/123 in a sentence", markdown: "[https://vimeo.com/123](https://vimeo.com/123) in a sentence", blocks: ["paragraph"] },
		],
	},
	tables: {
		construct: "tables",
		medium: "aligned text in a code block, with a warning (Medium has no tables); a `<br>` or `<p>` in a cell starts a line of the row; an image in a cell follows the table, the cell keeping its name",
		code: "table-as-text",
		examples: [
			{ note: "| a | b |\n|---|--:|\n| x | 10 |", markdown: "```\na |  b\n--|---\nx | 10\n```", warnings: ["table-as-text"] },
			// A `<br>` in a cell (Notion's and the importers' multi-line cells) starts a line of the row, as Obsidian shows it.
			{ note: "| Step | Notes |\n|---|---|\n| one | first line<br>second<br/>third |\n| two | done |", markdown: "```\nStep | Notes\n-----|-----------\none  | first line\n     | second\n     | third\ntwo  | done\n```", warnings: ["table-as-text"] },
			// GFM: a row's cells past the header's are left out, missing ones are empty; a line with no pipe
			// goes on the table as a row until a blank line or another block (a quote, a list, a heading).
			{ note: "| a | b |\n|---|---|\n| 1 |\n| 1 | 2 | 3 |\nbar\n> quote", markdown: "```\na   | b\n----|--\n1   |\n1   | 2\nbar |\n```\n\n> quote", warnings: ["table-as-text"] },
			// A block id right under the table (`^id`) is the table's id, not a row: it shows nothing; a comment, a
			// footnote's definition or a tag line there is not a row either.
			{ note: "| a |\n|---|\n| 1 |\n^tbl-id\n\nText.", markdown: "```\na\n-\n1\n```\n\nText.", warnings: ["table-as-text"] },
			{ note: "Ref[^1].\n\n| a |\n|---|\n| 1 |\n[^1]: Note.\n\n| b |\n|---|\n| 2 |\n%% hidden %%\n#tag", markdown: "Ref[1].\n\n```\na\n-\n1\n```\n\n```\nb\n-\n2\n```\n\n---\n\n**Notes**\n\n1. Note.", warnings: ["table-as-text", "table-as-text"] },
			// A header row whose cells are not as many as the delimiter row's makes no table: the lines are text.
			{ note: "| a | b |\n| --- |\n| c |", markdown: "| a | b |\\\n| --- |\\\n| c |" },
		],
	},
	footnotes: {
		construct: "footnotes `[^1]`, `^[inline]`",
		medium: "numbered markers `[1]` in the text, and after a section break a bold **Notes** paragraph with the numbered notes (a heading the note ends with, the definitions under it, names the section instead); an image in a note is left out with a warning (the notes are list items, which hold no images)",
		code: IMAGE_IN_NOTE_CODE,
		examples: [
			{ note: "Claim[^a].\n\n[^a]: Source.", markdown: "Claim[1].\n\n---\n\n**Notes**\n\n1. Source." },
			// A heading over the definitions at the note's end (Bear's `#### Footnotes`, a `## References`) names the
			// section, not an empty heading of its own; a rule before it is the section's break.
			{ note: "Claim[^a].\n\n---\n#### Footnotes\n[^a]: Source.\n\n#bear", markdown: "Claim[1].\n\n---\n\n**Footnotes**\n\n1. Source." },
		],
	},
	htmlBlocks: {
		construct: "raw HTML blocks (`<div>`, `<details>`, a lone tag … up to a blank line)",
		medium: "their text, markdown in it kept as text (Obsidian does not render markdown inside HTML); a whole `<h1>`…`<h6>` line a heading; a `<blockquote>` a quote (a pasted tweet, Instagram or TikTok post the post's address alone on its line, which Medium embeds); their tags as inline HTML (an image, a link, a break read; the others dropped, with one warning when they had a look of their own: not for `<div>`, `<span>`, `<figure>` without a style)",
		examples: [
			{ note: "<div>\n**not bold** [[x]]\n</div>", markdown: "\\*\\*not bold\\*\\* [[x]]" },
			// A <blockquote> is a quote; a pasted post's (a tweet's) the post's address, which Medium embeds.
			{ note: "<blockquote>\n<p>Words.</p>\n</blockquote>\n\n<blockquote class=\"twitter-tweet\"><p>Hi</p><a href=\"https://twitter.com/jack/status/20?s=1\">Mar</a></blockquote>", markdown: "> Words.\n\nhttps://twitter.com/jack/status/20" },
			// A whole <h1>…<h6> line is the heading Obsidian shows.
			{ note: "<h2 align=\"center\">A <b>big</b> one</h2>\n<p>Text.</p>", markdown: "### A **big** one\n\nText." },
		],
	},
	preBlocks: {
		construct: "`<pre>` (with `<code class=\"language-x\">`), `<textarea>`, `<script>`, `<style>` blocks, up to their closing tag",
		medium: "`<pre>` and `<textarea>`: a code block of their text (its language kept; tags dropped, entities read; a fence or blank line inside is text); `<script>` and `<style>`: dropped, with a warning",
		examples: [
			{ note: "<pre><code class=\"language-js\">a &lt; b\n\n```\n</code></pre>\n\nAfter.", markdown: "````js\na < b\n\n```\n````\n\nAfter." },
			{ note: "<script>\nx()\n</script>\nText.", markdown: "Text.", warnings: ["html-dropped"] },
		],
	},
	rules: {
		construct: "`---` horizontal rules",
		medium: "a section break",
		examples: [{ note: "A\n\n---\n\nB", markdown: "A\n\n---\n\nB" }],
	},
} satisfies Record<string, ConversionRule>;
