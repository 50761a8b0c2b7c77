/**
 * The story's markdown as the HTML subset Medium's editor keeps on paste (h1-h4, p, a, strong, em,
 * code, pre, blockquote, ul, ol, li, hr, img, figure, figcaption, br), for users who copy instead of
 * publishing through the API.
 *
 * Why a walk of our own over marked's tokens rather than marked's renderer plus a sanitizer: every tag
 * in the output is written here, from a closed list, and every text goes through an escape, so nothing
 * a note holds (raw HTML, `javascript:` links, event handlers) can reach the clipboard as markup.
 */

import { Lexer, getDefaults } from "marked";
import type { MarkedToken, Token, Tokens } from "marked";
import { decodeBasicReferences, escapeHtml, escapeHtmlKeepingReferences, visibleLength } from "./escape-html";

/** Choices for {@link storyToHtml}. */
export interface StoryHtmlOptions {
	/**
	 * Maps an image's markdown source (a vault path, a URL) to the URL to show, e.g. the uploaded
	 * image's Medium URL; null drops the image. The result still has to pass the scheme check.
	 */
	imageSrc?: (src: string) => string | null;
}

interface Context {
	imageSrc: ((src: string) => string | null) | undefined;
}

const GT = 62; // >
const SLASH = 47; // /
const BANG = 33; // !
const QUESTION = 63; // ?
const EQUALS = 61; // =
const DOUBLE_QUOTE = 34; // "
const SINGLE_QUOTE = 39; // '

/** Elements whose content is raw text up to their end tag: dropped with everything inside. */
const DROP_RAW_TEXT: ReadonlySet<string> = new Set(["script", "style", "iframe", "noscript"]);
/** Elements dropped with everything inside, whose content nests (`<svg><svg></svg></svg>`). */
const DROP_NESTED: ReadonlySet<string> = new Set(["object", "template", "svg", "math"]);

/** Elements where `/>` really closes the tag; elsewhere browsers ignore it. */
const FOREIGN: ReadonlySet<string> = new Set(["svg", "math"]);
// `embed` needs no entry: it is a void element, with no content to drop; its tag goes like any other.

/** Prefixes for task list items, which have no tag in Medium's subset. */
const UNCHECKED = "\u2610 ";
const CHECKED = "\u2611 ";

