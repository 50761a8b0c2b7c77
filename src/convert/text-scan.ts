/**
 * Small scanning tools that keep the converter linear: searches whose answers are cached while the
 * scanner moves forward, so a note full of unclosed openers (`[[`, `==`, `$`) never rescans a line.
 */

/**
 * Finds the next occurrence of a needle at or after a position, for positions that only grow.
 * A failed or distant search is remembered, so the total work over a line is linear.
 */
export class ForwardFinder {
	private at = -2;
	private from = 0;

	/** `accept` filters occurrences (an escaped `$`, say); rejected ones are skipped. */
	constructor(
		private text: string,
		private readonly needle: string,
		private readonly accept?: (index: number) => boolean,
	) {}

	/** Starts over on another text (a finder kept for many lines, so none is made per line). */
	reset(text: string): this {
		this.text = text;
		this.at = -2;
		this.from = 0;
		return this;
	}

	/** Index of the next accepted occurrence at or after `from`, or -1. */
	next(from: number): number {
		if (this.at === -1 && from >= this.from) return -1;
		if (this.at >= from && from >= this.from) return this.at;
		this.from = from;
		let i = this.text.indexOf(this.needle, from);
		while (i !== -1 && this.accept && !this.accept(i)) i = this.text.indexOf(this.needle, i + 1);
		this.at = i;
		return i;
	}
}

/** A run of backticks and, when it opens a code span, where the span closes. */
export interface CodeSpan {
	start: number;
	/** Index just past the closing run. */
	end: number;
}

/**
 * The inline code spans of one line, CommonMark style: a run of N backticks closes at the next run of
 * exactly N. A backslash escapes a run's first backtick only where the run would open a span (`\``
 * is a literal backtick there); inside a span backslashes are literal, so `` `\` `` is a span holding
 * one backslash. Linear: every run is visited twice.
 */
const NO_SPANS: readonly CodeSpan[] = Object.freeze([]);

/** Scratch tables for {@link findCodeSpans}: the backtick runs of the line being read (never shrunk). */
const runStarts: number[] = [];
const runLens: number[] = [];
/** Whether the run's first backtick follows an unescaped backslash (it cannot open a span). */
const runEscaped: boolean[] = [];
/** The next run (index) whose length equals what run k opens with (its length, less one if escaped). */
const nextSame: number[] = [];
/** Run lengths below this are looked up in {@link lastShortRun}. */
const SHORT_RUN = 64;
/** Per run length: the latest run of it met walking back over a line; all -1 between lines. */
const lastShortRun: number[] = new Array<number>(SHORT_RUN).fill(-1);

export function findCodeSpans(text: string): readonly CodeSpan[] {
	let i = text.indexOf("`");
	if (i === -1) return NO_SPANS;
	const starts = runStarts;
	const lens = runLens;
	const escaped = runEscaped;
	let runs = 0;
	for (; i !== -1 && i < text.length; i = text.indexOf("`", i)) {
		let j = i + 1;
		while (j < text.length && text.charCodeAt(j) === 96) j++;
		starts[runs] = i;
		lens[runs] = j - i;
		escaped[runs] = i > 0 && text.charCodeAt(i - 1) === 92 && !isEscaped(text, i - 1);
		runs++;
		i = j;
	}
	if (runs === 2) {
		// The common case: one span, or two runs of different lengths (no span).
		const opens = escaped[0] ? lens[0] - 1 : lens[0];
		return opens > 0 && opens === lens[1] ? [{ start: escaped[0] ? starts[0] + 1 : starts[0], end: starts[1] + lens[1] }] : NO_SPANS;
	}
	// nextSame[k]: the index of the next run as long as run k's opener (closers count whole). Runs shorter
	// than 64 are looked up in a table kept across lines (no Map per line), longer ones in a Map.
	let longRuns: Map<number, number> | null = null;
	for (let k = runs - 1; k >= 0; k--) {
		const opens = escaped[k] ? lens[k] - 1 : lens[k];
		nextSame[k] = opens <= 0 ? -1 : opens < SHORT_RUN ? lastShortRun[opens] : (longRuns?.get(opens) ?? -1);
		if (lens[k] < SHORT_RUN) lastShortRun[lens[k]] = k;
		else (longRuns ??= new Map()).set(lens[k], k);
	}
	for (let k = 0; k < runs; k++) if (lens[k] < SHORT_RUN) lastShortRun[lens[k]] = -1;
	let spans: CodeSpan[] | null = null;
	let k = 0;
	while (k < runs) {
		const close = nextSame[k];
		if (close === -1) {
			k++;
			continue;
		}
		(spans ??= []).push({ start: escaped[k] ? starts[k] + 1 : starts[k], end: starts[close] + lens[close] });
		k = close + 1;
	}
	return spans ?? NO_SPANS;
}

