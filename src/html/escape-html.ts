/**
 * Escaping and character-reference helpers for the HTML we put on the clipboard for Medium's editor.
 *
 * marked hands over text that still holds HTML character references (`&amp;`, `&copy;`) while other
 * strings (code, escapes) are raw, so both kinds of escaping are needed. Written as linear scans: no
 * regular expressions, nothing that can backtrack, and no DOM (this module is part of the pure core).
 */

const AMP = 38; // &
const HASH = 35; // #
const SEMICOLON = 59; // ;

/** Longest named reference we accept (the longest HTML entity name has 31 letters). */
const MAX_NAME = 32;

/** The escaped form of the five characters that matter in text and in double-quoted attributes. */
function escapeFor(code: number): string | null {
	switch (code) {
		case 38:
			return "&amp;";
		case 60:
			return "&lt;";
		case 62:
			return "&gt;";
		case 34:
			return "&quot;";
		case 39:
			return "&#39;";
		default:
			return null;
	}
}

function isDigit(code: number): boolean {
	return code >= 48 && code <= 57;
}

function isHexDigit(code: number): boolean {
	return isDigit(code) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}

function isAsciiLetter(code: number): boolean {
	return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * Length of the well-formed character reference starting at `at` (`&name;`, `&#123;` or `&#x1F;`),
 * or 0 if the `&` there starts none. Lets text keep its references instead of showing `&amp;copy;`.
 */
export function referenceLength(text: string, at: number): number {
	if (text.charCodeAt(at) !== AMP) return 0;
	let j = at + 1;
	if (text.charCodeAt(j) === HASH) {
		j++;
		const hex = text.charCodeAt(j) === 120 || text.charCodeAt(j) === 88; // x X
		if (hex) j++;
		const start = j;
		const max = hex ? 6 : 7;
		while (j - start < max && (hex ? isHexDigit(text.charCodeAt(j)) : isDigit(text.charCodeAt(j)))) j++;
		if (j === start) return 0;
	} else {
		if (!isAsciiLetter(text.charCodeAt(j))) return 0;
		const start = j;
		while (j - start < MAX_NAME && (isAsciiLetter(text.charCodeAt(j)) || isDigit(text.charCodeAt(j)))) j++;
	}
	return text.charCodeAt(j) === SEMICOLON ? j - at + 1 : 0;
}

function escapeWith(text: string, keepReferences: boolean): string {
	let out = "";
	let last = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		const replacement = escapeFor(code);
		if (replacement === null) continue;
		if (code === AMP && keepReferences) {
			const length = referenceLength(text, i);
			if (length > 0) {
				i += length - 1;
				continue;
			}
		}
		out += text.slice(last, i) + replacement;
		last = i + 1;
	}
	return last === 0 ? text : out + text.slice(last);
}

/** Escapes `& < > " '` so raw text (code, URLs, attribute values) can never become markup. */
export function escapeHtml(text: string): string {
	return escapeWith(text, false);
}

/**
 * Escapes `< > " '` and every `&` that does not start a well-formed character reference: for text that
 * is already HTML-ish (marked's text tokens, the text of raw HTML), so `&copy;` still shows ©. A
 * reference can only ever decode to text, so keeping them is as inert as escaping them.
 */
export function escapeHtmlKeepingReferences(text: string): string {
	return escapeWith(text, true);
}

/** Named references worth decoding in URLs; others are left as written. */
const NAMED: Readonly<Record<string, string>> = {
	amp: "&",
	lt: "<",
	gt: ">",
	quot: "\"",
	apos: "'",
	nbsp: "\u00a0",
};

function decodeNumeric(digits: string, hex: boolean): string {
	const value = parseInt(digits, hex ? 16 : 10);
	const invalid = value === 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff);
	return String.fromCodePoint(invalid ? 0xfffd : value);
}

/**
 * Decodes numeric references and the basic named ones (`&amp; &lt; &gt; &quot; &apos; &nbsp;`): marked
 * leaves link destinations undecoded, and a scheme check must see `&#106;avascript:` as `javascript:`.
 * Unknown named references stay as written.
 */
export function decodeBasicReferences(text: string): string {
	let out = "";
	let last = 0;
	let i = text.indexOf("&");
	while (i >= 0) {
		const length = referenceLength(text, i);
		if (length > 0) {
			const body = text.slice(i + 1, i + length - 1);
			let decoded: string | null = null;
			if (body.charCodeAt(0) === HASH) {
				const hex = body.charCodeAt(1) === 120 || body.charCodeAt(1) === 88;
				decoded = decodeNumeric(body.slice(hex ? 2 : 1), hex);
			} else if (Object.prototype.hasOwnProperty.call(NAMED, body)) {
				decoded = NAMED[body];
			}
			if (decoded !== null) {
				out += text.slice(last, i) + decoded;
				last = i + length;
			}
			i = text.indexOf("&", i + length);
		} else {
			i = text.indexOf("&", i + 1);
		}
	}
	return last === 0 ? text : out + text.slice(last);
}

/**
 * How many characters escaped HTML text shows, counting each character reference as one: used to pad
 * table columns inside `<pre>`. Wide (CJK, emoji) characters still count as one.
 */
export function visibleLength(html: string): number {
	let count = 0;
	for (let i = 0; i < html.length; i++) {
		const code = html.charCodeAt(i);
		const length = code === AMP ? referenceLength(html, i) : 0;
		if (length > 0) i += length - 1;
		else if (code >= 0xd800 && code <= 0xdbff) i++; // a surrogate pair is one character
		count++;
	}
	return count;
}
