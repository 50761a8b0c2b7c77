/**
 * GFM tables, which Medium cannot show, become an aligned plain-text table inside a code block: the
 * reader still sees rows and columns.
 */

import { findCodeSpans, longestRun } from "./text-scan";

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
			cells.push(s.slice(start, i).trim());
			start = i + 1;
		}
	}
	cells.push(s.slice(start).trim());
	// A leading or trailing pipe leaves an empty edge cell.
	if (s.startsWith("|")) cells.shift();
	if (s.endsWith("|") && !s.endsWith("\\|") && cells.length > 0) cells.pop();
	return cells;
}

/** The alignments of a delimiter row (`| :-- | --: |`), or null when the line is not one. */
export function parseDelimiterRow(line: string): Align[] | null {
	if (line.indexOf("-") === -1) return null;
	const cells = splitRow(line);
	if (cells.length === 0) return null;
	const aligns: Align[] = [];
	for (const cell of cells) {
		const t = cell.trim();
		if (t.length === 0) return null;
		const left = t.startsWith(":");
		const right = t.endsWith(":");
		const core = t.slice(left ? 1 : 0, right ? t.length - 1 : t.length);
		if (core.length === 0) return null;
		for (let i = 0; i < core.length; i++) if (core[i] !== "-") return null;
		aligns.push(left && right ? "center" : right ? "right" : left ? "left" : "none");
	}
	return aligns;
}

/** Whether a line can be a table row: it holds a pipe. */
export function isRowCandidate(line: string): boolean {
	return line.indexOf("|") !== -1 && line.trim().length > 0;
}

/** Display width of a cell (code points; wide scripts are counted as one, which is good enough). */
function width(text: string): number {
	let n = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0xdc00 || c > 0xdfff) n++; // a low surrogate finishes a character already counted
	}
	return n;
}

function pad(text: string, w: number, align: Align): string {
	const gap = w - width(text);
	if (gap <= 0) return text;
	if (align === "right") return " ".repeat(gap) + text;
	if (align === "center") {
		const left = Math.floor(gap / 2);
		return " ".repeat(left) + text + " ".repeat(gap - left);
	}
	return text + " ".repeat(gap);
}

/** Renders header and rows (cells already reduced to plain text) as an aligned table in a code fence. */
export function renderTextTable(header: string[], aligns: Align[], rows: string[][]): string[] {
	const cols = Math.max(header.length, aligns.length, ...rows.map((r) => r.length));
	const widths = new Array<number>(cols).fill(1);
	const all = [header, ...rows];
	for (const row of all) for (let c = 0; c < cols; c++) widths[c] = Math.max(widths[c], width(row[c] ?? ""));
	const line = (row: string[]) =>
		widths.map((w, c) => pad(row[c] ?? "", w, aligns[c] ?? "none")).join(" | ").trimEnd();
	const out = [line(header), widths.map((w) => "-".repeat(w)).join("-|-")];
	for (const row of rows) out.push(line(row));
	const fence = "`".repeat(Math.max(3, longestRun(out.join("\n"), "`") + 1));
	return [fence, ...out, fence];
}
