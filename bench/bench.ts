/**
 * `npm run bench`: speed and memory figures, printed (not asserted by tests, where machine noise would
 * make them flaky). Targets on a 2-core machine: ≥ 30 MB/s on a dense note, the 8 MB run at most 9× the
 * 1 MB run, no adversarial note over 1 s, publishing 12 images against a 200 ms server in ≤ 1.5 s, and
 * a second publish (--new) uploading no image.
 *
 * "Converter" is `convertNote`: a note in, Medium's story model out (src/story/story-model.ts). The
 * writers that print that model (markdown for `convert` and the re-publish hash, HTML for a publish and
 * the clipboard) are timed on their own, beside the same floor, and summed for what a first publish costs.
 */

import { performance } from "node:perf_hooks";
import { LinkIndex } from "../src/core/link-index";
import type { NoteFile, VaultPort } from "../src/core/ports";
import { convertNote } from "../src/convert/convert-note";
import { createNodeHttp } from "../src/cli/node-http";
import { MediumClient } from "../src/medium/medium-client";
import { DEFAULT_PUBLISH } from "../src/publish/publish-settings";
import { Publisher } from "../src/publish/publisher";
import { emptyState } from "../src/publish/publisher-state";
import type { Story } from "../src/convert/story";
import { storyToHtml } from "../src/story/story-html";
import { storyMarkdown } from "../src/story/story-markdown";
import { base64 } from "../src/html/clipboard-story";
import { startFakeMedium } from "../tests/support/fake-medium-server";
import { nodeSleep } from "../tests/support/node-sleep";
import { marked } from "marked";

/** An in-memory vault with fixed properties (no YAML parsing in the measured path). */
class BenchVault implements VaultPort {
	private readonly index: LinkIndex;
	constructor(private readonly files: Map<string, { text?: string; bytes?: Uint8Array; props?: Record<string, unknown> }>) {
		this.index = new LinkIndex(files.keys());
	}
	resolveLink(linkpath: string, sourcePath: string): string | null {
		return this.index.resolve(linkpath, sourcePath);
	}
	readNote(path: string): Promise<NoteFile | null> {
		const f = this.files.get(path);
		return Promise.resolve(f?.text !== undefined ? { text: f.text, properties: f.props ?? {} } : null);
	}
	readBinary(path: string): Promise<Uint8Array | null> {
		return Promise.resolve(this.files.get(path)?.bytes ?? null);
	}
}

