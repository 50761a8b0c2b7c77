/**
 * HTML entity references (`&amp;`, `&nbsp;`, `&mdash;`, `&#8212;`, `&#x2014;`), which Obsidian shows
 * as the character they name, in text as in link addresses (CommonMark). Text pasted from the web and
 * blog posts hold them; sent as written, Medium would show `&amp;nbsp;`.
 *
 * Numeric references are all read. Of the 2,000 named ones only the punctuation and symbols a note is
 * likely to hold are known (the whole table would weigh more than the converter; letters like `é` are
 * typed as themselves); any other stays as written.
 */

import { isAsciiAlnum } from "./text-scan";

const NAMED: Record<string, string> = {
	amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", ensp: "\u2002", emsp: "\u2003", thinsp: "\u2009",
	zwnj: "\u200c", zwj: "\u200d", shy: "\u00ad", copy: "©", reg: "®", trade: "™", mdash: "—", ndash: "–", hellip: "…",
	laquo: "«", raquo: "»", lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”", bull: "•", middot: "·", deg: "°", plusmn: "±",
	times: "×", divide: "÷", minus: "−", frac12: "½", euro: "€", pound: "£", yen: "¥", cent: "¢", sect: "§", para: "¶",
	larr: "←", rarr: "→", uarr: "↑", darr: "↓", harr: "↔", rArr: "⇒", le: "≤", ge: "≥", ne: "≠", infin: "∞", check: "✓",
};

function isHex(c: number): boolean {
	return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/**
 * The entity reference starting at the `&` at `i`: the text it stands for and where it ends, or null
 * (not a reference, or a name not known). Bounded: a name of at most 32 characters, a number of at most
 * 7 digits (6 in hex), as CommonMark says.
 */
export function entityAt(text: string, i: number): { text: string; end: number } | null {
	let j = i + 1;
	if (text.charCodeAt(j) === 35 /* # */) {
		j++;
		const hex = text.charCodeAt(j) === 120 || text.charCodeAt(j) === 88;
		if (hex) j++;
		const start = j;
		const max = hex ? 6 : 7;
		while (j < text.length && j - start < max && (hex ? isHex(text.charCodeAt(j)) : isDigit(text.charCodeAt(j)))) j++;
		if (j === start || text.charCodeAt(j) !== 59 /* ; */) return null;
		const code = parseInt(text.slice(start, j), hex ? 16 : 10);
		// CommonMark: 0 and what is no character become U+FFFD.
		const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
		return { text: valid ? String.fromCodePoint(code) : "\ufffd", end: j + 1 };
	}
	const start = j;
	while (j < text.length && j - start < 32 && isAsciiAlnum(text.charCodeAt(j))) j++;
	if (j === start || text.charCodeAt(j) !== 59) return null;
	const name = text.slice(start, j);
	return Object.prototype.hasOwnProperty.call(NAMED, name) ? { text: NAMED[name], end: j + 1 } : null;
}

function isDigit(c: number): boolean {
	return c >= 48 && c <= 57;
}

/** Every entity reference of `text` replaced by its character (unknown names stay as written). */
export function decodeEntities(text: string): string {
	let amp = text.indexOf("&");
	if (amp === -1) return text;
	let out = "";
	let last = 0;
	while (amp !== -1) {
		const e = entityAt(text, amp);
		if (e === null) {
			amp = text.indexOf("&", amp + 1);
			continue;
		}
		out += text.slice(last, amp) + e.text;
		last = e.end;
		amp = text.indexOf("&", e.end);
	}
	return out + text.slice(last);
}
