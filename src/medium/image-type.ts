/**
 * Tells an image's real type from its first bytes. File extensions lie (a `.png` saved as WebP is common) and
 * Medium's POST /images accepts only JPEG, PNG, GIF and TIFF, so the uploader sniffs the bytes to choose the
 * Content-Type and to warn, before any request, about types Medium would refuse (WebP, AVIF, BMP, SVG).
 */

/** What the bytes are, and whether Medium's image upload takes them. */
export interface SniffedImageType {
	/** The MIME type, e.g. `image/png`. */
	mime: string;
	/** The usual file extension, without the dot. */
	ext: string;
	/** True when Medium's POST /images accepts this type. */
	accepted: boolean;
}

/** The Content-Types Medium's image upload accepts. */
export const MEDIUM_IMAGE_TYPES: readonly string[] = ["image/jpeg", "image/png", "image/gif", "image/tiff"];

/**
 * The largest image this plugin sends to Medium's upload. The API documents no limit (medium-api.md);
 * guides to Medium's editor report 25 MB as its limit (not a Medium source), so larger data: images are
 * left out with a warning instead of risking the whole publish.
 */
export const MEDIUM_IMAGE_MAX_BYTES = 25 * 1024 * 1024;

/** True when every byte of `expected` (character codes) is found at `offset`. */
function hasAscii(bytes: Uint8Array, offset: number, expected: string): boolean {
	if (offset + expected.length > bytes.length) return false;
	for (let i = 0; i < expected.length; i++) {
		if (bytes[offset + i] !== expected.charCodeAt(i)) return false;
	}
	return true;
}

/** True when the bytes at `offset` equal `expected`. */
function hasBytes(bytes: Uint8Array, offset: number, expected: readonly number[]): boolean {
	if (offset + expected.length > bytes.length) return false;
	for (let i = 0; i < expected.length; i++) {
		if (bytes[offset + i] !== expected[i]) return false;
	}
	return true;
}

/** Reads a big-endian unsigned 32-bit number. */
function u32be(bytes: Uint8Array, offset: number): number {
	return ((bytes[offset] << 24) >>> 0) + (bytes[offset + 1] << 16) + (bytes[offset + 2] << 8) + bytes[offset + 3];
}

/** Reads a little-endian unsigned 32-bit number. */
function u32le(bytes: Uint8Array, offset: number): number {
	return bytes[offset] + (bytes[offset + 1] << 8) + (bytes[offset + 2] << 16) + ((bytes[offset + 3] << 24) >>> 0);
}

/** An ISO-BMFF `ftyp` box whose major or compatible brands name AVIF (`avif` still, `avis` sequence). */
function isAvif(bytes: Uint8Array): boolean {
	if (!hasAscii(bytes, 4, "ftyp") || bytes.length < 12) return false;
	if (hasAscii(bytes, 8, "avif") || hasAscii(bytes, 8, "avis")) return true;
	const boxSize = Math.min(u32be(bytes, 0), bytes.length);
	// Compatible brands follow the major brand (8..12) and the minor version (12..16).
	for (let offset = 16; offset + 4 <= boxSize; offset += 4) {
		if (hasAscii(bytes, offset, "avif") || hasAscii(bytes, offset, "avis")) return true;
	}
	return false;
}

/** BMP header sizes of the known DIB header versions: guards against text that merely starts with "BM". */
const BMP_DIB_SIZES = new Set([12, 16, 40, 52, 56, 64, 108, 124]);

/** A Windows bitmap: "BM", then a DIB header of a known size at offset 14. */
function isBmp(bytes: Uint8Array): boolean {
	if (!hasAscii(bytes, 0, "BM") || bytes.length < 18) return false;
	return BMP_DIB_SIZES.has(u32le(bytes, 14));
}

/** How far into a file the SVG sniffer looks for the root element. */
const SVG_SCAN_LIMIT = 4096;

/** True for XML white space. */
function isXmlSpace(c: number): boolean {
	return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/**
 * SVG text: after an optional UTF-8 BOM and white space, possibly an XML prolog, comments, processing
 * instructions and a doctype, the root element is `<svg`. A file starting with `<?xml` whose root is cut off
 * by the scan limit counts as SVG; one whose root is another element does not.
 */
function isSvg(bytes: Uint8Array): boolean {
	const end = Math.min(bytes.length, SVG_SCAN_LIMIT);
	let i = hasBytes(bytes, 0, [0xef, 0xbb, 0xbf]) ? 3 : 0;
	while (i < end && isXmlSpace(bytes[i])) i++;
	const xmlProlog = hasAscii(bytes, i, "<?xml");
	while (i < end) {
		while (i < end && isXmlSpace(bytes[i])) i++;
		if (i >= end) break;
		if (bytes[i] !== 0x3c) return false;
		if (hasAscii(bytes, i, "<svg")) {
			const next = i + 4 < bytes.length ? bytes[i + 4] : 0x3e;
			return isXmlSpace(next) || next === 0x3e || next === 0x2f || next === 0x3a;
		}
		let close: string;
		if (hasAscii(bytes, i, "<?")) close = "?>";
		else if (hasAscii(bytes, i, "<!--")) close = "-->";
		else if (hasAscii(bytes, i, "<!")) close = ">";
		else return false;
		const after = indexOfAscii(bytes, close, i + 2, end);
		if (after < 0) break;
		i = after + close.length;
	}
	// Nothing decided within the scanned window: only a long prolog in a longer file still counts.
	return xmlProlog && bytes.length > SVG_SCAN_LIMIT;
}

/** Finds `needle` (ASCII) in bytes[from, end); -1 when absent. */
function indexOfAscii(bytes: Uint8Array, needle: string, from: number, end: number): number {
	for (let i = from; i + needle.length <= end; i++) {
		if (hasAscii(bytes, i, needle)) return i;
	}
	return -1;
}

/** Builds a result. */
function result(mime: string, ext: string): SniffedImageType {
	return { mime, ext, accepted: MEDIUM_IMAGE_TYPES.includes(mime) };
}

/**
 * Identifies an image from its magic bytes: JPEG, PNG, GIF and TIFF (both byte orders) are accepted by
 * Medium; WebP, AVIF, BMP and SVG are recognised but not accepted; anything else gives null.
 */
export function sniffImageType(bytes: Uint8Array): SniffedImageType | null {
	if (hasBytes(bytes, 0, [0xff, 0xd8, 0xff])) return result("image/jpeg", "jpg");
	if (hasBytes(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return result("image/png", "png");
	if (hasAscii(bytes, 0, "GIF87a") || hasAscii(bytes, 0, "GIF89a")) return result("image/gif", "gif");
	if (hasBytes(bytes, 0, [0x49, 0x49, 0x2a, 0x00]) || hasBytes(bytes, 0, [0x4d, 0x4d, 0x00, 0x2a])) {
		return result("image/tiff", "tiff");
	}
	if (hasAscii(bytes, 0, "RIFF") && hasAscii(bytes, 8, "WEBP")) return result("image/webp", "webp");
	if (isAvif(bytes)) return result("image/avif", "avif");
	if (isBmp(bytes)) return result("image/bmp", "bmp");
	if (isSvg(bytes)) return result("image/svg+xml", "svg");
	return null;
}
