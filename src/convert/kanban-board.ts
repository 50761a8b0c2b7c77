/**
 * A Kanban board (the Kanban plugin's note, `kanban-plugin` in its properties) as the board shows it:
 * its lanes are `##` headings over lists of cards, which read as they are. What only the plugin reads
 * is rewritten here, line for line so every warning keeps its line:
 * - the archive (everything after a thematic break, `***`) is hidden on the board: left out;
 * - a lane's `**Complete**` line is a lane setting, not text: left out, and so is its WIP limit `(3)`;
 * - a card's checkbox is hidden unless the board shows checkboxes (`show-checkboxes`): a card is a bullet;
 * - a card's date `@{2024-05-01}`, time `@@{14:30}` and daily-note date `@[[2024-05-01]]` show as the
 *   date, the time and the link; in a code span (`` `@{2024-05-01}` ``) they stay as written.
 * None of the patterns can backtrack: each class excludes what ends it.
 */

import { findCodeSpans } from "./text-scan";

/** A board's text, and how many archived cards were left out (and the archive's line, 0-based). */
export interface BoardText {
	text: string;
	archived: number;
	archiveLine: number;
}

const BREAK = /^ {0,3}([-*_])(?: *\1){2,} *$/;
const CARD = /^[-*+] \[.\]/;
const COMPLETE = /^\*\*[^*]+\*\*$/;
const LIMIT = / \(\d+\) *$/;
// After a space or at the start, as the plugin reads them: `me@{host}` is no date.
const NO_SPANS: readonly { start: number; end: number }[] = [];
const DATE = /(^|\s)(?:@@?\{([^{}]+)\}|@(?=\[\[))/g;

/**
 * The board's text as Medium should read it, from `bodyLine` (the first line after the properties),
 * the same number of lines as `text`.
 */
export function boardText(text: string, bodyLine: number, showCheckboxes: boolean): BoardText {
	const lines = text.split("\n");
	let archived = 0;
	let archiveLine = -1;
	// After a lane's heading: the next written line may be its `**Complete**` marker.
	let afterHeading = false;
	let inFence = false;
	for (let i = bodyLine; i < lines.length; i++) {
		const line = lines[i];
		if (archiveLine !== -1) {
			if (CARD.test(line)) archived++;
			lines[i] = "";
			continue;
		}
		if (line.startsWith("```") || line.startsWith("~~~")) inFence = !inFence;
		if (inFence || line.trim() === "") continue;
		if (line.startsWith("## ")) {
			afterHeading = true;
			lines[i] = line.replace(LIMIT, "");
			continue;
		}
		const marker = afterHeading && COMPLETE.test(line);
		afterHeading = false;
		if (marker || BREAK.test(line)) {
			if (!marker) archiveLine = i;
			lines[i] = "";
			continue;
		}
		let card = showCheckboxes ? line : line.replace(CARD, (m) => m[0]);
		if (card.indexOf("@") !== -1) {
			const spans = card.indexOf("`") === -1 ? NO_SPANS : findCodeSpans(card);
			// Matches come in order: the spans before one are passed once.
			let k = 0;
			card = card.replace(DATE, (m: string, space: string, value: string | undefined, at: number) => {
				while (k < spans.length && spans[k].end <= at) k++;
				return k < spans.length && spans[k].start < at + m.length ? m : space + (value ?? "");
			});
		}
		lines[i] = card;
	}
	return { text: lines.join("\n"), archived, archiveLine };
}
