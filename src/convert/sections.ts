/**
 * Picks the part of a note that an embed asks for: a heading's section (`#A#B` for nested headings) or
 * a block (`#^id`). Lines inside code fences are never taken for headings or block ids.
 */

import type { NoteLines } from "./note-lines";
import { joinTagLines, siteCodeEnd, siteCodeOpen, tagLinesEnd } from "./site-tags";
import { findCodeSpans, indentOf } from "./text-scan";

/** A half-open range of line indexes. */
export interface LineRange {
	start: number;
	end: number;
}

/** Per line: is it inside (or a delimiter of) a fenced code block? One pass; only fence-like lines are read. */
export function fencedLines(lines: NoteLines): Uint8Array {
	const inFence = new Uint8Array(lines.count);
	let open: { char: string; len: number; indent: number } | null = null;
	// The column of the item's text when a list item's line opened the fence (`- ```js`), else -1.
	let itemCol = -1;
	// Kinds of highlight block (1 Hugo's, 2 Liquid's) found to have no closing tag after some line: none after a later one either.
	let unclosed = 0;
	for (let i = 0; i < lines.count; i++) {
		let c = 0;
		if (open === null) {
			c = lines.firstSignificant(i);
			// A fence starts a line, or a list item's text (`- ```js`, `1. ~~~`).
			if (c !== 96 && c !== 126 && c !== 45 && c !== 42 && c !== 43 && c !== 60 && c !== 123 && !(c >= 48 && c <= 57)) continue;
		}
		if (c === 123) {
			// A Hugo or Jekyll highlight block (`{{< highlight go >}}` … `{{< /highlight >}}`): code, as a fence's.
			// Its opening tag may go over several lines (`{{< highlight go` / `"linenos=table" >}}`).
			const last = tagLinesEnd(lines, i, lines.count);
			const code = siteCodeOpen(last === -1 ? lines.line(i) : joinTagLines(lines, i, last));
			if (code === null || (unclosed & (code.hugo ? 1 : 2)) !== 0) continue;
			const end = siteCodeEnd((k) => lines.line(k), Math.max(i, last), lines.count, code);
			if (end === -1) {
				unclosed |= code.hugo ? 1 : 2;
				continue;
			}
			for (let k = i; k <= end; k++) inFence[k] = 1;
			i = end;
			continue;
		}
		if (c === 60 && open === null) {
			// `<pre>`, `<script>`, `<style>`, `<textarea>`: raw HTML up to its closing tag, no fence inside.
			const line = lines.line(i);
			const close = rawHtmlClose(line);
			if (close !== null) {
				const end = rawHtmlEnd(lines, i, close, lines.count);
				for (let k = i; k <= end; k++) inFence[k] = 1;
				i = end;
				continue;
			}
		}
		const content = stripQuotePrefix(lines.line(i));
		if (open !== null) {
			if (itemCol !== -1 && leftOfItem(content, itemCol)) {
				// A line left of the item's text ends the item, and the code block it opened (CommonMark).
				open = null;
				i--;
				continue;
			}
			inFence[i] = 1;
			if (closesFence(content, open)) open = null;
			continue;
		}
		const fence = c === 96 || c === 126 ? fenceAt(content, 0) : itemFence(content);
		if (fence) {
			inFence[i] = 1;
			open = fence;
			itemCol = c === 96 || c === 126 ? -1 : columnOf(content, fence.indent);
		}
	}
	return inFence;
}

/** The tags that open CommonMark's HTML block of kind 1, which runs to the line holding its closing tag. */
const RAW_HTML_TAGS = ["pre", "script", "style", "textarea"];

/**
 * The closing tag (`</pre>`…, lower case) of the kind-1 HTML block a line opens (`<pre`, `<script`,
 * `<style` or `<textarea` at its start, any case, then white space, `>` or the line's end), or null.
 */
export function rawHtmlClose(line: string): string | null {
	if (line.charCodeAt(0) !== 60) return null;
	for (const name of RAW_HTML_TAGS) {
		if (line.length < name.length + 1 || line.slice(1, name.length + 1).toLowerCase() !== name) continue;
		const c = line.charCodeAt(name.length + 1);
		if (Number.isNaN(c) || c === 62 || c === 32 || c === 9) return `</${name}>`;
	}
	return null;
}

