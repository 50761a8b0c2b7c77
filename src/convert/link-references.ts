/**
 * CommonMark's link reference definitions (`[label]: https://… "Title"`), which Obsidian renders like
 * any CommonMark reader: `[text][label]`, `[label][]` and `[label]` become links, and the definition
 * lines themselves show nothing. A definition may come after its use, so a note's definitions are
 * collected once, in one pass over its lines, the first time a link or the line pass asks for them.
 */

import type { LoadedNote } from "./convert-context";
import { fencedLines, parseHeading } from "./sections";

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
	let out = "";
	let space = false;
	for (let i = 0; i < label.length; i++) {
		const c = label.charCodeAt(i);
		if (c === 32 || c === 9 || c === 10 || c === 13) {
			space = out.length > 0;
			continue;
		}
		if (space) out += " ";
		space = false;
		out += label[i];
	}
	return out.toLowerCase();
}

/**
 * Reads a definition line: up to three spaces, `[label]:`, a destination (`<…>` or without spaces),
 * an optional title in `"…"`, `'…'` or `(…)`, nothing after. Footnote definitions (`[^1]:`) are not
 * link definitions. Linear: each character is looked at a bounded number of times.
 */
export function parseReferenceDefinition(line: string): { label: string; dest: string; title: string | null } | null {
	let i = 0;
	while (i < 3 && line.charCodeAt(i) === 32) i++;
	if (line.charCodeAt(i) !== 91 || line.charCodeAt(i + 1) === 94) return null;
	const labelStart = i + 1;
	let j = labelStart;
	for (; j < line.length; j++) {
		const c = line.charCodeAt(j);
		if (c === 92) j++;
		else if (c === 91) return null;
		else if (c === 93) break;
	}
	if (j >= line.length || j - labelStart > 999) return null;
	const label = normalizeLabel(line.slice(labelStart, j));
	if (label.length === 0 || line.charCodeAt(j + 1) !== 58) return null;
	i = skipSpaces(line, j + 2);
	let dest: string;
	if (line.charCodeAt(i) === 60) {
		let k = i + 1;
		for (; k < line.length; k++) {
			const c = line.charCodeAt(k);
			if (c === 92) k++;
			else if (c === 60) return null;
			else if (c === 62) break;
		}
		if (k >= line.length) return null;
		dest = line.slice(i + 1, k);
		i = k + 1;
	} else {
		const start = i;
		while (i < line.length && line.charCodeAt(i) > 32) i++;
		if (i === start) return null;
		dest = line.slice(start, i);
	}
	const afterDest = i;
	i = skipSpaces(line, i);
	if (i >= line.length) return { label, dest, title: null };
	if (i === afterDest) return null; // a title must be set apart from the destination
	const open = line.charCodeAt(i);
	const closeCode = open === 34 ? 34 : open === 39 ? 39 : open === 40 ? 41 : -1;
	if (closeCode === -1) return null;
	let k = i + 1;
	for (; k < line.length; k++) {
		const c = line.charCodeAt(k);
		if (c === 92) k++;
		else if (c === closeCode) break;
	}
	if (k >= line.length || skipSpaces(line, k + 1) < line.length) return null;
	return { label, dest, title: line.slice(i + 1, k) };
}

function skipSpaces(line: string, i: number): number {
	while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
	return i;
}

/**
 * The note's link reference definitions, collected on first use. A definition starts a block (it
 * cannot interrupt a paragraph): it follows the body's start, a blank line, a heading, a code block
 * or another definition; lines in code blocks are never definitions. The first definition of a label wins.
 */
export function linkReferencesOf(note: LoadedNote): LinkReferences {
	if (note.linkReferences) return note.linkReferences;
	if (note.text.indexOf("]:") === -1) return (note.linkReferences = NONE);
	const lines = note.lines;
	const fenced = (note.fenced ??= fencedLines(lines));
	let refs: LinkReferences | null = null;
	let startsBlock = true;
	for (let i = note.bodyStart; i < lines.count; i++) {
		if (fenced[i]) {
			startsBlock = true;
			continue;
		}
		// Lines are sliced only when they may be a definition (`[` first) or a heading (`#` first).
		const at = lines.firstNonBlank(i);
		if (at === -1) {
			startsBlock = true;
			continue;
		}
		const c = note.text.charCodeAt(at);
		if (startsBlock && c === 91) {
			const line = lines.line(i);
			const def = line.indexOf("]:") !== -1 ? parseReferenceDefinition(line) : null;
			if (def !== null) {
				refs ??= { byLabel: new Map(), lines: new Set() };
				refs.lines.add(i);
				if (!refs.byLabel.has(def.label)) refs.byLabel.set(def.label, { dest: def.dest, title: def.title });
				continue;
			}
		}
		startsBlock = c === 35 && parseHeading(lines.line(i)) !== null;
	}
	return (note.linkReferences = refs ?? NONE);
}
