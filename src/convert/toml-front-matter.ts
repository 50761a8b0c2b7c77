/**
 * Hugo's TOML front matter (`+++` … `+++`, what `hugo new` long wrote): the top-level `key = value`
 * lines a publish needs (title, tags, medium_publish, canonical_url, slug, medium_url…) read, and one
 * line written, in place, without re-serialising the block. Tables (`[params]`) and what this small
 * reader does not know (dotted keys, inline tables, nested arrays) are skipped, never guessed at.
 * One forward pass over the block's lines.
 */

/** A TOML value as a property: strings, numbers, booleans, dates as written, arrays of those. */
export type TomlValue = string | number | boolean | TomlValue[];

/** The block's top-level properties, or the 1-based line (within the block) that could not be read. */
export interface TomlRead {
	properties: Record<string, TomlValue>;
	problemLine: number | null;
}

/** A cursor over one value's text: the lines of a multi-line array are joined with `\n`. */
class Reader {
	i = 0;
	constructor(readonly s: string) {}

	blanks(newlines: boolean): void {
		for (;;) {
			const c = this.s.charCodeAt(this.i);
			if (c === 32 || c === 9 || (newlines && (c === 10 || c === 13))) this.i++;
			else if (newlines && c === 35) {
				const nl = this.s.indexOf("\n", this.i);
				this.i = nl === -1 ? this.s.length : nl;
			} else return;
		}
	}
}

/** A basic string's escapes (`\"`, `\\`, `\n`, `\t`, `\uXXXX`…); null for a malformed one. */
function basicString(r: Reader): string | null {
	let out = "";
	for (r.i++; r.i < r.s.length; r.i++) {
		const ch = r.s[r.i];
		if (ch === '"') {
			r.i++;
			return out;
		}
		if (ch === "\n") return null;
		if (ch !== "\\") {
			out += ch;
			continue;
		}
		const e = r.s[++r.i];
		const simple: Record<string, string> = { '"': '"', "\\": "\\", n: "\n", t: "\t", r: "\r", b: "\b", f: "\f" };
		if (e in simple) out += simple[e];
		else if (e === "u" || e === "U") {
			const len = e === "u" ? 4 : 8;
			const hex = r.s.slice(r.i + 1, r.i + 1 + len);
			if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) return null;
			out += String.fromCodePoint(parseInt(hex, 16));
			r.i += len;
		} else return null;
	}
	return null;
}

/** One value at the cursor; undefined for a form this reader skips, null for malformed text. */
function value(r: Reader, depth: number): TomlValue | null | undefined {
	const c = r.s[r.i];
	if (c === '"') {
		if (r.s.startsWith('"""', r.i)) return undefined;
		return basicString(r);
	}
	if (c === "'") {
		if (r.s.startsWith("'''", r.i)) return undefined;
		const close = r.s.indexOf("'", r.i + 1);
		const nl = r.s.indexOf("\n", r.i + 1);
		if (close === -1 || (nl !== -1 && nl < close)) return null;
		const text = r.s.slice(r.i + 1, close);
		r.i = close + 1;
		return text;
	}
	if (c === "[") {
		if (depth > 0) return undefined; // nested arrays: skipped
		const items: TomlValue[] = [];
		r.i++;
		for (;;) {
			r.blanks(true);
			if (r.s[r.i] === "]") {
				r.i++;
				return items;
			}
			const item = value(r, depth + 1);
			if (item === null || item === undefined) return item;
			items.push(item);
			r.blanks(true);
			if (r.s[r.i] === ",") r.i++;
			else if (r.s[r.i] !== "]") return null;
		}
	}
	if (c === "{") return undefined; // inline tables: skipped
	// A bare word: a boolean, a number, a date or time, as written up to a comment, comma or bracket.
	let end = r.i;
	while (end < r.s.length && !",]#\n".includes(r.s[end])) end++;
	const word = r.s.slice(r.i, end).trim();
	r.i = end;
	if (word === "true") return true;
	if (word === "false") return false;
	if (/^[+-]?(\d[\d_]*)(\.\d[\d_]*)?([eE][+-]?\d+)?$/.test(word)) return Number(word.split("_").join(""));
	if (/^\d{4}-\d{2}-\d{2}|^\d{2}:\d{2}/.test(word)) return word;
	if (/^([+-]?(inf|nan)|0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+)$/.test(word)) return undefined;
	return null;
}

