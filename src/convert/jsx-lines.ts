/**
 * The lines of an MDX post (Docusaurus, Gatsby, Next.js, Astro) that are not markdown: its ESM lines
 * (`import X from '…'`, `export const …`), its `{/* comments *\/}`, and lines that are only JSX
 * component tags (`<Tabs>`, `<TabItem value="a" label="A">`, `</Tabs>`, `<Image src="…" />`). A
 * component's name starts with a capital letter (or holds a dot, `<motion.div>`): HTML's never does.
 * Each reader is one forward scan of the line, with no regex that can backtrack.
 */

/** One component tag of a line: its name, whether it closes (`</X>`) or closes itself (`<X />`), its literal attributes. */
export interface JsxTag {
	name: string;
	closing: boolean;
	selfClosing: boolean;
	/** The attributes written as a string (`src="a.png"`, `title='T'`, `alt={"A"}`), or a name in braces as written (`{cover}`); others are left out. */
	attrs: Map<string, string>;
}

function isUpper(c: number): boolean {
	return c >= 65 && c <= 90;
}

function isNameChar(c: number): boolean {
	return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c === 46 || c === 45 || c === 58;
}

function isSpace(c: number): boolean {
	return c === 32 || c === 9 || c === 10 || c === 13;
}

/** True when a component tag may start at `at`: `<X` or `</X`. */
export function mayStartComponentAt(text: string, at: number): boolean {
	if (text.charCodeAt(at) !== 60) return false;
	const c = text.charCodeAt(at + 1);
	return isUpper(c) || (c === 47 && isUpper(text.charCodeAt(at + 2)));
}

/**
 * True when an MDX post's line may open an HTML element written as JSX at `at` (`<img src={require('./a.png').default} />`,
 * `<div style={{textAlign: 'center'}}>`): a lower-case name, an attribute in braces on the line, or the name alone (its attributes below).
 */
export function mayStartJsxHtmlAt(text: string, at: number): boolean {
	const c = text.charCodeAt(at + 1);
	if (text.charCodeAt(at) !== 60 || c < 97 || c > 122) return false;
	let k = at + 2;
	while (isNameChar(text.charCodeAt(k))) k++;
	return text.indexOf("={", k) !== -1 || text.trimEnd().length === k;
}

/**
 * Reads the component tags that make up the whole of `text` (white space between them allowed).
 * Returns them, "open" when a tag's `>` is not reached yet (its attributes go on over later lines), or
 * null when the text holds anything else (text, an HTML tag, a fragment).
 */
