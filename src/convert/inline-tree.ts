/**
 * The inline half of building the story model: a paragraph's markdown (Obsidian syntax already
 * resolved by the inline pass) in, a tree of Medium's four markups out. CommonMark's emphasis
 * algorithm (delimiter runs, left/right flanking, a delimiter stack with openers-bottom), so it stays
 * linear on any input: no regex, no backtracking. The lossy choices it meets (strikethrough, raw HTML,
 * relative links) are the inline rules of src/convert/rules/inline-rules.ts.
 */

import type { InlineNode } from "../story/story-model";
import { decodeEntities, entityAt } from "./entities";
import { htmlTagEnd } from "./html-media";
import { ALIGNED_TEXT_CODE, ALIGNED_TEXT_MESSAGE, alignsText, IMAGE_LINK_CODE, isAbsoluteHref, isLineBreakTag, isParagraphTag, RAW_HTML_CODE, RAW_HTML_MESSAGE, RELATIVE_LINK_CODE, showsNothingOwn, STRIKETHROUGH_CODE, STRIKETHROUGH_MESSAGE } from "./rules/inline-rules";
import { bareDestinationEnd, type CodeSpan, findBareUrls, findCodeSpans, ForwardFinder, isAsciiAlnum, isPunctAt, isSpace, joinsWithoutSpace, mayHoldUrl } from "./text-scan";

/** An image met inside a paragraph: the block builder moves it out to a block of its own. */
export interface InlineImage {
	type: "image";
	src: string;
	alt: string;
	title: string | null;
}

/** What the parser builds before the tree is made Medium's: images and strikethrough still in it. */
type Node = InlineNode | InlineImage | { type: "strike"; children: Node[] };

/** Reports what the inline rules decided to drop. */
export interface InlineReport {
	warn(code: string, message: string): void;
	/** Whether a single newline inside a paragraph is a line break (Obsidian's default) or a space. */
	softBreaks: boolean;
}

/** A piece of a paragraph between images, in order: inline content, or an image that stands alone. */
export type InlinePiece = InlineNode[] | InlineImage;

/** What an entry of the working list is (a number: it lives in a typed array). */
const Kind = { Text: 0, Node: 1, Delim: 2, Bracket: 3 } as const;
type Kind = (typeof Kind)[keyof typeof Kind];

/**
 * The working list (text, finished nodes, delimiter runs, `[` / `![`) lives in parallel arrays indexed
 * by entry number (-1 is "none"), not in one object per entry: 2 MB of `=` makes hundreds of thousands
 * of delimiter runs, and objects for them kept the collector busy. The arrays are reused across
 * paragraphs and shrunk after a huge one.
 */
class EntryStore {
	cap = 0;
	used = 0;
	kind = new Uint8Array(0);
	prev = new Int32Array(0);
	next = new Int32Array(0);
	// Delimiter runs: the character, what is left of the run, its length as met, and its powers (1 open, 2 close).
	ch = new Int32Array(0);
	count = new Int32Array(0);
	origCount = new Int32Array(0);
	power = new Uint8Array(0);
	dprev = new Int32Array(0);
	dnext = new Int32Array(0);
	/**
	 * Where an entry's text stands in the paragraph when it is that stretch of it as it is (a text entry
	 * with no escape or line end in it, a `[`, a delimiter run): its text is then sliced only when the
	 * tree is made, and neighbours that touch become one slice, not a chain of joined strings.
	 */
	srcStart = new Int32Array(0);
	srcEnd = new Int32Array(0);
	/** A text entry's text (when it has no source stretch). */
	text: string[] = [];
	/** A node entry's node. */
	node: Array<Node | null> = [];
	/** Process emphasis's openers-bottom table, one slot per (character, length mod 3, can open). */
	readonly openersBottom = new Int32Array(36);

	constructor(cap: number) {
		this.grow(cap);
	}

	grow(cap: number): void {
		const copy = <T extends Uint8Array | Int32Array>(a: T, b: T): T => {
			b.set(a.subarray(0, Math.min(a.length, b.length)));
			return b;
		};
		this.kind = copy(this.kind, new Uint8Array(cap));
		this.prev = copy(this.prev, new Int32Array(cap));
		this.next = copy(this.next, new Int32Array(cap));
		this.ch = copy(this.ch, new Int32Array(cap));
		this.count = copy(this.count, new Int32Array(cap));
		this.origCount = copy(this.origCount, new Int32Array(cap));
		this.power = copy(this.power, new Uint8Array(cap));
		this.dprev = copy(this.dprev, new Int32Array(cap));
		this.dnext = copy(this.dnext, new Int32Array(cap));
		this.srcStart = copy(this.srcStart, new Int32Array(cap));
		this.srcEnd = copy(this.srcEnd, new Int32Array(cap));
		this.cap = cap;
	}

	take(kind: Kind, text: string, node: Node | null, prev: number, next: number): number {
		const e = this.used++;
		if (e === this.cap) this.grow(this.cap * 2);
		this.kind[e] = kind;
		this.text[e] = text;
		this.node[e] = node;
		this.prev[e] = prev;
		this.next[e] = next;
		this.ch[e] = this.count[e] = this.origCount[e] = 0;
		this.power[e] = 0;
		this.dprev[e] = this.dnext[e] = -1;
		this.srcStart[e] = this.srcEnd[e] = -1;
		return e;
	}

	/** Holds nothing of the paragraph afterwards; a huge paragraph's arrays are not kept. */
	release(): void {
		if (this.used > POOL_MAX) {
			this.text = [];
			this.node = [];
			this.cap = 0;
			this.kind = new Uint8Array(0);
			this.grow(POOL_START);
		} else {
			for (let k = 0; k < this.used; k++) {
				this.text[k] = "";
				this.node[k] = null;
			}
		}
		this.used = 0;
	}
}

const POOL_START = 256;
/** Entries kept for reuse at most: a huge paragraph must not keep its entries alive afterwards. */
const POOL_MAX = 4096;

/**
 * Nodes are gathered here and copied out at their exact length: an array grown by `push` keeps room
 * for 17 elements, and the arrays of the tree live as long as the story, so the collector copies that
 * room with them (it was a quarter of what a converted note kept). Slots are cleared after each use.
 */
let scratch: Array<Node | null> = [];

/** The first `n` gathered nodes as an array of their own; the scratch holds nothing afterwards. */
function takeScratch(n: number): Node[] {
	const out = scratch.slice(0, n) as Node[];
	if (n > POOL_MAX) scratch = [];
	else for (let k = 0; k < n; k++) scratch[k] = null;
	return out;
}

const OPEN = 1;
const CLOSE = 2;
/** An openers-bottom slot no failed search has set yet (-1 is a real value: "no opener"). */
const UNSET = -2;

/** Which of the three delimiter characters (for the openers-bottom table). */
function delimIndex(c: number): number {
	return c === 42 ? 0 : c === 95 ? 1 : c === 126 ? 2 : c === 61 ? 3 : c === HTML_STRONG ? 4 : 5;
}

/**
 * The delimiter "characters" of HTML's bold (`<b>`, `<strong>`, `<mark>`) and italic (`<i>`, `<em>`)
 * tags that markdown could not stand for (`<b>“强调”</b>后文`: `**“强调”**后文` is no bold): an opening
 * tag opens and its closing tag closes whatever is around them, as HTML does.
 */
const HTML_STRONG = 60;
const HTML_EM = 62;

function isHtmlDelim(ch: number): boolean {
	return ch === HTML_STRONG || ch === HTML_EM;
}

/*
 * A `[` or `![` is an entry of kind Bracket whose spare fields hold its bracket state: `ch` 1 for an
 * image, `count` its sequence number, `dprev` the delimiter stack's top when it opened (emphasis inside
 * a link stops there), `dnext` the bracket below it.
 */

const ASCII_PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

/**
 * The rest of Unicode's white space (category Zs) beyond what {@link isSpace} knows: the ideographic
 * space U+3000 between Japanese phrases, the thin and em spaces. CommonMark's flanking rules count them.
 */
