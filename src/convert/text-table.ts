/**
 * GFM tables, which Medium cannot show, become an aligned plain-text table inside a code block: the
 * reader still sees rows and columns.
 */

import { findCodeSpans, isTrimSpace, longestRun, trimmedSlice } from "./text-scan";

export type Align = "left" | "right" | "center" | "none";

/**
 * Splits a table row into cells on unescaped pipes outside code spans and wiki-links (where `\|` is
 * how Obsidian writes an alias pipe). Cells are sliced, not rebuilt: escapes are left for the inline
 * pass, which turns `\|` into `|`.
 */
export function splitRow(line: string): string[] {
	const s = line.trim();
	const spans = findCodeSpans(s);
	const cells: string[] = [];
	let start = 0;
	let span = 0;
	let wiki = 0;
	for (let i = 0; i < s.length; i++) {
		if (span < spans.length && i === spans[span].start) {
			i = spans[span].end - 1;
			span++;
			continue;
		}
		const c = s.charCodeAt(i);
		if (c === 92) {
			i++; // an escaped character, `\|` included, never splits
		} else if (c === 91 && s.charCodeAt(i + 1) === 91) {
			wiki++;
			i++;
		} else if (c === 93 && s.charCodeAt(i + 1) === 93 && wiki > 0) {
			wiki--;
			i++;
		} else if (c === 124 && wiki === 0) {
			cells.push(trimmedSlice(s, start, i));
			start = i + 1;
		}
	}
	cells.push(trimmedSlice(s, start, s.length));
	// A leading or trailing pipe (not an escaped one) leaves an empty edge cell.
	const n = s.length;
	if (s.charCodeAt(0) === 124) cells.shift();
	if (s.charCodeAt(n - 1) === 124 && !(n >= 2 && s.charCodeAt(n - 2) === 92) && cells.length > 0) cells.pop();
	return cells;
}

/**
 * The alignments of a delimiter row (`| :-- | --: |`), or null when the line is not one. Read by index
 * (no split, no cell strings): every cell, trimmed, must be dashes with an optional colon at either end.
 */
export function parseDelimiterRow(line: string): Align[] | null {
	const t = line.trim();
	if (t.indexOf("-") === -1) return null;
	let from = 0;
	let to = t.length;
	if (t.charCodeAt(0) === 124) from = 1;
	if (to > from && t.charCodeAt(to - 1) === 124) to--;
	const aligns: Align[] = [];
	for (let start = from; ; ) {
		const bar = t.indexOf("|", start);
		const end = bar === -1 || bar >= to ? to : bar;
		let a = start;
		let b = end;
		while (a < b && isTrimSpace(t.charCodeAt(a))) a++;
		while (b > a && isTrimSpace(t.charCodeAt(b - 1))) b--;
		const left = a < b && t.charCodeAt(a) === 58;
		const right = b - a > 1 && t.charCodeAt(b - 1) === 58;
		if (left) a++;
		if (right) b--;
		if (b <= a) return null;
		for (let i = a; i < b; i++) if (t.charCodeAt(i) !== 45) return null;
		aligns.push(left && right ? "center" : right ? "right" : left ? "left" : "none");
		if (end === to) return aligns;
		start = end + 1;
	}
}

/** Whether a line can be a table row: it holds a pipe (so it is never blank). */
export function isRowCandidate(line: string): boolean {
	return line.indexOf("|") !== -1;
}

/**
 * Display width of a cell in a monospaced font: CJK, Hangul, full-width forms and emoji take two
 * columns, combining marks, variation selectors and joiners none, the rest one (Unicode's East Asian
 * Width, reduced to its common blocks), so rows of such text still line up.
 */
function width(text: string): number {
	let n = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x300) {
			n++;
			continue;
		}
		let cp = c;
		if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
			const low = text.charCodeAt(i + 1);
			if (low >= 0xdc00 && low <= 0xdfff) {
				cp = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
				i++;
			}
		}
		n += columnsOf(cp);
	}
	return n;
}