export function componentTags(text: string): JsxTag[] | "open" | null {
	const tags: JsxTag[] = [];
	let i = 0;
	const n = text.length;
	while (i < n && isSpace(text.charCodeAt(i))) i++;
	if (i === n) return null;
	while (i < n) {
		if (text.charCodeAt(i) !== 60) return null;
		i++;
		const closing = text.charCodeAt(i) === 47;
		if (closing) i++;
		// An MDX post's HTML element is JSX too (`<img src={…} />`; the caller says when a line may hold one).
		const first = text.charCodeAt(i);
		if (!isUpper(first) && !(first >= 97 && first <= 122)) return null;
		const nameStart = i;
		while (i < n && isNameChar(text.charCodeAt(i))) i++;
		const tag: JsxTag = { name: text.slice(nameStart, i), closing, selfClosing: false, attrs: new Map() };
		// An all-capitals name (`<TABLE>`, `<TD>`, `<BR>`) is HTML written in capitals, never a component.
		if (tag.name === tag.name.toUpperCase()) return null;
		// Attributes: name, name="…", name='…', name={…} (braces nested, strings inside skipped), {...spread}.
		for (;;) {
			while (i < n && isSpace(text.charCodeAt(i))) i++;
			if (i >= n) return "open";
			const c = text.charCodeAt(i);
			if (c === 62) {
				i++;
				break;
			}
			if (c === 47) {
				if (text.charCodeAt(i + 1) !== 62) return null;
				tag.selfClosing = true;
				i += 2;
				break;
			}
			if (c === 123) {
				const end = braceEnd(text, i);
				if (end === -1) return "open";
				i = end;
				continue;
			}
			const attrStart = i;
			while (i < n && isNameChar(text.charCodeAt(i))) i++;
			// An attribute's name starts as an identifier does: `<Things 3>` is text, not a component.
			const a0 = text.charCodeAt(attrStart);
			if (i === attrStart || (a0 >= 48 && a0 <= 57) || a0 === 46 || a0 === 45) return null;
			const attr = text.slice(attrStart, i);
			while (i < n && isSpace(text.charCodeAt(i))) i++;
			if (text.charCodeAt(i) !== 61) continue; // a boolean attribute (`default`)
			i++;
			while (i < n && isSpace(text.charCodeAt(i))) i++;
			if (i >= n) return "open";
			const q = text.charCodeAt(i);
			if (q === 34 || q === 39) {
				const close = text.indexOf(q === 34 ? '"' : "'", i + 1);
				if (close === -1) return "open";
				tag.attrs.set(attr, text.slice(i + 1, close));
				i = close + 1;
			} else if (q === 123) {
				const end = braceEnd(text, i);
				if (end === -1) return "open";
				const inner = text.slice(i + 1, end - 1).trim();
				const iq = inner.charCodeAt(0);
				if (inner.length >= 2 && (iq === 34 || iq === 39 || iq === 96) && inner.charCodeAt(inner.length - 1) === iq && inner.indexOf(inner[0], 1) === inner.length - 1) {
					tag.attrs.set(attr, inner.slice(1, -1));
				} else if (/^[A-Za-z_$][\w$]*$/.test(inner)) {
					tag.attrs.set(attr, "{" + inner + "}"); // a name the post imports (`src={cover}`)
				} else {
					// Docusaurus's `require('./a.png').default` (`@site/` is the site's folder) and `useBaseUrl('/img/a.png')`;
					// its ThemedImage's `sources={{light: …, dark: …}}`: the light one, its src.
					const light = attr === "sources" ? /\blight\s*:\s*([^,}]+)/.exec(inner) : null;
					const m = /^(?:(?:require|useBaseUrl)\(\s*)?(["'`])([^"'`\n]+)\1(?:\s*\)(?:\.default)?)?$/.exec(light === null ? inner : light[1].trim());
					if (m !== null) tag.attrs.set(light === null ? attr : "src", m[2].startsWith("@site/") ? m[2].slice(5) : m[2]);
				}
				i = end;
			} else return null;
		}
		tags.push(tag);
		while (i < n && isSpace(text.charCodeAt(i))) i++;
	}
	return tags;
}

/** The index after the `}` that closes the `{` at `start` (strings inside skipped), or -1 when the text ends first. */
function braceEnd(text: string, start: number): number {
	let depth = 0;
	for (let i = start; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 123) depth++;
		else if (c === 125) {
			depth--;
			if (depth === 0) return i + 1;
		} else if (c === 34 || c === 39 || c === 96) {
			const close = text.indexOf(text[i], i + 1);
			if (close === -1) return -1;
			i = close;
		}
	}
	return -1;
}

/**
 * An MDX ESM line at a block's start: `import X from '…'`, `import '…'`, `import {a} from "…"`,
 * `export const …`, `export default …`, `export {a} from '…'`. Prose that starts with the word
 * ("Import the file…", "export it first") has no such shape.
 */
export function isEsmLine(line: string): boolean {
	if (line.startsWith("import")) {
		const c = line.charCodeAt(6);
		if (!(c === 32 || c === 9 || c === 123 || c === 42 || c === 34 || c === 39)) return false;
		const rest = line.slice(6).trimStart();
		const r = rest.charCodeAt(0);
		if (r === 34 || r === 39) return true; // import './styles.css'
		if (/\bfrom\s*["']/.test(rest)) return true;
		// A statement over several lines: `import {` or `import A, {`, its names on the next lines.
		const t = rest.trimEnd();
		const end = t.charCodeAt(t.length - 1);
		return (end === 123 || end === 44) && /^[\w${*]/.test(t);
	}
	if (line.startsWith("export")) {
		const c = line.charCodeAt(6);
		if (c === 123 || c === 42) return true;
		if (c !== 32 && c !== 9) return false;
		return /^\s+(?:const|let|var|function|async\s+function|class|default|type|interface)\b/.test(line.slice(6));
	}
	return false;
}

/**
 * The last line of the ESM block that starts at line `i`: its statement goes on while a bracket is open
 * (`export const a = {` … `};`), and the block while the next line is another `import`/`export` (MDX
 * reads up to a blank line; a line of markdown right after ends it here, so no text is lost).
 */
export function esmBlockEnd(lines: { line(i: number): string }, i: number, end: number): number {
	let depth = 0;
	let last = i;
	for (;;) {
		depth = bracketDepth(lines.line(last), depth);
		if (last + 1 >= end) return last;
		const next = lines.line(last + 1);
		if (next.trim() === "") return last;
		if (depth <= 0 && !isEsmLine(next)) return last;
		last++;
	}
}

/**
 * The images an ESM block imports by name, `import cover from './cover.png'` (Astro's and Next.js's
 * `<Image src={cover} />`), added to `images` (name → path as written).
 */
export function esmImageImports(lines: { line(i: number): string }, from: number, to: number, images: Map<string, string>): void {
	for (let k = from; k <= to; k++) {
		const m = /^import\s+([A-Za-z_$][\w$]*)\s+from\s*["']([^"']+\.(?:png|jpe?g|gif|webp|avif|svg))["']/i.exec(lines.line(k));
		if (m !== null) images.set(m[1], m[2]);
	}
}

/** The bracket depth after a line of code (strings and line comments skipped), from `depth` before it. */
function bracketDepth(line: string, depth: number): number {
	for (let k = 0; k < line.length; k++) {
		const c = line.charCodeAt(k);
		if (c === 123 || c === 91 || c === 40) depth++;
		else if (c === 125 || c === 93 || c === 41) depth--;
		else if (c === 34 || c === 39 || c === 96) {
			const close = line.indexOf(line[k], k + 1);
			if (close === -1) return depth;
			k = close;
		} else if (c === 47 && line.charCodeAt(k + 1) === 47) return depth;
	}
	return depth;
}

/** A line that is only an MDX comment `{/* … *\/}`: MDX shows nothing of it. */
export function isMdxCommentLine(trimmed: string): boolean {
	return trimmed.startsWith("{/*") && trimmed.endsWith("*/}");
}