/** Whether the character at `i` is preceded by an odd number of backslashes. */
export function isEscaped(text: string, i: number): boolean {
	let n = 0;
	for (let j = i - 1; j >= 0 && text.charCodeAt(j) === 92; j--) n++;
	return n % 2 === 1;
}

/**
 * The square brackets of one line (or its parentheses: `new BracketPairs("(", ")")`), matched with a
 * stack (code spans and escapes skipped). Opening brackets are kept in position order with their
 * partner, so `closeOf` answers in amortised O(1) for positions that only grow, as the inline scanner's
 * do. Linear to build. One object serves line after line ({@link reset}): its arrays keep their
 * storage, so matching a line allocates nothing.
 */
export class BracketPairs {
	private readonly opens: number[] = [];
	private readonly closes: number[] = [];
	private readonly stack: number[] = [];
	/** How many entries of `opens`/`closes` belong to the current line (later ones are stale). */
	private count = 0;
	private cursor = 0;
	private readonly openCode: number;

	constructor(
		private readonly open = "[",
		private readonly close = "]",
	) {
		this.openCode = open.charCodeAt(0);
	}

	/** Matches the brackets of `text`, forgetting the previous line's. */
	reset(text: string, spans: readonly CodeSpan[]): this {
		const opens = this.opens;
		const closes = this.closes;
		const stack = this.stack;
		let count = 0;
		let depth = 0;
		let s = 0;
		// Visit only `[`, `]` and `\`, found with native searches.
		let open = text.indexOf(this.open);
		let close = text.indexOf(this.close);
		let escape = text.indexOf("\\");
		while (open !== -1 || close !== -1) {
			let i = open === -1 ? close : close === -1 ? open : Math.min(open, close);
			if (escape !== -1 && escape < i) {
				i = escape;
			}
			while (s < spans.length && spans[s].end <= i) s++;
			let next = i + 1;
			if (s < spans.length && i >= spans[s].start) {
				next = spans[s].end;
				s++;
			} else {
				const c = text.charCodeAt(i);
				if (c === 92) {
					next = i + 2;
				} else if (c === this.openCode) {
					stack[depth++] = count;
					opens[count] = i;
					closes[count] = -1;
					count++;
				} else if (depth > 0) {
					closes[stack[--depth]] = i;
				}
			}
			if (open !== -1 && open < next) open = text.indexOf(this.open, next);
			if (close !== -1 && close < next) close = text.indexOf(this.close, next);
			if (escape !== -1 && escape < next) escape = text.indexOf("\\", next);
		}
		this.count = count;
		this.cursor = 0;
		return this;
	}

	/** The `]` matching the `[` at `open`, or -1. Calls must come with non-decreasing positions. */
	closeOf(open: number): number {
		const opens = this.opens;
		const count = this.count;
		while (this.cursor < count && opens[this.cursor] < open) this.cursor++;
		return this.cursor < count && opens[this.cursor] === open ? this.closes[this.cursor] : -1;
	}
}

/** The longest run of a character in a text, to pick a fence or code-span delimiter that cannot clash. */
export function longestRun(text: string, ch: string): number {
	let best = 0;
	let cur = 0;
	for (let i = 0; i < text.length; i++) {
		if (text[i] === ch) {
			cur++;
			if (cur > best) best = cur;
		} else cur = 0;
	}
	return best;
}