/** The last line (from `start`, before `end`) of a kind-1 HTML block: the first holding `close` in any case, else the last. */
export function rawHtmlEnd(lines: NoteLines, start: number, close: string, end: number): number {
	for (let k = start; k < end; k++) {
		const line = lines.line(k);
		if (line.indexOf("</") !== -1 && line.toLowerCase().indexOf(close) !== -1) return k;
	}
	return end - 1;
}

/** The fence opened at or after column `from` of a line (white space skipped), with its indent, or null. */
function fenceAt(content: string, from: number): { char: string; len: number; indent: number } | null {
	// A list item's text mostly starts with a printable character other than `` ` `` or `~`, which no
	// trimming removes: no fence, and nothing to slice.
	const c = content.charCodeAt(from);
	if (c > 32 && c < 127 && c !== 96 && c !== 126) return null;
	const t = (from === 0 ? content : content.slice(from)).trimStart();
	const fence = fenceOpen(t);
	return fence ? { char: fence.char, len: fence.len, indent: content.length - t.length } : null;
}

/** The column (a tab to the next multiple of 4) at character `at` of a line's indent and marker. */
export function columnOf(line: string, at: number): number {
	let col = 0;
	for (let i = 0; i < at; i++) col = line.charCodeAt(i) === 9 ? col + 4 - (col % 4) : col + 1;
	return col;
}

/**
 * Whether a line ends the list item whose text starts at column `itemCol`: it is not blank and starts
 * left of that column. Code a fence on the item's line opened ends there, closed or not (Roam and
 * Logseq exports close a fence at the end of its last line, which closes nothing).
 */
export function leftOfItem(line: string, itemCol: number): boolean {
	let col = 0;
	for (let i = 0; i < line.length && col < itemCol; i++) {
		const c = line.charCodeAt(i);
		if (c === 32) col++;
		else if (c === 9) col += 4 - (col % 4);
		else return true;
	}
	return false;
}

/** A fence opened by a list item's text on the item's own line (`- ```js`): its indent is the text's column. */
export function itemFence(content: string): { char: string; len: number; indent: number } | null {
	const item = listItem(content);
	return item ? fenceAt(content, item.contentStart) : null;
}

/** Whether a line closes an open fence: same character, at least as long, nothing after, and not indented
 * four or more columns past the opening fence (that would be code). */
export function closesFence(content: string, fence: { char: string; len: number; indent: number }): boolean {
	const indent = content.length - content.trimStart().length;
	if (indent > fence.indent + 3) return false;
	const t = content.trim();
	const run = runLength(t, fence.char);
	return run >= fence.len && run === t.length;
}

/** A fence opener: three or more backticks (info without backticks) or tildes. */
export function fenceOpen(trimmed: string): { char: string; len: number; info: string } | null {
	const ch = trimmed[0];
	if (ch !== "`" && ch !== "~") return null;
	const len = runLength(trimmed, ch);
	if (len < 3) return null;
	const info = trimmed.slice(len).trim();
	if (ch === "`" && info.includes("`")) return null;
	return { char: ch, len, info };
}

/** Length of the run of `ch` at the start of `s`. */
export function runLength(s: string, ch: string, from = 0): number {
	let i = from;
	while (i < s.length && s[i] === ch) i++;
	return i - from;
}

/** Removes blockquote markers (`> > `) from the start of a line. */
export function stripQuotePrefix(line: string): string {
	return splitQuote(line).content;
}

/** Splits a line into its blockquote depth and the content after the markers. */
export function splitQuote(line: string): { depth: number; content: string } {
	const start = quoteContentStart(line);
	return start === -1 ? { depth: 0, content: line } : { depth: quoteDepth, content: line.slice(start) };
}

/**
 * A quoted line with at most `max` levels of `>` taken off: the lines of a code block opened inside a
 * quote keep any deeper `>` as their text (a fence in a callout that shows a quote's source).
 */
export function splitQuoteUpTo(line: string, max: number): { depth: number; content: string } {
	const i = quoteMarkersEnd(line, max);
	return { depth: quoteDepth, content: quoteDepth === 0 ? line : line.slice(i) };
}

/** The depth the last {@link quoteContentStart} found (a number beside it, so no object is made per line). */
let quoteDepth = 0;

/**
 * Where the content starts after at most `max` `>` markers (each after up to three spaces, with one
 * space or tab after it); sets {@link quoteDepth} to how many there were.
 */
function quoteMarkersEnd(line: string, max: number): number {
	let i = 0;
	let depth = 0;
	while (depth < max) {
		let j = i;
		while (j < line.length && j - i < 3 && line.charCodeAt(j) === 32) j++;
		if (line.charCodeAt(j) !== 62) break;
		depth++;
		i = j + 1;
		const c = line.charCodeAt(i);
		if (c === 32 || c === 9) i++;
	}
	quoteDepth = depth;
	return i;
}

