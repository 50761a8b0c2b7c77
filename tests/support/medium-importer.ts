/**
 * What Medium makes of a story it receives: a stand-in for Medium's importer, used by the fake Medium
 * server so tests can ask "what would Medium show" instead of comparing strings of our own output.
 *
 * It follows the table in /work/shared/docs/medium-model.md ("What its importer does"):
 * - a story is a flat list of typed paragraphs (TITLE, SUBTITLE, H3, H4, P, BQ, PRE, ULI, OLI, IMG, HR,
 *   IFRAME) with four markups (strong, em, a, code) as ranges over each paragraph's text;
 * - the first `<h1>` is the title; an `<h2>` right under it is the subtitle; later h1-h3 are the large
 *   heading (H3), h4 the small one (H4), h5/h6 plain paragraphs;
 * - `<pre data-code-block-lang>` keeps its language, a markdown fence's language is lost;
 * - `<figure>` gives an image its alt and its `<figcaption>` caption;
 * - lists are flat (nested items follow their parent), and an image inside a list item refuses the whole
 *   post: 400 "Bad nested paragraphs: [ LI ]";
 * - a code block inside a list item ends the item (the PRE follows it);
 * - a table is garbled into one paragraph of its cells' text;
 * - a bare YouTube, Twitter/X, Vimeo or Gist URL alone in a paragraph becomes an embed (IFRAME);
 * - a relative `src` or `href` is broken (Medium fetches images itself, and links leave its site).
 * Markdown (`contentFormat: "markdown"`) is read with a real markdown parser (marked), then imported the
 * same way, which is what Medium's markdown import amounts to.
 *
 * Written independently of the product's writers, so a writer's mistake shows up here.
 */

import { Marked } from "marked";

export type MediumParagraphType = "TITLE" | "SUBTITLE" | "H3" | "H4" | "P" | "BQ" | "PRE" | "ULI" | "OLI" | "IMG" | "HR" | "IFRAME";

/** One of Medium's four markups over `[start, end)` of a paragraph's text. */
export interface MediumMarkup {
	type: "strong" | "em" | "a" | "code";
	start: number;
	end: number;
	/** For links. */
	href?: string;
	/** A link Medium cannot follow (relative, or an unknown scheme). */
	broken?: true;
}

/** One paragraph as Medium holds it. */
export interface MediumParagraph {
	type: MediumParagraphType;
	/** The text shown; a line break inside the paragraph is "\n". Empty for IMG (see caption) and HR. */
	text: string;
	markups: MediumMarkup[];
	/** PRE: the code block's language, or null. */
	lang?: string | null;
	/** IMG: where Medium fetches it from. */
	src?: string;
	/** IMG: alt text. */
	alt?: string;
	/** IMG: true when Medium cannot fetch it (relative src). */
	broken?: true;
	/** IFRAME: the embedded URL. */
	url?: string;
}

/** Medium refused the post (the fake server answers 400 with this message). */
export class MediumImportError extends Error {}

// ---------------------------------------------------------------------------------------------------------
// A small, forgiving HTML tree builder (enough for what a story holds; not a full HTML5 parser).

interface ElementNode {
	kind: "element";
	name: string;
	attrs: Record<string, string>;
	children: Node[];
}
interface TextNode {
	kind: "text";
	text: string;
}
type Node = ElementNode | TextNode;