/** Code point ranges, first and last, that take no column, then those that take two. */
const ZERO_WIDTH = [0x300, 0x36f, 0x200b, 0x200f, 0xfe00, 0xfe0f, 0x1f3fb, 0x1f3ff, 0xe0100, 0xe01ef];
const DOUBLE_WIDTH = [
	0x1100, 0x115f, 0x2e80, 0x303e, 0x3041, 0x33ff, 0x3400, 0x4dbf, 0x4e00, 0x9fff, 0xa000, 0xa4cf, 0xac00, 0xd7a3, 0xf900, 0xfaff,
	0xfe30, 0xfe4f, 0xff00, 0xff60, 0xffe0, 0xffe6, 0x1f300, 0x1f64f, 0x1f680, 0x1f6ff, 0x1f900, 0x1f9ff, 0x20000, 0x3fffd,
];

function inRanges(cp: number, ranges: readonly number[]): boolean {
	for (let k = 0; k < ranges.length; k += 2) if (cp >= ranges[k] && cp <= ranges[k + 1]) return true;
	return false;
}

/** Columns of one code point at or above U+0300. */
function columnsOf(cp: number): number {
	return inRanges(cp, ZERO_WIDTH) ? 0 : inRanges(cp, DOUBLE_WIDTH) ? 2 : 1;
}

function pad(text: string, gap: number, align: Align): string {
	if (gap <= 0) return text;
	if (align === "right") return " ".repeat(gap) + text;
	if (align === "center") {
		const left = gap >> 1;
		return " ".repeat(left) + text + " ".repeat(gap - left);
	}
	return text + " ".repeat(gap);
}

/**
 * Renders header and rows (cells already reduced to plain text, a `\n` where a cell starts a new line)
 * as an aligned table in a code fence.
 */
export function renderTextTable(header: string[] | undefined, aligns: Align[], rows: string[][]): string[] {
	let cols = Math.max(header?.length ?? 0, aligns.length);
	for (const row of rows) if (row.length > cols) cols = row.length;
	const widths = new Array<number>(cols).fill(1);
	let ticks = 0;
	const measure = (row: string[]) => {
		for (let c = 0; c < row.length; c++) {
			const cell = row[c];
			const w = cell.indexOf("\n") === -1 ? width(cell) : Math.max(...cell.split("\n").map(width));
			if (w > widths[c]) widths[c] = w;
			if (cell.indexOf("`") !== -1) ticks = Math.max(ticks, longestRun(cell, "`"));
		}
	};
	if (header) measure(header);
	for (const row of rows) measure(row);
	const format = (row: string[]) => {
		let out = "";
		for (let c = 0; c < cols; c++) {
			const cell = row[c] ?? "";
			const align = aligns[c] ?? "none";
			if (c > 0) out += " | ";
			// The last column needs no padding on the right.
			out += c === cols - 1 && align !== "right" && align !== "center" ? cell : pad(cell, widths[c] - width(cell), align);
		}
		return out.trimEnd();
	};
	let rule = "";
	for (let c = 0; c < cols; c++) rule += (c > 0 ? "-|-" : "") + "-".repeat(widths[c]);
	const fence = ticks >= 3 ? "`".repeat(ticks + 1) : "```";
	// A table with no header row (an HTML table of <td> cells only) has no rule under its first row.
	const out = [fence];
	// A cell of several lines (a `<br>` in it) makes its row as many lines, the other cells on the first.
	const push = (row: string[]) => {
		if (!row.some((cell) => cell.indexOf("\n") !== -1)) {
			out.push(format(row));
			return;
		}
		const parts = row.map((cell) => cell.split("\n"));
		const height = Math.max(...parts.map((p) => p.length));
		for (let k = 0; k < height; k++) out.push(format(parts.map((p) => p[k] ?? "")));
	};
	if (header) {
		push(header);
		out.push(rule);
	}
	for (const row of rows) push(row);
	out.push(fence);
	return out;
}
