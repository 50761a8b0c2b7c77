/**
 * The story builder tries a line (indented under 4 columns) as a heading, setext underline, rule, fence or
 * list item only when its first character can start one (mayStartBlock). That shortcut must never skip a
 * line one of those classifiers would take: random lines, checked against every classifier.
 */

import { fenceOpen, listItem, parseHeading } from "../src/convert/sections";
import { isRule, mayStartBlock, setextLevel } from "../src/convert/story-builder";
import { mulberry32 } from "./support/seeded-random";


const PIECES = ["#", "##", "=", "==", "-", "--", "*", "_", "`", "```", "~~~", "+", "1", "1.", "2)", "a", "Z", ".", ">", "!", "[", "(", "|", "^", "é", "\u00a0", "\u3000", "\u2028", "\u000b", " ", "  ", "\t"];

test("a line whose first character cannot start a block is taken by no block classifier", () => {
	const next = mulberry32(20261129);
	let skipped = 0;
	for (let n = 0; n < 200000; n++) {
		let line = " ".repeat(Math.floor(next() * 4));
		const k = 1 + Math.floor(next() * 6);
		for (let i = 0; i < k; i++) line += PIECES[Math.floor(next() * PIECES.length)];
		let indent = 0;
		while (line.charCodeAt(indent) === 32) indent++;
		if (indent >= 4 || indent === line.length) continue;
		if (mayStartBlock(line.charCodeAt(indent))) continue;
		skipped++;
		expect([line, parseHeading(line), setextLevel(line), isRule(line), fenceOpen(line.trimStart()), listItem(line)]).toEqual([line, null, 0, false, null, null]);
	}
	expect(skipped).toBeGreaterThan(50000);
});