const VOID = new Set(["br", "hr", "img", "input", "meta", "link", "source", "wbr", "col", "area", "base", "embed", "param", "track"]);
const RAW_TEXT = new Set(["script", "style", "textarea", "title"]);
/** Tags whose start closes an open `<p>` (HTML's rule, reduced). */
const CLOSES_P = new Set(["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "pre", "blockquote", "figure", "hr", "table", "section", "article"]);

const NAMED: Record<string, string> = {
	amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'", nbsp: "\u00a0", copy: "\u00a9", reg: "\u00ae", hellip: "\u2026",
	mdash: "\u2014", ndash: "\u2013", lsquo: "\u2018", rsquo: "\u2019", ldquo: "\u201c", rdquo: "\u201d", middot: "\u00b7",
};

/** Decodes character references (numeric, and the common named ones; unknown names stay as written). */
export function decodeEntities(text: string): string {
	if (!text.includes("&")) return text;
	let out = "";
	let i = 0;
	while (i < text.length) {
		const amp = text.indexOf("&", i);
		if (amp < 0) break;
		out += text.slice(i, amp);
		const semi = text.indexOf(";", amp);
		const body = semi > amp && semi - amp <= 33 ? text.slice(amp + 1, semi) : "";
		let decoded: string | null = null;
		if (body.startsWith("#x") || body.startsWith("#X")) decoded = codePoint(parseInt(body.slice(2), 16));
		else if (body.startsWith("#")) decoded = codePoint(parseInt(body.slice(1), 10));
		else if (Object.prototype.hasOwnProperty.call(NAMED, body)) decoded = NAMED[body];
		if (decoded === null) {
			out += "&";
			i = amp + 1;
		} else {
			out += decoded;
			i = semi + 1;
		}
	}
	return out + text.slice(i);
}

function codePoint(value: number): string | null {
	if (!Number.isFinite(value)) return null;
	return String.fromCodePoint(value <= 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff) ? 0xfffd : value);
}

function isSpace(ch: string): boolean {
	return ch === " " || ch === "\n" || ch === "\t" || ch === "\r" || ch === "\f";
}

/** Reads one tag from `at` (just past `<`); null when it is not a tag (the `<` is text). */
function readTag(html: string, at: number): { name: string; end: boolean; attrs: Record<string, string>; selfClosing: boolean; next: number } | null {
	let i = at;
	const end = html[i] === "/";
	if (end) i++;
	const nameStart = i;
	while (i < html.length && /[A-Za-z0-9]/.test(html[i])) i++;
	if (i === nameStart) return null;
	const name = html.slice(nameStart, i).toLowerCase();
	const attrs: Record<string, string> = {};
	let selfClosing = false;
	while (i < html.length && html[i] !== ">") {
		if (isSpace(html[i])) {
			i++;
			continue;
		}
		if (html[i] === "/") {
			selfClosing = html[i + 1] === ">";
			i++;
			continue;
		}
		const attrStart = i;
		while (i < html.length && !isSpace(html[i]) && html[i] !== "=" && html[i] !== ">" && html[i] !== "/") i++;
		const attr = html.slice(attrStart, i).toLowerCase();
		if (i === attrStart) {
			i++;
			continue;
		}
		let value = "";
		if (html[i] === "=") {
			i++;
			const quote = html[i];
			if (quote === "\"" || quote === "'") {
				const close = html.indexOf(quote, i + 1);
				const stop = close < 0 ? html.length : close;
				value = html.slice(i + 1, stop);
				i = stop + 1;
			} else {
				const valueStart = i;
				while (i < html.length && !isSpace(html[i]) && html[i] !== ">") i++;
				value = html.slice(valueStart, i);
			}
		}
		if (!(attr in attrs)) attrs[attr] = decodeEntities(value);
	}
	return { name, end, attrs, selfClosing, next: Math.min(i + 1, html.length) };
}

/** Parses HTML into a tree, closing what HTML closes implicitly (`<p>` before a block, `<li>` before `<li>`). */
export function parseHtml(html: string): ElementNode {
	const root: ElementNode = { kind: "element", name: "#root", attrs: {}, children: [] };
	const open: ElementNode[] = [root];
	const top = (): ElementNode => open[open.length - 1];
	const closeUpTo = (name: string, stopAt: ReadonlySet<string> = new Set()): void => {
		for (let k = open.length - 1; k > 0; k--) {
			if (stopAt.has(open[k].name)) return;
			if (open[k].name === name) {
				open.length = k;
				return;
			}
		}
	};
	let i = 0;
	let text = "";
	const flushText = (): void => {
		if (text !== "") top().children.push({ kind: "text", text: decodeEntities(text) });
		text = "";
	};
	while (i < html.length) {
		const lt = html.indexOf("<", i);
		if (lt < 0) {
			text += html.slice(i);
			break;
		}
		text += html.slice(i, lt);
		if (html.startsWith("<!--", lt)) {
			const close = html.indexOf("-->", lt + 4);
			i = close < 0 ? html.length : close + 3;
			continue;
		}
		if (html[lt + 1] === "!" || html[lt + 1] === "?") {
			const close = html.indexOf(">", lt);
			i = close < 0 ? html.length : close + 1;
			continue;
		}
		const tag = readTag(html, lt + 1);
		if (tag === null) {
			text += "<";
			i = lt + 1;
			continue;
		}
		flushText();
		i = tag.next;
		if (tag.end) {
			if (tag.name === "br") top().children.push({ kind: "element", name: "br", attrs: {}, children: [] });
			else closeUpTo(tag.name);
			continue;
		}
		if (CLOSES_P.has(tag.name)) closeUpTo("p", new Set(["blockquote", "li", "figure", "td", "th"]));
		if (tag.name === "li") closeUpTo("li", new Set(["ul", "ol"]));
		const element: ElementNode = { kind: "element", name: tag.name, attrs: tag.attrs, children: [] };
		top().children.push(element);
		if (RAW_TEXT.has(tag.name)) {
			const close = html.toLowerCase().indexOf(`</${tag.name}`, i);
			const stop = close < 0 ? html.length : close;
			element.children.push({ kind: "text", text: html.slice(i, stop) });
			const gt = close < 0 ? -1 : html.indexOf(">", close);
			i = gt < 0 ? html.length : gt + 1;
			continue;
		}
		if (!VOID.has(tag.name) && !tag.selfClosing) open.push(element);
	}
	flushText();
	return root;
}

// ---------------------------------------------------------------------------------------------------------
// The importer proper: a tree to Medium's paragraph list.

/** A paragraph being built, with the heading level it came from (for the title/subtitle pass). */
interface Draft extends MediumParagraph {
	level?: number;
}

/** Inline content being gathered: text with HTML's whitespace collapsing, and open markups. */
class InlineText {
	text = "";
	markups: MediumMarkup[] = [];
	/** Counts resets, so a markup open across one knows its start is gone. */
	generation = 0;

	add(raw: string, pre = false): void {
		if (pre) {
			this.text += raw;
			return;
		}
		for (const ch of raw) {
			if (isSpace(ch)) {
				if (this.text !== "" && !this.text.endsWith(" ") && !this.text.endsWith("\n")) this.text += " ";
			} else {
				this.text += ch;
			}
		}
	}

	lineBreak(): void {
		if (this.text.endsWith(" ")) this.text = this.text.slice(0, -1);
		this.text += "\n";
	}

	/** The finished text (trimmed the way a browser shows it) and its non-empty markups. */
	finish(): { text: string; markups: MediumMarkup[] } {
		let start = 0;
		let end = this.text.length;
		while (start < end && (this.text[start] === " " || this.text[start] === "\n")) start++;
		while (end > start && (this.text[end - 1] === " " || this.text[end - 1] === "\n")) end--;
		const text = this.text.slice(start, end);
		const markups = this.markups
			.map((m) => ({ ...m, start: Math.max(0, m.start - start), end: Math.min(text.length, m.end - start) }))
			.filter((m) => m.end > m.start);
		return { text, markups };
	}

	/** Starts over after an image split the paragraph (a markup open across the image restarts at 0). */
	reset(): void {
		this.generation++;
		this.text = "";
		this.markups = [];
	}

	get blank(): boolean {
		return this.text.trim() === "";
	}
}

const EMBED_HOSTS = ["youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be", "twitter.com", "www.twitter.com", "x.com", "vimeo.com", "www.vimeo.com", "gist.github.com"];

function isEmbedUrl(text: string): boolean {
	if (text.includes(" ") || text.includes("\n")) return false;
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return false;
	}
	return (url.protocol === "https:" || url.protocol === "http:") && EMBED_HOSTS.includes(url.hostname.toLowerCase());
}