function isWideSpace(c: number): boolean {
	return c >= 0x1680 && (c === 0x3000 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f);
}

/** 1 for the characters the scanner stops at; every other character is plain text. */
const SPECIAL = new Uint8Array(128);
for (const ch of "\\`*_~=[]!<&\n") SPECIAL[ch.charCodeAt(0)] = 1;

/**
 * A paragraph parsed: its one run of inline content (most paragraphs; empty when it has none), or its
 * pieces when images stand in it. The builder reads a run as it is, with no array made around it.
 */
export type ParsedParagraph = InlineNode[] | { pieces: InlinePiece[] };

/** How many pieces a parsed paragraph has. */
export function pieceCount(p: ParsedParagraph): number {
	return Array.isArray(p) ? (p.length > 0 ? 1 : 0) : p.pieces.length;
}

/** A parsed paragraph's piece `k` (below {@link pieceCount}). */
export function pieceAt(p: ParsedParagraph, k: number): InlinePiece {
	return Array.isArray(p) ? p : p.pieces[k];
}

/** Parses one paragraph's markdown into pieces: inline content split around its images. */
export function parseInline(text: string, report: InlineReport): InlinePiece[] {
	const p = parseParagraph(text, report);
	return Array.isArray(p) ? (p.length > 0 ? [p] : []) : p.pieces;
}

/** What {@link parseInline} reads, without the array around a single run. */
export function parseParagraph(text: string, report: InlineReport): ParsedParagraph {
	// Most paragraphs of prose hold no markup at all: text and line breaks, no parser.
	if (MAY_HOLD_MARKUP.test(text)) {
		// One parser, reused (a parser inside a parser, which does not happen today, would make its own).
		const parser = spareParser ?? new InlineTreeParser();
		spareParser = null;
		let parsed: ParsedParagraph;
		try {
			parsed = parser.parse(text, report);
		} finally {
			spareParser = parser;
		}
		if (!parser.hadUrls) return parsed;
		if (Array.isArray(parsed)) return linkBareUrls(parsed);
		return { pieces: parsed.pieces.map((p) => (Array.isArray(p) ? linkBareUrls(p) : p)) };
	}
	if (text.indexOf("\n") !== -1) return plainLines(text, report.softBreaks);
	const t = trimText(text);
	if (t.length === 0) return [];
	const nodes: InlineNode[] = [{ type: "text", text: t }];
	return mayHoldUrl(t) ? linkBareUrls(nodes) : nodes;
}

const NO_SPANS: readonly CodeSpan[] = [];

/**
 * Bare web addresses (`https://…`, `www.…`) become links, as Obsidian shows them (GFM's extended
 * autolinks); not inside a link or code. The array comes back as it was when there is none.
 */
export function linkBareUrls(nodes: InlineNode[]): InlineNode[] {
	let out: InlineNode[] | null = null;
	for (let k = 0; k < nodes.length; k++) {
		const node = nodes[k];
		let replaced: InlineNode[] | null = null;
		if (node.type === "text") replaced = splitBareUrls(node.text);
		else if (node.type === "strong" || node.type === "em") {
			const children = linkBareUrls(node.children);
			if (children !== node.children) replaced = [{ type: node.type, children }];
		}
		if (replaced !== null && out === null) out = nodes.slice(0, k);
		if (out !== null) {
			if (replaced !== null) for (const r of replaced) out.push(r);
			else out.push(node);
		}
	}
	return out ?? nodes;
}

/** A text's bare addresses as links between its other text, or null when it has none. */
function splitBareUrls(text: string): InlineNode[] | null {
	const urls = findBareUrls(text, NO_SPANS);
	if (urls.length === 0) return null;
	const out: InlineNode[] = [];
	let at = 0;
	for (const u of urls) {
		if (u.start > at) out.push({ type: "text", text: text.slice(at, u.start) });
		const url = text.slice(u.start, u.end);
		// `www.` has no scheme: the link goes to http://, as GFM's autolinks do.
		out.push({ type: "link", href: (url.charCodeAt(0) | 32) === 119 ? "http://" + url : url, children: [{ type: "text", text: url }] });
		at = u.end;
	}
	if (at < text.length) out.push({ type: "text", text: text.slice(at) });
	return out;
}

/**
 * One character class and `==` (cannot backtrack): the characters the parser stops at, but the line end. A
 * native search: a loop over char codes in script measured slower (paragraphs are concatenated strings).
 */