/** Whether a line (trimmed) is a table header: `[table]` or `[[array]]`. */
function isTableHeader(trimmed: string): boolean {
	return trimmed.startsWith("[");
}

/** The key of a `key = …` line and where its value starts; null when the line is no such line. */
export function tomlKeyOf(line: string): { key: string | null; valueAt: number } | null {
	const r = new Reader(line);
	r.blanks(false);
	let key: string | null;
	if (r.s[r.i] === '"') key = basicString(r);
	else if (r.s[r.i] === "'") {
		const close = r.s.indexOf("'", r.i + 1);
		if (close === -1) return null;
		key = r.s.slice(r.i + 1, close);
		r.i = close + 1;
	} else {
		const start = r.i;
		while (r.i < r.s.length && /[A-Za-z0-9_-]/.test(r.s[r.i])) r.i++;
		if (r.i === start) return null;
		key = r.s.slice(start, r.i);
	}
	if (key === null) return null;
	r.blanks(false);
	// A dotted key (`a.b = 1`) sets a table's entry: a known line, but no top-level property.
	if (r.s[r.i] === ".") {
		const eq = line.indexOf("=", r.i);
		return eq === -1 ? null : { key: null, valueAt: eq + 1 };
	}
	if (r.s[r.i] !== "=") return null;
	return { key, valueAt: r.i + 1 };
}

/** Counts `[` minus `]` outside strings and comments: a multi-line array goes on while this is above 0. */
function bracketDepth(text: string): number {
	let depth = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === "#") break;
		if (c === '"' || c === "'") {
			const close = text.indexOf(c, i + 1);
			if (close === -1) return depth;
			i = close;
		} else if (c === "[") depth++;
		else if (c === "]") depth--;
	}
	return depth;
}

/**
 * Reads the block's lines (without the `+++` lines): the top-level properties, up to the first table.
 * A line that is not TOML stops the reading with its line number, so a publish can refuse the note.
 */
export function readTomlFrontMatter(lines: readonly string[]): TomlRead {
	const properties: Record<string, TomlValue> = Object.create(null) as Record<string, TomlValue>;
	for (let n = 0; n < lines.length; n++) {
		const trimmed = lines[n].trim();
		if (trimmed === "" || trimmed.startsWith("#")) continue;
		if (isTableHeader(trimmed)) break;
		const kv = tomlKeyOf(lines[n]);
		if (kv === null) return { properties, problemLine: n + 1 };
		let text = lines[n].slice(kv.valueAt);
		const first = n;
		// A multi-line array, or a multi-line string (skipped), goes on to its closing line.
		const rest = text.trimStart();
		if (rest.startsWith('"""') || rest.startsWith("'''")) {
			const quote = rest.slice(0, 3);
			if (rest.indexOf(quote, 3) === -1) {
				while (n + 1 < lines.length && lines[n + 1].indexOf(quote) === -1) n++;
				n++;
			}
			continue;
		}
		let depth = bracketDepth(text);
		while (depth > 0 && n + 1 < lines.length) {
			n++;
			text += "\n" + lines[n];
			depth += bracketDepth(lines[n]);
		}
		const r = new Reader(text);
		r.blanks(false);
		const v = value(r, 0);
		if (v === null) return { properties, problemLine: first + 1 };
		r.blanks(false);
		if (r.i < r.s.length && r.s[r.i] !== "#") return { properties, problemLine: first + 1 };
		if (v !== undefined && kv.key !== null) properties[kv.key] = v;
	}
	return { properties, problemLine: null };
}

/** A string as a TOML basic string (quoted, `\` `"` and control characters escaped). */
export function tomlString(text: string): string {
	let out = '"';
	for (const ch of text) {
		const c = ch.codePointAt(0) ?? 0;
		if (ch === '"' || ch === "\\") out += "\\" + ch;
		else if (c < 0x20 || c === 0x7f) out += "\\u" + c.toString(16).padStart(4, "0");
		else out += ch;
	}
	return out + '"';
}
