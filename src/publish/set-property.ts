/**
 * Writes one property (the note's Medium URL after publishing) into a note's YAML frontmatter without
 * re-serialising it: a YAML round-trip would reorder keys, drop comments and restyle values, and a
 * user's note must come back untouched except for that one line.
 */

import { readTomlFrontMatter, tomlKeyOf, tomlString } from "../convert/toml-front-matter";

/** Where a note's frontmatter lies, as offsets into the text (a BOM counts as one character). */
export interface FrontmatterSpan {
	/** Just after the opening `---` line and its line ending: the first YAML line. */
	contentStart: number;
	/** Start of the closing `---` (or `...`) line. */
	contentEnd: number;
	/** Just after the closing line and its line ending (or the end of the text): where the body starts. */
	bodyStart: number;
	/** Hugo's TOML front matter (`+++` … `+++`) rather than YAML. */
	toml?: boolean;
}

/** One line of the text: content without its line ending, and where the next line starts. */
interface Line {
	start: number;
	/** End of the content, before `\r\n` or `\n`. */
	end: number;
	/** Start of the next line (after the line ending), or the end of the text. */
	next: number;
}

/** The line starting at `pos`. */
function lineAt(text: string, pos: number): Line {
	const newline = text.indexOf("\n", pos);
	if (newline === -1) return { start: pos, end: text.length, next: text.length };
	const end = newline > pos && text.charCodeAt(newline - 1) === 0x0d ? newline - 1 : newline;
	return { start: pos, end, next: newline + 1 };
}

/** True when a line is the delimiter, trailing spaces and tabs allowed (as Obsidian reads it). */
function isDelimiterLine(text: string, line: Line, delimiter: string): boolean {
	let end = line.end;
	while (end > line.start && (text.charCodeAt(end - 1) === 0x20 || text.charCodeAt(end - 1) === 0x09)) end--;
	return end - line.start === delimiter.length && text.startsWith(delimiter, line.start);
}

/**
 * Finds the frontmatter the way Obsidian does: `---` as the very first line (after a BOM) and a
 * later `---` or `...` line closing it. Null when either is missing: then the note has none.
 */
export function findFrontmatter(text: string): FrontmatterSpan | null {
	const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	const opening = lineAt(text, start);
	// Hugo's TOML front matter, closed by `+++` only.
	const toml = isDelimiterLine(text, opening, "+++");
	if (!toml && !isDelimiterLine(text, opening, "---")) return null;
	let pos = opening.next;
	while (pos < text.length) {
		const line = lineAt(text, pos);
		if (toml ? isDelimiterLine(text, line, "+++") : isDelimiterLine(text, line, "---") || isDelimiterLine(text, line, "...")) {
			return toml ? { contentStart: opening.next, contentEnd: line.start, bodyStart: line.next, toml } : { contentStart: opening.next, contentEnd: line.start, bodyStart: line.next };
		}
		pos = line.next;
	}
	return null;
}

/**
 * Sets `key = "value"` in a TOML front matter: the top-level line of that key replaced (when its value
 * is on that one line), else a line added after the last top-level entry, before any `[table]`.
 */
function setTomlProperty(text: string, span: FrontmatterSpan, key: string, value: string): string {
	const eol = text.charCodeAt(span.contentStart - 2) === 0x0d ? "\r\n" : "\n";
	const entry = tomlKeyOf(key + " = 0")?.key === key ? key : tomlString(key);
	const written = entry + " = " + tomlString(value);
	let insertAt = span.contentStart;
	let replace: Line | null = null;
	for (let pos = span.contentStart; pos < span.contentEnd; ) {
		const line = lineAt(text, pos);
		pos = line.next;
		const content = text.slice(line.start, line.end);
		const trimmed = content.trim();
		if (trimmed === "" || trimmed.startsWith("#")) continue;
		if (trimmed.startsWith("[")) break;
		insertAt = line.next;
		const kv = tomlKeyOf(content);
		if (kv === null || kv.key !== key) continue;
		if (replace !== null) throw new UnsafeEditError(`the note's "${key}" property is written twice, so it was not changed`);
		const read = readTomlFrontMatter([content]);
		if (read.problemLine !== null || typeof read.properties[key] !== "string") {
			throw new UnsafeEditError(`the note's "${key}" property is not a one-line text value, so it was not changed`);
		}
		replace = line;
	}
	if (replace !== null) return text.slice(0, replace.start) + written + text.slice(replace.end);
	// After the last entry's line (its line ending included), or first in a block without one.
	const atEnd = insertAt > 0 && text.charCodeAt(insertAt - 1) !== 0x0a;
	return text.slice(0, insertAt) + (atEnd ? eol : "") + written + eol + text.slice(insertAt);
}