/** A small valid PNG (distinct bytes per seed), built without Node's Buffer or zlib: stored deflate blocks. */
function png(seed: number): Uint8Array {
	const sig = [137, 80, 78, 71, 13, 10, 26, 10];
	const crcTable = Array.from({ length: 256 }, (_, n) => {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		return c >>> 0;
	});
	const crc = (bytes: number[]) => {
		let c = 0xffffffff;
		for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
		return (c ^ 0xffffffff) >>> 0;
	};
	const u32 = (v: number) => [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
	const chunk = (type: string, data: number[]) => {
		const t = [...type].map((ch) => ch.charCodeAt(0));
		return [...u32(data.length), ...t, ...data, ...u32(crc([...t, ...data]))];
	};
	const raw = [0, seed & 255, (seed >> 8) & 255, 7];
	let a = 1, b = 0;
	for (const x of raw) { a = (a + x) % 65521; b = (b + a) % 65521; }
	const zdata = [0x78, 0x01, 1, raw.length, 0, ~raw.length & 255, 0xff, ...raw, ...u32(((b << 16) | a) >>> 0)];
	return new Uint8Array([...sig, ...chunk("IHDR", [...u32(1), ...u32(1), 8, 2, 0, 0, 0]), ...chunk("IDAT", zdata), ...chunk("IEND", [])]);
}

/** A data: URL of about `chars` characters: a PNG's first bytes, then zeros (base64, as pasted images are written). */
function pastedImage(chars: number): string {
	const bytes = new Uint8Array(Math.floor((chars * 3) / 4));
	bytes.set(png(1));
	return "data:image/png;base64," + base64(bytes);
}

/** One block holding every construct the converter handles (about 1.3 KB). */
function denseBlock(i: number): string {
	return `## Section ${i} ^sec-${i}

Text with [[Published]] and [[Draft|an alias]] and [[Published#Heading]] and [md link](Draft.md) and
[external](https://example.com/page#frag) plus ==highlighted words== and a #tag-${i % 7} and %%a comment%% here.
An inline footnote^[note number ${i}] and a named one[^n${i}] and math $x_${i}^2$ and \`inline [[code]]\`.

> [!tip] Callout ${i}
> Body with [[Missing note ${i % 3}]] and **bold**.
> > [!note]
> > Nested callout text.

- [ ] open task ${i}
- [x] done task ^task-${i}
- plain item

![[Embedded]]

![[pic.png|Caption ${i % 5}]] ![[pic.png|300]] ![remote|100](https://e.com/a.png)

| Col A | Col B |
|:------|------:|
| [[Draft]] | ${i} |

$$
\\int_0^${i} f(x)\\,dx
$$

\`\`\`ts
const x = "[[not a link]] ==no== %%no%%";
\`\`\`

#only #tags

[^n${i}]: Footnote text for ${i}.

`;
}

const PROSE = `Most of a real note is prose: sentences that carry no Obsidian syntax at all, written and rewritten
over weeks, with a link or an emphasis here and there. This paragraph stands for that part of a note, so the
benchmark can also say how fast an ordinary note converts, next to the dense one that packs every construct.

`;

/** `bytes` of blocks; with `prose`, each construct block is followed by three paragraphs of plain text. */
function denseNote(bytes: number, prose = 0): string {
	const parts: string[] = ["---\ntags: [bench]\n---\n# Dense note\n\n"];
	let size = parts[0].length;
	for (let i = 0; size < bytes; i++) {
		const b = denseBlock(i) + PROSE.repeat(prose);
		parts.push(b);
		size += b.length;
	}
	return parts.join("");
}

function vaultFor(): BenchVault {
	return new BenchVault(
		new Map<string, { text?: string; bytes?: Uint8Array; props?: Record<string, unknown> }>([
			["Published.md", { text: "---\nmedium_url: https://medium.com/@me/p\n---\n# Heading\nbody", props: { medium_url: "https://medium.com/@me/p" } }],
			["Draft.md", { text: "draft" }],
			["Embedded.md", { text: "Embedded text with [[Published]] and ==mark==.\n\n- a\n- b" }],
			["pic.png", { bytes: png(1) }],
		]),
	);
}

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)];
}

/**
 * Median time of `runs` conversions. No forced GC between runs: a forced full GC shrinks V8's young
 * generation, and the next run would then pay for regrowing it, which no real conversion does.
 */
async function timeConvert(text: string, runs: number): Promise<number> {
	const vault = vaultFor();
	const times: number[] = [];
	for (let r = 0; r < runs; r++) {
		const t0 = performance.now();
		const story = await convertNote({ path: "Dense.md", text, properties: {} }, vault);
		times.push(performance.now() - t0);
		if (story.title === "") throw new Error("a conversion without a title");
	}
	return median(times);
}

/** Median time of `runs` runs of a writer over the story converted from `text`. */
async function timeWriter(text: string, runs: number, write: (story: Story) => string): Promise<number> {
	const story = await convertNote({ path: "Dense.md", text, properties: {} }, vaultFor());
	const times: number[] = [];
	for (let r = 0; r < runs + 3; r++) {
		const t0 = performance.now();
		const out = write(story);
		if (r >= 3) times.push(performance.now() - t0);
		if (out.length === 0) throw new Error("empty output");
	}
	return median(times);
}

const markdownOf = (story: Story) => storyMarkdown(story);
const htmlOf = (story: Story) => storyToHtml(story).html;

/** Heap growth across one conversion whose result is kept alive: what a conversion holds on to. */
async function retainedHeapMb(text: string): Promise<number> {
	const gc = (globalThis as { gc?: () => void }).gc;
	gc?.();
	const before = process.memoryUsage().heapUsed;
	const story = await convertNote({ path: "Dense.md", text, properties: {} }, vaultFor());
	gc?.();
	const after = process.memoryUsage().heapUsed;
	if (story.title === "") throw new Error("a conversion without a title");
	return (after - before) / 1048576;
}

