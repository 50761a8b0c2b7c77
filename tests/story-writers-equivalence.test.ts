// The story writers are written for speed (one growing string, blankness read off the nodes, escapes that
// return their input when nothing needs escaping). Their output must stay byte for byte what the plain
// writers they replaced gave: those are kept as the reference in tests/support/reference, and random
// stories full of markup characters, whitespace of every kind, unsafe URLs and empty wrappers are
// written by both.

import { storyMarkdown } from "../src/story/story-markdown";
import { storyToHtml } from "../src/story/story-html";
import { escapeHtml } from "../src/html/escape-html";
import { storyMarkdown as referenceMarkdown } from "./support/reference/story-markdown";
import { storyToHtml as referenceHtml } from "./support/reference/story-html";
import { escapeHtml as referenceEscapeHtml } from "./support/reference/escape-html";
import { cleanUrl, safeHref, safeImageSrc } from "../src/html/safe-url";
import * as referenceUrl from "./support/reference/safe-url";
import type { ImageSource, InlineNode, StoryBlock, StoryModel } from "../src/story/story-model";
import { mulberry32 } from "./support/seeded-random";

/** The tests' seeded generator, so a failure can be replayed. */
const rng = mulberry32;

/** Pieces text is made of: what either writer escapes or looks at, whitespace `trim` knows, plain words. */
const PIECES = [
	"a", "word", "Z", "9", "12", "1.", "3)", " ", "  ", "\t", "\n", "\r", "\u000b", "\u000c", "\u00a0", "\u1680", "\u2003", "\u2028",
	"\u202f", "\u3000", "\ufeff", "\u0085", "\u200b", "&", "<", ">", '"', "'", "\\", "*", "`", "``", "~", "_", "[", "]", "](", "(", ")",
	"#", "=", "-", "+", "- ", "<br>", "<b", "</", "<!", "é", "☐", "😀", "&amp;", "%", ".",
];
const HREFS = [
	"https://x.example/a", "http://x.example/?a=1&b=2", "mailto:me@example.com", "HTTPS://X.EXAMPLE", " https://x.example/a b ",
	"https://x.example/(p)", "https://x<y>", "\thttps://x.example/\n", "javascript:alert(1)", "relative/path", "", "data:text/html,x",
	"Mailto:a@b.example", "hTTp://x.example", "ht\ttps://x.example", "\u0000https://x.example\r", "https:/x", "http:", "\u212Aorg://x",
];
const IMAGES: ImageSource[] = [
	{ kind: "url", url: "https://i.example/a.png" }, { kind: "url", url: "javascript:x" }, { kind: "url", url: "http://i.example/a b.png" },
	{ kind: "vault", path: "pics/a b.png" }, { kind: "vault", path: "x(1).png" }, { kind: "url", url: "data:image/png;base64,AAAA" },
	{ kind: "url", url: " DATA:image/GIF;base64,R0lG\n" }, { kind: "url", url: "data:image/jpeg;base64,AA A" }, { kind: "url", url: "HTTPS://I.EXAMPLE/B.PNG" },
];

function generator(seed: number) {
	const r = rng(seed);
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
	const text = (): string => {
		let s = "";
		const n = Math.floor(r() * 6);
		for (let i = 0; i < n; i++) s += pick(PIECES);
		return s;
	};
	const inline = (depth: number): InlineNode[] => {
		const out: InlineNode[] = [];
		const n = Math.floor(r() * 5);
		for (let i = 0; i < n; i++) {
			const k = r();
			if (k < 0.45 || depth > 2) out.push({ type: "text", text: text() });
			else if (k < 0.55) out.push({ type: "break" });
			else if (k < 0.65) out.push({ type: "code", text: text() });
			else if (k < 0.75) out.push({ type: "strong", children: inline(depth + 1) });
			else if (k < 0.85) out.push({ type: "em", children: inline(depth + 1) });
			else out.push({ type: "link", href: pick(HREFS), children: inline(depth + 1) });
		}
		return out;
	};
	const block = (): StoryBlock => {
		const k = Math.floor(r() * 9);
		const line = 1;
		switch (k) {
			case 0:
				return { type: "heading", size: r() < 0.5 ? "large" : "small", content: inline(0), line };
			case 1:
				return { type: "paragraph", content: inline(0), line };
			case 2:
				return { type: "quote", group: Math.floor(r() * 2), content: inline(0), line };
			case 3:
				return { type: "code", language: pick([null, "", "ts", 'a"b<']), text: pick(["", "x", "```", "  ``` a", "a\n````\nb", text()]), line };
			case 4:
			case 5:
				return { type: "list-item", ordered: r() < 0.5, list: Math.floor(r() * 2), content: inline(0), line };
			case 6:
				return { type: "image", source: pick(IMAGES), alt: text(), caption: r() < 0.4 ? null : inline(1), line };
			case 7:
				return { type: "rule", line };
			default:
				return { type: "embed", url: pick(HREFS), line };
		}
	};
	return (): StoryModel => {
		const blocks: StoryBlock[] = [];
		const n = Math.floor(r() * 8);
		for (let i = 0; i < n; i++) blocks.push(block());
		return { title: text(), subtitle: r() < 0.5 ? null : text(), blocks };
	};
}

/** An image source choice that exercises every outcome: kept, left out, refused, a data URL. */
const imageSrc = (source: ImageSource): string | null =>
	source.kind !== "vault" ? source.url : source.path.startsWith("x") ? null : "https://cdn.example/" + source.path;

describe("story writers: same output as the reference writers", () => {
	it("random stories give the same markdown and HTML", () => {
		for (let seed = 1; seed <= 24; seed++) {
			const next = generator(seed);
			for (let i = 0; i < 500; i++) {
				const story = next();
				expect(storyMarkdown(story)).toBe(referenceMarkdown(story));
				expect(storyToHtml(story)).toEqual(referenceHtml(story));
				expect(storyToHtml(story, { imageSrc })).toEqual(referenceHtml(story, { imageSrc }));
			}
		}
	});

	it("escapeHtml gives the reference's output, and its very input when nothing needs escaping", () => {
		const next = generator(99);
		for (let i = 0; i < 5000; i++) {
			const text = next().title;
			expect(escapeHtml(text)).toBe(referenceEscapeHtml(text));
		}
		const plain = "plain words, nothing to escape";
		expect(escapeHtml(plain)).toBe(plain);
	});

	it("safe-url's checks (made copy-free for the writers) answer as the reference's did", () => {
		const r = rng(7);
		const parts = [
			"https://", "HTTP://", "hTtPs://", "mailto:", "MAILTO:", "data:image/png;base64,", "DATA:IMAGE/JPEG;BASE64,", "data:image/gif;base64,",
			"https\u001a//", "http:\u000f/", "mailto\u001a", "data\u001aimage/png\u001bbase64,", "javascript:", "\u212A", "\u0130", "\u017F", "x.example/", "a b", "AAAA", "+/=", " ", "\t", "\n", "\r", "\u0000", "\u001f", "\u00a0", "é",
		];
		for (let i = 0; i < 5000; i++) {
			let url = "";
			const n = 1 + Math.floor(r() * 4);
			for (let k = 0; k < n; k++) url += parts[Math.floor(r() * parts.length)];
			expect(cleanUrl(url)).toBe(referenceUrl.cleanUrl(url));
			expect(safeHref(url)).toBe(referenceUrl.safeHref(url));
			expect(safeImageSrc(url)).toBe(referenceUrl.safeImageSrc(url));
		}
	});
});
