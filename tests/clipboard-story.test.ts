/** The clipboard story: base64 without Buffer, data URLs, cached Medium URLs, and escaped HTML. */

import { base64, buildClipboardStory, dataUrl } from "../src/html/clipboard-story";
import { hashBytes } from "../src/core/content-hash";
import { expectMediumSafe } from "./support/html-safety";
import { code, img, link, p, story } from "./support/story-builders";

const enc = (s: string) => new TextEncoder().encode(s);

/** The smallest valid PNG: 1×1, transparent. */
const PNG = Uint8Array.from(
	Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64"),
);
const GIF = Uint8Array.from(Buffer.from("R0lGODlhAQABAAAAACw=", "base64"));
const WEBP = enc("RIFF\u0000\u0000\u0000\u0000WEBPVP8 ");
const SVG = enc("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>");

describe("base64", () => {
	test("RFC 4648 test vectors", () => {
		const vectors: Array<[string, string]> = [
			["", ""],
			["f", "Zg=="],
			["fo", "Zm8="],
			["foo", "Zm9v"],
			["foob", "Zm9vYg=="],
			["fooba", "Zm9vYmE="],
			["foobar", "Zm9vYmFy"],
		];
		for (const [input, expected] of vectors) expect(base64(enc(input))).toBe(expected);
	});

	test("every byte value, and high bits, match Node's encoder", () => {
		const all = Uint8Array.from({ length: 256 }, (_, i) => i);
		expect(base64(all)).toBe(Buffer.from(all).toString("base64"));
		expect(base64(Uint8Array.of(0xff, 0xfe, 0xfd, 0x00))).toBe("//79AA==");
	});

	test("large inputs (chunked building) stay exact", () => {
		const big = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 7919) & 0xff);
		expect(base64(big)).toBe(Buffer.from(big).toString("base64"));
	});

	test("a subarray encodes only its own range", () => {
		const whole = enc("xxfooxx");
		expect(base64(whole.subarray(2, 5))).toBe("Zm9v");
	});
});

test("dataUrl", () => {
	expect(dataUrl(enc("foo"), "image/png")).toBe("data:image/png;base64,Zm9v");
});

describe("buildClipboardStory", () => {
	const markdown = "# Fish & chips: 1 < 2\n\n(the story's markdown)\n";
	const model = story(
		"Fish & chips: 1 < 2",
		null,
		p("Text with <script>alert(1)</script>, ", code("<b>"), " and a ", link("javascript:alert(1)", "bad"), " link."),
		img("img/dot.png", "local"),
		img("img/cached one.png", "cached", ["A caption"]),
		img("img/anim.gif", "anim"),
		img("img/logo.svg", "vector"),
		img("img/photo.webp", "webp"),
		img("img/missing.png", "gone"),
		img("https://example.com/r.png", "remote"),
		img({ kind: "url", url: "javascript:alert(1)" }, "bad remote"),
		img("img/not-listed.png", "unlisted"),
		img("img/dot.png", "again"),
	);
	const cachedBytes = Uint8Array.from([...PNG, 0]);
	const images = [
		{ path: "img/dot.png", bytes: PNG },
		{ path: "img/cached one.png", bytes: cachedBytes },
		{ path: "img/anim.gif", bytes: GIF },
		{ path: "img/logo.svg", bytes: SVG },
		{ path: "img/photo.webp", bytes: WEBP },
		{ path: "img/missing.png", bytes: null },
		{ path: "img/dot.png", bytes: PNG },
	];
	const cache = { [hashBytes(cachedBytes)]: "https://cdn-images-1.medium.com/cached.png" };
	const clip = buildClipboardStory(model, markdown, images, cache);

	test("local PNG/GIF inline as data URLs, cached ones link to Medium, remote ones stay", () => {
		expect(clip.html).toContain(`<figure><img src="data:image/png;base64,${Buffer.from(PNG).toString("base64")}" alt="local"></figure>`);
		expect(clip.html).toContain(`src="data:image/gif;base64,${Buffer.from(GIF).toString("base64")}"`);
		expect(clip.html).toContain("<img src=\"https://cdn-images-1.medium.com/cached.png\" alt=\"cached\"><figcaption>A caption</figcaption>");
		expect(clip.html).toContain("src=\"https://example.com/r.png\"");
		expect(clip.html).toContain("alt=\"again\"");
		expect(clip.linked).toBe(1);
		expect(clip.inlined).toBe(2);
	});

	test("SVG, WebP, unreadable, unlisted and unfetchable images are left out and counted", () => {
		expect(clip.leftOut.map((l) => l.path)).toEqual(["img/logo.svg", "img/photo.webp", "img/missing.png", "javascript:alert(1)", "img/not-listed.png"]);
		expect(clip.leftOut[0].reason).toMatch(/SVG/);
		expect(clip.leftOut[1].reason).toMatch(/WEBP/);
		expect(clip.leftOut[3].reason).toMatch(/address/);
		for (const gone of ["logo.svg", "photo.webp", "missing.png", "not-listed", "javascript:"]) expect(clip.html).not.toContain(gone);
		expect(clip.needByHand).toBe(2 + 5);
	});

	test("it is the publish HTML: text escaped, no script or javascript: link", () => {
		expect(clip.html.startsWith("<h1>Fish &amp; chips: 1 &lt; 2</h1>\n")).toBe(true);
		expect(clip.html).toContain("<code>&lt;b&gt;</code>");
		expect(clip.html).not.toContain("<script");
		expectMediumSafe(clip.html);
	});

	test("the plain-text flavour is the story's markdown", () => {
		expect(clip.text).toBe(markdown);
	});
});