const MAY_HOLD_MARKUP = /[\\`*_~[\]!<&]|==/;

/** Whether a line may hold inline markup: if no line of a paragraph does, {@link parsePlainLines} reads it. */
export function mayHoldMarkup(line: string): boolean {
	return MAY_HOLD_MARKUP.test(line) || line.indexOf("\n") !== -1;
}

/**
 * `parseInline(lines.join("\n"))` for the first `count` (two or more) lines, none of which
 * {@link mayHoldMarkup}: what plainLines makes of the joined text, read line by line, so the paragraph
 * is never joined into a copy and a line with nothing to trim is its text node's text as it is.
 */
export function parsePlainLines(lines: readonly string[], count: number, softBreaks: boolean): InlinePiece[] {
	const run = plainLinesRun(lines, count, softBreaks);
	return run.length > 0 ? [run] : [];
}

/** {@link parsePlainLines}' one run of content (empty when there is none). */
export function plainLinesRun(lines: readonly string[], count: number, softBreaks: boolean): InlineNode[] {
	let nodes = 0;
	let buf = "";
	for (let k = 0; k < count; k++) {
		const line = lines[k];
		// After a line end, the next line's leading spaces and tabs go.
		let from = 0;
		if (k > 0) while (from < line.length && (line.charCodeAt(from) === 32 || line.charCodeAt(from) === 9)) from++;
		buf += from === 0 ? line : line.slice(from);
		if (k === count - 1) break;
		let end = buf.length;
		while (end > 0 && (buf.charCodeAt(end - 1) === 32 || buf.charCodeAt(end - 1) === 9)) end--;
		const hard = buf.length - end >= 2;
		buf = buf.slice(0, end);
		if (hard || softBreaks) {
			if (buf.length > 0) scratch[nodes++] = { type: "text", text: buf };
			scratch[nodes++] = BREAK;
			buf = "";
		} else if (!joinsWithoutSpace(buf, end, lines[k + 1], leadingBlanks(lines[k + 1]))) buf += " ";
	}
	if (buf.length > 0) scratch[nodes++] = { type: "text", text: buf };
	const run = trimInline(takeScratch(nodes) as InlineNode[]);
	for (let k = 0; k < count; k++) if (mayHoldUrl(lines[k])) return linkBareUrls(run);
	return run;
}

/**
 * A paragraph with no markup but its line ends: what the parser makes of it (each line's trailing
 * spaces and tabs dropped, two or more of them a hard break, the next line's leading ones dropped;
 * a soft break a break or a space), without the parser's working list.
 */
function plainLines(text: string, softBreaks: boolean): InlineNode[] {
	let count = 0;
	let buf = "";
	let from = 0;
	const n = text.length;
	for (;;) {
		const nl = text.indexOf("\n", from);
		buf += nl === -1 ? text.slice(from) : text.slice(from, nl);
		if (nl === -1) break;
		let end = buf.length;
		while (end > 0 && (buf.charCodeAt(end - 1) === 32 || buf.charCodeAt(end - 1) === 9)) end--;
		const hard = buf.length - end >= 2;
		buf = buf.slice(0, end);
		from = nl + 1;
		while (from < n && (text.charCodeAt(from) === 32 || text.charCodeAt(from) === 9)) from++;
		if (hard || softBreaks) {
			if (buf.length > 0) scratch[count++] = { type: "text", text: buf };
			scratch[count++] = BREAK;
			buf = "";
		} else if (!joinsWithoutSpace(buf, end, text, from)) buf += " ";
	}
	if (buf.length > 0) scratch[count++] = { type: "text", text: buf };
	const run = trimInline(takeScratch(count) as InlineNode[]);
	return mayHoldUrl(text) ? linkBareUrls(run) : run;
}

/**
 * `（` for a ruby's reading tag `<rt>` (at `lt`…`gt`) and `）` for its `</rt>`, unless an `<rp>` beside it
 * gives its own: Medium has no ruby, and the reading put after its base in parentheses is how a page
 * without ruby shows it (漢字（かんじ）), not run into it (漢字かんじ). "" for any other tag.
 */
function rubyParen(text: string, lt: number, gt: number, inner: string): string {
	if ((inner.charCodeAt(0) | 32) !== 114 && inner.charCodeAt(0) !== 47) return "";
	const name = inner.toLowerCase();
	if (name === "rt" || name.startsWith("rt ")) return lt >= 5 && text.slice(lt - 5, lt).toLowerCase() === "</rp>" ? "" : "（";
	if (name === "/rt") return text.slice(gt + 1, gt + 4).toLowerCase() === "<rp" ? "" : "）";
	return "";
}

/** How many spaces and tabs open a line. */
function leadingBlanks(line: string): number {
	let i = 0;
	while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
	return i;
}

/** Where the text before `i` ends once its spaces and tabs are off. */
function trimmedEnd(text: string, i: number): number {
	while (i > 0 && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) i--;
	return i;
}

/** The parser a paragraph takes (see parseInline). */
let spareParser: InlineTreeParser | null = null;

/** Every line break is this one node (it holds nothing, and nothing changes a node once made). */
export const BREAK: InlineNode = Object.freeze({ type: "break" as const });


/** White space off both ends, without a copy when there is none. */
function trimText(s: string): string {
	const n = s.length;
	return n > 0 && !isSpace(s.charCodeAt(0)) && !isSpace(s.charCodeAt(n - 1)) ? s : s.trim();
}

/** Parses inline markdown where no image can stand (a caption, a footnote): images become their alt. */
export function parseInlineFlat(text: string, report: InlineReport): InlineNode[] {
	const out: InlineNode[] = [];
	for (const piece of parseInline(text, report)) {
		if (Array.isArray(piece)) out.push(...piece);
		else if (piece.alt) out.push({ type: "text", text: piece.alt });
	}
	return mergeText(out);
}

/** Reports nothing: what a parser holds between paragraphs. */
const NO_REPORT: InlineReport = { warn() {}, softBreaks: true };

class InlineTreeParser {
	/** Whether the last text parsed held a bare web address outside code (linkBareUrls then looks). */
	hadUrls = false;
	private head = -1;
	private tail = -1;
	private delimTop = -1;
	private bracketTop = -1;
	private readonly st = new EntryStore(POOL_START);
	private bracketSeq = 0;
	/** `[` opened before this sequence number can no longer open a link: a link closed after them (no links in links). */
	private inactiveBelow = 0;
	/** Text met since the last entry: `buf`, or while it is a stretch of the paragraph as it is, `bufFrom`..`bufTo` (buf empty). */
	private buf = "";
	private bufFrom = -1;
	private bufTo = -1;
	private text = "";
	private report: InlineReport = NO_REPORT;
	private n = 0;
	private gt: ForwardFinder | null = null;
	private quoteFinders: Record<string, ForwardFinder> | null = null;
	/** Whether a node Medium cannot hold as is was made (link, image, strikethrough): only then is the tree rewritten. */
	private rewrite = false;
	/**
	 * How deep the markup goes: a node entry's depth is kept in its (otherwise unused) `origCount`; past
	 * {@link MAX_NESTING}, the tree would be too deep for the writers' recursion.
	 */
	private maxDepth = 0;
	/** The deepest node among the entries the last take removed. */
	private takenDepth = 0;

	/** Where the current line's text starts (past its indent). */
	private lineStart = 0;

	/** Parses one paragraph; the parser holds nothing of it afterwards and can take the next. */
	parse(text: string, report: InlineReport): ParsedParagraph {
		this.text = text;
		this.n = text.length;
		this.report = report;
		this.head = this.tail = this.delimTop = this.bracketTop = -1;
		this.bracketSeq = this.inactiveBelow = 0;
		this.buf = "";
		this.bufFrom = this.bufTo = -1;
		this.gt = null;
		this.quoteFinders = null;
		this.rewrite = false;
		this.maxDepth = this.takenDepth = this.lineStart = 0;
		try {
			return this.run();
		} finally {
			this.st.release();
			this.text = this.buf = "";
			this.report = NO_REPORT;
			this.gt = null;
			this.quoteFinders = null;
		}
	}

	private run(): ParsedParagraph {
		const { text, n } = this;
		const spans = findCodeSpans(text);
		// Bare web addresses are text as written: `__init__` in one is no bold (GFM's autolinks).
		const urls = findBareUrls(text, spans);
		this.hadUrls = urls.length > 0;
		let u = 0;
		let s = 0;
		let i = 0;
		let plainFrom = 0;
		while (i < n) {
			const c = text.charCodeAt(i);
			if (c >= 128 || SPECIAL[c] === 0) {
				i++;
				continue;
			}
			if (u < urls.length) {
				while (u < urls.length && urls[u].end <= i) u++;
				if (u < urls.length && i >= urls[u].start) {
					i = urls[u++].end;
					continue;
				}
			}
			if (i > plainFrom) this.addText(plainFrom, i);
			switch (c) {
				case 10: // \n: a soft or hard line break
					i = this.lineBreak(i, false);
					break;
				case 92: {
					// backslash
					const next = text.charCodeAt(i + 1);
					if (next === 10) i = this.lineBreak(i + 1, true);
					else if (i + 1 < n && next < 128 && ASCII_PUNCT.indexOf(text[i + 1]) !== -1) {
						this.addText(i + 1, i + 2);
						i += 2;
					} else {
						this.addText(i, i + 1);
						i++;
					}
					break;
				}
				case 96: {
					// backtick
					while (s < spans.length && spans[s].start < i) s++;
					let j = i;
					while (j < n && text.charCodeAt(j) === 96) j++;
					if (s < spans.length && spans[s].start === i) {
						const span = spans[s++];
						this.pushNode({ type: "code", text: codeText(text.slice(j, span.end - (j - i))) });
						i = span.end;
					} else {
						this.addText(i, j);
						i = j;
					}
					break;
				}
				case 42:
				case 95:
				case 126:
				case 61: // = (a highlight the line pass left open: its close is on a later line)
					i = this.delimiterRun(i, c);
					break;
				case 91: // [
					this.pushBracket("[", false, i);
					i++;
					break;
				case 33: // !
					if (text.charCodeAt(i + 1) === 91) {
						this.pushBracket("![", true, i);
						i += 2;
					} else {
						this.addText(i, i + 1);
						i++;
					}
					break;
				case 93: // ]
					i = this.closeBracket(i);
					break;
				case 60: // <
					i = this.angle(i);
					break;
				case 38: {
					// &: an entity reference is the character it names (`&amp;`, `&nbsp;`, `&#8212;`)
					const entity = entityAt(text, i);
					if (entity === null) {
						this.addText(i, i + 1);
						i++;
					} else {
						this.addString(entity.text);
						i = entity.end;
					}
					break;
				}
				default:
					this.addText(i, i + 1);
					i++;
			}
			plainFrom = i;
		}
		if (n > plainFrom) this.addText(plainFrom, n);
		this.flush();
		this.processEmphasis(-1);
		return this.pieces();
	}

	/**
	 * A newline at `i` (hard when a backslash or two spaces end the line); returns where the next line's
	 * text starts. A line of nothing but HTML tags, which are dropped, shows nothing: its break goes with
	 * it, or the paragraph on Medium would hold an empty line.
	 */
	private lineBreak(i: number, backslash: boolean): number {
		const hard = this.trimTextEnd() >= 2 || backslash;
		let j = i + 1;
		while (j < this.n && (this.text.charCodeAt(j) === 32 || this.text.charCodeAt(j) === 9)) j++;
		if (!backslash && this.text.charCodeAt(this.lineStart) === 60 && onlyDroppedTags(this.text, this.lineStart, i)) {
			// The break (or space) before the line stands for both; the space that break was is back.
			if (!this.report.softBreaks && this.lineStart > 0) this.addString(" ");
		} else if (hard || this.report.softBreaks) this.pushNode(BREAK);
		// Between Chinese or Japanese lines the soft break is nothing: they put no space between words.
		else if (!joinsWithoutSpace(this.text, trimmedEnd(this.text, i), this.text, j)) this.addString(" ");
		this.lineStart = j;
		return j;
	}

	/** A run of `*`, `_` or `~` at `i`: a delimiter whose opening and closing powers follow CommonMark's flanking rules. */
	private delimiterRun(i: number, c: number): number {
		const text = this.text;
		let j = i;
		while (j < this.n && text.charCodeAt(j) === c) j++;
		const count = j - i;
		// Obsidian strikes only with `~~` (GFM's `~one~` is literal there, as `~~~` is), highlights only with `==`.
		if ((c === 126 || c === 61) && count !== 2) {
			this.addText(i, j);
			return j;
		}
		const before = i > 0 ? text.charCodeAt(i - 1) : 10;
		const after = j < this.n ? text.charCodeAt(j) : 10;
		const beforeSpace = isSpace(before) || isWideSpace(before);
		const afterSpace = isSpace(after) || isWideSpace(after);
		const beforePunct = !beforeSpace && isPunctAt(text, i - 1);
		const afterPunct = !afterSpace && isPunctAt(text, j);
		const left = !afterSpace && (!afterPunct || beforeSpace || beforePunct);
		const right = !beforeSpace && (!beforePunct || afterSpace || afterPunct);
		let canOpen = left;
		let canClose = right;
		if (c === 95) {
			canOpen = left && (!right || beforePunct);
			canClose = right && (!left || afterPunct);
		}
		this.flush();
		const st = this.st;
		const e = this.append(Kind.Delim, "", null);
		st.ch[e] = c;
		st.count[e] = st.origCount[e] = count;
		st.power[e] = (canOpen ? OPEN : 0) | (canClose ? CLOSE : 0);
		st.srcStart[e] = i;
		st.srcEnd[e] = j;
		st.dprev[e] = this.delimTop;
		if (this.delimTop !== -1) st.dnext[this.delimTop] = e;
		this.delimTop = e;
		return j;
	}

	/**
	 * A bold or italic tag (see HTML_STRONG) at `lt`…`gt` as a delimiter that only opens or only closes;
	 * false for another tag, or one with white space inside it (`<b> x </b>`), which is dropped.
	 */
	private htmlDelimiter(inner: string, lt: number, gt: number): boolean {
		const closing = inner.charCodeAt(0) === 47;
		const name = (closing ? inner.slice(1) : inner).trim().split(/\s/, 1)[0].toLowerCase();
		const ch = name === "b" || name === "strong" || name === "mark" ? HTML_STRONG : name === "i" || name === "em" ? HTML_EM : 0;
		if (ch === 0) return false;
		const inside = closing ? this.text.charCodeAt(lt - 1) : this.text.charCodeAt(gt + 1);
		if (Number.isNaN(inside) || isSpace(inside) || isWideSpace(inside)) return false;
		this.flush();
		const st = this.st;
		const e = this.append(Kind.Delim, "", null);
		st.ch[e] = ch;
		st.count[e] = st.origCount[e] = 1;
		st.power[e] = closing ? CLOSE : OPEN;
		// No text of its own: left unpaired, it shows nothing (and is reported as a dropped tag).
		st.srcStart[e] = st.srcEnd[e] = gt + 1;
		st.dprev[e] = this.delimTop;
		if (this.delimTop !== -1) st.dnext[this.delimTop] = e;
		this.delimTop = e;
		return true;
	}

	private pushBracket(text: string, image: boolean, at: number): void {
		this.flush();
		const st = this.st;
		const e = this.append(Kind.Bracket, text, null);
		st.srcStart[e] = at;
		st.srcEnd[e] = at + text.length;
		st.ch[e] = image ? 1 : 0;
		st.count[e] = ++this.bracketSeq;
		st.dprev[e] = this.delimTop;
		st.dnext[e] = this.bracketTop;
		this.bracketTop = e;
	}

	/** `]`: closes the innermost `[` as a link or image when `(destination "title")` follows. */
	private closeBracket(i: number): number {
		const st = this.st;
		const b = this.bracketTop;
		if (b === -1) {
			this.addText(i, i + 1);
			return i + 1;
		}
		this.bracketTop = st.dnext[b];
		const image = st.ch[b] === 1;
		if (!image && st.count[b] < this.inactiveBelow) {
			this.addText(i, i + 1);
			return i + 1;
		}
		const d = this.text.charCodeAt(i + 1) === 40 ? this.destination(i + 1) : null;
		if (!d) {
			this.addText(i, i + 1);
			return i + 1;
		}
		this.flush();
		this.processEmphasis(st.dprev[b]);
		const children = this.takeAfter(b);
		st.kind[b] = Kind.Node;
		const depth = this.takenDepth + 1;
		st.origCount[b] = depth;
		if (depth > this.maxDepth) this.maxDepth = depth;
		st.text[b] = "";
		st.dprev[b] = st.dnext[b] = -1;
		if (image) {
			this.rewrite = true;
			st.node[b] = { type: "image", src: d.dest, alt: plainText(children), title: d.title };
		} else {
			// Only a link Medium cannot keep as it is (relative, or around nothing) makes the tree be rewritten.
			if (children.length === 0 || !isAbsoluteHref(d.dest)) this.rewrite = true;
			st.node[b] = { type: "link", href: d.dest, children: children as InlineNode[] };
			// No link inside a link: every `[` still open (all opened before this one) can no longer open one.
			this.inactiveBelow = st.count[b];
		}
		return d.end;
	}

	/** Parses `(dest "title")` at `open`; bounded (32 nested parentheses; titles found by forward searches). */
	private destination(open: number): { dest: string; title: string | null; end: number } | null {
		const text = this.text;
		const n = this.n;
		let i = open + 1;
		while (i < n && isSpace(text.charCodeAt(i))) i++;
		let dest: string;
		if (text[i] === "<") {
			this.gt ??= new ForwardFinder(text, ">");
			const close = this.gt.next(i + 1);
			if (close === -1) return null;
			dest = text.slice(i + 1, close);
			if (dest.indexOf("<") !== -1 || dest.indexOf("\n") !== -1) return null;
			i = close + 1;
		} else {
			const start = i;
			i = bareDestinationEnd(text, start);
			if (i === -1) return null;
			dest = unescape(text.slice(start, i));
		}
		dest = decodeEntities(dest);
		const afterDest = i;
		while (i < n && isSpace(text.charCodeAt(i))) i++;
		let title: string | null = null;
		const q = text[i];
		if (i > afterDest && (q === '"' || q === "'" || q === "(")) {
			const closeCh = q === "(" ? ")" : q;
			const finder = ((this.quoteFinders ??= {})[closeCh] ??= new ForwardFinder(text, closeCh, (k) => text.charCodeAt(k - 1) !== 92));
			const close = finder.next(i + 1);
			if (close === -1) return null;
			title = decodeEntities(unescape(text.slice(i + 1, close)));
			i = close + 1;
			while (i < n && isSpace(text.charCodeAt(i))) i++;
		}
		if (text[i] !== ")") return null;
		return { dest, title, end: i + 1 };
	}

	/** `<`: an autolink, a `<br>`, another HTML tag (dropped, its text kept), or a plain `<`. */
	private angle(i: number): number {
		const text = this.text;
		this.gt ??= new ForwardFinder(text, ">");
		const close = this.gt.next(i + 1);
		if (close === -1 || close - i > 2048) {
			this.addText(i, i + 1);
			return i + 1;
		}
		const inner = text.slice(i + 1, close);
		if ((inner.indexOf('"') !== -1 || inner.indexOf("'") !== -1) && !isAutolink(inner)) {
			// A quote: the tag ends past its quoted values (`<span title="a > b">`), or no tag opens here.
			const end = isAsciiLetter(inner.charCodeAt(inner.charCodeAt(0) === 47 ? 1 : 0)) ? htmlTagEnd(text, i) : -1;
			if (end === -1 || end - i > 2048 || !isHtmlTag(text.slice(i + 1, end))) {
				this.addText(i, i + 1);
				return i + 1;
			}
			const tag = text.slice(i + 1, end);
			if (!this.htmlDelimiter(tag, i, end)) this.dropTag(tag);
			return end + 1;
		}
		if (inner.indexOf("<") !== -1 || inner.indexOf("\n") !== -1) {
			this.addText(i, i + 1);
			return i + 1;
		}
		if (isAutolink(inner)) {
			if (!isAbsoluteHref(inner)) this.rewrite = true;
			this.pushNode({ type: "link", href: inner, children: [{ type: "text", text: inner }] });
			return close + 1;
		}
		if (isEmailAutolink(inner)) {
			this.pushNode({ type: "link", href: "mailto:" + inner, children: [{ type: "text", text: inner }] });
			return close + 1;
		}
		if (isLineBreakTag(inner)) {
			// Spaces around a `<br>` would start or end a line: they go.
			this.trimTextEnd();
			// A paragraph tag right after a break (`</p><p>`) breaks nothing more.
			const again = this.bufFrom === -1 && this.buf.length === 0 && this.tail !== -1 && this.st.node[this.tail] === BREAK;
			if (!(again && isParagraphTag(inner))) this.pushNode(BREAK);
			let j = close + 1;
			while (j < this.n && (this.text.charCodeAt(j) === 32 || this.text.charCodeAt(j) === 9)) j++;
			return j;
		}
		if (isHtmlTag(inner)) {
			if (this.htmlDelimiter(inner, i, close)) return close + 1;
			const paren = rubyParen(this.text, i, close, inner);
			if (paren !== "") this.addString(paren);
			// A player's closing tag on a line of its own: the player itself was read (html-media.ts).
			if (!/^\/(?:video|audio|iframe)\s*$/i.test(inner)) this.dropTag(inner);
			return close + 1;
		}
		this.addText(i, i + 1);
		return i + 1;
	}

	/**
	 * Warns of a tag left out (`inner`: its text between `<` and `>`): that it centred text, when it did.
	 * A closing tag loses nothing of its own: its opener said what was lost (`</div>` after `<div align="center">`).
	 */
	private dropTag(inner: string): void {
		if (inner.charCodeAt(0) === 47) return;
		if (alignsText(inner)) this.report.warn(ALIGNED_TEXT_CODE, ALIGNED_TEXT_MESSAGE);
		// `<s>`, `<del>`, `<strike>`: struck text, as `~~x~~` is (Obsidian's help writes strikethrough so).
		else if (/^(?:s|del|strike)(?:\s|\/|$)/i.test(inner)) this.report.warn(STRIKETHROUGH_CODE, STRIKETHROUGH_MESSAGE);
		else if (!showsNothingOwn(inner)) this.report.warn(RAW_HTML_CODE, RAW_HTML_MESSAGE);
	}

	// --- the working list ---

	private append(kind: Kind, text: string, node: Node | null): number {
		const e = this.st.take(kind, text, node, this.tail, -1);
		if (this.tail !== -1) this.st.next[this.tail] = e;
		else this.head = e;
		this.tail = e;
		return e;
	}

	/** Adds the paragraph's text from `a` to `b` (not empty) to the text met. */
	private addText(a: number, b: number): void {
		if (this.bufFrom !== -1) {
			if (a === this.bufTo) this.bufTo = b;
			else {
				this.buf = this.text.slice(this.bufFrom, this.bufTo) + this.text.slice(a, b);
				this.bufFrom = this.bufTo = -1;
			}
		} else if (this.buf.length === 0) {
			this.bufFrom = a;
			this.bufTo = b;
		} else this.buf += this.text.slice(a, b);
	}

	/** Adds text that is not the paragraph's own (a line end's space). */
	private addString(s: string): void {
		if (this.bufFrom !== -1) {
			this.buf = this.text.slice(this.bufFrom, this.bufTo);
			this.bufFrom = this.bufTo = -1;
		}
		this.buf += s;
	}

	/** Drops the spaces and tabs that end the text met; returns how many there were. */
	private trimTextEnd(): number {
		if (this.bufFrom !== -1) {
			let to = this.bufTo;
			while (to > this.bufFrom && (this.text.charCodeAt(to - 1) === 32 || this.text.charCodeAt(to - 1) === 9)) to--;
			const trimmed = this.bufTo - to;
			if (to === this.bufFrom) this.bufFrom = this.bufTo = -1;
			else this.bufTo = to;
			return trimmed;
		}
		let end = this.buf.length;
		while (end > 0 && (this.buf.charCodeAt(end - 1) === 32 || this.buf.charCodeAt(end - 1) === 9)) end--;
		const trimmed = this.buf.length - end;
		if (trimmed > 0) this.buf = this.buf.slice(0, end);
		return trimmed;
	}

	private flush(): void {
		if (this.bufFrom !== -1) {
			const e = this.append(Kind.Text, "", null);
			this.st.srcStart[e] = this.bufFrom;
			this.st.srcEnd[e] = this.bufTo;
			this.bufFrom = this.bufTo = -1;
			return;
		}
		if (this.buf.length === 0) return;
		this.append(Kind.Text, this.buf, null);
		this.buf = "";
	}

	private pushNode(node: Node): void {
		this.flush();
		this.append(Kind.Node, "", node);
	}

	/** Removes every entry after `e` and returns them as nodes. */
	private takeAfter(e: number): Node[] {
		const nodes = this.collect(this.st.next[e], -1);
		this.st.next[e] = -1;
		this.tail = e;
		return nodes;
	}

	/** Removes the entries strictly between `a` and `b` and returns them as nodes. */
	private takeBetween(a: number, b: number): Node[] {
		const nodes = this.collect(this.st.next[a], b);
		this.st.next[a] = b;
		this.st.prev[b] = a;
		return nodes;
	}

	/**
	 * The entries from `from` up to `stop` (-1: the end) as nodes, adjacent text joined (a text entry, an
	 * unclosed `[` or the rest of a delimiter run is text); sets the deepest node's depth in `takenDepth`.
	 */
	private collect(from: number, stop: number): Node[] {
		const st = this.st;
		let count = 0;
		let depth = 0;
		// The text run so far: a stretch of the paragraph (runFrom..runTo) while its parts touch, else a string.
		let pending: string | null = null;
		let runFrom = -1;
		let runTo = -1;
		for (let x = from; x !== -1 && x !== stop; x = st.next[x]) {
			const kind = st.kind[x];
			if (kind === Kind.Node) {
				if (st.origCount[x] > depth) depth = st.origCount[x];
				const node = st.node[x];
				if (node === null) continue;
				if (runFrom !== -1 || pending !== null) {
					scratch[count++] = { type: "text", text: runFrom !== -1 ? this.text.slice(runFrom, runTo) : (pending as string) };
					pending = null;
					runFrom = runTo = -1;
				}
				scratch[count++] = node;
				continue;
			}
			// A delimiter run keeps no text: what is left of it is its character, `count` times (a stretch while none was used).
			let a = st.srcStart[x];
			let text = "";
			if (kind === Kind.Delim && isHtmlDelim(st.ch[x])) this.report.warn(RAW_HTML_CODE, RAW_HTML_MESSAGE);
			else if (kind === Kind.Delim && st.count[x] !== st.origCount[x]) {
				a = -1;
				text = delimText(st.ch[x], st.count[x]);
			} else if (a === -1) text = st.text[x];
			if (a !== -1) {
				const b = st.srcEnd[x];
				if (runFrom !== -1 && a === runTo) runTo = b;
				else if (runFrom === -1 && pending === null) {
					runFrom = a;
					runTo = b;
				} else {
					pending = (runFrom !== -1 ? this.text.slice(runFrom, runTo) : (pending as string)) + this.text.slice(a, b);
					runFrom = runTo = -1;
				}
			} else if (text.length > 0) {
				if (runFrom !== -1) {
					pending = this.text.slice(runFrom, runTo) + text;
					runFrom = runTo = -1;
				} else pending = pending === null ? text : pending + text;
			}
		}
		if (runFrom !== -1 || pending !== null) scratch[count++] = { type: "text", text: runFrom !== -1 ? this.text.slice(runFrom, runTo) : (pending as string) };
		this.takenDepth = depth;
		return takeScratch(count);
	}

	private unlink(e: number): void {
		const st = this.st;
		const p = st.prev[e];
		const n = st.next[e];
		if (p !== -1) st.next[p] = n;
		else this.head = n;
		if (n !== -1) st.prev[n] = p;
		else this.tail = p;
	}

	private removeDelim(d: number): void {
		const st = this.st;
		const p = st.dprev[d];
		const n = st.dnext[d];
		if (p !== -1) st.dnext[p] = n;
		if (n !== -1) st.dprev[n] = p;
		else this.delimTop = p;
		st.dprev[d] = st.dnext[d] = -1;
	}

	/** CommonMark's "process emphasis" over the delimiters above `bottom` (-1: all of them). */
	private processEmphasis(bottom: number): void {
		if (this.delimTop === -1 || this.delimTop === bottom) return;
		const st = this.st;
		// Openers bottom per (character, length mod 3, can open): UNSET until a search fails.
		const openersBottom = st.openersBottom;
		openersBottom.fill(UNSET);
		let closer: number;
		if (bottom !== -1) closer = st.dnext[bottom];
		else {
			// Only once per paragraph (at its end): the walk down the stack stays linear.
			closer = this.delimTop;
			while (closer !== -1 && st.dprev[closer] !== -1) closer = st.dprev[closer];
		}
		while (closer !== -1) {
			const cPower = st.power[closer];
			if ((cPower & CLOSE) === 0) {
				closer = st.dnext[closer];
				continue;
			}
			const cch = st.ch[closer];
			const cOrig = st.origCount[closer];
			const cCanOpen = (cPower & OPEN) !== 0;
			const key = delimIndex(cch) * 6 + (cOrig % 3) * 2 + (cCanOpen ? 1 : 0);
			const floor = openersBottom[key] !== UNSET ? openersBottom[key] : bottom;
			let opener = st.dprev[closer];
			let found = false;
			while (opener !== -1 && opener !== bottom && opener !== floor) {
				if (st.ch[opener] === cch && (st.power[opener] & OPEN) !== 0) {
					if (cch === 126 || cch === 61 || isHtmlDelim(cch)) {
						if (st.count[opener] === st.count[closer]) {
							found = true;
							break;
						}
					} else {
						const odd = (cCanOpen || (st.power[opener] & CLOSE) !== 0) && cOrig % 3 !== 0 && (st.origCount[opener] + cOrig) % 3 === 0;
						if (!odd) {
							found = true;
							break;
						}
					}
				}
				opener = st.dprev[opener];
			}
			const old = closer;
			if (found && opener !== -1) {
				const use = cch === 126 || cch === 61 || isHtmlDelim(cch) ? st.count[closer] : st.count[closer] >= 2 && st.count[opener] >= 2 ? 2 : 1;
				st.count[opener] -= use;
				st.count[closer] -= use;
				const children = this.takeBetween(opener, closer);
				const depth = this.takenDepth + 1;
				if (depth > this.maxDepth) this.maxDepth = depth;
				let node: Node;
				if (cch === 126) {
					this.report.warn(STRIKETHROUGH_CODE, STRIKETHROUGH_MESSAGE);
					this.rewrite = true;
					node = { type: "strike", children };
				} else node = use === 2 || cch === 61 || cch === HTML_STRONG ? { type: "strong", children: unnest(children as InlineNode[], "strong") } : { type: "em", children: unnest(children as InlineNode[], "em") };
				const wrap = st.take(Kind.Node, "", node, opener, closer);
				st.origCount[wrap] = depth;
				st.next[opener] = wrap;
				st.prev[closer] = wrap;
				st.dnext[opener] = closer;
				st.dprev[closer] = opener;
				if (st.count[opener] === 0) {
					this.removeDelim(opener);
					this.unlink(opener);
				}
				if (st.count[closer] === 0) {
					const next = st.dnext[closer];
					this.removeDelim(closer);
					this.unlink(closer);
					closer = next;
				}
			} else {
				closer = st.dnext[closer];
				openersBottom[key] = st.dprev[old];
				if ((st.power[old] & OPEN) === 0) this.removeDelim(old);
			}
		}
		// Delimiters left above the bottom are plain text from now on.
		while (this.delimTop !== -1 && this.delimTop !== bottom) this.removeDelim(this.delimTop);
	}

	/** The finished list as pieces: inline runs, with top-level images standing apart. */
	private pieces(): ParsedParagraph {
		let nodes = this.collect(this.head, -1);
		if (this.maxDepth > MAX_NESTING) nodes = capNesting(nodes);
		if (!this.rewrite) return trimInline(nodes as InlineNode[]);
		const pieces: InlinePiece[] = [];
		let run: InlineNode[] = [];
		const hoisted: InlineImage[] = [];
		// Medium has no image inside text. An image that starts or ends its line splits the paragraph where
		// it stands; one in the middle of a line waits until the text it sits in ends, so the sentence stays whole.
		const waiting: InlineImage[] = [];
		const textAfter = textFollows(nodes);
		let textBefore = false;
		let joint = -1;
		for (let k = 0; k < nodes.length; k++) {
			const node = nodes[k];
			const hadText = textBefore;
			if (node.type === "break") textBefore = false;
			else if (!isBlankOrImage(node)) textBefore = true;
			if (node.type === "image") {
				if (!textBefore || textAfter[k] === 0) {
					if (run.length > 0) pieces.push(run);
					run = [];
					pieces.push(...waiting, node);
					waiting.length = 0;
				} else {
					waiting.push(node);
					joint = run.length;
				}
				continue;
			}
			const runBefore = run.length;
			this.medium(node, run, hoisted);
			if (joint > 0 && run.length > joint) closeJoint(run, joint);
			joint = -1;
			if (hoisted.length > 0) {
				// Images that were inside a link or emphasis with text around them wait, as one in the middle of a line does.
				if (textAfter[k] === 1 && (hadText || run.length > runBefore)) {
					waiting.push(...hoisted);
					hoisted.length = 0;
					continue;
				}
				if (run.length > 0) pieces.push(run);
				run = [];
				pieces.push(...waiting, ...hoisted);
				waiting.length = hoisted.length = 0;
			}
		}
		if (run.length > 0) pieces.push(run);
		pieces.push(...waiting);
		const out: InlinePiece[] = [];
		for (const p of pieces) {
			if (!Array.isArray(p)) {
				out.push(p);
				continue;
			}
			const trimmed = trimInline(mergeText(p));
			if (trimmed.length > 0) out.push(trimmed);
		}
		return { pieces: out };
	}

	/**
	 * A link's or emphasis's children made Medium's into `out`. Where an image moved out from between two
	 * words, the space before it goes (see closeJoint): `[see ![i](u) here](l)` reads `see here`, not `see  here`.
	 */
	private mediumChildren(children: readonly Node[], out: InlineNode[], hoisted: InlineImage[]): void {
		let joint = -1;
		const start0 = out.length;
		for (const c of children) {
			const start = out.length;
			this.medium(c, out, hoisted);
			if (c.type === "image") {
				if (start > 0) joint = start;
				continue;
			}
			if (joint > 0 && out.length > joint) closeJoint(out, joint);
			joint = -1;
		}
		if (children.length > 0 && children[0].type === "image") trimEdge(out, start0, true);
		if (children.length > 1 && children[children.length - 1].type === "image") trimEdge(out, start0, false);
	}

	/** Makes a node Medium's: strikethrough unwrapped, relative links made text, nested images moved out. */
	private medium(node: Node, out: InlineNode[], hoisted: InlineImage[]): void {
		switch (node.type) {
			case "image":
				hoisted.push(node);
				return;
			case "strike": {
				// Unwrapped, read as its own text first (as bold is): an image opening it moves out without taking the space before it.
				const children: InlineNode[] = [];
				this.mediumChildren(node.children, children, hoisted);
				if (children.length > 0) out.push(...spaceBefore(node.children, out), ...children);
				return;
			}
			case "strong":
			case "em": {
				const children: InlineNode[] = [];
				this.mediumChildren(node.children, children, hoisted);
				if (children.length > 0) out.push(...spaceBefore(node.children, out), { type: node.type, children: mergeText(children) });
				return;
			}
			case "link": {
				const children: InlineNode[] = [];
				const imagesBefore = hoisted.length;
				this.mediumChildren(node.children, children, hoisted);
				if (children.length > 0) out.push(...spaceBefore(node.children, out));
				if (isAbsoluteHref(node.href)) {
					// A link around nothing but an image (moved out) has no text left to carry it, and Medium's
					// images cannot be links: the reader is told it is gone.
					if (children.length > 0) out.push({ type: "link", href: node.href, children: mergeText(children) });
					// A link to the image itself (a picture that opens full size) loses nothing.
					else if (hoisted.length > imagesBefore && hoisted.slice(imagesBefore).some((im) => im.src !== node.href)) this.report.warn(IMAGE_LINK_CODE, `Link to ${node.href} around an image was dropped: Medium's images cannot be links.`);
					return;
				}
				this.report.warn(RELATIVE_LINK_CODE, `Link to ${node.href} is not a web address Medium can follow; it became plain text.`);
				out.push(...children);
				return;
			}
			default:
				out.push(node);
		}
	}
}

