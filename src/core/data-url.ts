/**
 * Reads a `data:` URL (RFC 2397, as browsers read it: the WHATWG fetch standard's "data: URL processor")
 * into its declared type and its bytes. Images pasted from the web or from other apps (Notion, Bear,
 * Typora exports, paste plugins) reach a note as `![](data:image/png;base64,…)`; their bytes are uploaded
 * like a vault image's. Pure: no `Buffer` (missing on Obsidian mobile), no `atob` (strings only, and
 * Latin-1 out): one linear pass with a lookup table, so a 2 MB image decodes in milliseconds.
 */

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Standard base64 (RFC 4648, with padding) of bytes: `btoa` takes only strings, `Buffer` is Node-only. */
export function base64(bytes: Uint8Array): string {
	const out: string[] = [];
	let chunk = "";
	const full = bytes.length - (bytes.length % 3);
	for (let i = 0; i < full; i += 3) {
		const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
		chunk += ALPHABET[n >>> 18] + ALPHABET[(n >>> 12) & 63] + ALPHABET[(n >>> 6) & 63] + ALPHABET[n & 63];
		// Flushing every few kilobytes keeps string building linear for large images.
		if (chunk.length >= 8192) {
			out.push(chunk);
			chunk = "";
		}
	}
	const rest = bytes.length - full;
	if (rest === 1) {
		const n = bytes[full] << 16;
		chunk += ALPHABET[n >>> 18] + ALPHABET[(n >>> 12) & 63] + "==";
	} else if (rest === 2) {
		const n = (bytes[full] << 16) | (bytes[full + 1] << 8);
		chunk += ALPHABET[n >>> 18] + ALPHABET[(n >>> 12) & 63] + ALPHABET[(n >>> 6) & 63] + "=";
	}
	out.push(chunk);
	return out.join("");
}

/**
 * Whether `text` from `from` to its end is base64 as written plainly: at least one character, digits and
 * padding only (no white space, no `%`). A data URL like that can be embedded as written.
 */
export function isPlainBase64(text: string, from: number): boolean {
	if (from >= text.length) return false;
	for (let i = from; i < text.length; i++) {
		const c = text.charCodeAt(i);
		const ok = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47 || c === 61;
		if (!ok) return false;
	}
	return true;
}

/** Base64 digit values by character code (ASCII), -1 for anything else. */
const DIGITS: Int8Array = (() => {
	const table = new Int8Array(128).fill(-1);
	for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
	return table;
})();

/** ASCII white space, which forgiving base64 skips. */
function isAsciiSpace(c: number): boolean {
	return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}

/**
 * Decodes base64 (standard alphabet; white space skipped, padding optional, as browsers decode a data
 * URL: "forgiving base64"). Null when it is not base64: another character, data after the padding, or a
 * length no bytes can have.
 */
export function decodeBase64(text: string, from = 0, to = text.length): Uint8Array | null {
	const out = new Uint8Array(Math.floor(((to - from) * 3) / 4) + 3);
	let acc = 0;
	let digits = 0;
	let pad = 0;
	let o = 0;
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i);
		if (c === 61) {
			pad++;
			continue;
		}
		if (isAsciiSpace(c)) continue;
		const v = c < 128 ? DIGITS[c] : -1;
		if (v < 0 || pad > 0) return null;
		acc = (acc << 6) | v;
		if ((++digits & 3) === 0) {
			out[o++] = acc >>> 16;
			out[o++] = (acc >>> 8) & 255;
			out[o++] = acc & 255;
			acc = 0;
		}
	}
	const rest = digits & 3;
	if (rest === 1 || pad > 2 || (pad > 0 && ((digits + pad) & 3) !== 0)) return null;
	if (rest === 2) out[o++] = (acc >>> 4) & 255;
	else if (rest === 3) {
		out[o++] = (acc >>> 10) & 255;
		out[o++] = (acc >>> 2) & 255;
	}
	return o === out.length ? out : out.slice(0, o);
}