/**
 * The floor: one pass over the same text that any line-based converter must at least make (each line
 * sliced, each character read). Timed in the same run as the converter, so the ratio converter / floor
 * says how far the converter is from a plain scan, whatever the machine's speed.
 */
function floorScan(text: string): number {
	let sum = 0;
	let start = 0;
	while (start <= text.length) {
		let end = text.indexOf("\n", start);
		if (end === -1) end = text.length;
		const line = text.slice(start, end);
		for (let i = 0; i < line.length; i++) sum = (sum + line.charCodeAt(i)) | 0;
		start = end + 1;
	}
	return sum;
}

/** Median time of `runs` floor scans of `text`. */
function timeFloor(text: string, runs: number): number {
	const times: number[] = [];
	let keep = 0;
	for (let r = 0; r < runs; r++) {
		const t0 = performance.now();
		keep ^= floorScan(text);
		times.push(performance.now() - t0);
	}
	if (keep === 0.5) print("");
	return median(times);
}

/** Median time of `runs` tokenizations of `text` by marked's lexer (after three to warm up). */
function timeLexer(text: string, runs: number): number {
	for (let r = 0; r < 3; r++) marked.lexer(text);
	const times: number[] = [];
	for (let r = 0; r < runs; r++) {
		const t0 = performance.now();
		marked.lexer(text);
		times.push(performance.now() - t0);
	}
	return median(times);
}

const fmt = (n: number, d = 1) => n.toFixed(d);
const print = (line: string) => process.stdout.write(line + "\n");
const verdict = (ok: boolean) => (ok ? "ok" : "MISSED");

