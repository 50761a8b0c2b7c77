/**
 * findCodeSpans and findBareUrls run on every line and every paragraph, so they allocate as little as
 * they can (a table instead of a Map per line, `test` instead of `exec`). They must find what the
 * straightforward versions below find, on random lines of backtick runs, escapes, addresses and text.
 */

import { type CodeSpan, findBareUrls, findCodeSpans, isEscaped } from "../src/convert/text-scan";
import { mulberry32 } from "./support/seeded-random";

function referenceSpans(text: string): CodeSpan[] {
	const runs: Array<{ start: number; len: number; escaped: boolean }> = [];
	for (let i = text.indexOf("`"); i !== -1 && i < text.length; ) {
		let j = i + 1;
		while (j < text.length && text.charCodeAt(j) === 96) j++;
		runs.push({ start: i, len: j - i, escaped: i > 0 && text.charCodeAt(i - 1) === 92 && !isEscaped(text, i - 1) });
		i = text.indexOf("`", j);
	}
	const spans: CodeSpan[] = [];
	for (let k = 0; k < runs.length; ) {
		const opens = runs[k].escaped ? runs[k].len - 1 : runs[k].len;
		let close = -1;
		if (opens > 0) for (let m = k + 1; m < runs.length && close === -1; m++) if (runs[m].len === opens) close = m;
		if (close === -1) {
			k++;
			continue;
		}
		spans.push({ start: runs[k].escaped ? runs[k].start + 1 : runs[k].start, end: runs[close].start + runs[close].len });
		k = close + 1;
	}
	return spans;
}

/** The address search as it was written with `exec`. */
function referenceUrls(text: string, skip: readonly CodeSpan[]): Array<{ start: number; end: number }> {
	const urls: Array<{ start: number; end: number }> = [];
	const re = /https?:\/\/|www\./gi;
	let k = 0;
	let from = 0;
	for (let m = re.exec(text); m !== null; m = re.exec(text)) {
		const i = m.index;
		if (i > 0 && !/[ \t\n\r\f\v\u00a0(*_~]/.test(text.charAt(i - 1))) continue;
		while (k < skip.length && skip[k].end <= i) k++;
		if (k < skip.length && skip[k].start <= i) {
			re.lastIndex = skip[k].end;
			continue;
		}
		const start = (text.charCodeAt(i) | 32) === 119 ? i : i + m[0].length;
		// The end as findBareUrls finds it for an address alone at the start of the same text (after the
		// same `(`, which the `)` closing it ends).
		const lead = text.charAt(i - 1) === "(" ? 1 : 0;
		const alone = findBareUrls(text.slice(i - lead), []);
		const end = alone.length > 0 && alone[0].start === lead ? i - lead + alone[0].end : start;
		if (end > from && end > start) {
			urls.push({ start: i, end });
			from = end;
			re.lastIndex = end;
		} else re.lastIndex = Math.max(start, i + 1);
	}
	return urls;
}

const PIECES = ["`", "`", "``", "```", "\\", "\\`", "a", " ", "x y", "https://", "HTTPS://", "http://", "www.", "WWW.", "e.com", "a.b/c", "(", ")", "*", "_", "~", ".", "<", "|", "é"];

test("code spans and bare addresses are found as the plain searches find them", () => {
	const next = mulberry32(20261131);
	const differing: string[] = [];
	for (let n = 0; n < 40000; n++) {
		let s = "";
		const k = Math.floor(next() * 14);
		for (let i = 0; i < k; i++) s += PIECES[Math.floor(next() * PIECES.length)];
		const spans = findCodeSpans(s);
		if (JSON.stringify(spans) !== JSON.stringify(referenceSpans(s))) differing.push("spans " + s);
		for (const skip of [[], spans]) if (JSON.stringify(findBareUrls(s, skip)) !== JSON.stringify(referenceUrls(s, skip))) differing.push("urls " + s);
	}
	expect(differing).toEqual([]);
	expect(findCodeSpans("a `b` ``c`` d")).toEqual([{ start: 2, end: 5 }, { start: 6, end: 11 }]);
	expect(findBareUrls("see https://e.com/a and WWW.x.org.", [])).toEqual([{ start: 4, end: 19 }, { start: 24, end: 33 }]);
});