/** How many `>` the last {@link quoteContentStart} call found. */
export function lastQuoteDepth(): number {
	return quoteDepth;
}

/** Where a quoted line's content starts, after its `>` markers (its depth is then `splitQuote`'s business); -1 when it has none. */
export function quoteContentStart(line: string): number {
	const c0 = line.charCodeAt(0);
	if (c0 !== 62 && c0 !== 32) return -1;
	const i = quoteMarkersEnd(line, Infinity);
	return quoteDepth === 0 ? -1 : i;
}

/** An ATX heading: its level and text, or null. */
export function parseHeading(line: string): { level: number; text: string } | null {
	let i = 0;
	while (i < 3 && line[i] === " ") i++;
	const level = runLength(line, "#", i);
	if (level < 1 || level > 6) return null;
	const after = i + level;
	if (after < line.length && line[after] !== " " && line[after] !== "\t") return null;
	let text = line.slice(after).trim();
	// An optional closing sequence of #s, preceded by a space or a tab (CommonMark).
	let k = text.length;
	while (k > 0 && text[k - 1] === "#") k--;
	if (k < text.length && (k === 0 || text[k - 1] === " " || text[k - 1] === "\t")) text = text.slice(0, k).trim();
	return { level, text };
}

/**
 * Heading text as Obsidian compares it in links: characters that cannot appear in link targets
 * removed, spaces collapsed, case ignored.
 */
export function headingKey(text: string): string {
	let out = "";
	let space = false;
	for (const ch of text.normalize("NFC").toLowerCase()) {
		if (ch === "#" || ch === "|" || ch === "^" || ch === ":" || ch === "%" || ch === "[" || ch === "]" || ch === "*" || ch === "`" || ch === "=") continue;
		if (ch === " " || ch === "\t") {
			space = out.length > 0;
			continue;
		}
		if (space) out += " ";
		space = false;
		out += ch;
	}
	return out;
}

/** The section of each heading in a chain (`A#B`): from the heading line to the next of its level or higher. */
export function findHeadingSection(lines: readonly string[], chain: readonly string[], fenced: Uint8Array): LineRange | null {
	let range: LineRange = { start: 0, end: lines.length };
	const hidden = commentedLines(lines, fenced);
	for (const wanted of chain) {
		const key = headingKey(wanted);
		let found: LineRange | null = null;
		for (let i = range.start; i < range.end && !found; i++) {
			if (hidden[i]) continue;
			const h = headingAt(lines, i, range.start, hidden);
			if (!h || headingKey(h.text) !== key) continue;
			let end = range.end;
			for (let j = i + 1; j < range.end; j++) {
				if (hidden[j]) continue;
				const next = headingAt(lines, j, i + 1, hidden);
				if (next && next.level <= h.level) {
					end = next.start;
					break;
				}
			}
			found = { start: h.start, end };
		}
		if (!found) return null;
		range = found;
	}
	return range;
}

/**
 * Per line, 1 when no heading can be there: in a code block, or inside a `%%` comment or an HTML
 * comment (`<!--` … `-->`), whose lines Obsidian neither shows nor lists among the note's headings (a
 * section commented out). A comment's opening and closing lines count as inside. `fenced` when the
 * note has no comment.
 */
function commentedLines(lines: readonly string[], fenced: Uint8Array): Uint8Array {
	let out: Uint8Array | null = null;
	let percent = false;
	let html = false;
	for (let i = 0; i < lines.length; i++) {
		if (fenced[i] && !percent && !html) continue;
		const line = lines[i];
		const inside = percent || html;
		if (!html && line.indexOf("%%") !== -1) {
			// A `%%` in a code span (`%%` written about) is text, not a comment's mark.
			const spans = line.indexOf("`") === -1 ? null : findCodeSpans(line);
			let n = 0;
			let k = 0; // the spans and the marks both come in order: one walk over each
			for (let at = line.indexOf("%%"); at !== -1; at = line.indexOf("%%", at + 2)) {
				while (spans !== null && k < spans.length && spans[k].end <= at) k++;
				if (spans === null || k === spans.length || at < spans[k].start) n++;
			}
			if (n % 2 === 1) percent = !percent;
		}
		if (!percent) {
			const open = line.lastIndexOf("<!--");
			if (html) html = line.indexOf("-->") === -1;
			else if (open !== -1) html = line.indexOf("-->", open + 4) === -1;
		}
		if (inside || percent || html) {
			out ??= Uint8Array.from(fenced);
			out[i] = 1;
		}
	}
	return out ?? fenced;
}