function isAsciiLetter(code: number): boolean {
	return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isHtmlSpace(code: number): boolean {
	return code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
}

/** Where a tag name ends: at whitespace, `/`, `>` or the end. */
function tagNameEnd(html: string, from: number): number {
	let j = from;
	while (j < html.length) {
		const code = html.charCodeAt(j);
		if (isHtmlSpace(code) || code === SLASH || code === GT) break;
		j++;
	}
	return j;
}

/**
 * Skips a tag's attributes from `from` to just past its `>`, honouring quoted attribute values so a
 * `>` inside one does not end the tag. Returns the end and whether the tag closed with `/>`.
 */
function skipAttributes(html: string, from: number): { end: number; selfClosing: boolean } {
	let j = from;
	while (j < html.length) {
		const code = html.charCodeAt(j);
		if (code === GT) return { end: j + 1, selfClosing: html.charCodeAt(j - 1) === SLASH };
		j++;
		if (code !== EQUALS) continue;
		while (j < html.length && isHtmlSpace(html.charCodeAt(j))) j++;
		const quote = html.charCodeAt(j);
		if (quote === DOUBLE_QUOTE || quote === SINGLE_QUOTE) {
			const close = html.indexOf(quote === DOUBLE_QUOTE ? "\"" : "'", j + 1);
			if (close < 0) break;
			j = close + 1;
		}
	}
	// An unterminated tag swallows the rest, as in a browser.
	return { end: html.length, selfClosing: false };
}

/** Whether `</name` at `at` (just past the `</`) names `name`, case-insensitively, as a whole word. */
function isEndTagOf(html: string, at: number, name: string): boolean {
	if (html.length - at < name.length) return false;
	if (html.slice(at, at + name.length).toLowerCase() !== name) return false;
	const after = html.charCodeAt(at + name.length);
	return Number.isNaN(after) || isHtmlSpace(after) || after === SLASH || after === GT;
}

/**
 * A linear, regex-free tag stripper: turns raw HTML into its escaped text content, with `<br>` forms
 * written as `br`, comments and declarations dropped, and the whole content of script-like elements
 * dropped. It keeps its state between calls, because marked splits inline HTML into one token per tag
 * (`<script>`, text, `</script>`) and the text in between must be dropped too.
 */
class HtmlStripper {
	/** The element whose content is being dropped, or "" when text is kept. */
	private dropping = "";
	private rawText = false;
	private depth = 0;

	/** @param br what a `<br>` becomes: `<br>` in HTML, a space in plain text such as an alt. */
	constructor(private readonly br: string) {}

	/** True while inside a dropped element: the caller skips its own tokens too. */
	get active(): boolean {
		return this.dropping !== "";
	}

	/** The escaped text content of `html` (may be a fragment continuing earlier calls). */
	feed(html: string): string {
		let out = "";
		let i = 0;
		const n = html.length;
		while (i < n) {
			const lt = html.indexOf("<", i);
			const textEnd = lt < 0 ? n : lt;
			if (this.dropping === "" && textEnd > i) out += escapeHtmlKeepingReferences(html.slice(i, textEnd));
			if (lt < 0) break;
			i = lt;
			const next = html.charCodeAt(i + 1);
			if (this.dropping !== "" && this.rawText) {
				// Inside script, style…: only the matching end tag ends it, nothing else is markup.
				if (next === SLASH && isEndTagOf(html, i + 2, this.dropping)) {
					i = skipAttributes(html, i + 2 + this.dropping.length).end;
					this.dropping = "";
				} else {
					i += 1;
				}
				continue;
			}
			if (html.startsWith("<!--", i)) {
				const close = html.indexOf("-->", i + 2);
				i = close < 0 ? n : close + 3;
				continue;
			}
			if (next === BANG || next === QUESTION || (next === SLASH && !isAsciiLetter(html.charCodeAt(i + 2)))) {
				// Declarations, CDATA, processing instructions and `</ …>` are bogus comments.
				const cdata = html.startsWith("<![CDATA[", i);
				const close = html.indexOf(cdata ? "]]>" : ">", i + 2);
				i = close < 0 ? n : close + (cdata ? 3 : 1);
				continue;
			}
			const isEnd = next === SLASH;
			const nameStart = isEnd ? i + 2 : i + 1;
			if (!isAsciiLetter(html.charCodeAt(nameStart))) {
				// A `<` that starts no tag is text.
				if (this.dropping === "") out += "&lt;";
				i += 1;
				continue;
			}
			const nameEnd = tagNameEnd(html, nameStart);
			const name = html.slice(nameStart, nameEnd).toLowerCase();
			const tag = skipAttributes(html, nameEnd);
			i = tag.end;
			if (this.dropping !== "") {
				if (name === this.dropping) this.depth += isEnd ? -1 : tag.selfClosing ? 0 : 1;
				if (this.depth <= 0) this.dropping = "";
			} else if (name === "br") {
				out += this.br; // `</br>` is a line break in browsers too
			} else if (!isEnd && DROP_RAW_TEXT.has(name)) {
				this.dropping = name;
				this.rawText = true;
				this.depth = 1;
			} else if (!isEnd && DROP_NESTED.has(name) && !(tag.selfClosing && FOREIGN.has(name))) {
				this.dropping = name;
				this.rawText = false;
				this.depth = 1;
			}
		}
		return out;
	}
}

/**
 * The text content of an HTML fragment, escaped, with `<br>` forms kept as `<br>` and the content of
 * script, style, iframe, object, embed, template, noscript, svg and math dropped: what a note's raw
 * HTML is allowed to contribute to the clipboard.
 */
export function htmlToSafeText(html: string): string {
	return new HtmlStripper("<br>").feed(html);
}

/** Strips the whitespace and control characters browsers ignore around and inside a URL. */
function cleanUrl(url: string): string {
	let start = 0;
	let end = url.length;
	while (start < end && url.charCodeAt(start) <= 32) start++;
	while (end > start && url.charCodeAt(end - 1) <= 32) end--;
	let out = "";
	for (let i = start; i < end; i++) {
		const code = url.charCodeAt(i);
		if (code !== 9 && code !== 10 && code !== 13) out += url[i];
	}
	return out;
}

function startsWithIgnoringCase(text: string, prefix: string): boolean {
	return text.slice(0, prefix.length).toLowerCase() === prefix;
}

/** A link's destination if it is http, https or mailto; null for anything else (`javascript:`, relative…). */
function safeHref(href: string): string | null {
	const url = cleanUrl(decodeBasicReferences(href));
	const ok = ["http://", "https://", "mailto:"].some((prefix) => startsWithIgnoringCase(url, prefix));
	return ok ? url : null;
}

const DATA_IMAGE_PREFIXES = ["data:image/png;base64,", "data:image/jpeg;base64,", "data:image/gif;base64,"];

function isBase64(text: string, from: number): boolean {
	if (from >= text.length) return false;
	for (let i = from; i < text.length; i++) {
		const code = text.charCodeAt(i);
		const ok = isAsciiLetter(code) || (code >= 48 && code <= 57) || code === 43 || code === SLASH || code === EQUALS;
		if (!ok) return false;
	}
	return true;
}

/** An image's source after `imageSrc`, if http(s) or a base64 PNG/JPEG/GIF data URL; null drops the image. */
function safeImageSrc(href: string, ctx: Context): string | null {
	let src: string | null = decodeBasicReferences(href);
	if (ctx.imageSrc) src = ctx.imageSrc(src);
	if (src === null) return null;
	const url = cleanUrl(src);
	if (startsWithIgnoringCase(url, "http://") || startsWithIgnoringCase(url, "https://")) return url;
	const data = DATA_IMAGE_PREFIXES.find((prefix) => startsWithIgnoringCase(url, prefix));
	return data !== undefined && isBase64(url, data.length) ? url : null;
}

/** True when HTML shows nothing: only whitespace and line breaks. */
function isBlank(html: string): boolean {
	return html.split("<br>").join("").trim() === "";
}

function wrap(tag: string, inner: string): string {
	return isBlank(inner) ? inner : `<${tag}>${inner}</${tag}>`;
}

function imageTag(token: Tokens.Image, ctx: Context): string | null {
	const src = safeImageSrc(token.href, ctx);
	if (src === null) return null;
	const alt = inline(token.tokens, ctx, new HtmlStripper(" "), true).trim();
	return `<img src="${escapeHtml(src)}" alt="${alt}">`;
}

/**
 * Renders inline tokens. `plain` writes text only (for alt text and table cells). Raw HTML tokens go
 * through `strip`, which also tells when the tokens in between belong to a dropped element.
 */
function inline(tokens: Token[] | undefined, ctx: Context, strip: HtmlStripper, plain: boolean): string {
	if (!tokens) return "";
	let out = "";
	for (const token of tokens) {
		if (token.type === "html") {
			out += strip.feed((token as Tokens.HTML | Tokens.Tag).text);
		} else if (!strip.active) {
			out += inlineToken(token, ctx, strip, plain);
		}
	}
	return out;
}

function inlineToken(token: Token, ctx: Context, strip: HtmlStripper, plain: boolean): string {
	const t = token as MarkedToken;
	switch (t.type) {
		case "text":
			return t.tokens ? inline(t.tokens, ctx, strip, plain) : escapeHtmlKeepingReferences(t.text);
		case "escape":
			return escapeHtml(t.text);
		case "codespan":
			return plain ? escapeHtml(t.text) : `<code>${escapeHtml(t.text)}</code>`;
		case "strong":
		case "em": {
			const inner = inline(t.tokens, ctx, strip, plain);
			return plain ? inner : wrap(t.type, inner);
		}
		case "del":
			return inline(t.tokens, ctx, strip, plain);
		case "br":
			return plain ? " " : "<br>";
		case "checkbox":
			return t.checked ? CHECKED : UNCHECKED;
		case "link": {
			const inner = inline(t.tokens, ctx, strip, plain);
			const href = plain || isBlank(inner) ? null : safeHref(t.href);
			return href === null ? inner : `<a href="${escapeHtml(href)}">${inner}</a>`;
		}
		case "image":
			return plain ? inline(t.tokens, ctx, strip, true) : imageTag(t, ctx) ?? "";
		default:
			return fallbackText(token, ctx, strip, plain);
	}
}

/** Tokens this walk does not know (none today with a fresh lexer) keep their text, escaped. */
function fallbackText(token: Token, ctx: Context, strip: HtmlStripper, plain: boolean): string {
	const generic = token as Tokens.Generic;
	if (Array.isArray(generic.tokens)) return inline(generic.tokens, ctx, strip, plain);
	return typeof generic.text === "string" ? escapeHtmlKeepingReferences(generic.text) : "";
}

/** A paragraph holding only images (and whitespace): each image becomes a figure. */
function isImageParagraph(tokens: Token[]): boolean {
	let images = 0;
	for (const token of tokens) {
		if (token.type === "image") images++;
		else if (token.type === "br") continue;
		else if (token.type === "text" && !token.tokens && (token as Tokens.Text).text.trim() === "") continue;
		else return false;
	}
	return images > 0;
}

function figure(token: Tokens.Image, ctx: Context): string | null {
	const img = imageTag(token, ctx);
	if (img === null) return null;
	const caption = token.title ? escapeHtmlKeepingReferences(token.title).trim() : "";
	return `<figure>${img}${caption ? `<figcaption>${caption}</figcaption>` : ""}</figure>`;
}

function paragraph(tokens: Token[], ctx: Context, out: string[]): void {
	if (isImageParagraph(tokens)) {
		for (const token of tokens) {
			const fig = token.type === "image" ? figure(token as Tokens.Image, ctx) : null;
			if (fig !== null) out.push(fig);
		}
		return;
	}
	const html = inline(tokens, ctx, new HtmlStripper("<br>"), false).trim();
	if (!isBlank(html)) out.push(`<p>${html}</p>`);
}

/** Cells' text of a table, header first: tables have no place in Medium, so they become text. */
function tableRows(table: Tokens.Table, ctx: Context): string[][] {
	const cells = (row: Tokens.TableCell[]): string[] =>
		row.map((cell) => inline(cell.tokens, ctx, new HtmlStripper(" "), true).trim());
	return [cells(table.header), ...table.rows.map(cells)];
}

/** A table as aligned text lines for a `<pre>`, with a rule under the header. */
function tableText(table: Tokens.Table, ctx: Context): string {
	const rows = tableRows(table, ctx);
	const widths: number[] = [];
	for (const row of rows) {
		row.forEach((cell, col) => {
			widths[col] = Math.max(widths[col] ?? 1, visibleLength(cell));
		});
	}
	const pad = (cell: string, col: number): string => cell + " ".repeat(widths[col] - visibleLength(cell));
	const lines = rows.map((row) => row.map(pad).join(" | ").trimEnd());
	lines.splice(1, 0, widths.map((w) => "-".repeat(w)).join("-|-"));
	return lines.join("\n");
}

/**
 * Lines of inline HTML for containers that hold only inline content in Medium (list items, quotes):
 * each block inside becomes a line, joined later with `<br>`. `prefix` is written before the next
 * line (a task's checkbox, a flattened list's bullet).
 */
class Lines {
	readonly items: string[] = [];
	prefix = "";

	add(html: string): void {
		if (isBlank(html)) return;
		this.items.push(this.prefix + html.trim());
		this.prefix = "";
	}
}

function blockAsLines(token: Token, ctx: Context, lines: Lines): void {
	const t = token as MarkedToken;
	switch (t.type) {
		case "paragraph":
			lines.add(inline(t.tokens, ctx, new HtmlStripper("<br>"), false));
			break;
		case "text":
			lines.add(t.tokens ? inline(t.tokens, ctx, new HtmlStripper("<br>"), false) : escapeHtmlKeepingReferences(t.text));
			break;
		case "heading":
			lines.add(wrap("strong", inline(t.tokens, ctx, new HtmlStripper("<br>"), false).trim()));
			break;
		case "code":
			lines.add(`<code>${escapeHtml(t.text).split("\n").join("<br>")}</code>`);
			break;
		case "blockquote":
			for (const child of t.tokens) blockAsLines(child, ctx, lines);
			break;
		case "list":
			listAsLines(t, ctx, lines);
			break;
		case "table":
			for (const row of tableRows(t, ctx)) lines.add(row.join(" | "));
			break;
		case "html":
			lines.add(new HtmlStripper("<br>").feed(t.text));
			break;
		case "checkbox":
			lines.prefix += t.checked ? CHECKED : UNCHECKED;
			break;
		case "hr":
		case "space":
		case "def":
			break;
		default:
			lines.add(fallbackText(token, ctx, new HtmlStripper("<br>"), false));
	}
}

/** A list where only inline content fits (inside a quote): one line per item, with a bullet or number. */
function listAsLines(list: Tokens.List, ctx: Context, lines: Lines): void {
	let number = typeof list.start === "number" ? list.start : 1;
	for (const item of list.items) {
		lines.prefix = list.ordered ? `${number++}. ` : "\u2022 ";
		for (const child of item.tokens) blockAsLines(child, ctx, lines);
	}
	lines.prefix = "";
}

/** A list's items as `<li>`s; nested lists are flattened into the same level, in reading order. */
function listItems(list: Tokens.List, ctx: Context, out: string[]): void {
	for (const item of list.items) {
		let lines = new Lines();
		const flush = (): void => {
			if (lines.items.length > 0) out.push(`<li>${lines.items.join("<br>")}</li>`);
			lines = new Lines();
		};
		for (const child of item.tokens) {
			if (child.type === "list") {
				flush();
				listItems(child as Tokens.List, ctx, out);
			} else {
				blockAsLines(child, ctx, lines);
			}
		}
		flush();
	}
}

function block(token: Token, ctx: Context, out: string[]): void {
	const t = token as MarkedToken;
	switch (t.type) {
		case "paragraph":
			paragraph(t.tokens, ctx, out);
			break;
		case "text":
			if (t.tokens) paragraph(t.tokens, ctx, out);
			else if (t.text.trim() !== "") out.push(`<p>${escapeHtmlKeepingReferences(t.text)}</p>`);
			break;
		case "heading": {
			const inner = inline(t.tokens, ctx, new HtmlStripper("<br>"), false).trim();
			if (isBlank(inner)) break;
			out.push(t.depth <= 4 ? `<h${t.depth}>${inner}</h${t.depth}>` : `<p><strong>${inner}</strong></p>`);
			break;
		}
		case "code":
			out.push(`<pre><code>${escapeHtml(t.text)}</code></pre>`);
			break;
		case "blockquote": {
			const lines = new Lines();
			for (const child of t.tokens) blockAsLines(child, ctx, lines);
			if (lines.items.length > 0) out.push(`<blockquote>${lines.items.join("<br>")}</blockquote>`);
			break;
		}
		case "list": {
			const items: string[] = [];
			listItems(t, ctx, items);
			const tag = t.ordered ? "ol" : "ul";
			if (items.length > 0) out.push(`<${tag}>${items.join("")}</${tag}>`);
			break;
		}
		case "table":
			out.push(`<pre>${tableText(t, ctx)}</pre>`);
			break;
		case "hr":
			out.push("<hr>");
			break;
		case "html": {
			const text = new HtmlStripper("<br>").feed(t.text).trim();
			if (!isBlank(text)) out.push(`<p>${text}</p>`);
			break;
		}
		case "space":
		case "def":
			break;
		default: {
			const text = fallbackText(token, ctx, new HtmlStripper("<br>"), false).trim();
			if (!isBlank(text)) out.push(`<p>${text}</p>`);
		}
	}
}

/**
 * The story's markdown as HTML for Medium's editor, holding only the tags in this module's subset, with
 * `href` (http, https, mailto) on links and `src` (http, https, base64 PNG/JPEG/GIF) plus `alt` on images
 * as the only attributes. Blocks are separated by newlines. Raw HTML in the note contributes only its
 * text (script-like elements nothing); HTML state does not carry from one markdown block to the next.
 */
export function storyToHtml(markdown: string, opts: StoryHtmlOptions = {}): string {
	// A fresh lexer with default options: extensions someone registered on the global `marked` must not
	// change what reaches the clipboard.
	const tokens = new Lexer({ ...getDefaults(), gfm: true, breaks: false }).lex(markdown);
	const ctx: Context = { imageSrc: opts.imageSrc };
	const out: string[] = [];
	for (const token of tokens) block(token, ctx, out);
	return out.join("\n");
}

/**
 * How many images HTML from {@link storyToHtml} shows, e.g. to warn that pasted images are fetched by
 * Medium from their URLs. Counts `<img` tags, which is exact there because all text `<` is escaped;
 * not meant for arbitrary HTML.
 */
export function countImages(html: string): number {
	let count = 0;
	for (let i = html.indexOf("<img "); i >= 0; i = html.indexOf("<img ", i + 5)) count++;
	return count;
}
