/**
 * A multipart/form-data body for Medium's POST /images, built from bytes alone: Obsidian mobile has no
 * `Buffer` and `requestUrl` takes a string or an ArrayBuffer, so the body is assembled with TextEncoder and
 * Uint8Array. Medium wants exactly one part named `image`, with a filename, its own Content-Type and CRLF
 * line endings.
 */

/** One file part of a multipart body. */
export interface MultipartPart {
	/** The form field name (Medium wants `image`). */
	name: string;
	filename: string;
	/** The part's own Content-Type, e.g. `image/png`. */
	contentType: string;
	bytes: Uint8Array;
}

/** A ready body and the request's Content-Type header (which carries the boundary). */
export interface MultipartBody {
	body: Uint8Array;
	contentType: string;
}

const CRLF = "\r\n";

/** Letters and digits: what a generated boundary is made of. */
const BOUNDARY_CHARS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** A fresh boundary; the caller still checks it does not occur in the bytes. */
function randomBoundary(): string {
	let tail = "";
	for (let i = 0; i < 24; i++) tail += BOUNDARY_CHARS.charAt(Math.floor(Math.random() * BOUNDARY_CHARS.length));
	return "----MediumPublisherBoundary" + tail;
}

/**
 * Escapes a quoted header parameter the way browsers encode form data (WHATWG HTML): `"` → `%22`,
 * CR → `%0D`, LF → `%0A`. Without it a filename could end the parameter or inject header lines.
 */
export function escapeQuotedParam(value: string): string {
	let out = "";
	for (const ch of value) {
		if (ch === "\"") out += "%22";
		else if (ch === "\r") out += "%0D";
		else if (ch === "\n") out += "%0A";
		else out += ch;
	}
	return out;
}

/** Drops CR and LF from a header value, so a content type cannot inject header lines. */
function singleLine(value: string): string {
	let out = "";
	for (const ch of value) if (ch !== "\r" && ch !== "\n") out += ch;
	return out.trim();
}

/** True when `needle` occurs in `haystack` (a plain scan; bodies are small enough). */
function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
	if (needle.length === 0) return true;
	const first = needle[0];
	const last = haystack.length - needle.length;
	for (let i = 0; i <= last; i++) {
		if (haystack[i] !== first) continue;
		let j = 1;
		while (j < needle.length && haystack[i + j] === needle[j]) j++;
		if (j === needle.length) return true;
	}
	return false;
}

/** Boundary characters that RFC 2046 allows and that need no quoting in the Content-Type header. */
const SAFE_BOUNDARY_PUNCTUATION = "'+_-.";

/** True for a boundary that is 1-70 letters, digits or `'+_-.` (valid, and safe unquoted in the header). */
function validBoundary(boundary: string): boolean {
	if (boundary.length < 1 || boundary.length > 70) return false;
	for (const ch of boundary) {
		if (!BOUNDARY_CHARS.includes(ch) && !SAFE_BOUNDARY_PUNCTUATION.includes(ch)) return false;
	}
	return true;
}

/**
 * Builds a multipart/form-data body holding exactly one file part. A boundary is generated unless given;
 * a given boundary that is malformed or occurs in the bytes throws a RangeError (the body would be corrupt).
 */
export function buildMultipart(part: MultipartPart, boundary?: string): MultipartBody {
	const encoder = new TextEncoder();
	let chosen = boundary;
	if (chosen === undefined) {
		chosen = randomBoundary();
		while (containsBytes(part.bytes, encoder.encode("--" + chosen))) chosen = randomBoundary();
	} else {
		if (!validBoundary(chosen)) throw new RangeError("Invalid multipart boundary.");
		if (containsBytes(part.bytes, encoder.encode("--" + chosen))) {
			throw new RangeError("The multipart boundary occurs in the file's bytes.");
		}
	}
	const head = encoder.encode(
		"--" + chosen + CRLF +
		"Content-Disposition: form-data; name=\"" + escapeQuotedParam(part.name) +
		"\"; filename=\"" + escapeQuotedParam(part.filename) + "\"" + CRLF +
		"Content-Type: " + singleLine(part.contentType) + CRLF +
		CRLF,
	);
	const tail = encoder.encode(CRLF + "--" + chosen + "--" + CRLF);
	const body = new Uint8Array(head.length + part.bytes.length + tail.length);
	body.set(head, 0);
	body.set(part.bytes, head.length);
	body.set(tail, head.length + part.bytes.length);
	return { body, contentType: "multipart/form-data; boundary=" + chosen };
}
