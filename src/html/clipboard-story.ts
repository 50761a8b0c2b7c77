/**
 * What "Copy for Medium's editor" puts on the clipboard: the story as the same HTML a publish sends
 * (text/html, from the story model's one HTML writer) and its markdown (text/plain), with each local image
 * pointing where Medium's editor can fetch it. This path needs no token, so images cannot be uploaded: an
 * image uploaded by an earlier publish reuses its Medium URL, others travel inline as base64 data URLs
 * (`convert --format html` follows the same rule). Pure: no DOM, no `Buffer` (the plugin runs on mobile),
 * so it is tested with known vectors.
 */

import { sniffImageType } from "../medium/image-type";
import { hashBytes } from "../core/content-hash";
import { base64 } from "../core/data-url";
import { storyToHtml } from "../story/story-html";
import { imageKey } from "../story/image-key";
import type { ImageSource, StoryModel } from "../story/story-model";

/** Re-exported: the writers' tests and the bench reach the encoder through the clipboard, its first user. */
export { base64 };

/** A `data:` URL of bytes with their MIME type, the form an image takes when it cannot be linked. */
export function dataUrl(bytes: Uint8Array, mime: string): string {
	return `data:${mime};base64,${base64(bytes)}`;
}

/** Types that may travel as data URLs: the ones the clipboard HTML accepts and Medium shows. */
const INLINE_TYPES: ReadonlySet<string> = new Set(["image/png", "image/jpeg", "image/gif"]);

/** A local image of the story with its bytes (null when it could not be read). */
export interface ClipboardImageInput {
	/** Vault path, as in `Story.images` and the model's vault image sources. */
	path: string;
	bytes: Uint8Array | null;
}

/** Why an image did not make it into the HTML. */
export interface LeftOutImage {
	/** The vault path, the URL, or for bytes written in the note their markdown stand-in (`data:image/tiff;hash=…`). */
	path: string;
	reason: string;
	/** The warning code a publish gives for the same image: `missing-image` (unreadable) or `unsupported-image`. */
	code: "missing-image" | "unsupported-image";
}

/** Where each local image is shown from when nothing can be uploaded, and how that went. */
export interface LocalImageSources {
	/** For {@link storyToHtml}: a cached Medium URL, a data URL, a remote URL as written, or null. */
	imageSrc: (source: ImageSource) => string | null;
	/** Images shown with the Medium URL of an earlier upload. */
	linked: number;
	/** Images carried inline as data URLs (Medium's editor may not keep them). */
	inlined: number;
	leftOut: LeftOutImage[];
}

/** The clipboard's two flavours, and what happened to the images. */
export interface ClipboardStory {
	/** For `text/html`: the same HTML a publish sends, images inline or linked. */
	html: string;
	/** For `text/plain`: the story's markdown. */
	text: string;
	linked: number;
	inlined: number;
	leftOut: LeftOutImage[];
	/** How many images the user may have to add by hand after pasting: inlined plus left out. */
	needByHand: number;
}

/**
 * The image sources for HTML that needs no upload (the clipboard, `convert --format html`): an image in
 * `imageCache` (keyed by `hashBytes`) links to its Medium URL, a PNG/JPEG/GIF goes inline as a data URL,
 * anything else (SVG, WebP, TIFF, unreadable) is left out with its reason.
 */
export function localImageSources(images: readonly ClipboardImageInput[], imageCache: Readonly<Record<string, string>>): LocalImageSources {
	const sources = new Map<string, string | null>();
	const result: LocalImageSources = { imageSrc: () => null, linked: 0, inlined: 0, leftOut: [] };
	for (const image of images) {
		if (sources.has(image.path)) continue;
		const src = sourceFor(image, imageCache, result.leftOut);
		sources.set(image.path, src);
		if (src === null) continue;
		if (src.startsWith("data:")) result.inlined++;
		else result.linked++;
	}
	// Bytes written in the note: the story already holds them as a data URL, so only the cache and the type decide.
	const data = new Map<string, string | null>();
	result.imageSrc = (source) => {
		if (source.kind === "url") return source.url;
		if (source.kind === "vault") return sources.get(source.path) ?? null;
		let src = data.get(source.key);
		if (src === undefined) {
			src = dataSourceFor(source, imageCache, result.leftOut);
			data.set(source.key, src);
			if (src !== null && src === source.url) result.inlined++;
			else if (src !== null) result.linked++;
		}
		return src;
	};
	return result;
}

/**
 * Writes `story` as HTML with local images linked or inline (see {@link localImageSources}), and reports
 * every image that did not make it, including ones the writer refused (an address Medium cannot fetch).
 */
export function storyHtmlWithoutUpload(story: StoryModel, images: readonly ClipboardImageInput[], imageCache: Readonly<Record<string, string>>): { html: string } & LocalImageSources {
	const local = localImageSources(images, imageCache);
	const written = storyToHtml(story, { imageSrc: local.imageSrc });
	const reported = new Set(local.leftOut.map((l) => l.path));
	for (const source of written.leftOut) {
		if (source.kind === "data") continue; // said when its source was chosen
		const path = source.kind === "vault" ? source.path : source.url;
		if (reported.has(path)) continue;
		reported.add(path);
		local.leftOut.push({ path, reason: source.kind === "vault" ? "it could not be read" : "its address is not one Medium can fetch", code: source.kind === "vault" ? "missing-image" : "unsupported-image" });
	}
	return { html: written.html, ...local };
}

/** Builds the clipboard story from the story model, its markdown (the plain-text flavour) and its local images. */
export function buildClipboardStory(story: StoryModel, markdown: string, images: readonly ClipboardImageInput[], imageCache: Readonly<Record<string, string>>): ClipboardStory {
	const { html, linked, inlined, leftOut } = storyHtmlWithoutUpload(story, images, imageCache);
	return { html, text: markdown, linked, inlined, leftOut, needByHand: inlined + leftOut.length };
}

/** The `src` of an image written in the note as a data URL: its Medium URL, the data URL, or null (recorded) for a type the editor refuses. */
function dataSourceFor(source: Extract<ImageSource, { kind: "data" }>, imageCache: Readonly<Record<string, string>>, leftOut: LeftOutImage[]): string | null {
	const cached = imageCache[source.key];
	if (cached) return cached;
	if (INLINE_TYPES.has(source.mime)) return source.url;
	const ext = source.mime.slice(source.mime.indexOf("/") + 1).toUpperCase();
	leftOut.push({ path: imageKey(source), reason: `${ext} images cannot be pasted into Medium's editor`, code: "unsupported-image" });
	return null;
}

/** The `src` of one image, or null (with the reason recorded) when it is left out. */
function sourceFor(image: ClipboardImageInput, imageCache: Readonly<Record<string, string>>, leftOut: LeftOutImage[]): string | null {
	if (image.bytes === null) {
		leftOut.push({ path: image.path, reason: "it could not be read", code: "missing-image" });
		return null;
	}
	const cached = imageCache[hashBytes(image.bytes)];
	if (cached) return cached;
	const type = sniffImageType(image.bytes);
	if (type && INLINE_TYPES.has(type.mime)) return dataUrl(image.bytes, type.mime);
	leftOut.push({ path: image.path, reason: type ? `${type.ext.toUpperCase()} images cannot be pasted into Medium's editor` : "it is not an image Medium knows", code: "unsupported-image" });
	return null;
}
