/**
 * Image sniffing from magic bytes: each type Medium accepts, each recognised-but-refused type, and the
 * near misses that must not be mistaken for an image.
 */

import { MEDIUM_IMAGE_TYPES, sniffImageType } from "../src/medium/image-type";

const enc = new TextEncoder();

function bytes(...parts: Array<number[] | string>): Uint8Array {
	const out: number[] = [];
	for (const part of parts) {
		if (typeof part === "string") out.push(...enc.encode(part));
		else out.push(...part);
	}
	return new Uint8Array(out);
}

/** A minimal BMP header: "BM", file size, reserved, pixel offset, then the DIB header size. */
function bmp(dibSize: number): Uint8Array {
	const b = new Uint8Array(54);
	b.set([0x42, 0x4d], 0);
	b[2] = 54;
	b[10] = 54;
	b[14] = dibSize & 0xff;
	b[15] = (dibSize >> 8) & 0xff;
	return b;
}

/** An ISO-BMFF ftyp box with a major brand and compatible brands. */
function ftyp(major: string, compatible: string[]): Uint8Array {
	const size = 16 + compatible.length * 4;
	return bytes([0, 0, 0, size], "ftyp", major, [0, 0, 0, 0], compatible.join(""), [0, 0, 0, 0, 0, 0]);
}

describe("accepted by Medium", () => {
	test.each([
		["JPEG (JFIF)", bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], "JFIF"), "image/jpeg", "jpg"],
		["JPEG (Exif)", bytes([0xff, 0xd8, 0xff, 0xe1, 0, 16], "Exif"), "image/jpeg", "jpg"],
		["PNG", bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], "IHDR"), "image/png", "png"],
		["GIF87a", bytes("GIF87a", [1, 0, 1, 0]), "image/gif", "gif"],
		["GIF89a", bytes("GIF89a", [1, 0, 1, 0]), "image/gif", "gif"],
		["TIFF little-endian", bytes([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]), "image/tiff", "tiff"],
		["TIFF big-endian", bytes([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]), "image/tiff", "tiff"],
	])("%s", (_label, data, mime, ext) => {
		expect(sniffImageType(data)).toEqual({ mime, ext, accepted: true });
		expect(MEDIUM_IMAGE_TYPES).toContain(mime);
	});
});

describe("recognised but refused by Medium", () => {
	test.each([
		["WebP", bytes("RIFF", [36, 0, 0, 0], "WEBPVP8 "), "image/webp", "webp"],
		["AVIF (major brand avif)", ftyp("avif", ["mif1", "miaf"]), "image/avif", "avif"],
		["AVIF sequence (avis)", ftyp("avis", ["msf1"]), "image/avif", "avif"],
		["AVIF (compatible brand)", ftyp("mif1", ["miaf", "avif"]), "image/avif", "avif"],
		["BMP (BITMAPINFOHEADER)", bmp(40), "image/bmp", "bmp"],
		["BMP (V5 header)", bmp(124), "image/bmp", "bmp"],
		["SVG", bytes("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>"), "image/svg+xml", "svg"],
		["SVG after BOM and white space", bytes([0xef, 0xbb, 0xbf], "\n  \t<svg width=\"1\"/>"), "image/svg+xml", "svg"],
		["SVG with prolog, comment and doctype", bytes(
			"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- Generator: a <tool> -->\n" +
			"<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n<svg>",
		), "image/svg+xml", "svg"],
		["SVG with a namespace prefix", bytes("<svg:svg xmlns:svg=\"http://www.w3.org/2000/svg\"/>"), "image/svg+xml", "svg"],
		["SVG whose root lies past a long prolog comment", bytes("<?xml version=\"1.0\"?><!--", "x".repeat(5000), "--><svg/>"), "image/svg+xml", "svg"],
	])("%s", (_label, data, mime, ext) => {
		expect(sniffImageType(data)).toEqual({ mime, ext, accepted: false });
	});
});

describe("not images", () => {
	test.each([
		["empty", new Uint8Array(0)],
		["plain text", bytes("Hello, world")],
		["text starting with BM", bytes("BMW is a car maker, and this is a long enough line of text.")],
		["a truncated PNG signature", bytes([0x89, 0x50, 0x4e, 0x47])],
		["a truncated JPEG", bytes([0xff, 0xd8])],
		["RIFF that is not WebP (WAV)", bytes("RIFF", [36, 0, 0, 0], "WAVEfmt ")],
		["an MP4 (ftyp isom)", ftyp("isom", ["iso2", "mp41"])],
		["HTML", bytes("<!DOCTYPE html><html><body><svg></svg></body></html>")],
		["XML that is not SVG", bytes("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"></rss>")],
		["an element named svgx", bytes("<svgx/>")],
		["text mentioning <svg later", bytes("see <svg> below")],
		["a PDF", bytes("%PDF-1.7\n")],
		["an unterminated comment in a short file", bytes("<?xml version=\"1.0\"?><!-- never closed")],
	])("%s", (_label, data) => {
		expect(sniffImageType(data)).toBeNull();
	});
});
