/**
 * Inline rewrites over one line, in a single left-to-right pass: wiki-links, markdown links, embeds,
 * images, highlights, comments, tags, footnote references and math. Code spans are copied untouched.
 * Every search for a closing delimiter goes through a forward-only cache, so the pass stays linear
 * even on a line of 200,000 unclosed `[[`.
 */

import { INLINE_QUERY_CODE, SITE_TAG_CODE, TEMPLATE_CODE } from "./rules/inline-rules";
import { crossrefAt, noteCrossrefs } from "./quarto-crossrefs";
import { figureOf, includePath, liquidImageOf, siteTagEmbed, siteTagOf } from "./site-tags";
import type { Properties } from "../core/ports";
import { decodeLinkDestination, splitLinktext } from "../core/link-index";
import { linkReferencesOf, normalizeLabel } from "./link-references";
import { fillUrlTemplate, slugProperty } from "../core/url-template";
import { canonicalProperty } from "./note-properties";
import { noteBodyTag, readsSiteSyntax, resolveCached, warn, destinationFile, type ConvertContext } from "./convert-context";
import { altWithoutSize, baseName, encodePath, fileKind, hasScheme, isWebEmbedUrl, localScheme } from "./file-kinds";
import { escapeAlt, htmlTagEnd, iframePageUrl, readHtmlMedia, readHtmlStyle, scriptText } from "./html-media";
import { decodeEntities } from "./entities";
import { dataImage, shortWritten } from "./data-images";
import { bareDestinationEnd, codeSpan, type CodeSpan, findBareUrls, findCodeSpans, firstInlineSyntax, ForwardFinder, isAttributeList, isEscaped, isPunctAt, isSpace, isTrimSpace, BracketPairs } from "./text-scan";
import { offSiteFlag, offSiteText } from "./site-visibility";

/** Where a line's inline text is converted, and how embeds reach the block converter. */
export interface InlineEnv {
	ctx: ConvertContext;
	notePath: string;
	/** 1-based root-note line for warnings. */
	line: number;
	/** Set when the line comes from an embedded note: its path, for warnings (with {@link ownLine}). */
	warnPath?: string;
	/** The line in the embedded note named by {@link warnPath}. */
	ownLine?: number;
	/**
	 * Plain text only (table cells, titles): links and embeds become their text, no markup is added.
	 * Escapes and code spans stay as written, so the caller's markdown read of the result (which takes
	 * the remaining emphasis off) sees them as the note had them.
	 */
	plain: boolean;
	/**
	 * In a table's cells (plain mode), where the images met are written down, as the note wrote them, to
	 * follow the table: Medium's table is text, which holds no image. Null elsewhere.
	 */
	cellImages?: string[] | null;
	/** Converts an embedded note (or its section) into lines; empty when it cannot be embedded. */
	embedNote: (path: string, subpath: string, written: string) => string[];
	/**
	 * Wiki-links already converted in this environment (one note, one mode), by their text between
	 * `[[` and `]]`: what they became and the warning they gave (null: not a link). A note links to the
	 * same few notes again and again; the answer depends on nothing else.
	 */
	linkMemo?: Map<string, ConvertedLink | null>;
	/** The same for embeds (`![[…]]`) of images, other files and missing targets; a note's embed is
	 * converted each time (its lines come from the embed cache). */
	embedMemo?: Map<string, ConvertedLink | null>;
}

/** An image in a table cell: its name stays in the cell, the image follows the table. */
const IMAGE_IN_TABLE_CODE = "image-in-table";

/** An embed callback for text that must not bring notes in (titles, footnotes). */
export const noEmbeds = (): string[] => [];

/**
 * An inline environment with every field set, in one order: the scanner then sees a single object
 * shape whoever made the environment. `warnPath` for an embedded note's lines; memos where one
 * environment serves many lines of one note.
 */
export function inlineEnv(
	ctx: ConvertContext,
	notePath: string,
	line: number,
	plain: boolean,
	embedNote: InlineEnv["embedNote"],
	warnPath?: string,
	memos = false,
): InlineEnv {
	return { ctx, notePath, line, warnPath, ownLine: 0, plain, cellImages: null, embedNote, linkMemo: memos ? new Map() : undefined, embedMemo: memos ? new Map() : undefined };
}

/** A wiki-link's replacement text and the warning converting it gave, if any. */
export interface ConvertedLink {
	text: string;
	code: string | null;
	message: string;
}

/** A converted line: inline text, with block parts (embedded notes, web embeds) between. */
export interface InlineResult {
	/** The converted line, when it has no block parts (`parts` is then null). */
	text: string;
	/** Inline text and block parts in order, when an embed split the line; else null. */
	parts: Array<string | string[]> | null;
	/** Whether anything was removed (a comment, an unresolved embed…): only then can the text have become blank or gained a trailing space. */
	removed: boolean;
	/** A comment opened on this line and not closed: the closing delimiter to look for next. */
	openComment: "%%" | "-->" | null;
}

/** A link destination parsed after `](`. */
interface Destination {
	dest: string;
	/** The quoted title after the destination (an image's caption), or null. */
	title: string | null;
	/** Index just past the closing `)`. */
	end: number;
}

const ASCII_PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

/** 1 for the ASCII characters that can start inline syntax: ! # $ % < = [ \\ ^ */
const STARTS_SYNTAX = new Uint8Array(128);
for (const ch of "!#$%<=@[\\^") STARTS_SYNTAX[ch.charCodeAt(0)] = 1;
/** The same, and `(`, for a line holding `::`: Dataview's `(key:: value)` may open at a `(`. */
const STARTS_SYNTAX_FIELDS = STARTS_SYNTAX.slice();
STARTS_SYNTAX_FIELDS[40] = 1;

/**
 * Characters that end a tag, as Obsidian's tag pattern has them: white space (the ideographic space a
 * Japanese IME types too), ASCII punctuation other than `_`, `-` and `/`, and the General and
 * Supplemental Punctuation blocks (`—`, `“`, `…`).
 */
function endsTag(c: number): boolean {
	if (c >= 128) return isTrimSpace(c) || (c >= 0x2000 && c <= 0x206f) || (c >= 0x2e00 && c <= 0x2e7f);
	if (isSpace(c)) return true;
	if (c === 95 || c === 45 || c === 47) return false;
	return ASCII_PUNCT.indexOf(String.fromCharCode(c)) !== -1;
}

/** Length of the tag body after a `#` at `i`, or 0 when `#…` is not a tag (`#1984`, `# heading`). */
export function tagLength(text: string, i: number): number {
	let j = i + 1;
	let letter = false;
	while (j < text.length && !endsTag(text.charCodeAt(j))) {
		const c = text.charCodeAt(j);
		if (c < 48 || c > 57) letter = true;
		j++;
	}
	return letter ? j - i - 1 : 0;
}

/** Whether a line holds nothing but tags (such a line is dropped); with `root`, a line of the root note, its tags are the note's (see noteBodyTag). */
export function isTagOnlyLine(text: string, root?: ConvertContext): boolean {
	let i = 0;
	let tags = 0;
	while (i < text.length) {
		const c = text.charCodeAt(i);
		if (isTrimSpace(c)) {
			i++;
			continue;
		}
		if (c !== 35) return false;
		const len = tagLength(text, i);
		if (len === 0) return false;
		const after = i + 1 + len;
		if (after < text.length && !isTrimSpace(text.charCodeAt(after))) return false;
		tags++;
		i = after;
	}
	if (tags > 0 && root) for (let k = text.indexOf("#"); k !== -1; k = text.indexOf("#", k + 1)) noteBodyTag(root, root.rootPath, text.slice(k + 1, k + 1 + tagLength(text, k)));
	return tags > 0;
}

/** Parses `(dest "title")` starting at the `(`. Bounded: at most 32 nested parentheses. */
function parseDestination(text: string, open: number, gt: ForwardFinder): Destination | null {
	let i = open + 1;
	while (i < text.length && (text[i] === " " || text[i] === "\t")) i++;
	let dest: string;
	if (text[i] === "<") {
		const close = gt.next(i + 1);
		if (close === -1) return null;
		const lt = text.indexOf("<", i + 1);
		if (lt !== -1 && lt < close) return null;
		dest = text.slice(i + 1, close);
		i = close + 1;
	} else {
		const start = i;
		i = bareDestinationEnd(text, start);
		if (i === -1) return null;
		dest = text.slice(start, i);
	}
	while (i < text.length && (text[i] === " " || text[i] === "\t")) i++;
	const q = text[i];
	let title: string | null = null;
	if ((q === '"' || q === "'" || q === "(") && i > open + 1 && isSpace(text.charCodeAt(i - 1))) {
		// `"…"`, `'…'` or `(…)`; a quote escaped inside (`\"`) does not close it.
		const closeChar = q === "(" ? ")" : q;
		let close = text.indexOf(closeChar, i + 1);
		while (close !== -1 && isEscaped(text, close)) close = text.indexOf(closeChar, close + 1);
		if (close === -1) return null;
		title = unescapePunctuation(text.slice(i + 1, close));
		i = close + 1;
		while (i < text.length && (text[i] === " " || text[i] === "\t")) i++;
	}
	if (text[i] !== ")") return null;
	return { dest, title, end: i + 1 };
}

/** A link's text that is one image and nothing else: `![alt](src)`, `![[a.png]]`, `<img …>` (white space around). */
const ONLY_IMAGE = /^\s*(?:!\[[^[\]]*\]\([^()]*\)|!\[\[[^[\]]*\]\]|<img\b[^<>]*>)\s*$/i;