async function benchConvert(): Promise<void> {
	const mb = 1048576;
	const one = denseNote(mb);
	const eight = denseNote(8 * mb);
	await timeConvert(one, 8); // warm up: let the JIT settle before measuring
	const a = await timeConvert(one, 15);
	const b = await timeConvert(eight, 7);
	const rate1 = one.length / mb / (a / 1000);
	const rate8 = eight.length / mb / (b / 1000);
	const ratio = b / a;
	const held1 = await retainedHeapMb(one);
	const held8 = await retainedHeapMb(eight);
	print("Dense note conversion, note to story model (median of runs; every construct in each 1.3 KB block)");
	print(`  1 MB: ${fmt(a)} ms  ${fmt(rate1)} MB/s  result holds ${fmt(held1)} MB of heap`);
	print(`  8 MB: ${fmt(b)} ms  ${fmt(rate8)} MB/s  result holds ${fmt(held8)} MB of heap`);
	print(`  target ≥ 30 MB/s: ${verdict(Math.min(rate1, rate8) >= 30)}; 8 MB / 1 MB = ${fmt(ratio, 2)} (target ≤ 9): ${verdict(ratio <= 9)}`);
	const typical = denseNote(mb, 3);
	await timeConvert(typical, 4);
	const c = await timeConvert(typical, 9);
	print(`  for context, 1 MB of the same blocks with prose between them: ${fmt(c)} ms  ${fmt(typical.length / mb / (c / 1000))} MB/s`);
	timeFloor(one, 10); // warm up
	const f1 = timeFloor(one, 15);
	const f8 = timeFloor(eight, 7);
	const fc = timeFloor(typical, 9);
	print("Against the floor (one pass that slices each line and reads each character; medians, same run)");
	print(`  1 MB dense: converter ${fmt(a)} ms, floor ${fmt(f1, 2)} ms, ratio ${fmt(a / f1)}`);
	print(`  8 MB dense: converter ${fmt(b)} ms, floor ${fmt(f8, 2)} ms, ratio ${fmt(b / f8)}`);
	print(`  1 MB with prose: converter ${fmt(c)} ms, floor ${fmt(fc, 2)} ms, ratio ${fmt(c / fc)}`);
	const m1 = await timeWriter(one, 15, markdownOf);
	const mc = await timeWriter(typical, 9, markdownOf);
	const h1 = await timeWriter(one, 15, htmlOf);
	const hc = await timeWriter(typical, 9, htmlOf);
	print("The writers, each one pass over the converted story (ratios to the same floors)");
	print(`  markdown (convert's output, the re-publish hash and diff): 1 MB dense ${fmt(m1)} ms, ratio ${fmt(m1 / f1)}; with prose ${fmt(mc)} ms, ratio ${fmt(mc / fc)}`);
	print(`  HTML (what a publish sends, the clipboard): 1 MB dense ${fmt(h1)} ms, ratio ${fmt(h1 / f1)}; with prose ${fmt(hc)} ms, ratio ${fmt(hc / fc)}`);
	print(`  a first publish runs all three: 1 MB dense ratio ${fmt((a + m1 + h1) / f1)}; with prose ${fmt((c + mc + hc) / fc)}`);
	// A yardstick for the ratios: what reading the same text as CommonMark and GFM costs alone, with a
	// widely used parser (marked, already the fake Medium's markdown reader), before any Obsidian syntax,
	// link, embed or story model.
	const l1 = timeLexer(one, 15);
	const lc = timeLexer(typical, 9);
	print("For context, a CommonMark/GFM parser on the same text (marked's lexer: tokens only, no Obsidian syntax, no story)");
	print(`  1 MB dense: ${fmt(l1)} ms, ratio ${fmt(l1 / f1)}; with prose: ${fmt(lc)} ms, ratio ${fmt(lc / fc)}`);
	if (QUICK) return;

	const adversarial: Array<[string, string]> = [
		["200,000 unclosed [[ (one line)", "[[".repeat(200000)],
		["200,000 unclosed [[ (lines)", "[[a\n".repeat(200000)],
		["2 MB of =", "=".repeat(2 * mb)],
		["20,000 nested >", ">".repeat(20000) + " deep\n" + "> ".repeat(20000) + "x"],
		["100,000 $", "$".repeat(100000)],
		["100,000 $ with text", "$a ".repeat(100000)],
		["100,000 [x]( unclosed", "[x](".repeat(100000)],
		["100,000 [x](< unclosed", "[x](<".repeat(100000)],
		["50,000 backtick runs", "`a``b```".repeat(50000)],
		["100,000 %%", "%%\n".repeat(100000)],
		["200,000 ![[ unclosed", "![[".repeat(200000)],
		["100,000 nested emphasis runs", "*a ".repeat(100000) + "b* ".repeat(100000)],
		["100,000 [ then 100,000 links", "[".repeat(100000) + "[x](https://e.com) ".repeat(100000)],
		// HTML tags whose closing tag never comes (or comes in the other case): each must not search the line again.
		["50,000 <a href> unclosed", "<a href=x>".repeat(50000)],
		["50,000 <b> unclosed", "<b>".repeat(50000)],
		// A quoted attribute value is read whole (a `>` in it is text): a quote never closed must not be searched for again per tag.
		["50,000 <a href=\" unclosed", '<a href="'.repeat(50000)],
		["50,000 tags, quotes of both kinds", "<a x=\"<a y='".repeat(50000) + '<span title="a>b">x'.repeat(50000)],
		["50,000 <i>a</i>", "<i>a</i>".repeat(50000)],
		["20,000 <pre> lines unclosed", "<pre>\n".repeat(20000)],
		["50,000 <p>a</p> on one HTML line, then spaces", "<p>a</p>".repeat(50000) + " ".repeat(100000)],
		// One list item that goes on and on: each later line joins it, in place.
		["one item, 50,000 nested lines", "1. a\n" + "   - b\n".repeat(50000)],
		["one item, 50,000 paragraphs", "- a\n" + "\n  more\n".repeat(50000)],
		// Images pasted as data: URLs: megabytes on one line, read (and refused) in one pass.
		["2 MB data: image in a sentence", `See ![p](${pastedImage(2 * mb)} "cap") here.`],
		["2 MB data: image as <img>", `<img alt="p" src="${pastedImage(2 * mb)}">`],
		["2 MB data: URL, not base64", `![p](data:image/png;base64,${"*".repeat(2 * mb)})`],
		["8 MB data: image in a sentence", `See ![p](${pastedImage(8 * mb)} "cap") here.`],
	];
	print("Adversarial notes (median of 3)");
	let worst = 0;
	for (const [name, text] of adversarial) {
		const t = await timeConvert(text, 3);
		worst = Math.max(worst, t);
		print(`  ${name.padEnd(32)} ${fmt(t).padStart(8)} ms  ${verdict(t <= 1000)}`);
	}
	print(`  worst: ${fmt(worst)} ms (target ≤ 1000 ms): ${verdict(worst <= 1000)}`);
}