/** YAML words a plain scalar would be read as (null, booleans in YAML 1.1 and 1.2). */
const RESERVED_WORDS = new Set(["null", "~", "true", "false", "yes", "no", "on", "off", "y", "n"]);

/** Characters that give a plain scalar another meaning at its start, or make it a number. */
const UNSAFE_FIRST = "-?:,[]{}#&*!|>'\"%@`+.0123456789";

/** True for characters YAML wants escaped, or that would break the line. */
function isUnsafeChar(code: number): boolean {
	return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 || code === 0xfeff;
}

/**
 * True when `value` can be written as a plain YAML scalar and still read back as this same string
 * (not a number, date, boolean, null, comment or mapping). URLs qualify.
 */
function isPlainSafe(value: string): boolean {
	if (value === "" || value.trim() !== value) return false;
	if (RESERVED_WORDS.has(value.toLowerCase())) return false;
	if (UNSAFE_FIRST.includes(value[0])) return false;
	if (value.endsWith(":")) return false;
	if (value.includes(": ") || value.includes(":\t") || value.includes(" #") || value.includes("\t#")) return false;
	for (let i = 0; i < value.length; i++) {
		const code = value.charCodeAt(i);
		if (isUnsafeChar(code) || (code >= 0xd800 && code <= 0xdfff)) return false;
	}
	return true;
}

/** A JSON string, which is also a YAML double-quoted scalar; C1 controls and separators escaped too. */
function quoteScalar(value: string): string {
	const json = JSON.stringify(value);
	let out = "";
	for (let i = 0; i < json.length; i++) {
		const code = json.charCodeAt(i);
		out += isUnsafeChar(code) ? "\\u" + code.toString(16).padStart(4, "0") : json[i];
	}
	return out;
}

/** A scalar as written in YAML: plain when that is safe, else double-quoted. */
function formatScalar(value: string): string {
	return isPlainSafe(value) ? value : quoteScalar(value);
}