function isAbsoluteLink(href: string): boolean {
	const lower = href.trim().toLowerCase();
	return lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("mailto:");
}

function isFetchableImage(src: string): boolean {
	const lower = src.trim().toLowerCase();
	return lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("data:image/");
}

const INLINE_MARKUP: Record<string, MediumMarkup["type"]> = { strong: "strong", b: "strong", em: "em", i: "em", code: "code" };
const DROPPED = new Set(["script", "style", "template", "noscript", "iframe", "object", "svg", "math", "textarea", "title", "head"]);
const HEADINGS: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
const BLOCKS = new Set(["p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "blockquote", "pre", "ul", "ol", "li", "figure", "figcaption",
	"hr", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "dl", "dt", "dd", "body", "html", ...Object.keys(HEADINGS)]);

function textContent(node: Node, pre: boolean): string {
	if (node.kind === "text") return node.text;
	if (node.name === "br") return "\n";
	if (DROPPED.has(node.name)) return "";
	const inner = node.children.map((c) => textContent(c, pre)).join("");
	return pre || !(node.name === "tr" || node.name === "td" || node.name === "th") ? inner : ` ${inner} `;
}

function contains(node: ElementNode, name: string): boolean {
	return node.children.some((c) => c.kind === "element" && (c.name === name || contains(c, name)));
}

/** Walks a tree into paragraphs. */
class Importer {
	readonly out: Draft[] = [];