/** Wraps text as an inline code span that survives backticks inside it. */
export function codeSpan(text: string): string {
	const fence = "`".repeat(longestRun(text, "`") + 1);
	const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
	return fence + pad + text + pad + fence;
}

/** Leading white space in columns from `from` on (a tab counts to the next multiple of 4). */
export function indentOf(text: string, from = 0): number {
	let col = 0;
	for (let i = from; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 32) col++;
		else if (c === 9) col += 4 - (col % 4);
		else break;
	}
	return col;
}

/** An ASCII letter or digit. */
export function isAsciiAlnum(c: number): boolean {
	return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** ASCII punctuation, as CommonMark counts it (what a backslash may escape). */
export function isAsciiPunct(c: number): boolean {
	return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}

const UNICODE_PUNCT = /[\p{P}\p{S}]/u;

/** Whether the character at `i` is punctuation as CommonMark's flanking rules read it (Unicode P and S: `“`, `。`, `「`). */
export function isPunctAt(s: string, i: number): boolean {
	const c = s.charCodeAt(i);
	return c < 128 ? isAsciiPunct(c) : UNICODE_PUNCT.test(s.charAt(i));
}

/** Whether a character code is Unicode white space of the kinds markdown cares about. */
export function isSpace(c: number): boolean {
	return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0;
}

/**
 * Whether a character is Chinese or Japanese (East Asian wide or half-width, Hangul left out): CJK
 * symbols and punctuation, kana, ideographs (the supplementary planes' too: a high surrogate D840–D8BF),
 * Yi, full-width forms, half-width katakana.
 */
function isCjCode(c: number): boolean {
	if (c < 0x2e80) return false;
	if (c <= 0x9fff) return c <= 0x303e || (c >= 0x3041 && (c < 0x3131 || c > 0x318e) && (c < 0x4dc0 || c > 0x4dff));
	return (c >= 0xa000 && c <= 0xa4cf) || (c >= 0xd840 && c <= 0xd8bf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff01 && c <= 0xff60) || (c >= 0xff61 && c <= 0xff9f) || (c >= 0xffe0 && c <= 0xffe6);
}

/**
 * Whether a soft line break between `a` (the text before it ends at `end`) and `b` (the next line's
 * text starts at `start`) is shown as nothing: both sides Chinese or Japanese, which put no space
 * between words (CSS Text's segment break rule). Emphasis marks and a link's brackets against the break
 * are looked past.
 */
export function joinsWithoutSpace(a: string, end: number, b: string, start: number): boolean {
	// The next line first: most lines are not Chinese or Japanese, and then nothing before the break is read.
	while (start < b.length && (isEmphasisMark(b.charCodeAt(start)) || b.charCodeAt(start) === 91)) start++;
	if (start >= b.length || !isCjCode(b.charCodeAt(start))) return false;
	while (end > 0 && isEmphasisMark(a.charCodeAt(end - 1))) end--;
	// A link's `](address)` ending the line: its text's last character meets the next line.
	if (end > 0 && a.charCodeAt(end - 1) === 41) {
		let k = end - 2;
		const stop = Math.max(0, end - 2048);
		while (k > stop && a.charCodeAt(k) !== 10 && !(a.charCodeAt(k) === 40 && a.charCodeAt(k - 1) === 93)) k--;
		if (k > stop && a.charCodeAt(k) === 40) end = k - 1;
	}
	while (end > 0 && isEmphasisMark(a.charCodeAt(end - 1))) end--;
	if (end === 0) return false;
	let c = a.charCodeAt(end - 1);
	if (c >= 0xdc00 && c <= 0xdfff && end > 1) c = a.charCodeAt(end - 2);
	return isCjCode(c);
}

function isEmphasisMark(c: number): boolean {
	return c === 42 || c === 95 || c === 126 || c === 61;
}

/**
 * Whether a character code is white space as `String.prototype.trim` sees it: ECMAScript's WhiteSpace
 * (Unicode Zs, tab, vertical tab, form feed, BOM) and LineTerminator. Lets a scan trim by index.
 */
export function isTrimSpace(c: number): boolean {
	if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
	return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `s.slice(start, end).trim()`, made as one slice. */
export function trimmedSlice(s: string, start: number, end: number): string {
	while (start < end && isTrimSpace(s.charCodeAt(start))) start++;
	while (end > start && isTrimSpace(s.charCodeAt(end - 1))) end--;
	return s.slice(start, end);
}

/** Whether a line holds only white space (no allocation, unlike `trim() === ""`). */
export function isBlank(s: string): boolean {
	for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 32) return false;
	return true;
}

/** The characters that can start inline Obsidian syntax, as a one-character class (cannot backtrack). */
const INLINE_SYNTAX = /[!#$%<=@[\\^`]/;

/** Where the first character that can start inline Obsidian syntax is, or -1 (one native search): a
 * text without one passes through. */
export function firstInlineSyntax(s: string): number {
	return s.search(INLINE_SYNTAX);
}

/**
 * Where a bare link destination (`[t](dest)`, no `<…>`) that starts at `start` ends: at a space or
 * control character, or at the `)` that balances none of its own `(`; -1 past 32 nested `(`. Escapes
 * (`\)`) are skipped. One forward pass, shared by the Obsidian pass and the inline parser.
 */
export function bareDestinationEnd(text: string, start: number): number {
	let i = start;
	let depth = 0;
	while (i < text.length) {
		const c = text.charCodeAt(i);
		if (c === 92 && i + 1 < text.length) {
			i += 2;
			continue;
		}
		if (isSpace(c) || c < 32) break;
		if (c === 40) {
			if (++depth > 32) return -1;
		} else if (c === 41) {
			if (depth === 0) break;
			depth--;
		}
		i++;
	}
	return i;
}

/** A bare web address in a line: where it starts and just past its end. */
export interface BareUrl {
	start: number;
	end: number;
}

const NO_URLS: readonly BareUrl[] = Object.freeze([]);
/** Where an address may start: literal alternatives (no nested quantifier, so no backtracking). */
const URL_START = /https?:\/\/|www\./gi;
/** The same, as a quick test: most lines hold no address, and a test keeps no state. */
const MAY_HOLD_URL = /:\/\/|www\./i;

/** Whether a text may hold a bare web address (one native test). */
export function mayHoldUrl(text: string): boolean {
	return MAY_HOLD_URL.test(text);
}

/**
 * The bare web addresses of a text (GFM's extended autolinks, which Obsidian shows as links):
 * `http://`, `https://` or `www.` at the start, after white space or one of `(*_~`, then a domain, up
 * to white space or `<` (`[`, `]`, `` ` `` and `|` end it too, so a link's text, a code span or a table
 * cell is never swallowed). Trailing `?!.,:*_~'"` and an unbalanced `)` are not part of it; after a `(`,
 * the `)` closing it ends it. Their text is
 * literal: `__init__`, `==` or `%%` inside an address is no markup. Spans inside `skip` (code spans)
 * are left out. One native test for a text without an address, else one search from each possible start
 * to the next; linear.
 */
export function findBareUrls(text: string, skip: readonly CodeSpan[]): readonly BareUrl[] {
	if (!mayHoldUrl(text)) return NO_URLS;
	let urls: BareUrl[] | null = null;
	let k = 0;
	let from = 0;
	URL_START.lastIndex = 0;
	// `test`, not `exec`: no match array per address. The match ends at lastIndex and is `www.`, `http://`
	// or `https://`, told apart by its last character and by the one four before the end.
	while (URL_START.test(text)) {
		const matchEnd = URL_START.lastIndex;
		const matchLength = text.charCodeAt(matchEnd - 1) === 46 ? 4 : (text.charCodeAt(matchEnd - 4) | 32) === 115 ? 8 : 7;
		const i = matchEnd - matchLength;
		const b = text.charCodeAt(i - 1);
		if (i > 0 && !isSpace(b) && b !== 40 && b !== 42 && b !== 95 && b !== 126) continue;
		while (k < skip.length && skip[k].end <= i) k++;
		if (k < skip.length && skip[k].start <= i) {
			URL_START.lastIndex = skip[k].end;
			continue;
		}
		// The domain starts after `http(s)://`, or at `www.` itself.
		const start = (text.charCodeAt(i) | 32) === 119 ? i : matchEnd;
		const end = bareUrlEnd(text, start, b === 40);
		if (end > from && end > start) {
			(urls ??= []).push({ start: i, end });
			from = end;
			URL_START.lastIndex = end;
		} else URL_START.lastIndex = Math.max(start, i + 1);
	}
	return urls ?? NO_URLS;
}

/**
 * Just past the address whose domain starts at `start`; `start` when there is no domain. After a `(`
 * (`[a](https://x.example)`, `(see https://x.example)`), the `)` closing it ends the address, whatever
 * follows: in `==[a](https://x.example)==` the highlight's close is not the address's.
 */
function bareUrlEnd(text: string, start: number, inParens: boolean): number {
	let i = start;
	let dot = false;
	// The domain: letters, digits, `-`, `_`, `.` (and any non-ASCII), at least one character.
	while (i < text.length) {
		const c = text.charCodeAt(i);
		if (c === 46) dot = true;
		else if (!(c >= 128 || (c | 32) >= 97 && (c | 32) <= 122 || (c >= 48 && c <= 57) || c === 45 || c === 95)) break;
		i++;
	}
	if (i === start || (!dot && text.charCodeAt(start) === 119)) return start;
	let open = 0;
	let close = 0;
	while (i < text.length) {
		const c = text.charCodeAt(i);
		if (c <= 32 || c === 60 || c === 91 || c === 93 || c === 96 || c === 124) break;
		if (c === 40) open++;
		else if (c === 41) {
			if (close === open && inParens) break;
			close++;
		}
		i++;
	}
	// Trailing punctuation is the sentence's, and so is a `)` that closes nothing of the address.
	while (i > start) {
		const c = text.charCodeAt(i - 1);
		if (c === 63 || c === 33 || c === 46 || c === 44 || c === 58 || c === 42 || c === 95 || c === 126 || c === 39 || c === 34) i--;
		else if (c === 41 && close > open) {
			close--;
			i--;
		} else break;
	}
	return i;
}

/**
 * A line of only Python-Markdown attributes, `{ #id .class key=value key="a b" }`: each word an id, a
 * class or a key with a value (so `{ a: 1 }` and other braces are not one); kramdown's `{: .class}` too.
 * One forward scan.
 */
export function isAttributeList(trimmed: string): boolean {
	const n = trimmed.length - 1;
	if (trimmed.charCodeAt(n) !== 125) return false;
	let k = trimmed.charCodeAt(1) === 58 ? 2 : 1;
	let words = 0;
	for (;;) {
		while (k < n && (trimmed.charCodeAt(k) === 32 || trimmed.charCodeAt(k) === 9)) k++;
		if (k === n) return words > 0;
		const c = trimmed.charCodeAt(k);
		const start = c === 35 || c === 46 ? ++k : k;
		while (k < n && isAttrNameCode(trimmed.charCodeAt(k))) k++;
		if (k === start) return false;
		if (c !== 35 && c !== 46) {
			if (trimmed.charCodeAt(k) !== 61) return false; // `key=`
			k++;
			const q = trimmed.charCodeAt(k);
			if (q === 34 || q === 39) {
				const close = trimmed.indexOf(q === 34 ? '"' : "'", k + 1);
				if (close === -1 || close >= n) return false;
				k = close + 1;
			} else {
				const from = k;
				while (k < n && trimmed.charCodeAt(k) !== 32 && trimmed.charCodeAt(k) !== 9 && trimmed.charCodeAt(k) !== 34 && trimmed.charCodeAt(k) !== 39) k++;
				if (k === from) return false;
			}
		}
		if (k < n && trimmed.charCodeAt(k) !== 32 && trimmed.charCodeAt(k) !== 9) return false;
		words++;
	}
}

function isAttrNameCode(c: number): boolean {
	return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 95 || c === 58;
}