function hexValue(c: number): number {
	if (c >= 48 && c <= 57) return c - 48;
	const l = c | 32;
	return l >= 97 && l <= 102 ? l - 87 : -1;
}

/**
 * The bytes of a URL's text, `%XX` decoded (a `%` not followed by two hex digits stays), other characters
 * as UTF-8, as a URL carries them.
 */
function percentDecodedBytes(text: string, from: number, to: number): Uint8Array {
	const out = new Uint8Array((to - from) * 3);
	let o = 0;
	for (let i = from; i < to; i++) {
		let c = text.charCodeAt(i);
		if (c === 37 && i + 2 < to) {
			const hi = hexValue(text.charCodeAt(i + 1));
			const lo = hexValue(text.charCodeAt(i + 2));
			if (hi >= 0 && lo >= 0) {
				out[o++] = hi * 16 + lo;
				i += 2;
				continue;
			}
		}
		if (c < 0x80) out[o++] = c;
		else if (c < 0x800) {
			out[o++] = 0xc0 | (c >> 6);
			out[o++] = 0x80 | (c & 63);
		} else {
			// A surrogate pair is one code point (four bytes); a lone surrogate is U+FFFD, as TextEncoder writes it.
			const next = i + 1 < to ? text.charCodeAt(i + 1) : 0;
			if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
				c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
				i++;
				out[o++] = 0xf0 | (c >> 18);
				out[o++] = 0x80 | ((c >> 12) & 63);
			} else {
				if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
				out[o++] = 0xe0 | (c >> 12);
			}
			out[o++] = 0x80 | ((c >> 6) & 63);
			out[o++] = 0x80 | (c & 63);
		}
	}
	return out.slice(0, o);
}

/** A `data:` URL read: its declared MIME type (lower case, `text/plain` when none is given) and its bytes. */
export interface DataUrl {
	mime: string;
	bytes: Uint8Array;
}

/** Whether `text` starts with `data:`, in any case. */
export function isDataUrl(text: string): boolean {
	return text.length >= 5 && (text.charCodeAt(0) | 32) === 100 && (text.charCodeAt(1) | 32) === 97 && (text.charCodeAt(2) | 32) === 116 && (text.charCodeAt(3) | 32) === 97 && text.charCodeAt(4) === 58;
}

/**
 * Reads a `data:` URL: `data:[<type>][;param=value…][;base64],<data>`. The data is percent-decoded,
 * then base64-decoded when `;base64` ends the header. A string of why it cannot be read otherwise
 * (no comma, base64 that is not).
 */
export function readDataUrl(url: string): DataUrl | string {
	const text = url.trim();
	if (!isDataUrl(text)) return "it is not a data: URL";
	const comma = text.indexOf(",", 5);
	if (comma === -1) return "it has no comma before its data";
	const header = text.slice(5, comma);
	const semi = header.lastIndexOf(";");
	const base64 = semi !== -1 && header.slice(semi + 1).trim().toLowerCase() === "base64";
	const typeEnd = header.indexOf(";");
	const type = (typeEnd === -1 ? header : header.slice(0, typeEnd)).trim().toLowerCase();
	const mime = type === "" || type.indexOf("/") === -1 ? "text/plain" : type;
	if (!base64) return { mime, bytes: percentDecodedBytes(text, comma + 1, text.length) };
	let bytes: Uint8Array | null;
	if (text.indexOf("%", comma + 1) === -1) bytes = decodeBase64(text, comma + 1);
	else {
		const raw = percentDecodedBytes(text, comma + 1, text.length);
		let latin1 = "";
		for (let i = 0; i < raw.length; i += 8192) latin1 += String.fromCharCode(...raw.subarray(i, i + 8192));
		bytes = decodeBase64(latin1);
	}
	return bytes === null ? "its base64 data is malformed" : { mime, bytes };
}
