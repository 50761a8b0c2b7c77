/**
 * What changed in a story between two versions (e.g. what was last published and what would be
 * published now), as lines for a preview, and a content hash to notice a change without keeping the
 * old text. Uses jsdiff's line diff; only `diffLines` is imported so the bundle stays small.
 */

import { diffLines } from "diff";

/** One line of a diff: only in the new text, only in the old one, or in both. */
export interface DiffLine {
	kind: "add" | "remove" | "same";
	/** The line without its line ending. */
	text: string;
}

/** A line diff with its totals, so callers can summarise ("+3 −1") without walking the lines. */
export interface ContentDiff {
	/** True when some line was added or removed. */
	changed: boolean;
	added: number;
	removed: number;
	/** Every line of both texts in order; removed lines come before the lines that replace them. */
	lines: DiffLine[];
}

/**
 * Beyond this many added plus removed lines jsdiff gives up (its cost grows with the square of it: about
 * 60 ms here at 1000) and {@link replacement} is shown instead.
 */
const MAX_EDIT_LENGTH = 1000;

/**
 * LF line endings and a final newline: a CRLF checkout or a missing newline at the end should not show
 * up as every line, or the last one, changed.
 */
function normalize(text: string): string {
	const lf = text.split("\r\n").join("\n");
	return lf === "" || lf.endsWith("\n") ? lf : lf + "\n";
}

/** The lines of a normalised text (which ends with a newline, or is empty). */
function splitLines(value: string): string[] {
	const parts = value.split("\n");
	parts.pop();
	return parts;
}

interface Change {
	value: string;
	added: boolean;
	removed: boolean;
}

/**
 * The fallback for a rewrite too large to diff: the common first and last lines stay, everything
 * between is removed then added.
 */
function replacement(oldText: string, newText: string): Change[] {
	const a = splitLines(oldText);
	const b = splitLines(newText);
	let head = 0;
	while (head < a.length && head < b.length && a[head] === b[head]) head++;
	let tail = 0;
	while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
	const join = (part: string[]): string => part.map((line) => `${line}\n`).join("");
	return [
		{ value: join(a.slice(0, head)), added: false, removed: false },
		{ value: join(a.slice(head, a.length - tail)), added: false, removed: true },
		{ value: join(b.slice(head, b.length - tail)), added: true, removed: false },
		{ value: join(a.slice(a.length - tail)), added: false, removed: false },
	];
}

/**
 * Line diff of two texts. Line endings (CRLF or LF) and a missing final newline are ignored, so a
 * diff of `"a"` and `"a\n"` is unchanged. Rewrites too large to diff (over 1000 changed lines)
 * come out as everything between the common first and last lines removed, then added.
 */
export function diffContent(before: string, after: string): ContentDiff {
	const oldText = normalize(before);
	const newText = normalize(after);
	let changes: Change[];
	if (oldText === newText) {
		changes = [{ value: oldText, added: false, removed: false }];
	} else {
		changes = diffLines(oldText, newText, { maxEditLength: MAX_EDIT_LENGTH }) ?? replacement(oldText, newText);
	}
	const lines: DiffLine[] = [];
	let added = 0;
	let removed = 0;
	for (const change of changes) {
		const kind = change.added ? "add" : change.removed ? "remove" : "same";
		for (const text of splitLines(change.value)) {
			lines.push({ kind, text });
			if (kind === "add") added++;
			else if (kind === "remove") removed++;
		}
	}
	return { changed: added + removed > 0, added, removed, lines };
}

/** Choices for {@link formatDiff}. */
export interface FormatDiffOptions {
	/** Unchanged lines kept on each side of a change (default 3). */
	context?: number;
}

const PREFIX: Record<DiffLine["kind"], string> = { add: "+ ", remove: "- ", same: "  " };

function collapsed(count: number): string {
	return `\u2026 ${count} unchanged line${count === 1 ? "" : "s"}`;
}

/**
 * A diff as readable unified-style text: `+ `, `- ` and `  ` before each line, and each run of unchanged
 * lines longer than 2×context (longer than context at the start or end) cut down to its `context` lines
 * next to a change with `… N unchanged lines` in their place. An unchanged diff gives "".
 */
export function formatDiff(diff: ContentDiff, opts: FormatDiffOptions = {}): string {
	if (!diff.changed) return "";
	const wanted = opts.context ?? 3;
	const context = Number.isFinite(wanted) ? Math.max(0, Math.floor(wanted)) : 3;
	const { lines } = diff;
	const out: string[] = [];
	const emit = (from: number, to: number): void => {
		for (let k = from; k < to; k++) out.push(PREFIX[lines[k].kind] + lines[k].text);
	};
	let i = 0;
	while (i < lines.length) {
		if (lines[i].kind !== "same") {
			emit(i, i + 1);
			i++;
			continue;
		}
		let j = i;
		while (j < lines.length && lines[j].kind === "same") j++;
		const head = i === 0 ? 0 : context;
		const tail = j === lines.length ? 0 : context;
		if (j - i > head + tail) {
			emit(i, i + head);
			out.push(collapsed(j - i - head - tail));
			emit(j - tail, j);
		} else {
			emit(i, j);
		}
		i = j;
	}
	return out.join("\n");
}

