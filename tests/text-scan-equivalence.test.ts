/**
 * findCodeSpans and findBareUrls run on every line and every paragraph, so they allocate as little as
 * they can (a table instead of a Map per line, `test` instead of `exec`). They must find what the
 * straightforward versions below find, on random lines of backtick runs, escapes, addresses and text.
 */

import { type CodeSpan, findBareUrls, findCodeSpans, isEscaped, mayHoldUrl } from "../src/convert/text-scan";
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

/** The address search as it was written with a regex and `exec`. */
function referenceUrls(text: string, skip: readonly CodeSpan[]): Array<{ start: number; end: number }> {
	const urls: Array<{ start: number; end: number }> = [];
	if (!/:\/\/|www\./i.test(text)) return urls;
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
		const end = referenceUrlEnd(text, start, text.charAt(i - 1) === "(");
		if (end > from && end > start) {
			urls.push({ start: i, end });
			from = end;
			re.lastIndex = end;
		} else re.lastIndex = Math.max(start, i + 1);
	}
	return urls;
}

/** Just past the address whose domain starts at `start` (as text-scan's own, written with regexes); after a `(`, its `)` ends it. */
function referenceUrlEnd(text: string, start: number, inParens: boolean): number {
	let i = start;
	let dot = false;
	while (i < text.length && (/[a-z0-9_.-]/i.test(text[i]) || text.charCodeAt(i) >= 128)) {
		if (text[i] === ".") dot = true;
		i++;
	}
	if (i === start || (!dot && (text.charCodeAt(start) | 32) === 119)) return start;
	let open = 0;
	let close = 0;
	while (i < text.length && text.charCodeAt(i) > 32 && !"<[]`|".includes(text[i])) {
		if (text[i] === "(") open++;
		else if (text[i] === ")") {
			if (close === open && inParens) break;
			close++;
		}
		i++;
	}
	while (i > start) {
		const c = text[i - 1];
		if (/[?!.,:*_~'"]/.test(c)) i--;
		else if (c === ")" && close > open) {
			close--;
			i--;
		} else break;
	}
	return i;
}

const PIECES = ["`", "`", "``", "```", "\\", "\\`", "a", " ", "x y", "https://", "HTTPS://", "http://", "hTtP", "s", "://", ":/", "www.", "WWW.", "ww", "w", "e.com", "a.b/c", "(", ")", "*", "_", "~", ".", "<", "|", "é"];

test("code spans and bare addresses are found as the plain regex searches find them", () => {
	const next = mulberry32(20261131);
	const differing: string[] = [];
	for (let n = 0; n < 40000; n++) {
		let s = "";
		const k = Math.floor(next() * 14);
		for (let i = 0; i < k; i++) s += PIECES[Math.floor(next() * PIECES.length)];
		const spans = findCodeSpans(s);
		if (JSON.stringify(spans) !== JSON.stringify(referenceSpans(s))) differing.push("spans " + s);
		if (mayHoldUrl(s) !== /:\/\/|www\./i.test(s)) differing.push("may " + s);
		for (const skip of [[], spans]) if (JSON.stringify(findBareUrls(s, skip)) !== JSON.stringify(referenceUrls(s, skip))) differing.push("urls " + s);
	}
	expect(differing).toEqual([]);
	expect(findCodeSpans("a `b` ``c`` d")).toEqual([{ start: 2, end: 5 }, { start: 6, end: 11 }]);
	expect(findBareUrls("see https://e.com/a and WWW.x.org.", [])).toEqual([{ start: 4, end: 19 }, { start: 24, end: 33 }]);
});