/** Backslash escapes of ASCII punctuation resolved (a title as CommonMark reads it). */
export function unescapePunctuation(text: string): string {
	return text.indexOf("\\") === -1 ? text : text.replace(/\\([!-/:-@[-`{-~])/g, "$1");
}

/** A destination as a markdown link writes it: in `<…>` when it holds white space or parentheses. */
function asDestination(dest: string): string {
	if (!/[\s()<>]/.test(dest)) return dest;
	return "<" + dest.split("<").join("\\<").split(">").join("\\>") + ">";
}

/** A title (an image's caption) written back after a destination, quoted, its quotes escaped; "" for none. */
function titlePart(title: string | null): string {
	return title === null || title.trim() === "" ? "" : ` "${title.split("\\").join("\\\\").split('"').join('\\"')}"`;
}

/** The text a wiki-link shows without an alias: `Note`, `Note > Heading`, `Heading` for `#Heading`. */
export function linkDisplay(path: string, subpath: string): string {
	let shown = path;
	const n = shown.length;
	// `.md`, any case, read as char codes (no slice, no lower-casing).
	if (n > 3 && shown.charCodeAt(n - 3) === 46 && (shown.charCodeAt(n - 2) | 32) === 109 && (shown.charCodeAt(n - 1) | 32) === 100) shown = shown.slice(0, -3);
	if (subpath.length === 0) return shown;
	if (subpath.indexOf("#") === -1) {
		const only = subpath.trim();
		return only.length === 0 ? shown : shown.length === 0 ? only : `${shown} > ${only}`;
	}
	const parts = subpath.split("#").map((p) => p.trim()).filter((p) => p.length > 0);
	if (shown.length === 0) return parts.join(" > ");
	return parts.length > 0 ? `${shown} > ${parts.join(" > ")}` : shown;
}

/** `\|` (a pipe escaped inside a table cell) is a plain `|` inside a wiki-link. */
function unescapePipes(inner: string): string {
	return inner.indexOf("\\|") === -1 ? inner : inner.split("\\|").join("|");
}

/** A note's Medium URL property, when it holds a web address. */
export function mediumUrlOf(ctx: ConvertContext, notePath: string): string | null {
	return webUrlProperty(ctx, notePath, ctx.urlProperty);
}

/** A note's property `key`, when it holds a web address. */
function webUrlProperty(ctx: ConvertContext, notePath: string, key: string): string | null {
	const note = ctx.notes.get(notePath);
	const value = note?.properties[key];
	if (typeof value === "string" && /^https?:\/\//i.test(value.trim())) return value.trim();
	return null;
}

/** A note's own canonical URL, read as its own conversion reads it (note-properties.ts), if it is a web address. */
function ownCanonical(ctx: ConvertContext, notePath: string): string | null {
	const props = ctx.notes.get(notePath)?.properties;
	const url = props ? canonicalProperty(props) : null;
	return url !== null && /^https?:\/\//i.test(url) ? url : null;
}

/** Fills a URL template's `{slug}`, `{path}` and `{title}` from a note path and its own `slug` or permalink property. */
export function fillTemplate(template: string, notePath: string, properties: Properties | undefined): string {
	// A garden's permalink (Obsidian Publish's and Quartz's `permalink`, Digital Garden's `dg-permalink`) is
	// where the site serves the note, whatever its file is called: its slug and its path there.
	// Digital Garden's home note (`dg-home: true`) is the site's root page.
	const home = properties?.["dg-home"] === true;
	const permalink = home ? "" : (slugProperty(properties?.permalink) ?? slugProperty(properties?.["dg-permalink"]));
	return fillUrlTemplate(template, notePath, slugProperty(properties?.slug) ?? permalink, permalink);
}

/**
 * Where a link to a resolved note goes: its Medium story, else its own `canonical_url` (the text's
 * home, which wins over a template as it does for the note's own canonical URL), else the link
 * template, else nowhere.
 */
function noteHref(ctx: ConvertContext, target: string): string | null {
	let href = ctx.hrefs.get(target);
	if (href === undefined) {
		href = mediumUrlOf(ctx, target) ?? ownCanonical(ctx, target) ?? (ctx.linkTemplate && templateReaches(ctx, target) ? fillTemplate(ctx.linkTemplate, target, ctx.notes.get(target)?.properties) : null);
		ctx.hrefs.set(target, href);
	}
	return href;
}

/**
 * Whether the link template's address of a note is a page of its site: not for a note its properties
 * keep off the site (draft: true, publish: false), whose address there leads nowhere.
 */
function templateReaches(ctx: ConvertContext, target: string): boolean {
	const note = ctx.notes.get(target);
	const flag = note ? offSiteFlag(note.properties) : null;
	return flag === null || flag.medium;
}

/** Converts one line of inline text. */
export function convertInline(text: string, env: InlineEnv): InlineResult {
	return convertInlineInto(text, env, { text: "", parts: null, removed: false, openComment: null });
}

/**
 * Converts one line of inline text into `result`, which is returned: the block converter hands the
 * same object for every line, so a note's lines make no result objects. A conversion nested in this one
 * (an embed) must use another object; the result is written only once the line is done.
 */
export function convertInlineInto(text: string, env: InlineEnv, result: InlineResult): InlineResult {
	let first = firstInlineSyntax(text);
	// Dataview's `(key:: value)` opens at a `(`, which is syntax only in a line holding `::` (looked for once a line).
	const fields = text.indexOf("::") !== -1;
	const paren = fields ? text.indexOf("(") : -1;
	if (paren !== -1 && (first === -1 || paren < first)) first = paren;
	if (first === -1) return setResult(result, text, null, false, null);
	return InlineScanner.convert(text, env, result, first, fields);
}

function setResult(r: InlineResult, text: string, parts: InlineResult["parts"], removed: boolean, openComment: InlineResult["openComment"]): InlineResult {
	r.text = text;
	r.parts = parts;
	r.removed = removed;
	r.openComment = openComment;
	return r;
}

/** A result object for {@link convertInlineText}, whose callers read it at once (plain text never nests). */
const textResult: InlineResult = { text: "", parts: null, removed: false, openComment: null };

/** Converts inline text to a single string (block parts, which plain mode never makes, are joined). */
export function convertInlineText(text: string, env: InlineEnv): string {
	const r = convertInlineInto(text, env, textResult);
	const parts = r.parts;
	const out = r.text;
	setResult(r, "", null, false, null); // keeps nothing of the line alive
	if (parts === null) return out;
	return parts.map((p) => (typeof p === "string" ? p : p.join(" "))).join("");
}

/**
 * A line's code spans with its bare web addresses among them, in order: both are copied as written
 * (`https://e.com/a==b==c` keeps its `==`, as Obsidian shows the address).
 */
function withBareUrls(spans: readonly CodeSpan[], text: string): readonly CodeSpan[] {
	const urls = findBareUrls(text, spans);
	if (urls.length === 0) return spans;
	const merged: CodeSpan[] = [];
	let a = 0;
	for (const url of urls) {
		while (a < spans.length && spans[a].start < url.start) merged.push(spans[a++]);
		merged.push(url);
	}
	while (a < spans.length) merged.push(spans[a++]);
	return merged;
}

/** A letter or digit ending (starting) a text: `_` beside one is inside a word, never bold. */
const WORD_END = /[\p{L}\p{N}]$/u;
const WORD_START = /^[\p{L}\p{N}]/u;

/** Lets a finder used for a line forget the line's text; the scanner's slot for it becomes empty. */
function release(finder: ForwardFinder | null): null {
	if (finder !== null) finder.reset("");
	return null;
}

/** The scanners, one per level of nesting (an embed inside a line converts its note with the next):
 * `scanners[scannersBusy]` is the one to take, so converting allocates no scanner per line. */
const scanners: InlineScanner[] = [];
let scannersBusy = 0;

/**
 * The PNG the Excalidraw plugin exports beside a drawing note (`Name.excalidraw.png`, or `Name.png` for
 * `Name.excalidraw.md`), when it is in the vault; else null.
 */
export function drawingPng(ctx: ConvertContext, notePath: string): string | null {
	const stem = notePath.slice(0, notePath.length - 3); // `.md`
	const plain = stem.endsWith(".excalidraw") ? stem.slice(0, stem.length - 11) : stem;
	for (const candidate of [stem + ".png", plain + ".png"]) {
		if (resolveCached(ctx, candidate, notePath) === candidate) return candidate;
	}
	return null;
}

class InlineScanner {
	private text = "";
	private env: InlineEnv | null = null;
	/** Where the line's result is written when it is done. */
	private result: InlineResult | null = null;
	private n = 0;
	private spans: readonly CodeSpan[] = [];
	private brackets: BracketPairs | null = null;
	private parens: BracketPairs | null = null;
	/** The next `%>` (a Templater command's close) at or after the last look; -2 before one, -1 for none. */
	private templaterClose = -2;
	/** Whether the line holds `::`, so Dataview's inline fields may be in it. */
	private fields = false;
	private readonly parts: Array<string | string[]> = [];
	private out = "";
	private last = 0;
	/** Where the HTML tag at the last `<` the scan stopped at ends (its `>`), or -1. */
	private tagEndAt = -1;
	// Pending link closes, innermost last: where the `]` is, what to write there (null keeps the
	// original `](dest)`), and where to resume. Parallel arrays, reused across lines.
	// The first `closes` entries are in use (later ones are stale, overwritten by the next link); the
	// arrays are never shrunk: popping them empty made V8 drop and regrow their storage at every link.
	private readonly closeAt: number[] = [];
	private readonly closeEmit: Array<string | null> = [];
	private readonly closeSkip: number[] = [];
	private closes = 0;
	private highlightClose = -1;
	/** What the open highlight was written as (`==`, or nothing in a table cell or round a bold inside a word), for its close. */
	private highlightMark = "==";
	/** The next `**` the highlights' search found (see nextBold). */
	private boldAt = -1;
	private removed = false;
	private openComment: "%%" | "-->" | null = null;
	private spanIndex = 0;
	// Forward-only searches, set to the line on first use (most lines need none of them). The finders
	// themselves live as long as the scanner, so no line makes one.
	private wikiCloseF: ForwardFinder | null = null;
	private wikiOpenF: ForwardFinder | null = null;
	private eqF: ForwardFinder | null = null;
	private pctF: ForwardFinder | null = null;
	private htmlCloseF: ForwardFinder | null = null;
	private gtF: ForwardFinder | null = null;
	/** Forward-only searches for HTML tags' text (`</b>`, `</B>`…), made on first use in a line. */
	private tagFinders: Map<string, ForwardFinder> | null = null;
	private dollar2F: ForwardFinder | null = null;
	private dollar1F: ForwardFinder | null = null;
	/** Whether any finder was set to this line (most lines need none). */
	private findersUsed = false;
	private readonly finders = {
		wikiClose: new ForwardFinder("", "]]"),
		wikiOpen: new ForwardFinder("", "[["),
		/** A closing `==` follows a non-space (`a == b` is an operator, not a highlight's close). */
		eq: new ForwardFinder("", "==", (i) => !isSpace(this.text.charCodeAt(i - 1)) && !isEscaped(this.text, i) && !this.inCodeSpan(i)),
		pct: new ForwardFinder("", "%%"),
		htmlClose: new ForwardFinder("", "-->"),
		gt: new ForwardFinder("", ">"),
		dollar2: new ForwardFinder("", "$$", (i) => !isEscaped(this.text, i)),
		/** A closing `$` follows a non-space, is not escaped, not part of `$$`, and no digit follows it. */
		dollar1: new ForwardFinder("", "$", (i) => {
			const text = this.text;
			const prev = text.charCodeAt(i - 1);
			const next = text.charCodeAt(i + 1);
			return !isSpace(prev) && prev !== 36 && next !== 36 && !(next >= 48 && next <= 57) && !isEscaped(text, i);
		}),
		brackets: new BracketPairs(),
		parens: new BracketPairs("(", ")"),
	};

	/** Converts one line with an idle scanner (or a new one), then gives the scanner back. */
	static convert(text: string, env: InlineEnv, result: InlineResult, first: number, fields: boolean): InlineResult {
		const scanner = (scanners[scannersBusy] ??= new InlineScanner());
		scannersBusy++;
		try {
			scanner.start(text, env, result, fields);
			return scanner.run(first);
		} finally {
			scanner.clear();
			scannersBusy--;
		}
	}

	private start(text: string, env: InlineEnv, result: InlineResult, fields: boolean): void {
		this.result = result;
		this.text = text;
		this.env = env;
		this.n = text.length;
		this.spans = withBareUrls(findCodeSpans(text), text);
		this.fields = env.ctx.dataviewFields && fields;
		this.templaterClose = -2;
		this.last = 0;
		this.tagEndAt = -1;
		this.highlightClose = -1;
		this.boldAt = -1;
		this.removed = false;
		this.openComment = null;
		this.spanIndex = 0;
	}

	/** Keeps nothing of the line alive while the scanner waits for the next one. */
	private clear(): void {
		this.text = "";
		this.out = "";
		this.env = null;
		this.result = null;
		if (this.parts.length > 0) this.parts.length = 0;
		// (Setting an array's length is a runtime call: only done when there is something to drop.)
		this.closes = 0;
		this.brackets = null;
		this.parens = null;
		this.tagFinders = null;
		// The finders used on this line let go of its text too.
		if (!this.findersUsed) return;
		this.findersUsed = false;
		this.wikiCloseF = release(this.wikiCloseF);
		this.wikiOpenF = release(this.wikiOpenF);
		this.eqF = release(this.eqF);
		this.pctF = release(this.pctF);
		this.htmlCloseF = release(this.htmlCloseF);
		this.gtF = release(this.gtF);
		this.dollar2F = release(this.dollar2F);
		this.dollar1F = release(this.dollar1F);
	}

	/** The line's environment (set for the whole run). */
	private get e(): InlineEnv {
		return this.env as InlineEnv;
	}

	private get wikiClose(): ForwardFinder {
		return (this.wikiCloseF ??= this.use(this.finders.wikiClose));
	}
	private get wikiOpen(): ForwardFinder {
		return (this.wikiOpenF ??= this.use(this.finders.wikiOpen));
	}
	private get eqFinder(): ForwardFinder {
		return (this.eqF ??= this.use(this.finders.eq));
	}
	private get pctFinder(): ForwardFinder {
		return (this.pctF ??= this.use(this.finders.pct));
	}
	private get htmlCommentClose(): ForwardFinder {
		return (this.htmlCloseF ??= this.use(this.finders.htmlClose));
	}
	private get gtFinder(): ForwardFinder {
		return (this.gtF ??= this.use(this.finders.gt));
	}
	private get dollar2(): ForwardFinder {
		return (this.dollar2F ??= this.use(this.finders.dollar2));
	}
	private get dollar1(): ForwardFinder {
		return (this.dollar1F ??= this.use(this.finders.dollar1));
	}

	/** Sets a finder to this line. */
	private use(finder: ForwardFinder): ForwardFinder {
		this.findersUsed = true;
		return finder.reset(this.text);
	}

	/**
	 * The next `needle` (an HTML tag's text, lower case) at or after `from`, in lower or upper case.
	 * Forward-only: a line of 50,000 `<b>` with no `</b>` is searched once, not once per `<b>`.
	 */
	private nextTag(needle: string, from: number): number {
		const finders = (this.tagFinders ??= new Map<string, ForwardFinder>());
		const upper = needle.toUpperCase();
		let a = finders.get(needle);
		if (a === undefined) finders.set(needle, (a = new ForwardFinder(this.text, needle)));
		let b = finders.get(upper);
		if (b === undefined) finders.set(upper, (b = new ForwardFinder(this.text, upper)));
		const x = a.next(from);
		const y = b.next(from);
		return x === -1 ? y : y === -1 ? x : Math.min(x, y);
	}

	/** The `]` matching the `[` at `open` (-1 for none); the brackets are matched on first use. */
	private closeOf(open: number): number {
		this.brackets ??= this.finders.brackets.reset(this.text, this.spans);
		return this.brackets.closeOf(open);
	}

	/** Whether `i` falls inside a code span (positions only grow, so a cursor suffices). */
	private inCodeSpan(i: number): boolean {
		const spans = this.spans;
		let k = this.spanIndex;
		while (k < spans.length && spans[k].end <= i) k++;
		return k < spans.length && spans[k].start <= i;
	}

	/** Emits the literal text up to `i`, then `replacement`, and continues at `resume`. */
	private replace(i: number, replacement: string, resume: number): number {
		if (replacement.length === 0 && resume > i) this.removed = true;
		this.out += this.text.slice(this.last, i) + replacement;
		this.last = resume;
		return resume;
	}

	private block(i: number, lines: string[], resume: number): number {
		this.out += this.text.slice(this.last, i);
		this.parts.push(this.out, lines);
		this.out = "";
		this.last = resume;
		return resume;
	}

	private warn(code: string, message: string): void {
		const e = this.e;
		if (e.warnPath !== undefined) warn(e.ctx, code, message, e.ownLine ?? e.line, e.warnPath, e.line);
		else warn(e.ctx, code, message, e.line);
	}

	/**
	 * Scans from `first`, the first character that can start syntax or a code span: the text before it
	 * is copied as it is, so the scan need not look at it again.
	 */
	run(first: number): InlineResult {
		const { text, n } = this;
		const starts = this.fields ? STARTS_SYNTAX_FIELDS : STARTS_SYNTAX;
		let s = 0;
		let i = first;
		// `stop`: the next position where a code span starts or a pending link closes. Between stops,
		// only characters that can start syntax need a look.
		let stop = 0;
		while (i < n) {
			if (i < stop) {
				const ch = text.charCodeAt(i);
				if (ch >= 128 || starts[ch] === 0) {
					i++;
					continue;
				}
			}
			while (s < this.spans.length && this.spans[s].end <= i) s++;
			const pending = this.closes;
			stop = Math.min(s < this.spans.length ? this.spans[s].start : n, pending > 0 ? this.closeAt[pending - 1] : n);
			if (i < stop && starts[text.charCodeAt(i)] !== 1) {
				i++;
				continue;
			}
			if (s < this.spans.length && i >= this.spans[s].start) {
				const span = this.spans[s++];
				if (text.charCodeAt(span.start) === 96) this.inlineQuery(span);
				i = span.end;
				this.spanIndex = s;
				continue;
			}
			if (pending > 0 && i >= this.closeAt[pending - 1]) {
				const top = --this.closes;
				const at = this.closeAt[top];
				const emit = this.closeEmit[top];
				const skipTo = this.closeSkip[top];
				// Normally the scanner stops right on the `]`; if a longer construct jumped past it,
				// close the link where we are so the output stays balanced.
				if (emit === null) i = i === at ? skipTo : i;
				else i = i === at ? this.replace(i, emit, skipTo) : this.replace(i, emit, i);
				continue;
			}
			const c = text.charCodeAt(i);
			switch (c) {
				case 92: // backslash escape
					i += 2;
					continue;
				case 33: // !
					if (text.charCodeAt(i + 1) === 91) {
						const next = text.charCodeAt(i + 2) === 91 ? this.wikiEmbed(i) : this.markdownImage(i);
						if (next !== -1) {
							i = next;
							continue;
						}
					}
					break;
				case 91: {
					// [
					stop = 0; // a link may open here: its close becomes the next stop
					if (text.charCodeAt(i + 1) === 64 || (text.charCodeAt(i + 1) === 45 && text.charCodeAt(i + 2) === 64)) {
						// `[@fig-a]`, `[-@fig-a]` (Quarto): the reference without its brackets, `-` without the kind's name.
						const at = text.charCodeAt(i + 1) === 64 ? i + 1 : i + 2;
						const ref = text.charCodeAt(at + 4) === 45 ? crossrefAt(text, at, this.crossrefNumbers()) : null;
						if (ref !== null && text.charCodeAt(ref.end) === 93) {
							i = this.replace(i, at === i + 1 ? ref.shown : ref.shown.slice(ref.shown.indexOf(" ") + 1), ref.end + 1);
							continue;
						}
					}
					let next = text.charCodeAt(i + 1) === 91 ? this.wikiLink(i) : text.charCodeAt(i + 1) === 94 ? this.footnoteRef(i) : this.markdownLink(i);
					if (next === -1 && this.fields) next = this.inlineField(i, 93);
					if (next !== -1) {
						i = next;
						continue;
					}
					if (text.charCodeAt(i + 1) === 91) {
						// An unclosed `[[` stays literal; in `[[[Note]]]` the link opens one further on.
						i += text.charCodeAt(i + 2) === 91 ? 1 : 2;
						continue;
					}
					break;
				}
				case 61: // =
					if (text.charCodeAt(i + 1) === 61) {
						i = this.highlight(i);
						continue;
					}
					break;
				case 37: // %
					if (text.charCodeAt(i - 1) === 123 /* { */) {
						const next = this.siteTagLine(i);
						if (next !== -1) {
							i = next;
							continue;
						}
					}
					if (text.charCodeAt(i + 1) === 37) {
						const close = this.pctFinder.next(i + 2);
						if (close === -1) return this.finishWithComment(i, "%%");
						i = this.replace(i, "", close + 2);
						continue;
					}
					break;
				case 60: // <
					this.tagEndAt = /[a-z/]/i.test(text.charAt(i + 1)) ? htmlTagEnd(text, i) : -1;
					if (text.charCodeAt(i + 1) === 37 /* % */ && !this.e.ctx.templateWarned) this.templaterCommand(i);
					if (text.charCodeAt(i - 1) === 123 /* { */) {
						const next = this.siteTagLine(i);
						if (next !== -1) {
							i = next;
							continue;
						}
					}
					{
						// An autolink's address is literal: `==`, `%%`, `$` or `[[` in it are not syntax.
						const end = this.autolinkEnd(i);
						if (end !== -1) {
							// Plain text (a table cell) shows the address without its brackets.
							i = this.e.plain ? this.replace(i, text.slice(i + 1, end - 1), end) : end;
							continue;
						}
					}
					{
						const tagStart = text.charCodeAt(i + 1) | 32;
						if (tagStart >= 97 && tagStart <= 118 /* a…v */) {
							// The tag's end was found once above (a letter follows the `<`): each reader takes it.
							const gt = this.tagEndAt;
							let next = tagStart === 97 ? this.htmlLink(i, gt) : text.charCodeAt(i + 1) === 76 ? this.linkComponent(i, gt) : -1;
							// <img>, <iframe>, <video>, <source>, <audio>
							if (next === -1 && (tagStart === 105 || tagStart === 118 || tagStart === 115 || tagStart === 97)) next = this.htmlMedia(i, gt);
							if (next === -1) next = this.htmlStyle(i, gt);
							if (next !== -1) {
								i = next;
								continue;
							}
						}
					}
					if (text.startsWith("<!--", i)) {
						const close = this.htmlCommentClose.next(i + 4);
						if (close === -1) return this.finishWithComment(i, "-->");
						i = this.replace(i, "", close + 3);
						continue;
					}
					break;
				case 36: // $
					i = this.math(i);
					continue;
				case 64: {
					// @ (Quarto's cross-reference, `@fig-plot`: a hyphen after a short kind)
					const ref = text.charCodeAt(i + 4) === 45 ? crossrefAt(text, i, this.crossrefNumbers()) : null;
					if (ref !== null) {
						i = this.replace(i, ref.shown, ref.end);
						continue;
					}
					break;
				}
				case 40: // ( (only in a line holding `::`)
					if (this.fields) {
						stop = 0;
						const next = this.inlineField(i, 41);
						if (next !== -1) {
							i = next;
							continue;
						}
					}
					break;
				case 94: // ^
					if (text.charCodeAt(i + 1) === 91) {
						const next = this.inlineFootnote(i);
						if (next !== -1) {
							i = next;
							continue;
						}
					}
					break;
				case 35: // #
					if (i === 0 || isTrimSpace(text.charCodeAt(i - 1)) || this.tagEndAt === i - 1) {
						// Just past an HTML tag (`<span>#x</span>`) the text starts anew, as at a line's start: a tag there is one.
						const len = tagLength(text, i);
						if (len > 0) {
							const tag = text.slice(i + 1, i + 1 + len);
							noteBodyTag(this.e.ctx, this.e.notePath, tag);
							i = this.replace(i, tag, i + 1 + len);
							continue;
						}
					}
					break;
			}
			i++;
		}
		return this.finish();
	}

	private finish(): InlineResult {
		const r = this.result as InlineResult;
		if (this.last === 0 && this.parts.length === 0) return setResult(r, this.text, null, false, null);
		this.out += this.text.slice(this.last);
		// A highlight whose close was jumped over (inside a longer construct) is closed at the end.
		if (this.highlightClose !== -1) this.out += this.highlightMark;
		if (this.parts.length === 0) return setResult(r, this.out, null, this.removed, this.openComment);
		this.parts.push(this.out);
		return setResult(r, "", this.parts.filter((p) => typeof p !== "string" || p.length > 0), true, this.openComment);
	}

	private finishWithComment(i: number, close: "%%" | "-->"): InlineResult {
		const r = this.result as InlineResult;
		this.out += this.text.slice(this.last, i);
		this.last = this.n;
		// Markup opened before the comment has to be closed, or the line would be left unbalanced.
		while (this.closes > 0) {
			const top = --this.closes;
			this.out += this.closeEmit[top] ?? this.text.slice(this.closeAt[top], this.closeSkip[top]);
		}
		if (this.highlightClose !== -1) this.out += this.highlightMark;
		this.openComment = close;
		this.parts.push(this.out);
		if (this.parts.length === 1 && typeof this.parts[0] === "string") return setResult(r, this.parts[0], null, true, close);
		return setResult(r, "", this.parts.filter((p) => typeof p !== "string" || p.length > 0), true, close);
	}

	/**
	 * Just past the `>` of an autolink `<scheme:…>` opening at `i` (CommonMark: a scheme of 2 to 32
	 * letters, digits, `+`, `.`, `-`, then no space, `<` or `>`), or -1. The scan stops at the first
	 * space or `<`, so the autolink checks of a line read each character at most once.
	 */
	private autolinkEnd(i: number): number {
		const text = this.text;
		let j = i + 1;
		const first = text.charCodeAt(j) | 32;
		if (first < 97 || first > 122) return -1;
		while (j < this.n && j - i <= 33) {
			const c = text.charCodeAt(j);
			if (c === 58) break;
			const lower = c | 32;
			if (!((lower >= 97 && lower <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46)) return -1;
			j++;
		}
		if (text.charCodeAt(j) !== 58 || j - i - 1 < 2) return -1;
		for (j++; j < this.n; j++) {
			const c = text.charCodeAt(j);
			if (c === 62) return j + 1;
			if (c <= 32 || c === 60) return -1;
		}
		return -1;
	}

	private highlight(i: number): number {
		if (i === this.highlightClose) {
			this.highlightClose = -1;
			return this.replace(i, this.highlightMark, i + 2);
		}
		if (this.highlightClose !== -1) return i + 1; // step one character so the pending close is not skipped
		// An opening `==` has a non-space after it, as `**` must: `if a == b` holds no highlight.
		if (i + 2 >= this.n || isSpace(this.text.charCodeAt(i + 2))) return i + 2;
		const close = this.eqFinder.next(i + 3);
		if (close !== -1 && !isEscaped(this.text, i)) {
			this.highlightClose = close;
			this.highlightMark = this.e.plain ? "" : this.nextBold(i + 2) < close ? this.boldAround(i, close + 2) : "==";
			return this.replace(i, this.highlightMark, i + 2);
		}
		return i + 2;
	}

	/**
	 * The mark to write for a highlight from `open` to `end` that holds `**` (Apple Notes' `==🟣**bold**==`):
	 * `==` as written, unless the highlight stands inside a word: then nothing (the inner bold shows).
	 */
	private boldAround(open: number, end: number): string {
		const text = this.text;
		return WORD_END.test(text.slice(Math.max(0, open - 2), open)) || WORD_START.test(text.slice(end, end + 2)) ? "" : "==";
	}

	/** The next `**` at or after `from` (n for none): forward-only, so a line's highlights search it once. */
	private nextBold(from: number): number {
		if (this.boldAt < from) {
			const at = this.text.indexOf("**", from);
			this.boldAt = at === -1 ? this.n : at;
		}
		return this.boldAt;
	}

	private math(i: number): number {
		const text = this.text;
		if (isEscaped(text, i)) return i + 1;
		if (text.charCodeAt(i + 1) === 36) {
			const close = this.dollar2.next(i + 2);
			if (close === -1 || close === i + 2) return i + 2;
			const inner = text.slice(i + 2, close).trim();
			this.warn("math-as-code", "Math is shown as code: Medium cannot render it.");
			return this.replace(i, codeSpan(inner), close + 2);
		}
		const next = text.charCodeAt(i + 1);
		if (i + 1 >= this.n || isSpace(next)) return i + 1;
		const close = this.dollar1.next(i + 2);
		if (close === -1) return i + 1;
		const inner = text.slice(i + 1, close);
		this.warn("math-as-code", "Math is shown as code: Medium cannot render it.");
		return this.replace(i, codeSpan(inner), close + 1);
	}

	/** The `]]` closing a `[[` at `open`, or -1 (none, or another `[[` opens first: this one is literal). */
	private wikiEnd(open: number): number {
		const close = this.wikiClose.next(open);
		if (close === -1) return -1;
		const again = this.wikiOpen.next(open);
		return again !== -1 && again < close ? -1 : close;
	}

	/** `[[target#sub|alias]]`; a link met before in this environment is answered from its memo. */
	private wikiLink(i: number): number {
		// A target cannot hold `[` (Obsidian): `[[[Note]]]` is a `[` before the link.
		if (this.text.charCodeAt(i + 2) === 91) return -1;
		const close = this.wikiEnd(i + 2);
		if (close === -1) return -1;
		const raw = this.text.slice(i + 2, close);
		const memo = this.e.linkMemo;
		const inner = this.recall(memo, raw, i, close + 2);
		if (typeof inner === "number") return inner;
		const bar = inner.indexOf("|");
		const target = bar === -1 ? inner : inner.slice(0, bar);
		const alias = bar === -1 ? null : inner.slice(bar + 1).trim();
		const { path, subpath } = splitLinktext(target);
		const display = alias !== null && alias !== "" ? alias : linkDisplay(path, subpath);
		const before = this.e.ctx.warnings.length;
		// linkTo gives at most one warning, and its message names only the link as written.
		const text = this.remember(memo, raw, before, this.linkTo(path, subpath, display, i, close + 2));
		return this.replace(i, text, close + 2);
	}

	/**
	 * A link or embed written as `raw`: when met before in this environment, answered from `memo` (its
	 * warning given again) with where to go on (-1 when it was no link); when new, its text with pipes
	 * unescaped (a blank one is remembered as no link).
	 */
	private recall(memo: Map<string, ConvertedLink | null> | undefined, raw: string, i: number, end: number): number | string {
		const known = memo === undefined ? undefined : memo.get(raw);
		if (known === null) return -1;
		if (known !== undefined) {
			if (known.code !== null) this.warn(known.code, known.message);
			if (known.code === IMAGE_IN_TABLE_CODE) this.e.cellImages?.push(this.text.slice(i, end));
			return this.replace(i, known.text, end);
		}
		const inner = unescapePipes(raw);
		if (inner.trim().length > 0) return inner;
		memo?.set(raw, null);
		return -1;
	}

	/**
	 * Records in `memo` (when there is one) what the link or embed written as `raw` became, with the
	 * warning it gave since the warnings numbered `before` (one at most); returns the text.
	 */
	private remember(memo: Map<string, ConvertedLink | null> | undefined, raw: string, before: number, text: string): string {
		if (memo !== undefined) {
			const warnings = this.e.ctx.warnings;
			const w = warnings.length > before ? warnings[before] : null;
			memo.set(raw, { text, code: w === null ? null : w.code, message: w === null ? "" : w.message });
		}
		return text;
	}

	/** The markdown for a link to a vault target: a link to its Medium story, or its display text. */
	private linkTo(path: string, subpath: string, display: string, from: number, to: number): string {
		if (path.length === 0) return display; // a heading or block of this very note: no anchors on Medium
		const href = this.noteHref(path, from, to);
		if (href === null || this.e.plain) return display;
		// A bracket in the shown text (`[[Note|a]b]]`) must not end the link text early.
		const text = display.indexOf("[") === -1 && display.indexOf("]") === -1 ? display : display.replace(/[[\]]/g, "\\$&");
		return `[${text}](${href})`;
	}

	/** Warns when `path` is another note that has no story URL and no link template gives it one. */
	private warnUnpublished(path: string, raw: string): void {
		const ctx = this.e.ctx;
		const target = resolveCached(ctx, path, this.e.notePath);
		if (target === null || target === ctx.rootPath || fileKind(target) !== "note") return;
		if (ctx.linkTemplate !== null && !templateReaches(ctx, target)) return; // said already (noteHref)
		this.warn("unpublished-link", `Link to ${raw}: that note has no ${ctx.urlProperty} yet and no link or canonical URL template gives it an address; it became plain text.`);
	}

	/**
	 * A site-root link (`/about/`, `/tags/x/#top`), or a relative link to a page (`../older-post/`), to
	 * nothing in the vault is a page of the blog's own site: read from the post's canonical URL as the
	 * blog's reader's browser reads it; null for any other link (`../Note.md`), or without one.
	 */
	private siteHref(path: string, decoded: string): string | null {
		const ctx = this.e.ctx;
		if (ctx.siteUrl === null || this.e.plain) return null;
		const rooted = path.charCodeAt(0) === 47 && path.charCodeAt(1) !== 47;
		const page = (path.startsWith("./") || path.startsWith("../") || path === "." || path === "..") && (path.endsWith("/") || path.endsWith("."));
		if (!rooted && !page) return null;
		if (resolveCached(ctx, path, this.e.notePath) !== null) return null;
		try {
			return asDestination(new URL(decoded, ctx.siteUrl).href);
		} catch {
			return null;
		}
	}

	/**
	 * A line that is only a Hugo shortcode (`{{< name … >}}`, `{{% … %}}`) or a Liquid tag (`{% … %}`),
	 * met at its `<` or `%`: only the blog renders it, so it is left out with a warning (the text between
	 * an opening and a closing one stays); `{{< youtube ID >}}` is the video's embed, `{{< figure >}}` its
	 * image. -1 for other text.
	 */
	private siteTagLine(i: number): number {
		const text = this.text;
		let lead = 0;
		while (lead < 4 && (text.charCodeAt(lead) === 32 || text.charCodeAt(lead) === 9)) lead++;
		const hugo = text.charCodeAt(lead) === 123 && text.charCodeAt(lead + 1) === 123;
		if (i !== lead + (hugo ? 2 : 1) || lead > 3 || this.e.plain) return -1;
		// An Obsidian note goes through no Liquid: the tag is shown as written.
		if (!hugo && !readsSiteSyntax(this.e.ctx, this.e.notePath)) return -1;
		const close = hugo ? (text.charCodeAt(i) === 60 ? ">}}" : "%}}") : "%}";
		let end = text.length;
		while (end > i && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
		if (end - i < close.length + 1 || !text.endsWith(close, end)) return -1;
		const inner = text.slice(i + 1, end - close.length);
		// One tag alone on the line: another opening inside it means several.
		if (inner.indexOf("{{") !== -1 || inner.indexOf("{%") !== -1) return -1;
		const youtube = hugo ? /^\s*youtube\s+(?:id=)?["']?([\w-]{6,})["']?\s*$/.exec(inner) : null;
		if (youtube !== null) return this.block(lead, ["https://www.youtube.com/watch?v=" + youtube[1]], text.length);
		// Quarto's `{{< include _file.qmd >}}`: the file's text where it stands (a path from `/` is from the project's root).
		const include = hugo ? includePath(inner) : null;
		const included = include === null ? null : resolveCached(this.e.ctx, include, this.e.notePath);
		if (include !== null && !this.e.plain) {
			if (included !== null && fileKind(included) === "note") return this.block(lead, this.e.embedNote(included, "", text.slice(lead, end)), text.length);
			this.warn("unresolved-embed", `Include ${text.slice(lead, end)} names no note in the vault; it was left out.`);
			return this.replace(lead, "", text.length);
		}
		// Quarto's `{{< video URL >}}`: a YouTube or Vimeo address is the video's embed (a player's as its page).
		const video = hugo ? /^\s*video\s+["']?(https?:\/\/[^\s"']+)/.exec(inner) : null;
		if (video !== null && isWebEmbedUrl(iframePageUrl(video[1]))) return this.block(lead, [iframePageUrl(video[1])], text.length);
		// A gist, a video or a post the blog embeds (`{{< gist user id >}}`, `{% youtube id %}`): its embed.
		const embed = siteTagEmbed(inner.charCodeAt(0) === 45 ? inner.slice(1) : inner, hugo);
		if (embed !== null) return this.block(lead, [embed], text.length);
		// `{{< figure src="…" caption="…" alt="…" >}}`: the image, its src read as a markdown image's.
		const parsed = hugo && /^\s*figure\s/.test(inner) ? siteTagOf(text) : null;
		const figure = parsed !== null ? figureOf(parsed) : null;
		if (figure !== null) return this.imageOf(lead, text.length, escapeAlt(figure.alt), figure.src, figure.caption, null);
		// Hexo's `{% asset_img slug title %}` and `{% img /a.png title %}`: the image.
		const liquid = !hugo && /^-?\s*(?:asset_img|img|include\s+figure)\b/.test(inner) ? siteTagOf(text) : null;
		const image = liquid !== null ? liquidImageOf(liquid, this.e.notePath) : null;
		if (image !== null) return this.imageOf(lead, text.length, escapeAlt(image.alt), image.src, image.caption, null);
		const tag = text.slice(lead, end);
		const shown = tag.length > 60 ? tag.slice(0, 57) + "…" : tag;
		this.warn(SITE_TAG_CODE, `${hugo ? "Hugo shortcode" : "Liquid tag"} ${shown} only renders on the blog; it was left out.`);
		return this.replace(lead, "", text.length);
	}

	/** The figures, tables and listings the note labels (Quarto). */
	private crossrefNumbers(): ReadonlyMap<string, string> {
		return noteCrossrefs(this.e.ctx, this.e.notePath);
	}

	/** Where a link to a vault path goes, or null (unresolved, not a note, or not on Medium). */
	private noteHref(path: string, from: number, to: number): string | null {
		const ctx = this.e.ctx;
		const target = resolveCached(ctx, path, this.e.notePath);
		if (target === null) {
			this.warn("unresolved-link", `Link ${this.text.slice(from, to)} points to nothing in the vault; it became plain text.`);
			return null;
		}
		if (fileKind(target) !== "note") {
			this.warn("file-link", `Link ${this.text.slice(from, to)} points to a file Medium cannot host; it became plain text.`);
			return null;
		}
		if (target === ctx.rootPath) return null;
		const href = noteHref(ctx, target);
		if (href === null && ctx.linkTemplate !== null && !templateReaches(ctx, target)) {
			const flag = offSiteFlag(ctx.notes.get(target)?.properties ?? {});
			if (flag !== null) this.warn("off-site-link", `Link ${this.text.slice(from, to)}: that note is ${offSiteText(flag)}, so the link template's address would lead to no page; it became plain text.`);
		}
		return href;
	}

	/** `[text](dest)`: external links stay; links to notes follow the note-link rules. */
	private markdownLink(i: number): number {
		const close = this.closeOf(i);
		if (close === -1) return -1;
		if (this.text.charCodeAt(close + 1) === 123 && readsSiteSyntax(this.e.ctx, this.e.notePath)) {
			// Pandoc's bracketed span, `[text]{.mark}`: its text; the attributes are the blog's styling.
			// Obsidian shows it as written.
			const brace = this.text.indexOf("}", close + 1);
			if (brace !== -1 && brace - close < 200 && isAttributeList(this.text.slice(close + 1, brace + 1))) {
				this.pushClose(close, "", brace + 1);
				return this.openLink(i, i + 1, false);
			}
		}
		if (this.text.charCodeAt(close + 1) !== 40) return this.referenceLink(i, close);
		const d = parseDestination(this.text, close + 1, this.gtFinder);
		if (!d) return -1;
		return this.linkToDestination(i, close, d.dest, d.end, false);
	}

	/**
	 * `[text][label]`, `[label][]` or `[label]` with a `[label]: url` definition in the note: the link
	 * the definition gives (CommonMark's reference links); -1 when no definition matches.
	 */
	private referenceLink(i: number, close: number): number {
		const ref = this.reference(i + 1, close);
		if (ref === null) return -1;
		return this.linkToDestination(i, close, ref.dest, ref.end, true);
	}

	/**
	 * The definition a reference after the `]` at `close` names (full `[label]`, collapsed `[]`, or the
	 * bracketed text from `textStart` alone), with where the reference ends; null when none is defined.
	 */
	private reference(textStart: number, close: number): { dest: string; title: string | null; end: number } | null {
		const note = this.e.ctx.notes.get(this.e.notePath);
		if (!note) return null;
		const refs = linkReferencesOf(note).byLabel;
		if (refs.size === 0) return null;
		const text = this.text;
		// A label is at most 999 characters (CommonMark), which also keeps nested brackets linear.
		if (text.charCodeAt(close + 1) === 91) {
			const labelClose = this.closeOf(close + 1);
			if (labelClose !== -1 && labelClose - close <= 1000) {
				const collapsed = labelClose === close + 2;
				if (collapsed && close - textStart > 999) return null;
				const label = collapsed ? text.slice(textStart, close) : text.slice(close + 2, labelClose);
				const ref = refs.get(normalizeLabel(label));
				return ref === undefined ? null : { dest: ref.dest, title: ref.title, end: labelClose + 1 };
			}
		}
		if (close - textStart > 999) return null;
		const ref = refs.get(normalizeLabel(text.slice(textStart, close)));
		return ref === undefined ? null : { dest: ref.dest, title: ref.title, end: close + 1 };
	}

	/**
	 * The link whose text ends at the `]` at `close`, to `raw` (a destination as written), ending at
	 * `end`. `rewrite`: the destination is not written after the `]` (a reference link), so a link kept
	 * as it is must be written out.
	 */
	private linkToDestination(i: number, close: number, raw: string, end: number, rewrite: boolean, openEnd = i + 1): number {
		const d = { end };
		// Warnings quote the destination part as written: `(Note.md)`, or the whole reference.
		const writtenFrom = rewrite ? i : close + 1;
		if (hasScheme(raw)) {
			const local = localScheme(raw);
			if (local !== null) {
				this.warn("local-url", `Link ${local === "data" ? shortWritten(raw) : raw} is a local ${local}: address Medium cannot reach and must not get; it became plain text.`);
				this.pushClose(close, "", d.end);
				return this.openLink(i, openEnd, false);
			}
			if (/^obsidian:/i.test(raw)) {
				this.warn("obsidian-link", `Link ${raw} opens Obsidian and cannot work on Medium; it became plain text.`);
				this.pushClose(close, "", d.end);
				return this.openLink(i, openEnd, false);
			}
			if (this.e.plain) {
				this.pushClose(close, "", d.end);
				return this.openLink(i, openEnd, false);
			}
			// A video's thumbnail linking to the video (`[![alt](…/0.jpg)](https://youtube.com/watch?v=…)`,
			// READMEs' way to show one): the video itself, which Medium embeds (its images cannot be links).
			if (isWebEmbedUrl(raw) && ONLY_IMAGE.test(this.text.slice(openEnd, close))) return this.block(i, [raw.trim()], d.end);
			this.pushClose(close, rewrite ? `](${asDestination(raw)})` : null, d.end);
			return this.openLink(i, openEnd, true);
		}
		const decoded = decodeLinkDestination(raw);
		const hash = decoded.indexOf("#");
		let path = hash === -1 ? decoded : decoded.slice(0, hash);
		let href: string | null = null;
		if (path.trim().length === 0) {
			if (decoded.length > 0) this.warn("anchor-link", `Link to ${raw} points inside the page, which Medium cannot do; it became plain text.`);
		} else {
			href = this.siteHref(path, decoded);
		}
		if (href === null && path.trim().length > 0) {
			path = destinationFile(this.e.ctx, path, this.e.notePath);
			href = this.noteHref(path, writtenFrom, d.end);
			// A markdown link to another note is a hyperlink its author wrote (a blog's `../second-post/`):
			// losing it is said. Wiki-links to notes not on Medium stay quiet plain text by design.
			if (href === null && !this.e.plain) this.warnUnpublished(path, raw);
		}
		if (href === null || this.e.plain) {
			this.pushClose(close, "", d.end);
			return this.openLink(i, openEnd, false);
		}
		this.pushClose(close, `](${href})`, d.end);
		return this.openLink(i, openEnd, true);
	}

	/**
	 * The link's opening, from `i` to `openEnd`, as a link (`keep`) or as plain text: a `[` stays as
	 * written; `<a href>` (openEnd past its tag) becomes a `[` of its own.
	 */
	private openLink(i: number, openEnd: number, keep: boolean): number {
		return keep && openEnd === i + 1 ? openEnd : this.replace(i, keep ? "[" : "", openEnd);
	}

	/**
	 * Warns, once a conversion, at a Templater command (`<% tp.file.title %>`, `<%* … %>`) opening at `i`:
	 * it runs only when a template is applied, so a note still holding one is a template, and Medium
	 * would show the command. Forward-only: the close found is reused by the commands before it.
	 */
	private templaterCommand(i: number): void {
		// ERB's and JSP's `<%= x %>`, `<%# … %>`, `<%@ … %>` are no Templater commands.
		const c = this.text.charCodeAt(i + 2);
		if (c === 61 || c === 35 || c === 64) return;
		if (this.templaterClose !== -1 && this.templaterClose < i + 2) this.templaterClose = this.text.indexOf("%>", i + 2);
		const close = this.templaterClose;
		// A command holds no `<%`: the last one before the close opens it. The look back from a close stops
		// at that last `<%`, the same span for every earlier one: linear. One over lines opens its line (`<%*`).
		const lines = close === -1 && (c === 42 || Number.isNaN(c)) && this.text.trimStart().length === this.text.length - i;
		if (!lines && (close === -1 || this.text.lastIndexOf("<%", close) !== i)) return;
		this.e.ctx.templateWarned = true;
		this.warn(TEMPLATE_CODE, `The note holds ${lines ? this.text.slice(i).trim() + " …" : this.text.slice(i, close + 2)}, a Templater command that runs only when a template is applied: Medium shows it as written.`);
	}

	/**
	 * Warns when a code span, its text from `k`, is a Meta Bind field or view (`` `INPUT[toggle:done]` ``,
	 * `` `VIEW[{a} * 2]` ``, `` `BUTTON[id]` ``): Obsidian shows a widget or its value, Medium the code.
	 */
	private metaBindField(span: CodeSpan, k: number): void {
		const c = this.text.charCodeAt(k);
		if (c !== 73 && c !== 86 && c !== 66) return; // I, V, B
		const code = this.text.slice(span.start, span.end);
		// Anchored, one `.*`: linear.
		if (/^`+ ?(?:INPUT|VIEW|BUTTON)\[.*\] ?`+$/.test(code)) this.warn(INLINE_QUERY_CODE, `Meta Bind field ${code} only shows as a widget in Obsidian; Medium shows it as code.`);
	}

	/**
	 * Warns when a code span is a Dataview inline query (`` `= expr` ``, `` `$= js` ``): Obsidian shows
	 * what it computes, Medium the query. The prefix must be followed by a space and something, or by an
	 * expression (`` `=this.id` ``), so `` `==` `` or `` `=x` `` written about an operator are not taken for one.
	 */
	private inlineQuery(span: CodeSpan): void {
		const text = this.text;
		let k = span.start;
		while (k < span.end && text.charCodeAt(k) === 96) k++;
		if (text.charCodeAt(k) === 32) k++;
		if (text.charCodeAt(k) === 36) k++;
		// Without the space after `=`, an expression (`=this.id`, `=date(today)`), not an operator (`==`, `=x`).
		if (text.charCodeAt(k) !== 61 || (text.charCodeAt(k + 1) !== 32 && !/^[A-Za-z][\w.]*[.(]/.test(text.slice(k + 1, span.end)))) return this.metaBindField(span, k);
		k++;
		while (k < span.end && isSpace(text.charCodeAt(k))) k++;
		if (k >= span.end || text.charCodeAt(k) === 96) return;
		const query = text.slice(span.start, span.end);
		this.warn(INLINE_QUERY_CODE, `Inline Dataview query ${query} only shows its result in Obsidian; Medium shows the query as code.`);
	}

	/**
	 * Dataview's inline field opening at `i` with `[` (shown as `key: value`) or `(` (its value alone,
	 * the key hidden), as its reading view shows them; -1 when there is none. The key runs to the first
	 * `::` and holds no bracket, parenthesis or backtick (Dataview's rule); a space (or the close) must
	 * follow the `::`, so `(std::move)` and `[a::b]` stay text. The value is converted as the rest of
	 * the line; the close is matched like a link's. The key's scan stops at the next bracket, so
	 * the scans of a line never overlap.
	 */
	private inlineField(i: number, closeChar: 93 | 41): number {
		const text = this.text;
		let j = i + 1;
		for (;;) {
			if (j >= this.n) return -1;
			const c = text.charCodeAt(j);
			if (c === 58 && text.charCodeAt(j + 1) === 58) break;
			if (c === 91 || c === 93 || c === 40 || c === 41 || c === 96) return -1;
			j++;
		}
		const key = text.slice(i + 1, j).trim();
		let value = j + 2;
		if (key.length === 0 || !(isSpace(text.charCodeAt(value)) || text.charCodeAt(value) === closeChar)) return -1;
		let close: number;
		if (closeChar === 93) {
			close = this.closeOf(i);
		} else {
			this.parens ??= this.finders.parens.reset(text, this.spans);
			close = this.parens.closeOf(i);
		}
		// A pending link's close before the field's would leave the two crossed.
		if (close === -1 || (this.closes > 0 && close > this.closeAt[this.closes - 1])) return -1;
		while (value < close && isSpace(text.charCodeAt(value))) value++;
		this.pushClose(close, "", close + 1);
		return this.replace(i, closeChar === 93 ? key + ": " : "", value);
	}

	/** A link whose `]` at `at` will be replaced by `emit` (null: kept as written), resuming at `skipTo`. */
	private pushClose(at: number, emit: string | null, skipTo: number): void {
		const k = this.closes++;
		this.closeAt[k] = at;
		this.closeEmit[k] = emit;
		this.closeSkip[k] = skipTo;
	}

	/** `[^label]`: a footnote reference, numbered in order of first use. */
	private footnoteRef(i: number): number {
		const close = this.closeOf(i);
		if (close === -1) return -1;
		const label = this.text.slice(i + 2, close).trim().toLowerCase();
		if (label.length === 0) return -1;
		const number = this.noteNumber(label);
		if (number === 0) {
			this.warn("missing-footnote", `Footnote [^${label}] has no definition; it was left as written.`);
			return close + 1;
		}
		return this.replace(i, `[${number}]`, close + 1);
	}

	/** The number of the note labelled `label` (lower case), given at its first use; 0 when it has no definition. */
	private noteNumber(label: string): number {
		const ctx = this.e.ctx;
		const def = ctx.footnoteDefs.get(this.e.notePath)?.get(label);
		if (!def) return 0;
		if (def.number === 0) {
			ctx.footnoteTexts.push(def);
			def.number = ctx.footnoteTexts.length;
		}
		return def.number;
	}

	/** Footnote references in an image's alt or title (`![Chart[^1]](c.png)`): numbered as in the text, so their notes (a source, a credit) are not lost. */
	private notesIn(text: string): string {
		return text.indexOf("[^") === -1 ? text : text.replace(/\[\^([^\]]+)\]/g, (ref: string, label: string) => {
			const number = label.trim() === "" ? 0 : this.noteNumber(label.trim().toLowerCase());
			return number === 0 ? ref : `[${number}]`;
		});
	}

	/** `^[text]`: an inline footnote. */
	private inlineFootnote(i: number): number {
		const close = this.closeOf(i + 1);
		if (close === -1) return -1;
		const ctx = this.e.ctx;
		const e = this.e;
		ctx.footnoteTexts.push({ notePath: e.notePath, text: this.text.slice(i + 2, close), line: e.warnPath !== undefined ? e.ownLine ?? e.line : e.line });
		return this.replace(i, `[${ctx.footnoteTexts.length}]`, close + 1);
	}

	/** `![[target]]`: a note, a section, a block, an image or another file (all but a note's embed
	 * answered from the memo when met before). */
	private wikiEmbed(i: number): number {
		const close = this.wikiEnd(i + 3);
		if (close === -1) return -1;
		const raw = this.text.slice(i + 3, close);
		const memo = this.e.embedMemo;
		const inner = this.recall(memo, raw, i, close + 2);
		if (typeof inner === "number") return inner;
		const bar = inner.indexOf("|");
		const target = bar === -1 ? inner : inner.slice(0, bar);
		const alias = bar === -1 ? "" : inner.slice(bar + 1).trim();
		const { path, subpath } = splitLinktext(target);
		const written = () => this.text.slice(i, close + 2);
		const ctx = this.e.ctx;
		// Every branch but a note's embed gives one warning at most, naming only the embed as written.
		const before = ctx.warnings.length;
		const resolved = path.length === 0 ? this.e.notePath : resolveCached(ctx, path, this.e.notePath);
		if (resolved === null) {
			const kind = fileKind(path);
			this.warn(kind === "image" ? "missing-image" : "unresolved-embed", `Embed ${written()} points to nothing in the vault; it was left out.`);
			return this.replace(i, this.remember(memo, raw, before, ""), close + 2);
		}
		const kind = fileKind(resolved);
		if (kind === "note") {
			const drawing = this.drawing(resolved, altWithoutSize(alias), i, close + 2);
			if (drawing !== null) return this.replace(i, this.remember(memo, raw, before, drawing), close + 2);
			if (this.e.plain) {
				this.warn("embed-in-table", `Embed ${written()} cannot be shown inside a table; its name was kept.`);
				return this.replace(i, this.remember(memo, raw, before, linkDisplay(path, subpath)), close + 2);
			}
			return this.block(i, this.e.embedNote(resolved, subpath, written()), close + 2);
		}
		if (kind === "image") {
			// `![[pic.png|Alt|300]]`: Obsidian's size is the last part after a pipe; the rest is the alt text.
			const alt = altWithoutSize(alias);
			return this.replace(i, this.remember(memo, raw, before, this.image(resolved, alt, i, close + 2)), close + 2);
		}
		const name = baseName(path.length > 0 ? path : resolved);
		this.warn("unsupported-embed", `Embed ${written()} (${kind}) cannot be shown on Medium; its name was kept as text.`);
		return this.replace(i, this.remember(memo, raw, before, name), close + 2);
	}

	/**
	 * An Excalidraw drawing (a note the Excalidraw plugin writes, `excalidraw-plugin` in its properties):
	 * Obsidian shows it as a picture, never its text ("Switch to EXCALIDRAW VIEW…", the scene's JSON). The
	 * PNG the plugin exports beside it (`Name.excalidraw.png` or `Name.png`) is the image; without one, the
	 * name stays, with a warning. Null for any other note.
	 */
	private drawing(notePath: string, alt: string, from: number, to: number): string | null {
		const ctx = this.e.ctx;
		const note = ctx.notes.get(notePath);
		if (!note || note.properties["excalidraw-plugin"] === undefined) return null;
		const png = drawingPng(ctx, notePath);
		if (png !== null) return this.image(png, alt, from, to);
		const stem = notePath.slice(0, notePath.length - 3); // `.md`
		const plain = stem.endsWith(".excalidraw") ? stem.slice(0, stem.length - 11) : stem;
		this.warn("unsupported-embed", `Embed ${this.text.slice(from, to)} is an Excalidraw drawing, which Medium cannot show; its name was kept as text. Export it as PNG beside it (Excalidraw's auto-export) to publish it as an image.`);
		return alt || baseName(plain);
	}

	/**
	 * An image in a table cell: the cell keeps its name (or alt text), and the image, as written, follows
	 * the table when the table's caller collects them (see InlineEnv.cellImages), as Obsidian shows it in the cell.
	 */
	private cellImage(from: number, to: number, shown: string): string {
		const cells = this.e.cellImages;
		const written = this.text.slice(from, to);
		if (cells) cells.push(written);
		this.warn(IMAGE_IN_TABLE_CODE, `Image ${shortWritten(written)} cannot be shown inside a table; ${cells ? "it follows the table, and " : ""}the cell keeps its name.`);
		return shown;
	}

	/** A local image: listed for upload, written with its Medium URL once known. */
	private image(path: string, alt: string, from: number, to: number, title: string | null = null): string {
		const ctx = this.e.ctx;
		if (this.e.plain) return this.cellImage(from, to, alt || baseName(path));
		if (!ctx.imageSeen.has(path)) {
			ctx.imageSeen.add(path);
			// The list names the alt as the reader sees it, not as markdown escapes it (`Q \& A`).
			ctx.images.push({ path, alt: unescapePunctuation(alt) });
		}
		let src: string;
		if (ctx.imageUrls) {
			const url = ctx.imageUrls.get(path);
			if (!url) return ""; // not uploaded (unsupported type): the publisher has said why
			src = url;
		} else {
			src = ctx.encodedPaths.get(path) ?? encodePath(path);
			ctx.encodedPaths.set(path, src);
			ctx.imagePaths.set(src, path);
		}
		return `![${alt}](${src}${titlePart(title)})`;
	}

	/** `![alt](src)`: remote images stay (sizes dropped), local ones are uploaded, web embeds stand alone. */
	private markdownImage(i: number): number {
		const close = this.closeOf(i + 1);
		if (close === -1) return -1;
		// `![alt][label]`, `![alt][]`, `![alt]`: the image a `[label]: src "Title"` definition gives.
		const inline = this.text.charCodeAt(close + 1) === 40;
		const d = inline ? this.parseDest(close + 1) : this.reference(i + 2, close);
		if (!d) return -1;
		const alt = this.notesIn(altWithoutSize(this.text.slice(i + 2, close)));
		// An attribute list right after it (`{ width="300" }`, kramdown's `{: .align-center}`) sizes or places it on the blog: left out.
		let end = d.end;
		if (this.text.charCodeAt(end) === 123) {
			const brace = this.text.indexOf("}", end);
			if (brace !== -1 && brace - end < 200 && isAttributeList(this.text.slice(end, brace + 1))) end = brace + 1;
		}
		const caption = d.title === null && alt !== "" ? this.figureCaption(i, end, alt) : null;
		if (caption !== null) return this.imageOf(i, end, alt, d.dest.trim(), caption, null);
		const title = d.title === null ? null : this.notesIn(d.title);
		return this.imageOf(i, end, alt, d.dest.trim(), title, inline && title === d.title ? this.text.slice(close + 1, d.end) : null);
	}

	/**
	 * In a Quarto post (`.qmd`), an image alone on its line is a figure: the blog shows its alt as its
	 * caption, `Figure 1: …` when it is labelled (`{#fig-lake}`). Null elsewhere.
	 */
	private figureCaption(i: number, end: number, alt: string): string | null {
		const path = this.e.notePath;
		if (!path.endsWith(".qmd") && !path.endsWith(".QMD")) return null;
		const text = this.text;
		if (text.slice(0, i).trim() !== "" || text.slice(end).trim() !== "") return null;
		const label = /\{#(fig-[\w-]+)/.exec(text.slice(i, end));
		const number = label === null ? undefined : this.crossrefNumbers().get(label[1]);
		const caption = unescapePunctuation(alt);
		return number === undefined ? caption : `${number}: ${caption}`;
	}

	/**
	 * The image written from `i` to `end` with this alt (markdown), src and title: remote images stay,
	 * local ones are uploaded, web embeds stand alone. `destination` is the `(…)` as written, kept for a
	 * remote image; null writes one.
	 */
	private imageOf(i: number, end: number, alt: string, src: string, title: string | null, destination: string | null): number {
		// A themed image's dark twin (GitHub's `#gh-dark-mode-only`, MkDocs Material's `#only-dark`): the blog's light
		// theme, like Medium's page, shows only its light one. Obsidian shows both.
		if ((src.endsWith("#gh-dark-mode-only") || src.endsWith("#only-dark")) && readsSiteSyntax(this.e.ctx, this.e.notePath)) return this.replace(i, "", end);
		if (hasScheme(src)) {
			const local = localScheme(src);
			if (local === "data") return this.dataImage(i, end, alt, src, title);
			if (local !== null) {
				this.warn("local-url", `Image ${this.text.slice(i, end)} is a local ${local}: address Medium cannot reach and must not get; it was left out.`);
				return this.replace(i, "", end);
			}
			if (isWebEmbedUrl(src) && !this.e.plain) return this.block(i, [src], end);
			if (this.e.plain) return this.replace(i, this.cellImage(i, end, alt || src), end);
			if (destination === null) return this.replace(i, `![${alt}](${asDestination(src)}${titlePart(title)})`, end);
			return this.replace(i, `![${alt}]${destination}`, end);
		}
		const decoded = decodeLinkDestination(src);
		const hash = decoded.indexOf("#");
		const path = hash === -1 ? decoded : decoded.slice(0, hash);
		const written = () => this.text.slice(i, end);
		const resolved = path.trim().length === 0 ? null : resolveCached(this.e.ctx, destinationFile(this.e.ctx, path, this.e.notePath), this.e.notePath);
		if (resolved === null) {
			this.warn("missing-image", `Image ${written()} points to nothing in the vault; it was left out.`);
			return this.replace(i, "", end);
		}
		const kind = fileKind(resolved);
		if (kind === "image") return this.replace(i, this.image(resolved, alt, i, end, title), end);
		if (kind === "note") {
			const drawing = this.drawing(resolved, alt, i, end);
			if (drawing !== null) return this.replace(i, drawing, end);
		}
		if (kind === "note" && !this.e.plain) return this.block(i, this.e.embedNote(resolved, hash === -1 ? "" : decoded.slice(hash + 1), written()), end);
		this.warn("unsupported-embed", `Embed ${written()} (${kind}) cannot be shown on Medium; its name was kept as text.`);
		return this.replace(i, baseName(resolved), end);
	}

	/**
	 * An image whose bytes are written in the note as a `data:` URL: checked (type, size, encoding), then
	 * written as its short stand-in, which the story builder turns back into a `data` image source. Left
	 * out with a warning naming the line when Medium would refuse it; in a table, its alt text.
	 */
	private dataImage(i: number, end: number, alt: string, src: string, title: string | null): number {
		if (this.e.plain) return this.replace(i, this.cellImage(i, end, alt), end);
		const found = dataImage(this.e.ctx.dataImages, src);
		if ("code" in found) {
			this.warn(found.code, `Image ${shortWritten(this.text.slice(i, end))} ${found.reason}.`);
			return this.replace(i, "", end);
		}
		return this.replace(i, `![${alt}](${found.standIn}${titlePart(title)})`, end);
	}

	/**
	 * `<b>`, `<strong>`, `<mark>`, `<i>`, `<em>`, `<code>`, `<kbd>` and their closing tag on the line:
	 * Medium's bold, italic or code, written as markdown. Bold and italic only where markdown would read
	 * them (the text does not start or end with a space, punctuation meets a space or punctuation), so
	 * no stray `**` is ever printed; -1 otherwise, and the parser reads the tags themselves (inline-tree's
 * htmlDelimiter: bold against punctuation stays bold; a space inside the tag drops them).
	 */
	private htmlStyle(i: number, gt: number): number {
		if (this.e.plain) return -1;
		const text = this.text;
		if (gt === -1) return -1;
		const style = readHtmlStyle(text, i, gt, (needle, from) => this.nextTag(needle, from));
		if (style === null || (this.closes > 0 && style.closeStart > this.closeAt[this.closes - 1])) return -1;
		if (style.markup === "code") {
			// The text between the tags is markdown text (an HTML block's made so by escapes): its escapes show their character.
			const inner = decodeEntities(unescapePunctuation(text.slice(style.openEnd, style.closeStart)));
			return this.replace(i, inner.trim() === "" ? inner : codeSpan(inner), style.closeEnd);
		}
		if (style.markup === "sup" || style.markup === "sub") {
			const script = scriptText(text.slice(style.openEnd, style.closeStart), style.markup === "sup");
			return script === null ? -1 : this.replace(i, script, style.closeEnd);
		}
		if (style.markup === "q") {
			this.pushClose(style.closeStart, "”", style.closeEnd);
			return this.replace(i, "“", style.openEnd);
		}
		// Unicode's punctuation and spaces count as ASCII's (`<b>“强调”</b>后文` is no markdown bold).
		const { openEnd, closeStart, closeEnd } = style;
		if (isTrimSpace(text.charCodeAt(openEnd)) || isTrimSpace(text.charCodeAt(closeStart - 1))) return -1;
		if (isPunctAt(text, openEnd) && i > 0 && !isTrimSpace(text.charCodeAt(i - 1)) && !isPunctAt(text, i - 1)) return -1;
		if (isPunctAt(text, closeStart - 1) && closeEnd < text.length && !isTrimSpace(text.charCodeAt(closeEnd)) && !isPunctAt(text, closeEnd)) return -1;
		const mark = style.markup === "strong" ? "**" : "*";
		this.pushClose(style.closeStart, mark, style.closeEnd);
		return this.replace(i, mark, style.openEnd);
	}

	/**
	 * `<a href="…">text</a>` written as HTML, on one line: the link it makes, read like a markdown link
	 * (a note's address, plain text for a local one). -1 for another tag, or one whose `</a>` is not on
	 * the line or would close outside an open link.
	 */
	private htmlLink(i: number, gt: number): number {
		const text = this.text;
		if (gt === -1) return -1;
		const tag = readHtmlMedia(text, i, gt);
		if (tag === null || tag.tag !== "a" || tag.href === null) return -1;
		const closeAt = this.nextTag("</a>", gt + 1);
		if (closeAt === -1 || (this.closes > 0 && closeAt > this.closeAt[this.closes - 1])) return -1;
		return this.linkToDestination(i, closeAt, tag.href.trim(), closeAt + 4, true, gt + 1);
	}

	/** An MDX post's link component in a sentence (Next.js's `<Link href="…">`, Gatsby's `<Link to="…">`): the link it makes, as `<a href>`'s. */
	private linkComponent(i: number, gt: number): number {
		if (gt === -1 || !/\.mdx$/i.test(this.e.notePath)) return -1;
		const m = /^<Link\s(?:[^>]*?\s)?(?:href|to)=(?:"([^"]*)"|'([^']*)')/.exec(this.text.slice(i, gt + 1));
		const closeAt = m === null ? -1 : this.nextTag("</Link>", gt + 1);
		if (m === null || closeAt === -1 || (this.closes > 0 && closeAt > this.closeAt[this.closes - 1])) return -1;
		return this.linkToDestination(i, closeAt, (m[1] ?? m[2]).trim(), closeAt + 7, true, gt + 1);
	}

	/**
	 * `<img src alt title>` or `<iframe src></iframe>` written as HTML: the image, or the player's page as
	 * an embed of its own (any other iframe: its address, a link). A `<video>` or `<audio>` player (or its
	 * `<source>`) with a web address: that address, a link (Medium plays no file). -1 for any other tag.
	 */
	private htmlMedia(i: number, close: number): number {
		if (close === -1) return -1;
		const media = readHtmlMedia(this.text, i, close);
		// An <a> that is no link (htmlLink's) is other HTML.
		if (media === null || media.tag === "a") return -1;
		let src = media.src?.trim() ?? "";
		const player = media.tag === "video" || media.tag === "audio" || media.tag === "source";
		// A player without a src names its file in a <source> inside: the first is the player's, and the
		// fallback text up to its closing tag ("Your browser does not support video") the browser never shows.
		if (src === "" && player) {
			const close = media.tag === "source" ? -1 : this.nextTag(`</${media.tag}>`, media.end);
			const source = close === -1 ? null : /<source\b[^<>]*>/i.exec(this.text.slice(media.end, close));
			src = source === null ? "" : (readHtmlMedia(source[0], 0, source[0].length - 1)?.src?.trim() ?? "");
			if (src === "") return media.tag === "source" ? -1 : this.replace(i, "", media.end);
			media.end = close + media.tag.length + 3;
		}
		if (src === "") {
			this.warn("html-dropped", `HTML ${this.text.slice(i, media.end)} has no src; it was left out.`);
			return this.replace(i, "", media.end);
		}
		if (media.tag === "img") return this.imageOf(i, media.end, escapeAlt(media.alt ?? ""), src, media.title, null);
		const page = iframePageUrl(src);
		if (this.e.plain || !/^https?:\/\//i.test(page)) {
			this.warn("html-dropped", `HTML ${this.text.slice(i, media.end)} cannot be shown on Medium; it was left out.`);
			return this.replace(i, "", media.end);
		}
		if (player) this.warn("media-as-link", `${media.tag === "audio" ? "An <audio>" : "A <video>"} player cannot be shown on Medium; its address ${page} was kept as a link.`);
		else if (!isWebEmbedUrl(page)) this.warn("iframe-as-link", `An <iframe> cannot be shown on Medium; its address ${page} was kept as a link.`);
		return this.block(i, [page], media.end);
	}

	private parseDest(open: number): Destination | null {
		return parseDestination(this.text, open, this.gtFinder);
	}
}
