/**
 * A Kanban board (the Kanban plugin's note, `kanban-plugin` in its properties) as the board shows it:
 * its lanes are `##` headings over lists of cards, which read as they are. What only the plugin reads
 * is rewritten here, line for line so every warning keeps its line:
 * - the archive (everything after a thematic break, `***`) is hidden on the board: left out;
 * - a lane's `**Complete**` line is a lane setting, not text: left out, and so is its WIP limit `(3)`;
 * - a card's checkbox is hidden unless the board shows checkboxes (`show-checkboxes`): a card is a bullet;
 * - a card's date `@{2024-05-01}`, time `@@{14:30}` and daily-note date `@[[2024-05-01]]` show as the
 *   date, the time and the link.
 */

/** A board's text, and how many archived cards were left out (and the archive's line, 0-based). */
export interface BoardText {
	text: string;
	archived: number;
	archiveLine: number;
}

/** Whether a line is a thematic break (`***`, `- - -`, `___`). */
function isBreak(line: string): boolean {
	let mark = 0;
	let count = 0;
	let k = 0;
	while (k < line.length && k < 3 && line.charCodeAt(k) === 32) k++;
	for (; k < line.length; k++) {
		const c = line.charCodeAt(k);
		if (c === 32 || c === 9) continue;
		if (c !== 42 && c !== 45 && c !== 95) return false;
		if (mark !== 0 && c !== mark) return false;
		mark = c;
		count++;
	}
	return count >= 3;
}

/**
 * A lane's heading without its WIP limit (`## Doing (3)`): the board shows the limit beside its count of
 * cards, not as part of the title.
 */
function withoutLimit(heading: string): string {
	let end = heading.length;
	while (end > 0 && heading.charCodeAt(end - 1) === 32) end--;
	if (heading.charCodeAt(end - 1) !== 41 /* ) */) return heading;
	let k = end - 2;
	while (k > 0 && heading.charCodeAt(k) >= 48 && heading.charCodeAt(k) <= 57) k--;
	if (k === end - 2 || heading.charCodeAt(k) !== 40 /* ( */ || heading.charCodeAt(k - 1) !== 32) return heading;
	return heading.slice(0, k - 1);
}

/** Whether a line is a card's first line (`- [ ] text`, `* [x] text`), not indented. */
function cardCheckbox(line: string): number {
	const c = line.charCodeAt(0);
	if ((c !== 45 && c !== 42 && c !== 43) || line.charCodeAt(1) !== 32 || line.charCodeAt(2) !== 91 || line.charCodeAt(4) !== 93) return -1;
	const next = line.charCodeAt(5);
	return next === 32 || Number.isNaN(next) ? 2 : -1;
}

/** A card's line with its dates and times shown as the board shows them (`@{d}` is d, `@[[d]]` a link). */
function cardDates(line: string): string {
	let out = "";
	let from = 0;
	let at = line.indexOf("@");
	while (at !== -1) {
		const k = line.charCodeAt(at + 1) === 64 ? at + 2 : at + 1; // `@@{time}`
		if (line.charCodeAt(k) === 123) {
			const close = line.indexOf("}", k + 1);
			const value = close === -1 ? "" : line.slice(k + 1, close);
			if (value.trim() !== "" && value.indexOf("{") === -1) {
				out += line.slice(from, at) + value;
				from = close + 1;
			}
		} else if (k === at + 1 && line.startsWith("[[", k)) {
			out += line.slice(from, at);
			from = k;
		}
		at = line.indexOf("@", Math.max(at + 1, from));
	}
	return out + line.slice(from);
}

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
			if (cardCheckbox(line) !== -1) archived++;
			lines[i] = "";
			continue;
		}
		if (line.startsWith("```") || line.startsWith("~~~")) inFence = !inFence;
		if (inFence || line.trim() === "") continue;
		if (line.startsWith("## ")) {
			afterHeading = true;
			lines[i] = withoutLimit(line);
			continue;
		}
		if (afterHeading && line.length > 4 && line.startsWith("**") && line.endsWith("**") && line.indexOf("**", 2) === line.length - 2) {
			lines[i] = "";
			afterHeading = false;
			continue;
		}
		afterHeading = false;
		if (isBreak(line)) {
			archiveLine = i;
			lines[i] = "";
			continue;
		}
		let card = line;
		if (!showCheckboxes && cardCheckbox(card) !== -1) card = card.slice(0, 2) + card.slice(card.length > 5 ? 6 : 5);
		if (card.indexOf("@") !== -1) card = cardDates(card);
		lines[i] = card;
	}
	return { text: lines.join("\n"), archived, archiveLine };
}