/**
 * The heading line `i` holds or ends, and the line it starts at: an ATX one (`## Text`), or a setext
 * one, whose underline (`===`, `---`) is line `i` and whose text is the paragraph above it (from `lo`
 * on), which Obsidian lists among a note's headings as well: an embed finds it, and a section above
 * it ends there. Only a line of `=` or `-` after a line of text walks back over that paragraph.
 */
function headingAt(lines: readonly string[], i: number, lo: number, fenced: Uint8Array): { level: number; text: string; start: number } | null {
	const line = lines[i];
	const atx = parseHeading(line);
	if (atx) return { level: atx.level, text: atx.text, start: i };
	let u = 0;
	while (u < 3 && line.charCodeAt(u) === 32) u++;
	const c = line.charCodeAt(u);
	if ((c !== 61 && c !== 45) || i <= lo || fenced[i - 1]) return null;
	let k = u + 1;
	while (k < line.length && line.charCodeAt(k) === c) k++;
	while (k < line.length && (line.charCodeAt(k) === 32 || line.charCodeAt(k) === 9)) k++;
	if (k < line.length) return null;
	// The paragraph above: its lines up to a blank line, a heading or `lo`; none may open a block of its own.
	let start = i;
	// A line of marks (an underline, a rule) above ends the paragraph too: each walk stops at the last one,
	// so a note of many underlined lines is read once, not once per underline.
	while (start > lo && !fenced[start - 1] && lines[start - 1].trim() !== "" && !parseHeading(lines[start - 1]) && !isMarkLine(lines[start - 1])) start--;
	if (start === i) return null;
	for (let p = start; p < i; p++) if (opensBlock(lines[p])) return null;
	let text = "";
	for (let p = start; p < i; p++) text += (p > start ? " " : "") + lines[p].trim();
	return { level: c === 61 ? 1 : 2, text, start };
}

/** Whether a line is only `-`, `=`, `*` or `_` marks (and spaces): a setext underline or a rule. */
function isMarkLine(line: string): boolean {
	const t = line.trim();
	const c = t.charCodeAt(0);
	if (c !== 45 && c !== 61 && c !== 42 && c !== 95) return false;
	for (let k = 1; k < t.length; k++) {
		const d = t.charCodeAt(k);
		if (d !== c && d !== 32 && d !== 9) return false;
	}
	return true;
}

/** Whether a line opens a block that is no paragraph text: a quote, HTML, a table row, a comment, math, a footnote, a list item, a fence, a rule, code. */
function opensBlock(line: string): boolean {
	const t = line.trim();
	const f = t.charCodeAt(0);
	if (line.length - line.trimStart().length >= 4 || f === 62 || f === 60 || f === 124) return true;
	if (t.startsWith("%%") || t.startsWith("$$") || t.startsWith("[^") || listItem(line) !== null || fenceOpen(t) !== null) return true;
	return (f === 45 || f === 42 || f === 95) && /^(?:[-*_][ \t]*)+$/.test(t);
}

/** Whether a line starts a list item (`-`, `*`, `+`, `1.`, `1)`), and the column where its text starts. */
export function listItem(line: string): { indent: number; contentStart: number } | null {
	let i = 0;
	while (i < line.length && (line[i] === " " || line[i] === "\t")) i++;
	const indent = i;
	const c = line[i];
	if (c === "-" || c === "*" || c === "+") {
		i++;
	} else {
		let j = i;
		while (j < line.length && j - i < 9 && line.charCodeAt(j) >= 48 && line.charCodeAt(j) <= 57) j++;
		if (j === i || (line[j] !== "." && line[j] !== ")")) return null;
		i = j + 1;
	}
	if (i < line.length && line[i] !== " " && line[i] !== "\t") return null;
	return { indent, contentStart: Math.min(i + 1, line.length) };
}

/** Index where a trailing block id (` ^id`) starts in a line, or -1. */
export function trailingBlockId(line: string): number {
	let end = line.length;
	while (end > 0 && (line[end - 1] === " " || line[end - 1] === "\t")) end--;
	let i = end;
	while (i > 0 && isBlockIdChar(line.charCodeAt(i - 1))) i--;
	if (i === end || i === 0 || line[i - 1] !== "^") return -1;
	const caret = i - 1;
	if (caret === 0) return 0;
	return line[caret - 1] === " " || line[caret - 1] === "\t" ? caret - 1 : -1;
}