/**
 * The white space an image moving out leaves at the start (`atStart`) or end of a link's or emphasis's
 * text, from `out[from]` on: it goes (`[![icon](u) GitHub](l)` is the link `GitHub`, not ` GitHub`).
 */
function trimEdge(out: InlineNode[], from: number, atStart: boolean): void {
	const k = atStart ? from : out.length - 1;
	const t = out[k];
	if (k < from || t === undefined || t.type !== "text") return;
	const text = atStart ? t.text.trimStart() : t.text.trimEnd();
	if (text.length === t.text.length) return;
	if (text === "") out.splice(k, 1);
	else out[k] = { type: "text", text };
}

/**
 * A space to stand before a link or emphasis whose text an image opened (see trimEdge), when text
 * before it ends in none: `a[![i](u) b](l)` reads `a b`. None at the start of the line.
 */
function spaceBefore(children: readonly Node[], out: readonly InlineNode[]): InlineNode[] {
	if (children.length === 0 || children[0].type !== "image" || out.length === 0) return [];
	const prev = out[out.length - 1];
	if (prev.type === "break" || (prev.type === "text" && isSpace(prev.text.charCodeAt(prev.text.length - 1)))) return [];
	return SPACE;
}

const SPACE: InlineNode[] = [{ type: "text", text: " " }];

