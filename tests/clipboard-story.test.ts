/** The clipboard story: base64 without Buffer, data URLs, cached Medium URLs, and escaped HTML. */

import { base64, buildClipboardStory, dataUrl } from "../src/html/clipboard-story";
import { hashBytes } from "../src/core/content-hash";

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
	const content = [
		"# Fish & chips: 1 < 2",
		"",
		"Text with <script>alert(1)</script>, `<b>` and a [bad](javascript:alert(1)) link.",
		"",
		"![local](img/dot.png)",
		"",
		"![cached](img/cached%20one.png)",
		"",
		"![anim](img/anim.gif)",
		"",
		"![vector](img/logo.svg)",
		"",
		"![webp](img/photo.webp)",
		"",
		"![gone](img/missing.png)",
		"",
		"![remote](https://example.com/r.png)",
		"",
	].join("\n");
	const cachedBytes = Uint8Array.from([...PNG, 0]);
	const images = [
		{ path: "img/dot.png", bytes: PNG },
		{ path: "img/cached one.png", bytes: cachedBytes },
		{ path: "img/anim.gif", bytes: GIF },
		{ path: "img/logo.svg", bytes: SVG },
		{ path: "img/photo.webp", bytes: WEBP },
		{ path: "img/missing.png", bytes: null },
	];
	const cache = { [hashBytes(cachedBytes)]: "https://cdn-images-1.medium.com/cached.png" };
	const clip = buildClipboardStory(content, images, cache);

	test("local PNG/GIF inline as data URLs, cached ones link to Medium", () => {
		expect(clip.html).toContain(`<img src="data:image/png;base64,${Buffer.from(PNG).toString("base64")}" alt="local">`);
		expect(clip.html).toContain(`src="data:image/gif;base64,${Buffer.from(GIF).toString("base64")}"`);
		expect(clip.html).toContain("src=\"https://cdn-images-1.medium.com/cached.png\" alt=\"cached\"");
		expect(clip.html).toContain("src=\"https://example.com/r.png\"");
		expect(clip.linked).toBe(1);
		expect(clip.inlined).toBe(2);
	});

	test("SVG, WebP and unreadable images are left out and counted", () => {
		expect(clip.leftOut.map((l) => l.path)).toEqual(["img/logo.svg", "img/photo.webp", "img/missing.png"]);
		expect(clip.leftOut[0].reason).toMatch(/SVG/);
		expect(clip.leftOut[1].reason).toMatch(/WEBP/);
		expect(clip.html).not.toContain("logo.svg");
		expect(clip.html).not.toContain("photo.webp");
		expect(clip.html).not.toContain("missing.png");
		expect(clip.needByHand).toBe(2 + 3);
	});

	test("text is escaped and no script or javascript: link survives", () => {
		expect(clip.html).toContain("<h1>Fish &amp; chips: 1 &lt; 2</h1>");
		expect(clip.html).toContain("<code>&lt;b&gt;</code>");
		expect(clip.html).not.toContain("<script");
		expect(clip.html).not.toContain("javascript:");
	});

	test("the plain-text flavour is the story's markdown", () => {
		expect(clip.text).toBe(content);
	});
});
