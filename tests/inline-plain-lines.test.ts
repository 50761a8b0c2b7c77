/**
 * The story builder reads a paragraph whose lines hold no markup line by line (parsePlainLines), without
 * joining it and running the inline parser. That shortcut must give what the parser gives for the
 * joined text: random paragraphs of letters, punctuation the parser does not stop at, spaces, tabs and
 * other white space, with both line-break settings.
 */

import { mayHoldMarkup, parseInline, parsePlainLines, type InlineReport } from "../src/convert/inline-tree";
import { mulberry32 } from "./support/seeded-random";


const PIECES = ["a", "word", "Zz", ".", ",", ":", "é", "—", "(", ")", "#", " ", " ", "  ", "\t", " \t", "\u00a0", "\r", "\f", "\u3000"];

function randomLine(next: () => number): string {
	let s = "";
	const k = Math.floor(next() * 7);
	for (let i = 0; i < k; i++) s += PIECES[Math.floor(next() * PIECES.length)];
	return s;
}

test("a paragraph with no markup reads the same line by line as joined and parsed", () => {
	const next = mulberry32(20261129);
	let compared = 0;
	for (let n = 0; n < 40000; n++) {
		const count = 2 + Math.floor(next() * 5);
		const lines: string[] = [];
		for (let k = 0; k < count; k++) lines.push(randomLine(next));
		expect(lines.some(mayHoldMarkup)).toBe(false);
		for (const softBreaks of [true, false]) {
			const report: InlineReport = { softBreaks, warn: () => undefined };
			// Extra lines past `count` in the array must be ignored.
			const fast = parsePlainLines([...lines, "ignored"], count, softBreaks);
			expect(fast).toEqual(parseInline(lines.join("\n"), report));
			compared++;
		}
	}
	expect(compared).toBe(80000);
});

test("a line that may hold markup or a line end is left to the parser", () => {
	for (const line of ["a *b*", "[x]", "a\\b", "`c`", "<br>", "!", "~", "_", "two\nlines"]) expect(mayHoldMarkup(line)).toBe(true);
	for (const line of ["plain words.", "", "  \t", "#tag (x)"]) expect(mayHoldMarkup(line)).toBe(false);
});
