/**
 * The only URLs our HTML may carry: links to `https:`, `http:` or `mailto:`, images from `https:`,
 * `http:` or a base64 PNG/JPEG/GIF `data:` URL. Everything else (`javascript:`, `vbscript:`, relative
 * paths Medium cannot resolve) is refused here, once, for every writer (API body, clipboard, preview).
 * Linear scans, no regular expressions, no DOM: part of the pure core.
 */

import { isPlainBase64 } from "../core/data-url";

/** Strips what browsers ignore around and inside a URL: leading/trailing controls and spaces, tabs and newlines. */
export function cleanUrl(url: string): string {
	let start = 0;
	let end = url.length;
	while (start < end && url.charCodeAt(start) <= 32) start++;
	while (end > start && url.charCodeAt(end - 1) <= 32) end--;
	// Most URLs hold nothing to strip: they come back as they are, without a copy built character by character.
	if (start === 0 && end === url.length && !/[\t\n\r]/.test(url)) return url;
	let out = "";
	for (let i = start; i < end; i++) {
		const code = url.charCodeAt(i);
		if (code !== 9 && code !== 10 && code !== 13) out += url[i];
	}
	return out;
}

/**
 * Whether `text` starts with `prefix` (lowercase ASCII) in any case. Compared code by code, with no copy:
 * only `A`-`Z` fold (`toLowerCase` maps no other character of one code unit onto the prefixes' letters).
 */
function startsWithIgnoringCase(text: string, prefix: string): boolean {
	if (text.length < prefix.length) return false;
	for (let i = 0; i < prefix.length; i++) {
		let c = text.charCodeAt(i);
		if (c >= 65 && c <= 90) c += 32;
		if (c !== prefix.charCodeAt(i)) return false;
	}
	return true;
}

const LINK_SCHEMES = ["https://", "http://", "mailto:"];
const WEB_SCHEMES = ["https://", "http://"];
const DATA_IMAGE_PREFIXES = ["data:image/png;base64,", "data:image/jpeg;base64,", "data:image/gif;base64,"];

/** A link's destination, cleaned, if it is `https:`, `http:` or `mailto:`; null for anything else. */
export function safeHref(href: string): string | null {
	const url = cleanUrl(href);
	return LINK_SCHEMES.some((prefix) => startsWithIgnoringCase(url, prefix)) ? url : null;
}

/** An image's source, cleaned, if it is `https:`, `http:` or a base64 PNG/JPEG/GIF data URL; null otherwise. */
export function safeImageSrc(src: string): string | null {
	const url = cleanUrl(src);
	if (WEB_SCHEMES.some((prefix) => startsWithIgnoringCase(url, prefix))) return url;
	const data = DATA_IMAGE_PREFIXES.find((prefix) => startsWithIgnoringCase(url, prefix));
	return data !== undefined && isPlainBase64(url, data.length) ? url : null;
}
