/**
 * The multipart body for POST /images: exact bytes, CRLF everywhere, one part, escaped filename, and a
 * generated boundary that never collides with the file's bytes.
 */

import { buildMultipart, escapeQuotedParam } from "../src/medium/multipart";
import { parseMultipart } from "./support/fake-medium-server";

const enc = new TextEncoder();

function concat(...chunks: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.length;
	}
	return out;
}

/** Every byte value, and the sequences that could confuse a parser. */
const TRICKY = concat(
	Uint8Array.from({ length: 256 }, (_, i) => i),
	enc.encode("\r\n--\r\n\r\n--boundary\r\n"),
);

describe("buildMultipart", () => {
	test("produces exactly the expected bytes for a given boundary", () => {
		const bytes = new Uint8Array([0, 1, 2, 0x0d, 0x0a, 255]);
		const { body, contentType } = buildMultipart(
			{ name: "image", filename: "photo.png", contentType: "image/png", bytes },
			"XyZ123",
		);
		expect(contentType).toBe("multipart/form-data; boundary=XyZ123");
		const expected = concat(
			enc.encode(
				"--XyZ123\r\n" +
				"Content-Disposition: form-data; name=\"image\"; filename=\"photo.png\"\r\n" +
				"Content-Type: image/png\r\n" +
				"\r\n",
			),
			bytes,
			enc.encode("\r\n--XyZ123--\r\n"),
		);
		expect(Array.from(body)).toEqual(Array.from(expected));
		expect(body).toBeInstanceOf(Uint8Array);
	});

	test("has no bare LF outside the file's bytes", () => {
		const bytes = enc.encode("payload");
		const { body } = buildMultipart({ name: "image", filename: "a.gif", contentType: "image/gif", bytes }, "B0");
		const text = new TextDecoder().decode(body);
		for (let i = 0; i < text.length; i++) {
			if (text[i] === "\n") expect(text[i - 1]).toBe("\r");
		}
	});

	test("parses back to one part with the same bytes, whatever they hold", () => {
		const { body, contentType } = buildMultipart({ name: "image", filename: "weird.tiff", contentType: "image/tiff", bytes: TRICKY });
		const boundary = contentType.slice(contentType.indexOf("boundary=") + "boundary=".length);
		const parts = parseMultipart(body, boundary);
		if (typeof parts === "string") throw new Error(parts);
		expect(parts).toHaveLength(1);
		expect(parts[0].name).toBe("image");
		expect(parts[0].filename).toBe("weird.tiff");
		expect(parts[0].contentType).toBe("image/tiff");
		expect(Array.from(parts[0].bytes)).toEqual(Array.from(TRICKY));
	});

	test("a generated boundary is fresh, valid, and absent from the bytes", () => {
		const a = buildMultipart({ name: "image", filename: "a.png", contentType: "image/png", bytes: TRICKY });
		const b = buildMultipart({ name: "image", filename: "a.png", contentType: "image/png", bytes: TRICKY });
		const boundaryOf = (ct: string): string => ct.slice(ct.indexOf("boundary=") + 9);
		expect(boundaryOf(a.contentType)).not.toBe(boundaryOf(b.contentType));
		const boundary = boundaryOf(a.contentType);
		expect(boundary.length).toBeGreaterThan(20);
		expect(boundary.length).toBeLessThanOrEqual(70);
		expect(/^[0-9A-Za-z-]+$/.test(boundary)).toBe(true);
		const latin = String.fromCharCode(...TRICKY);
		expect(latin.includes(boundary)).toBe(false);
	});

	test("a given boundary that occurs in the bytes, or is malformed, throws", () => {
		const bytes = enc.encode("xx--clash yy");
		expect(() => buildMultipart({ name: "image", filename: "a.png", contentType: "image/png", bytes }, "clash")).toThrow(RangeError);
		expect(() => buildMultipart({ name: "image", filename: "a.png", contentType: "image/png", bytes }, "has space")).toThrow(RangeError);
		expect(() => buildMultipart({ name: "image", filename: "a.png", contentType: "image/png", bytes }, "")).toThrow(RangeError);
		expect(() => buildMultipart({ name: "image", filename: "a.png", contentType: "image/png", bytes }, "x".repeat(71))).toThrow(RangeError);
	});

	test("escapes quotes and line breaks in the filename so no header can be injected", () => {
		const filename = "evil\".png\r\nContent-Type: text/html\n";
		const { body, contentType } = buildMultipart({ name: "image", filename, contentType: "image/png\r\nX-Bad: 1", bytes: enc.encode("x") }, "BB");
		expect(contentType).toBe("multipart/form-data; boundary=BB");
		const text = new TextDecoder().decode(body);
		expect(text).toContain("filename=\"evil%22.png%0D%0AContent-Type: text/html%0A\"\r\n");
		expect(text).toContain("Content-Type: image/pngX-Bad: 1\r\n");
		const parts = parseMultipart(body, "BB");
		if (typeof parts === "string") throw new Error(parts);
		expect(parts).toHaveLength(1);
		expect(Object.keys(parts[0].headers).sort()).toEqual(["content-disposition", "content-type"]);
		expect(parts[0].filename).toBe("evil%22.png%0D%0AContent-Type: text/html%0A");
	});

	test("non-ASCII filenames are sent as UTF-8", () => {
		const { body } = buildMultipart({ name: "image", filename: "café 图.png", contentType: "image/png", bytes: enc.encode("x") }, "BB");
		const parts = parseMultipart(body, "BB");
		if (typeof parts === "string") throw new Error(parts);
		expect(parts[0].filename).toBe("café 图.png");
	});
});

describe("escapeQuotedParam", () => {
	test("changes only quotes, CR and LF", () => {
		expect(escapeQuotedParam("a\"b\rc\nd\\e'f")).toBe("a%22b%0Dc%0Ad\\e'f");
		expect(escapeQuotedParam("plain name.png")).toBe("plain name.png");
	});
});