/** For each node, 1 when text (not white space, not an image) follows it on its line: one pass from the end. */
/**
 * Bold inside bold (or italic inside italic) shows nothing more: `**Title with **bold****`, a callout title
 * holding bold words, would be sent as `<strong>` inside `<strong>`. The inner one is opened into the outer.
 */
function unnest(children: InlineNode[], type: "strong" | "em"): InlineNode[] {
	let k = 0;
	while (k < children.length && children[k].type !== type) k++;
	if (k === children.length) return children;
	const out: InlineNode[] = children.slice(0, k);
	for (; k < children.length; k++) {
		const child = children[k];
		if (child.type === type) for (const inner of child.children) out.push(inner);
		else out.push(child);
	}
	return mergeText(out);
}

function textFollows(nodes: readonly Node[]): Uint8Array {
	const out = new Uint8Array(nodes.length);
	let seen = 0;
	for (let j = nodes.length - 1; j >= 0; j--) {
		out[j] = seen;
		const t = nodes[j];
		if (t.type === "break") seen = 0;
		else if (!isBlankOrImage(t)) seen = 1;
	}
	return out;
}

function isBlankOrImage(node: Node): boolean {
	return node.type === "image" || (node.type === "text" && node.text.trim() === "");
}

/**
 * Where an image left the middle of a line (`run[joint - 1]` before it, `run[joint]` after it): the
 * space before it goes when a space or a closing mark follows, so `a ![[i]] b` reads `a b`, not `a  b`.
 */
