/**
 * CommonMark's link reference definitions (`[label]: https://… "Title"`), which Obsidian renders like
 * any CommonMark reader: `[text][label]`, `[label][]` and `[label]` become links, and the definition
 * lines themselves show nothing. A definition may come after its use, so a note's definitions are
 * collected once, in one pass over its lines, the first time a link or the line pass asks for them.
 */

import type { LoadedNote } from "./convert-context";
import { fencedLines, parseHeading } from "./sections";
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
 * The note's link reference definitions, collected on first use. A definition starts a block (it
 * cannot interrupt a paragraph): it follows the body's start, a blank line, a heading, a rule, a code
 * block or another definition; lines in code blocks are never definitions. The first definition of a label wins.
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
		startsBlock = c === 35 ? parseHeading(lines.line(i)) !== null : (c === 45 || c === 42 || c === 95) && isRule(lines.line(i));
	}
	return (note.linkReferences = refs ?? NONE);
}