/** Latin letters, digits and `-`: the characters of a block id. */
export function isBlockIdChar(c: number): boolean {
	return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45;
}

/** The id of a trailing block id, or null. */
function blockIdAt(line: string): string | null {
	const at = trailingBlockId(line);
	if (at === -1) return null;
	return line.slice(line.indexOf("^", at) + 1).trim();
}

/** The first line of the run of non-blank lines that holds line `i`, a heading above it not included (a block of its own). */
function groupStart(lines: readonly string[], i: number): number {
	let start = i;
	while (start > 0 && lines[start - 1].trim() !== "" && !parseHeading(lines[start - 1])) start--;
	return start;
}

/** A list item's marker kind: its bullet (`-`, `*`, `+`), or an ordered item's delimiter (`.`, `)`). */
function markerOf(line: string): string {
	const t = line.trimStart();
	const c = t.charAt(0);
	if (c === "-" || c === "*" || c === "+") return c;
	let k = 0;
	while (k < t.length && t.charCodeAt(k) >= 48 && t.charCodeAt(k) <= 57) k++;
	return t.charAt(k);
}


/**
 * The block a `#^id` names: the paragraph or list item the id ends, or the list, quote, callout or
 * table that an id on its own line follows.
 */
export function findBlock(lines: readonly string[], id: string, fenced: Uint8Array): LineRange | null {
	const wanted = id.toLowerCase();
	for (let i = 0; i < lines.length; i++) {
		if (fenced[i]) continue;
		const bid = blockIdAt(lines[i]);
		if (bid === null || bid.toLowerCase() !== wanted) continue;
		const own = lines[i].trim().startsWith("^");
		if (own) {
			let end = i;
			while (end > 0 && lines[end - 1].trim() === "") end--;
			if (end === 0) return null;
			let start = groupStart(lines, end - 1);
			// After a list, the whole list, as Obsidian embeds it: a loose list's items (blank lines between
			// them) and what is indented under them, back to the line its first item starts.
			let first = listItem(lines[start]) ? start : -1;
			while (first !== -1 || indentOf(lines[start]) > 0) {
				let above = start;
				while (above > 0 && lines[above - 1].trim() === "") above--;
				if (above === start || above === 0) break;
				const line = lines[above - 1];
				if (!listItem(line) && indentOf(line) === 0 && !fenced[above - 1]) break;
				const group = groupStart(lines, above - 1);
				// Another kind of marker at the list's own level (`-` after `1.`) is another list.
				if (first !== -1 && listItem(lines[group]) && indentOf(lines[group]) <= indentOf(lines[first]) && markerOf(lines[group]) !== markerOf(lines[first])) break;
				start = group;
				if (listItem(lines[start])) first = start;
			}
			return { start: first !== -1 ? first : start, end };
		}
		const item = listItem(stripQuotePrefix(lines[i]));
		if (item) {
			// The item with what is indented under it (its nested items, its paragraphs and code after blank lines).
			let end = i + 1;
			let last = i + 1;
			while (end < lines.length) {
				if (lines[end].trim() === "") {
					end++;
					continue;
				}
				const next = listItem(lines[end]);
				const indent = lines[end].length - lines[end].trimStart().length;
				const blankBefore = lines[end - 1].trim() === "";
				if (fenced[end] && indent > item.indent) {
					last = ++end;
					continue;
				}
				// At the item's own indent or less, only a lazy line of its text goes on (not a heading, a quote, a fence…).
				if ((next && next.indent <= item.indent) || (indent <= item.indent && (blankBefore || next !== null || parseHeading(lines[end]) !== null || opensBlock(lines[end])))) break;
				last = ++end;
			}
			return { start: i, end: last };
		}
		// A quote starts a block of its own even right under a paragraph (no blank line between): an id
		// ending a quoted line names the quote alone, so the walk back stops at the first unquoted line.
		const quoted = quoteContentStart(lines[i]) !== -1;
		let start = i;
		while (
			start > 0 &&
			lines[start - 1].trim() !== "" &&
			!fenced[start - 1] &&
			!parseHeading(lines[start - 1]) &&
			(!quoted || quoteContentStart(lines[start - 1]) !== -1)
		)
			start--;
		return { start, end: i + 1 };
	}
	return null;
}