function closeJoint(run: InlineNode[], joint: number): void {
	const before = run[joint - 1];
	const after = run[joint];
	if (before.type !== "text" || after.type !== "text" || !isSpace(before.text.charCodeAt(before.text.length - 1))) return;
	const c = after.text.charCodeAt(0);
	if (isSpace(c) || CLOSING_MARKS.indexOf(after.text[0]) !== -1) run[joint - 1] = { type: "text", text: before.text.trimEnd() };
}

const CLOSING_MARKS = ",.;:!?)]}";

/** What is left of a delimiter run, as text (the short ones shared). */
function delimText(ch: number, count: number): string {
	if (count === 0) return "";
	if (count <= 3) return DELIM_TEXT[delimIndex(ch) * 3 + count - 1];
	return String.fromCharCode(ch).repeat(count);
}

const DELIM_TEXT = ["*", "**", "***", "_", "__", "___", "~", "~~", "~~~", "=", "==", "==="];

/** A code span's content: line endings become spaces; one space each side is stripped when both are there. */
function codeText(inner: string): string {
	let s = inner.indexOf("\n") === -1 ? inner : inner.split("\n").join(" ");
	if (s.length >= 2 && s[0] === " " && s[s.length - 1] === " " && s.trim() !== "") s = s.slice(1, -1);
	return s;
}

