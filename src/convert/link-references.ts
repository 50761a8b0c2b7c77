/**
 * CommonMark's link reference definitions (`[label]: https://… "Title"`), which Obsidian renders like
 * any CommonMark reader: `[text][label]`, `[label][]` and `[label]` become links, and the definition
 * lines themselves show nothing. A definition may come after its use, so a note's definitions are
 * collected once, in one pass over its lines, the first time a link or the line pass asks for them.
 */

import type { LoadedNote } from "./convert-context";
import type { NoteLines } from "./note-lines";
import { fencedLines, parseHeading, splitQuote } from "./sections";
import { isRule } from "./story-builder";

/** A definition's destination (as written, `<…>` removed) and its title, if any. */
export interface LinkReference {
	dest: string;
	title: string | null;
}

/** A note's definitions by normalized label, and the 0-based lines that hold them (to be dropped). */
export interface LinkReferences {
	byLabel: Map<string, LinkReference>;
	lines: Set<number>;
}

const NONE: LinkReferences = { byLabel: new Map(), lines: new Set() };

/** CommonMark's label matching: surrounding white space dropped, inner runs made one space, case ignored. */
export function normalizeLabel(label: string): string {
	return label.trim().replace(/\s+/g, " ").toLowerCase();
}

/**
 * A definition line: up to three spaces, `[label]:` (no unescaped bracket inside, not `[^…]`), a
 * destination (`<…>` or without spaces), an optional title in `"…"`, `'…'` or `(…)`, nothing after.
 * Every alternative starts with its own character, so the match cannot backtrack.
 */
const DEFINITION = /^ {0,3}\[(?!\^)((?:[^\\[\]]|\\.){1,999})\]:[ \t]*(?:<((?:[^\\<>]|\\.)*)>|([^\s<][^\s]*))(?:[ \t]+(?:"((?:[^\\"]|\\.)*)"|'((?:[^\\']|\\.)*)'|\(((?:[^\\()]|\\.)*)\)))?[ \t]*$/;

/** Reads a definition line, or null. */
export function parseReferenceDefinition(line: string): { label: string; dest: string; title: string | null } | null {
	const m = DEFINITION.exec(line);
	if (m === null) return null;
	const label = normalizeLabel(m[1]);
	if (label.length === 0) return null;
	const title = m[4] ?? m[5] ?? m[6];
	return { label, dest: m[2] ?? m[3], title: title === undefined ? null : title.replace(/\\([!-/:-@[-`{-~])/g, "$1") };
}

/**
 * Whether line `k` (quoted `depth` deep) may start a block: it is the body's first line, or follows a
 * blank line, a code block's line, a heading, a rule or a definition. Inside a quote the line before is
 * read at the same depth: a quote opening there (the line before is shallower), a blank `>` line, or a
 * callout's title line starts a block too; quoted text at this depth or deeper is a paragraph going on.
 */
function startsBlockAt(lines: NoteLines, fenced: Uint8Array, k: number, bodyStart: number, refs: LinkReferences | null, depth: number): boolean {
	if (k === bodyStart) return true;
	const j = k - 1;
	const at = lines.firstNonBlank(j);
	if (fenced[j] || at === -1 || (refs !== null && refs.lines.has(j))) return true;
	let c = lines.text.charCodeAt(at);
	let prev: string | null = null;
	if (depth > 0) {
		const q = c === 62 ? splitQuote(lines.line(j)) : { depth: 0, content: "" };
		if (q.depth < depth) return true;
		prev = q.content.trimStart();
		if (prev.length === 0) return true;
		c = prev.charCodeAt(0);
		if (c === 91 && CALLOUT_TITLE.test(prev)) return true;
	}
	return c === 35 ? parseHeading(prev ?? lines.line(j)) !== null : (c === 45 || c === 42 || c === 95) && isRule(prev ?? lines.line(j));
}

/** A callout's title line (`[!type]`, `[!type]+ Title`): in Obsidian a paragraph of its own. One pass, no backtracking. */
const CALLOUT_TITLE = /^\[![^\]]+\][+-]?(?:[ \t]|$)/;

/**
 * The note's link reference definitions, collected on first use. A definition starts a block (it
 * cannot interrupt a paragraph, see startsBlockAt), at the top level or inside a quote or callout
 * (CommonMark reads it there too); lines in code blocks are never definitions. The first definition of a label wins.
 */
export function linkReferencesOf(note: LoadedNote): LinkReferences {
	if (note.linkReferences) return note.linkReferences;
	if (note.text.indexOf("]:") === -1) return (note.linkReferences = NONE);
	const lines = note.lines;
	const text = note.text;
	const fenced = (note.fenced ??= fencedLines(lines));
	let refs: LinkReferences | null = null;
	// Only lines holding `]:` can be definitions: go from one to the next, not through every line.
	let k = note.bodyStart;
	let seen = -1;
	for (let p = text.indexOf("]:", k < lines.count ? lines.lineStart(k) : text.length); p !== -1; p = text.indexOf("]:", p + 2)) {
		k = lines.lineAt(p, k);
		if (k === seen) continue; // a line is read once, however many `]:` it holds
		seen = k;
		const at = lines.firstNonBlank(k);
		if (fenced[k] || at === -1) continue;
		const c = text.charCodeAt(at);
		// A quoted line (`> [label]: url`): the definition is read from the quote's content.
		if (c === 91 && text.charCodeAt(at + 1) === 94) continue; // `[^1]:` is a footnote's definition
		const q = c === 62 ? splitQuote(lines.line(k)) : null;
		if ((q === null ? c !== 91 : q.content.trimStart().charCodeAt(0) !== 91) || !startsBlockAt(lines, fenced, k, note.bodyStart, refs, q === null ? 0 : q.depth)) continue;
		const def = parseReferenceDefinition(q === null ? lines.line(k) : q.content);
		if (def === null) continue;
		refs ??= { byLabel: new Map(), lines: new Set() };
		refs.lines.add(k);
		if (!refs.byLabel.has(def.label)) refs.byLabel.set(def.label, { dest: def.dest, title: def.title });
	}
	return (note.linkReferences = refs ?? NONE);
}