/** Skips spaces and tabs from `i` up to `end`. */
function skipBlanks(text: string, i: number, end: number): number {
	while (i < end && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
	return i;
}

/**
 * The end (exclusive) of a quoted scalar opening at `i` on the line, or -1 when it is not closed on
 * this line. Double quotes honour backslash escapes; single quotes double themselves.
 */
function quotedEnd(text: string, i: number, end: number): number {
	const quote = text.charCodeAt(i);
	let k = i + 1;
	while (k < end) {
		const code = text.charCodeAt(k);
		if (quote === 0x22 && code === 0x5c) {
			k += 2;
		} else if (code === quote) {
			if (quote === 0x27 && text.charCodeAt(k + 1) === 0x27 && k + 1 < end) k += 2;
			else return k + 1;
		} else {
			k++;
		}
	}
	return -1;
}

/** The text of a quoted key, unescaped; null when it cannot be read. */
function unquoteKey(raw: string): string | null {
	if (raw.startsWith("'")) return raw.slice(1, -1).split("''").join("'");
	try {
		const parsed: unknown = JSON.parse(raw);
		return typeof parsed === "string" ? parsed : null;
	} catch {
		return null;
	}
}

/**
 * When the line is a top-level entry for `key` (`key:`, `"key":`, `'key':`, spaces allowed before the
 * colon), the offset just after its colon; else -1. Indented lines are nested and never match.
 */
function keyValueStart(text: string, line: Line, key: string): number {
	const first = text.charCodeAt(line.start);
	if (first === 0x23) return -1;
	let after: number;
	if (first === 0x22 || first === 0x27) {
		const close = quotedEnd(text, line.start, line.end);
		if (close === -1 || unquoteKey(text.slice(line.start, close)) !== key) return -1;
		after = close;
	} else {
		if (key === "" || !text.startsWith(key, line.start) || line.start + key.length > line.end) return -1;
		after = line.start + key.length;
	}
	after = skipBlanks(text, after, line.end);
	if (after >= line.end || text.charCodeAt(after) !== 0x3a) return -1;
	const colonNext = after + 1;
	if (colonNext < line.end && text.charCodeAt(colonNext) !== 0x20 && text.charCodeAt(colonNext) !== 0x09) return -1;
	return colonNext;
}

/**
 * Where a trailing `# comment` starts on the rest of a key line (the blanks before it included), or
 * -1. Quoted scalars, at the start or inside a flow collection, are skipped so a `#` in them is kept.
 */
function commentStart(text: string, from: number, end: number): number {
	let i = from;
	let previous = 0x20;
	while (i < end) {
		const code = text.charCodeAt(i);
		const opensQuote = (code === 0x22 || code === 0x27) && (previous === 0x20 || previous === 0x09 || previous === 0x5b || previous === 0x7b || previous === 0x2c);
		if (opensQuote) {
			const close = quotedEnd(text, i, end);
			if (close === -1) return -1;
			i = close;
			previous = 0x22;
			continue;
		}
		if (code === 0x23 && (previous === 0x20 || previous === 0x09)) {
			let blanks = i;
			while (blanks > from && (text.charCodeAt(blanks - 1) === 0x20 || text.charCodeAt(blanks - 1) === 0x09)) blanks--;
			return blanks;
		}
		previous = code;
		i++;
	}
	return -1;
}

/** True when a line belongs to the value of the entry above it: blank, indented, or a `- item` at column 0. */
function continuesValue(text: string, line: Line): boolean {
	if (line.end === line.start) return true;
	const first = text.charCodeAt(line.start);
	if (first === 0x20 || first === 0x09) return true;
	if (first !== 0x2d) return false;
	const second = line.start + 1 < line.end ? text.charCodeAt(line.start + 1) : -1;
	return second === -1 || second === 0x20 || second === 0x09;
}

/** True when the line holds only spaces and tabs. */
function isBlankLine(text: string, line: Line): boolean {
	return skipBlanks(text, line.start, line.end) === line.end;
}

/** A planned replacement of `text.slice(start, end)`. */
interface Edit {
	start: number;
	end: number;
	replacement: string;
}

/** Thrown when a property cannot be set without risking the note: the caller keeps the value elsewhere. */
export class UnsafeEditError extends Error {
	constructor(message: string) {
		super(message);
		this.name = "UnsafeEditError";
	}
}

/**
 * Where a quoted scalar that opens at `i` (and is not closed on its line) ends: the index of the line
 * holding its closing quote, or -1 when it never closes inside the frontmatter.
 */
function quotedEndLine(text: string, lines: readonly Line[], lineIndex: number, i: number): number {
	const quote = text.charCodeAt(i);
	let k = i + 1;
	for (let l = lineIndex; l < lines.length; l++) {
		const end = lines[l].end;
		if (l > lineIndex) k = lines[l].start;
		while (k < end) {
			const code = text.charCodeAt(k);
			if (quote === 0x22 && code === 0x5c) k += 2;
			else if (code === quote) {
				if (quote === 0x27 && k + 1 < end && text.charCodeAt(k + 1) === 0x27) k += 2;
				else return l;
			} else k++;
		}
	}
	return -1;
}

/** Where a flow collection (`[`/`{`) opening at `i` closes: the index of its last line, or -1. */
function flowEndLine(text: string, lines: readonly Line[], lineIndex: number, i: number): number {
	let depth = 0;
	let k = i;
	for (let l = lineIndex; l < lines.length; l++) {
		const end = lines[l].end;
		if (l > lineIndex) k = lines[l].start;
		let previous = 0x20;
		while (k < end) {
			const code = text.charCodeAt(k);
			if ((code === 0x22 || code === 0x27) && (previous === 0x20 || previous === 0x09 || previous === 0x5b || previous === 0x7b || previous === 0x2c)) {
				const close = quotedEnd(text, k, end);
				if (close === -1) return -1; // a quoted scalar across lines inside a flow: too odd to follow
				k = close;
				previous = 0x22;
				continue;
			}
			if (code === 0x23 && (previous === 0x20 || previous === 0x09)) break; // comment to the line's end
			if (code === 0x5b || code === 0x7b) depth++;
			else if (code === 0x5d || code === 0x7d) {
				depth--;
				if (depth === 0) return l;
			}
			previous = code;
			k++;
		}
	}
	return -1;
}

/**
 * Sets a top-level property in a note's YAML frontmatter and changes nothing else: other properties,
 * their order, formatting and comments, the body and the line endings stay byte for byte. The edit is
 * made only where it is certainly safe: an existing entry whose value is empty or one plain or quoted
 * scalar on its own line (a trailing `# comment` is kept) gets the new value; a missing key is added as
 * the last line before the closing `---`; a note without frontmatter gains one. The value is written
 * plain when YAML reads it back as the same string (URLs do), else double-quoted.
 *
 * Throws UnsafeEditError, leaving the decision to keep the value elsewhere to the caller, when the edit
 * could change what the note means: a frontmatter that is not a block mapping (JSON `{…}`, a list,
 * indented), an entry that is duplicated, holds an anchor, alias or tag (another key may share its
 * value), or spans several lines (block lists and scalars, multi-line quoted or flow values).
 */
export function setProperty(text: string, key: string, value: string): string {
	const entry = formatScalar(key) + ": " + formatScalar(value);
	const span = findFrontmatter(text);
	if (span?.toml) return setTomlProperty(text, span, key, value);
	if (!span) {
		const bom = text.charCodeAt(0) === 0xfeff ? "\uFEFF" : "";
		const newline = text.indexOf("\n");
		const eol = newline > 0 && text.charCodeAt(newline - 1) === 0x0d ? "\r\n" : "\n";
		return bom + "---" + eol + entry + eol + "---" + eol + text.slice(bom.length);
	}

	const lines: Line[] = [];
	for (let pos = span.contentStart; pos < span.contentEnd; ) {
		const line = lineAt(text, pos);
		lines.push(line);
		pos = line.next;
	}
	const firstContent = lines.find((line) => !isBlankLine(text, line) && text.charCodeAt(skipBlanks(text, line.start, line.end)) !== 0x23);
	if (firstContent) {
		// Indented, JSON or list frontmatter: a `key: value` line at column 0 would corrupt it.
		const first = text.charCodeAt(firstContent.start);
		if (first === 0x7b || first === 0x5b || continuesValue(text, firstContent)) {
			throw new UnsafeEditError("the properties are not a plain list of `name: value` lines (JSON, a YAML list or indented), so \"" + key + "\" could not be set safely");
		}
	}
	const refuse = (why: string): never => {
		throw new UnsafeEditError(`the note's "${key}" property ${why}, so it was not changed`);
	};

	const edits: Edit[] = [];
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i];
		const first = text.charCodeAt(line.start);
		if (line.end === line.start || first === 0x20 || first === 0x09 || first === 0x23) continue;
		// Where this entry's value starts: after `key:` for a simple key; other lines are skipped as they are.
		let colon = -1;
		const match = keyValueStart(text, line, key);
		if (match !== -1) colon = match;
		else {
			for (let k = line.start; k < line.end; k++) {
				const code = text.charCodeAt(k);
				if (code === 0x3a && (k + 1 === line.end || text.charCodeAt(k + 1) === 0x20 || text.charCodeAt(k + 1) === 0x09)) {
					colon = k + 1;
					break;
				}
				if (code === 0x22 || code === 0x27 || code === 0x23) break;
			}
		}
		const valueStart = colon === -1 ? line.end : skipBlanks(text, colon, line.end);
		// A quoted or flow value may run over several lines: those lines are the value, never keys.
		let last = i;
		const opener = valueStart < line.end ? text.charCodeAt(valueStart) : -1;
		if (opener === 0x22 || opener === 0x27) {
			const endLine = quotedEndLine(text, lines, i, valueStart);
			if (endLine === -1) {
				if (match !== -1) refuse("has a quoted value that is not closed");
				continue;
			}
			last = endLine;
		} else if (opener === 0x5b || opener === 0x7b) {
			const endLine = flowEndLine(text, lines, i, valueStart);
			if (endLine === -1) {
				if (match !== -1) refuse("has a list or map value that is not closed");
				continue;
			}
			last = endLine;
		}
		while (last + 1 < lines.length && continuesValue(text, lines[last + 1])) last++;
		let lastContent = last;
		while (lastContent > i && isBlankLine(text, lines[lastContent])) lastContent--;
		if (match === -1) {
			i = last;
			continue;
		}
		if (edits.length > 0) refuse("is set twice");
		if (lastContent > i) refuse("has a value over several lines");
		if (opener === 0x26 || opener === 0x2a || opener === 0x21) refuse("has an anchor, alias or tag (another property may share its value)");
		if (opener === 0x7c || opener === 0x3e || opener === 0x5b || opener === 0x7b) refuse("has a block, list or map value");
		const comment = commentStart(text, match, line.end);
		const valueEnd = comment === -1 ? line.end : comment;
		if (opener === 0x22 || opener === 0x27) {
			const close = quotedEnd(text, valueStart, line.end);
			if (close === -1 || skipBlanks(text, close, valueEnd) !== valueEnd) refuse("has a quoted value followed by more text");
		}
		let tail = "";
		if (comment !== -1) {
			tail = comment === match ? " " + text.slice(skipBlanks(text, comment, line.end), line.end) : text.slice(comment, line.end);
		}
		edits.push({ start: match, end: line.end, replacement: " " + formatScalar(value) + tail });
		i = last;
	}

	if (edits.length === 0) {
		const before = span.contentEnd - 1;
		const eol = before > 0 && text.charCodeAt(before - 1) === 0x0d ? "\r\n" : "\n";
		return text.slice(0, span.contentEnd) + entry + eol + text.slice(span.contentEnd);
	}
	const edit = edits[0];
	return text.slice(0, edit.start) + edit.replacement + text.slice(edit.end);
}