/** Backslash escapes of ASCII punctuation removed (destinations and titles). */
function unescape(s: string): string {
	if (s.indexOf("\\") === -1) return s;
	let out = "";
	for (let i = 0; i < s.length; i++) {
		if (s[i] === "\\" && i + 1 < s.length && ASCII_PUNCT.indexOf(s[i + 1]) !== -1) i++;
		out += s[i];
	}
	return out;
}

/** `<scheme:…>` with no space inside: CommonMark's autolink (email autolinks too). */
function isAutolink(inner: string): boolean {
	if (inner.length === 0) return false;
	for (let i = 0; i < inner.length; i++) if (inner.charCodeAt(i) <= 32) return false;
	const colon = inner.indexOf(":");
	if (colon >= 2 && colon <= 32) {
		for (let i = 0; i < colon; i++) {
			const c = inner.charCodeAt(i);
			const ok = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (i > 0 && ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46));
			if (!ok) return false;
		}
		return true;
	}
	return false;
}

/** Characters CommonMark allows before the `@` of an email autolink. */
const EMAIL_LOCAL = ".!#$%&'*+/=?^_`{|}~-";

/**
 * `<me@example.com>`: CommonMark's email autolink (a mailto: link). The local part is letters, digits
 * and {@link EMAIL_LOCAL}; the domain is dot-separated labels of letters, digits and inner `-`.
 */
function isEmailAutolink(inner: string): boolean {
	const at = inner.indexOf("@");
	if (at < 1 || at === inner.length - 1) return false;
	for (let i = 0; i < at; i++) {
		const c = inner.charCodeAt(i);
		if (!isAsciiAlnum(c) && EMAIL_LOCAL.indexOf(inner[i]) === -1) return false;
	}
	let labelStart = at + 1;
	for (let i = at + 1; i <= inner.length; i++) {
		const c = i < inner.length ? inner.charCodeAt(i) : 46;
		if (c === 46) {
			const len = i - labelStart;
			if (len < 1 || len > 63 || inner.charCodeAt(labelStart) === 45 || inner.charCodeAt(i - 1) === 45) return false;
			labelStart = i + 1;
		} else if (!isAsciiAlnum(c) && c !== 45) return false;
	}
	return true;
}