	/** Adds a paragraph of inline content, unless it shows nothing. */
	private push(type: MediumParagraphType, inline: InlineText, extra: Partial<Draft> = {}): void {
		if (inline.blank) return;
		const { text, markups } = inline.finish();
		this.out.push({ type, text, markups, ...extra });
	}

	/** Gathers inline content; images found on the way are handed to `onImage` (they split the paragraph). */
	private inline(nodes: readonly Node[], into: InlineText, onImage: (img: ElementNode) => void): void {
		for (const node of nodes) {
			if (node.kind === "text") {
				into.add(node.text);
				continue;
			}
			if (DROPPED.has(node.name)) continue;
			if (node.name === "br") {
				into.lineBreak();
				continue;
			}
			if (node.name === "img") {
				onImage(node);
				continue;
			}
			const markup = INLINE_MARKUP[node.name] ?? (node.name === "a" && node.attrs.href !== undefined ? "a" : null);
			let start = into.text.length;
			const generation = into.generation;
			this.inline(node.children, into, onImage);
			if (markup === null) continue;
			if (into.generation !== generation) start = 0; // an image split the paragraph inside this markup
			const m: MediumMarkup = { type: markup, start, end: into.text.length };
			if (markup === "a") {
				m.href = node.attrs.href.trim();
				if (!isAbsoluteLink(m.href)) m.broken = true;
			}
			into.markups.push(m);
		}
	}

	private image(img: ElementNode, caption: InlineText | null): void {
		const src = img.attrs.src ?? "";
		const { text, markups } = caption ? caption.finish() : { text: "", markups: [] };
		const p: Draft = { type: "IMG", text, markups, src, alt: img.attrs.alt ?? "" };
		if (!isFetchableImage(src)) p.broken = true;
		this.out.push(p);
	}

	/**
	 * A container's children: runs of inline content become paragraphs of `type` (split around images),
	 * block children are walked on their own.
	 */
	blocks(nodes: readonly Node[], type: "P" | "BQ"): void {
		let run: Node[] = [];
		const flush = (): void => {
			if (run.length > 0) this.paragraph(run, type);
			run = [];
		};
		for (const node of nodes) {
			if (node.kind === "element" && (BLOCKS.has(node.name) || DROPPED.has(node.name))) {
				flush();
				this.block(node, type);
			} else {
				run.push(node);
			}
		}
		flush();
	}

	/** Inline content as one or more paragraphs of `type`: an image ends the paragraph and follows it. */
	private paragraph(nodes: readonly Node[], type: MediumParagraphType, extra: Partial<Draft> = {}): void {
		const current = new InlineText();
		this.inline(nodes, current, (img) => {
			this.push(type, current, extra);
			current.reset();
			this.image(img, null);
		});
		this.push(type, current, extra);
	}

	private block(node: ElementNode, context: "P" | "BQ"): void {
		const name = node.name;
		if (DROPPED.has(name)) return;
		const level = HEADINGS[name];
		if (level !== undefined) {
			if (level >= 5) this.paragraph(node.children, context);
			else this.paragraph(node.children, level === 4 ? "H4" : "H3", { level });
			return;
		}
		switch (name) {
			case "p":
				this.paragraph(node.children, context);
				return;
			case "blockquote":
				this.blocks(node.children, "BQ");
				return;
			case "pre": {
				let text = textContent(node, true);
				if (text.startsWith("\n")) text = text.slice(1);
				if (text.endsWith("\n")) text = text.slice(0, -1);
				const lang = node.attrs["data-code-block-lang"];
				this.out.push({ type: "PRE", text, markups: [], lang: lang !== undefined && lang !== "" ? lang : null });
				return;
			}
			case "ul":
			case "ol":
				this.list(node, name === "ol" ? "OLI" : "ULI");
				return;
			case "figure": {
				let img: ElementNode | null = null;
				const caption = new InlineText();
				const findImg = (n: ElementNode): void => {
					for (const c of n.children) {
						if (c.kind !== "element") continue;
						if (c.name === "img" && img === null) img = c;
						else if (c.name === "figcaption") this.inline(c.children, caption, () => undefined);
						else findImg(c);
					}
				};
				findImg(node);
				if (img !== null) this.image(img, caption.blank ? null : caption);
				else this.push(context, caption);
				return;
			}
			case "hr":
				this.out.push({ type: "HR", text: "", markups: [] });
				return;
			case "table": {
				// Medium has no tables: what arrives is the cells' text run together.
				const inline = new InlineText();
				inline.add(textContent(node, false));
				this.push("P", inline);
				return;
			}
			case "li":
				this.listItem(node, "ULI");
				return;
			default:
				this.blocks(node.children, context);
		}
	}