/**
 * Wiki-link resolution in a large vault: 20,000 links resolved among 50,000 notes, beside a floor of one
 * scan over the same paths (what resolving a single link by searching every file would cost). Was a timed
 * assertion in tests/link-index.test.ts, flaky under load; a figure belongs here.
 */
function benchLinkIndex(): void {
	const paths: string[] = [];
	for (let i = 0; i < 50000; i++) paths.push(`folder${i % 100}/note ${i}.md`);
	const build: number[] = [];
	const resolve: number[] = [];
	const scan: number[] = [];
	for (let r = 0; r < 7; r++) {
		let t0 = performance.now();
		const index = new LinkIndex(paths);
		build.push(performance.now() - t0);
		t0 = performance.now();
		for (let i = 0; i < 20000; i++) {
			if (index.resolve(`note ${i}`, "S.md") === null) throw new Error("a note not found");
		}
		resolve.push(performance.now() - t0);
		t0 = performance.now();
		let found = 0;
		for (const p of paths) if (p.endsWith("/note 49999.md")) found++;
		scan.push(performance.now() - t0);
		if (found !== 1) throw new Error("scan");
	}
	const perLink = (median(resolve) * 1000) / 20000;
	print("Wiki-links in a 50,000-note vault (medians of 7)");
	print(`  index built in ${fmt(median(build))} ms; 20,000 links resolved in ${fmt(median(resolve))} ms (${fmt(perLink, 2)} µs each)`);
	print(`  one scan of every path (what each link would cost without the index): ${fmt(median(scan), 2)} ms, ${fmt(median(scan) * 1000 / perLink, 0)}× one lookup`);
}

async function benchPublish(): Promise<void> {
	const fake = await startFakeMedium();
	fake.delayMs = 200;
	try {
		const files = new Map<string, { text?: string; bytes?: Uint8Array }>();
		const lines = ["# Twelve images", ""];
		for (let i = 0; i < 12; i++) {
			files.set(`img/p${i}.png`, { bytes: png(100 + i) });
			lines.push(`![[p${i}.png|Picture ${i}]]`, "");
		}
		const text = lines.join("\n");
		files.set("Gallery.md", { text });
		const vault = new BenchVault(files);
		const state = emptyState();
		const client = new MediumClient({ sleep: nodeSleep, http: createNodeHttp(), token: fake.token, apiBase: fake.apiBase });
		const publisher = new Publisher({ vault, client: () => client, saveState: () => Promise.resolve(), writeUrl: () => Promise.resolve() }, state);
		const note = { path: "Gallery.md", text, properties: {} };
		const t0 = performance.now();
		const first = await publisher.publish(await publisher.plan(note, DEFAULT_PUBLISH));
		const firstMs = performance.now() - t0;
		const uploads1 = fake.images.length;
		const t1 = performance.now();
		const planAgain = await publisher.plan({ ...note, properties: { medium_url: first.post.url } }, DEFAULT_PUBLISH);
		await publisher.publish(planAgain, { allowRepublish: true });
		const secondMs = performance.now() - t1;
		print("Publishing 12 local images, every request answered after 200 ms");
		print(`  first publish: ${fmt(firstMs, 0)} ms, ${uploads1} uploads (target ≤ 1500 ms): ${verdict(firstMs <= 1500 && uploads1 === 12)}`);
		print(`  again with --new: ${fmt(secondMs, 0)} ms, ${fake.images.length - uploads1} uploads (target 0): ${verdict(fake.images.length === uploads1)}`);
	} finally {
		await fake.close();
	}
}

/** `BENCH_QUICK=1 npm run bench`: the dense and prose figures only, for iterating on the converter. */
const QUICK = process.env.BENCH_QUICK === "1";

async function main(): Promise<void> {
	print(`Node ${process.version}, ${process.platform}/${process.arch}`);
	await benchConvert();
	if (QUICK) return;
	benchLinkIndex();
	await benchPublish();
	print(`Peak resident memory of the whole run: ${fmt(process.resourceUsage().maxRSS / 1024, 0)} MB`);
}

void main().catch((e: unknown) => {
	process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
	process.exitCode = 1;
});
