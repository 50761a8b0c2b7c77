/**
 * What "Copy for Medium's editor" puts on the clipboard: the story as the safe HTML Medium's editor keeps
 * (text/html) and its markdown (text/plain), with each local image pointing where Medium's editor can
 * fetch it. This path needs no token, so images cannot be uploaded: an image uploaded by an earlier
 * publish reuses its Medium URL, others travel inline as base64 data URLs. Pure: no DOM, no `Buffer`
 * (the plugin runs on mobile), so it is tested with known vectors.
 */

import { encodePath } from "../convert/file-kinds";
import { sniffImageType } from "../medium/image-type";
import { hashBytes } from "../core/content-hash";
import { storyToHtml } from "./story-html";

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

/** A `data:` URL of bytes with their MIME type, the form an image takes when it cannot be linked. */
export function dataUrl(bytes: Uint8Array, mime: string): string {
	return `data:${mime};base64,${base64(bytes)}`;
}

/** Types that may travel as data URLs: the ones the clipboard HTML accepts and Medium shows. */
const INLINE_TYPES: ReadonlySet<string> = new Set(["image/png", "image/jpeg", "image/gif"]);

/** A local image of the story with its bytes (null when it could not be read). */
export interface ClipboardImageInput {
	/** Vault path, as in `Story.images`. */
	path: string;
	bytes: Uint8Array | null;
}

/** Why an image did not make it into the copied HTML. */
export interface LeftOutImage {
	path: string;
	reason: string;
}

/** The clipboard's two flavours, and what happened to the images. */
export interface ClipboardStory {
	/** For `text/html`: only the subset Medium's editor keeps, every text escaped. */
	html: string;
	/** For `text/plain`: the story's markdown. */
	text: string;
	/** Images shown with the Medium URL of an earlier upload. */
	linked: number;
	/** Images carried inline as data URLs (Medium's editor may not keep them). */
	inlined: number;
	leftOut: LeftOutImage[];
	/** How many images the user may have to add by hand after pasting: inlined plus left out. */
	needByHand: number;
}

/**
 * Builds the clipboard story from the converted markdown (with vault image paths) and the story's local
 * images: an image in `imageCache` (keyed by `hashBytes`) links to its Medium URL, a PNG/JPEG/GIF goes
 * inline, anything else (SVG, WebP, TIFF, unreadable) is left out and reported.
 */
export function buildClipboardStory(content: string, images: readonly ClipboardImageInput[], imageCache: Readonly<Record<string, string>>): ClipboardStory {
	const sources = new Map<string, string | null>();
	const leftOut: LeftOutImage[] = [];
	let linked = 0;
	let inlined = 0;
	for (const image of images) {
		const key = encodePath(image.path);
		if (sources.has(key)) continue;
		const src = sourceFor(image, imageCache, leftOut);
		sources.set(key, src);
		if (src === null) continue;
		if (src.startsWith("data:")) inlined++;
		else linked++;
	}
	const imageSrc = (src: string): string | null => {
		const known = sources.get(src) ?? sources.get(encodePath(safeDecode(src)));
		if (known !== undefined) return known;
		// Remote images stay as written (the HTML builder still checks their scheme); other local paths have
		// no bytes here and would only show as broken images.
		return src.startsWith("http://") || src.startsWith("https://") ? src : null;
	};
	const html = storyToHtml(content, { imageSrc });
	return { html, text: content, linked, inlined, leftOut, needByHand: inlined + leftOut.length };
}

/** The `src` of one image, or null (with the reason recorded) when it is left out. */
function sourceFor(image: ClipboardImageInput, imageCache: Readonly<Record<string, string>>, leftOut: LeftOutImage[]): string | null {
	if (image.bytes === null) {
		leftOut.push({ path: image.path, reason: "it could not be read" });
		return null;
	}
	const cached = imageCache[hashBytes(image.bytes)];
	if (cached) return cached;
	const type = sniffImageType(image.bytes);
	if (type && INLINE_TYPES.has(type.mime)) return dataUrl(image.bytes, type.mime);
	leftOut.push({ path: image.path, reason: type ? `${type.ext.toUpperCase()} images cannot be pasted into Medium's editor` : "it is not an image Medium knows" });
	return null;
}

/** decodeURI that gives the input back instead of throwing on a malformed escape. */
function safeDecode(text: string): string {
	try {
		return decodeURI(text);
	} catch {
		return text;
	}
}