/**
 * Whether `text[from, to)` holds HTML tags and white space only, each one a tag the paragraph parser's
 * `angle` drops (not a `<br>` or `<p>`, which break the line, nor an autolink): such a line shows nothing.
 */
function onlyDroppedTags(text: string, from: number, to: number): boolean {
	let k = from;
	while (k < to) {
		const c = text.charCodeAt(k);
		if (c === 32 || c === 9) {
			k++;
			continue;
		}
		if (c !== 60) return false;
		const end = htmlTagEnd(text, k);
		if (end === -1 || end >= to || end - k > 2048) return false;
		const inner = text.slice(k + 1, end);
		if (!isHtmlTag(inner) || isLineBreakTag(inner) || isAutolink(inner) || isEmailAutolink(inner)) return false;
		k = end + 1;
	}
	return true;
}

/**
 * `<tag …>`, `</tag>` or `<tag/>` (the text between `<` and `>`): an HTML tag of CommonMark's shape, a name
 * (a letter, then letters, digits, `-`), attributes each after white space (a name of letters, digits,
 * `_.:-` not starting with a digit, `.` or `-`; a value quoted or bare), an optional `/`. Anything else
 * (`<Things 3>`, `<x 1="2">`, `<a.b>`) is text, as Obsidian shows it. One pass over the tag.
 */
function isHtmlTag(inner: string): boolean {
	const n = inner.length;
	const closing = inner.charCodeAt(0) === 47;
	let k = closing ? 1 : 0;
	if (!isAsciiLetter(inner.charCodeAt(k))) return false;
	k++;
	while (k < n && (isAsciiLetter(inner.charCodeAt(k)) || isAsciiDigit(inner.charCodeAt(k)) || inner.charCodeAt(k) === 45)) k++;
	if (closing) {
		while (k < n && isTagSpace(inner.charCodeAt(k))) k++;
		return k === n;
	}
	while (k < n) {
		const ws = k;
		while (k < n && isTagSpace(inner.charCodeAt(k))) k++;
		if (k === n) return true;
		if (inner.charCodeAt(k) === 47) return k === n - 1;
		const c = inner.charCodeAt(k);
		if (k === ws || !(isAsciiLetter(c) || c === 95 || c === 58)) return false;
		k++;
		while (k < n && isAttributeNameChar(inner.charCodeAt(k))) k++;
		let j = k;
		while (j < n && isTagSpace(inner.charCodeAt(j))) j++;
		if (inner.charCodeAt(j) !== 61) continue;
		j++;
		while (j < n && isTagSpace(inner.charCodeAt(j))) j++;
		const q = inner.charCodeAt(j);
		if (q === 34 || q === 39) {
			const close = inner.indexOf(q === 34 ? '"' : "'", j + 1);
			if (close === -1) return false;
			k = close + 1;
		} else {
			const start = j;
			while (j < n && isUnquotedValueChar(inner.charCodeAt(j))) j++;
			if (j === start) return false;
			k = j;
		}
	}
	return true;
}

function isAsciiLetter(c: number): boolean {
	return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isAsciiDigit(c: number): boolean {
	return c >= 48 && c <= 57;
}

/** White space inside a tag: space, tab, line ending. */
function isTagSpace(c: number): boolean {
	return c === 32 || c === 9 || c === 10 || c === 13;
}

/** A character of an attribute's name past its first: letters, digits, `_`, `.`, `:`, `-`. */
function isAttributeNameChar(c: number): boolean {
	return isAsciiLetter(c) || isAsciiDigit(c) || c === 95 || c === 46 || c === 58 || c === 45;
}

/** A character of a bare attribute value: anything but white space, quotes, `=`, `<`, `>` and a backtick. */
function isUnquotedValueChar(c: number): boolean {
	return !isTagSpace(c) && c !== 34 && c !== 39 && c !== 61 && c !== 60 && c !== 62 && c !== 96;
}

/** Adjacent text nodes joined. */
export function mergeText(nodes: InlineNode[]): InlineNode[] {
	let merged: InlineNode[] | null = null;
	for (let k = 1; k < nodes.length; k++) {
		if (nodes[k].type === "text" && nodes[k - 1].type === "text") {
			merged = [];
			break;
		}
	}
	if (merged === null) return nodes;
	for (const node of nodes) {
		const last = merged[merged.length - 1];
		if (node.type === "text" && last !== undefined && last.type === "text") merged[merged.length - 1] = { type: "text", text: last.text + node.text };
		else merged.push(node);
	}
	return merged;
}

/** Leading and trailing white space and line breaks of a paragraph removed (a loop: any number of them). */
export function trimInline(nodes: InlineNode[]): InlineNode[] {
	let a = 0;
	let b = nodes.length;
	let head: string | null = null;
	while (a < b) {
		const n = nodes[a];
		if (n.type === "break") a++;
		else if (n.type === "text" && isSpace(n.text.charCodeAt(0))) {
			head = n.text.trimStart();
			if (head.length > 0) break;
			head = null;
			a++;
		} else break;
	}
	let tail: string | null = null;
	while (b > a) {
		const n = nodes[b - 1];
		if (n.type === "break") b--;
		else if (n.type === "text" && isSpace(n.text.charCodeAt(n.text.length - 1))) {
			tail = (b - 1 === a && head !== null ? head : n.text).trimEnd();
			if (tail.length > 0) break;
			tail = null;
			b--;
		} else break;
	}
	if (a >= b) return [];
	if (a === 0 && b === nodes.length && head === null && tail === null) return nodes;
	const out = nodes.slice(a, b);
	if (head !== null) out[0] = { type: "text", text: head };
	if (tail !== null) out[out.length - 1] = { type: "text", text: tail };
	return out;
}

/** The plain text of inline nodes (an image's alt, a title). Iterative: any depth. */
export function plainText(nodes: readonly (InlineNode | Node)[]): string {
	// The common alt: nothing, or one run of text (no walk, no stack).
	if (nodes.length === 0) return "";
	if (nodes.length === 1 && nodes[0].type === "text") return nodes[0].text;
	let s = "";
	const stack: Array<{ nodes: readonly (InlineNode | Node)[]; i: number }> = [{ nodes, i: 0 }];
	while (stack.length > 0) {
		const top = stack[stack.length - 1];
		if (top.i >= top.nodes.length) {
			stack.pop();
			continue;
		}
		const n = top.nodes[top.i++];
		if (n.type === "text" || n.type === "code") s += n.text;
		else if (n.type === "break") s += " ";
		else if (n.type === "image") s += n.alt;
		else stack.push({ nodes: n.children, i: 0 });
	}
	return s;
}

/**
 * Markup nested deeper than this is unwrapped (its text kept): no note needs it, and every writer walks
 * the tree recursively, so an adversarial `*a *a *a …` must not make a tree 100,000 levels deep.
 */
const MAX_NESTING = 32;

/** The tree with markup below {@link MAX_NESTING} levels unwrapped. Iterative (an explicit stack), linear. */
function capNesting(nodes: Node[]): Node[] {
	const root: Node[] = [];
	const stack: Array<{ src: Node[]; i: number; out: Node[]; depth: number }> = [{ src: nodes, i: 0, out: root, depth: 0 }];
	while (stack.length > 0) {
		const f = stack[stack.length - 1];
		if (f.i >= f.src.length) {
			stack.pop();
			continue;
		}
		const n = f.src[f.i++];
		if (n.type === "strong" || n.type === "em" || n.type === "link" || n.type === "strike") {
			const children = n.children as Node[];
			if (f.depth >= MAX_NESTING) {
				stack.push({ src: children, i: 0, out: f.out, depth: f.depth });
				continue;
			}
			const out: Node[] = [];
			f.out.push({ ...n, children: out } as Node);
			stack.push({ src: children, i: 0, out, depth: f.depth + 1 });
		} else f.out.push(n);
	}
	return root;
}