	/** A list's items, flat: nested lists' items follow their parent item. */
	private list(node: ElementNode, type: "ULI" | "OLI"): void {
		for (const child of node.children) {
			if (child.kind === "element" && child.name === "li") this.listItem(child, type);
			else if (child.kind === "element") this.block(child, "P");
			else if (child.text.trim() !== "") this.paragraph([child], type);
		}
	}

	private listItem(node: ElementNode, type: "ULI" | "OLI"): void {
		if (contains(node, "img")) throw new MediumImportError("Bad nested paragraphs: [ LI ]");
		const inline = new InlineText();
		const after: ElementNode[] = [];
		const walk = (nodes: readonly Node[]): void => {
			for (const child of nodes) {
				if (child.kind === "element" && (child.name === "ul" || child.name === "ol" || child.name === "pre" || child.name === "table" || child.name === "hr")) after.push(child);
				else if (child.kind === "element" && BLOCKS.has(child.name)) {
					if (!inline.blank) inline.lineBreak();
					walk(child.children);
				} else this.inline([child], inline, () => undefined);
			}
		};
		walk(node.children);
		this.push(type, inline);
		for (const block of after) {
			if (block.name === "ul" || block.name === "ol") this.list(block, block.name === "ol" ? "OLI" : "ULI");
			else this.block(block, "P");
		}
	}
}

/** The first h1 is the title, an h2 right under it the subtitle; bare embed URLs become embeds. */
function finish(drafts: Draft[]): MediumParagraph[] {
	const titleAt = drafts.findIndex((d) => d.level === 1);
	if (titleAt >= 0) {
		drafts[titleAt].type = "TITLE";
		const next = drafts[titleAt + 1] as Draft | undefined;
		if (next?.level === 2) next.type = "SUBTITLE";
	}
	return drafts.map((draft) => {
		const { level: _level, ...p } = draft;
		if (p.type === "P" && isEmbedUrl(p.text)) return { type: "IFRAME", text: "", markups: [], url: p.text };
		return p;
	});
}

/** What Medium shows for HTML content. Throws {@link MediumImportError} when Medium would refuse it. */
export function importHtml(html: string): MediumParagraph[] {
	const importer = new Importer();
	importer.blocks(parseHtml(html).children, "P");
	return finish(importer.out);
}

/** What Medium shows for markdown content: read as CommonMark/GFM, then imported like HTML. */
export function importMarkdown(markdown: string): MediumParagraph[] {
	const html = new Marked({ gfm: true, breaks: false, async: false }).parse(markdown) as string;
	return importHtml(html);
}

/** What Medium shows for a post's `content` in its `contentFormat`. */
export function importStory(contentFormat: "html" | "markdown", content: string): MediumParagraph[] {
	return contentFormat === "html" ? importHtml(content) : importMarkdown(content);
}

/**
 * A one-line view of a paragraph, for readable assertions and failure messages: its type, its language or
 * image facts, then its text with markups shown as `**strong**`, `_em_`, `[a](href)` and `` `code` ``.
 */
export function showParagraph(p: MediumParagraph): string {
	const facts: string[] = [];
	if (p.type === "PRE") facts.push(`lang=${p.lang ?? "none"}`);
	if (p.type === "IMG") facts.push(`src=${p.src ?? ""}`, `alt=${JSON.stringify(p.alt ?? "")}`, ...(p.broken ? ["broken"] : []));
	if (p.type === "IFRAME") facts.push(p.url ?? "");
	const head = [p.type, ...facts].join(" ");
	return p.text === "" ? head : `${head}: ${withMarkups(p)}`;
}

function withMarkups(p: MediumParagraph): string {
	const opens = new Map<number, string[]>();
	const closes = new Map<number, string[]>();
	const mark = (map: Map<number, string[]>, at: number, s: string, front: boolean): void => {
		const list = map.get(at) ?? [];
		if (front) list.unshift(s);
		else list.push(s);
		map.set(at, list);
	};
	for (const m of p.markups) {
		const [open, close] = m.type === "strong" ? ["**", "**"] : m.type === "em" ? ["_", "_"] : m.type === "code" ? ["`", "`"] : ["[", `](${m.href ?? ""})`];
		mark(opens, m.start, open, false);
		mark(closes, m.end, close, true);
	}
	let out = "";
	for (let i = 0; i <= p.text.length; i++) {
		out += (closes.get(i) ?? []).join("") + (opens.get(i) ?? []).join("");
		if (i < p.text.length) out += p.text[i];
	}
	return out;
}
