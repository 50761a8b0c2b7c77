/**
 * Images written in the note as `data:` URLs (pasted from the web, Notion, Bear, Typora exports, paste
 * plugins): read once per conversion, checked the way a publish checks a vault image (the bytes' real
 * type, one Medium's upload accepts, within its size), and handed to the story model as a `data` image
 * source. Only reached for a destination whose scheme is `data:`: ordinary lines never pay for it.
 */

import { hashBytes } from "../core/content-hash";
import { base64, isPlainBase64, readDataUrl } from "../core/data-url";
import { MEDIUM_IMAGE_MAX_BYTES, sniffImageType } from "../medium/image-type";
import { imageKey } from "../story/image-key";
import type { ImageSource } from "../story/story-model";

export type DataImageSource = Extract<ImageSource, { kind: "data" }>;

/** Why an image written as a data URL is left out: a warning code and the reason, to follow "Image … ". */
export interface DataImageRefusal {
	code: "malformed-image-data" | "unsupported-image" | "image-too-large";
	reason: string;
}

/**
 * The checked images of one conversion: by data URL as written, by the stand-in the inline pass writes,
 * and their bytes by the image cache's key (decoded once, here: a publish uploads these, not a second decode).
 */
export interface DataImages {
	bySrc: Map<string, DataImageSource | DataImageRefusal>;
	byStandIn: Map<string, DataImageSource>;
	bytes: Map<string, Uint8Array>;
}

export function createDataImages(): DataImages {
	return { bySrc: new Map(), byStandIn: new Map(), bytes: new Map() };
}

/** `1.5 MB`, `300 KB`: a size as a warning says it. */
function sizeText(bytes: number): string {
	const mb = bytes / (1024 * 1024);
	return mb >= 1 ? `${(Math.round(mb * 10) / 10).toString()} MB` : `${Math.ceil(bytes / 1024).toString()} KB`;
}

/** Reads and checks one data URL (see the module's comment); `maxBytes` is Medium's limit unless a test says otherwise. */
export function checkDataImage(src: string, maxBytes = MEDIUM_IMAGE_MAX_BYTES): DataImageSource | DataImageRefusal {
	const read = readDataImage(src, maxBytes);
	return "code" in read ? read : read.source;
}

/** {@link checkDataImage} with the bytes it decoded. */
function readDataImage(src: string, maxBytes: number): { source: DataImageSource; bytes: Uint8Array } | DataImageRefusal {
	const url = src.trim();
	const comma = url.indexOf(",");
	// Base64 carries 3 bytes in 4 characters: far past the limit is refused before any byte is decoded.
	if (comma !== -1 && ((url.length - comma - 1) * 3) / 4 > maxBytes * 1.05) {
		return { code: "image-too-large", reason: `is about ${sizeText(((url.length - comma - 1) * 3) / 4)}; Medium takes images up to ${sizeText(maxBytes)}, so it was left out` };
	}
	const read = readDataUrl(url);
	if (typeof read === "string") return { code: "malformed-image-data", reason: `is a data: URL that cannot be read (${read}); it was left out` };
	const type = sniffImageType(read.bytes);
	if (type === null) {
		return { code: "unsupported-image", reason: `is not an image Medium knows (its data says ${read.mime}); Medium accepts JPEG, PNG, GIF and TIFF only, so it was left out` };
	}
	if (!type.accepted) return { code: "unsupported-image", reason: `is ${type.ext.toUpperCase()}; Medium accepts JPEG, PNG, GIF and TIFF only, so it was left out` };
	if (read.bytes.length > maxBytes) {
		return { code: "image-too-large", reason: `is ${sizeText(read.bytes.length)}; Medium takes images up to ${sizeText(maxBytes)}, so it was left out` };
	}
	// The data URL writers embed: as written when it already says the bytes' type in plain base64, else written anew.
	const prefix = `data:${type.mime};base64,`;
	const asWritten = url.startsWith(prefix) && isPlainBase64(url, prefix.length);
	return { source: { kind: "data", mime: type.mime, url: asWritten ? url : prefix + base64(read.bytes), key: hashBytes(read.bytes) }, bytes: read.bytes };
}

/**
 * The image source for a data URL written in the note, checked once per conversion however often it is
 * written; with the stand-in the inline pass writes in its place (the story builder finds the source by it).
 */
export function dataImage(images: DataImages, src: string): { source: DataImageSource; standIn: string } | DataImageRefusal {
	let found = images.bySrc.get(src);
	if (found === undefined) {
		const read = readDataImage(src, MEDIUM_IMAGE_MAX_BYTES);
		found = "code" in read ? read : read.source;
		images.bySrc.set(src, found);
		if ("source" in read) {
			images.byStandIn.set(imageKey(read.source), read.source);
			images.bytes.set(read.source.key, read.bytes);
		}
	}
	return "kind" in found ? { source: found, standIn: imageKey(found) } : found;
}

/** How a warning quotes an image written with a data URL: its first characters, not its megabytes. */
export function shortWritten(written: string): string {
	return written.length <= 72 ? written : written.slice(0, 64) + "\u2026";
}
