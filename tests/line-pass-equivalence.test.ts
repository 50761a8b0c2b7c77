/**
 * The line pass reads by index where it used to trim, split and slice. These randomized checks hold the
 * index-based helpers to the string methods they replace (kept here as the reference), on inputs drawn
 * from the characters that matter: pipes, colons, dashes, backslashes, backticks, brackets and every
 * kind of white space `trim` knows.
 */

import { createContext } from "../src/convert/convert-context";
import { convertInline, type ConvertedLink } from "../src/convert/inline";
import { findCodeSpans, isTrimSpace, trimmedSlice } from "../src/convert/text-scan";
import { parseDelimiterRow, splitRow, type Align } from "../src/convert/text-table";
import { MemoryVault } from "./support/memory-vault";
import { mulberry32 } from "./support/seeded-random";

/** A seeded integer generator (0 … n-1), so a failure replays from its seed. */
function rng(seed: number): (n: number) => number {
	const next = mulberry32(seed);
	return (n: number) => Math.floor(next() * n);
}

const SPACES = [" ", "\t", "\u00a0", "\u2003", "\u3000", "\ufeff", "\u2028", "\u000b", "\u180e", "\u200b"];

function randomText(int: (n: number) => number, alphabet: readonly string[], maxLen: number): string {
	let s = "";
	for (let k = int(maxLen + 1); k > 0; k--) s += int(4) === 0 ? SPACES[int(SPACES.length)] : alphabet[int(alphabet.length)];
	return s;
}

/** The delimiter-row parser as it was written with split and trim. */
function parseDelimiterRowReference(line: string): Align[] | null {
	let t = line.trim();
	if (t.indexOf("-") === -1) return null;
	if (t.startsWith("|")) t = t.slice(1);
	if (t.endsWith("|")) t = t.slice(0, -1);
	const aligns: Align[] = [];
	for (const raw of t.split("|")) {
		const cell = raw.trim();
		const left = cell.charCodeAt(0) === 58;
		const right = cell.length > 1 && cell.charCodeAt(cell.length - 1) === 58;
		const from = left ? 1 : 0;
		const to = right ? cell.length - 1 : cell.length;
		if (to <= from) return null;
		for (let i = from; i < to; i++) if (cell.charCodeAt(i) !== 45) return null;
		aligns.push(left && right ? "center" : right ? "right" : left ? "left" : "none");
	}
	return aligns;
}

/** The row splitter as it was written with slice, trim, startsWith and endsWith. */
function splitRowReference(line: string): string[] {
	const s = line.trim();
	const spans = findCodeSpans(s);
	const cells: string[] = [];
	let start = 0;
	let span = 0;
	let wiki = 0;
	for (let i = 0; i < s.length; i++) {
		if (span < spans.length && i === spans[span].start) {
			i = spans[span].end - 1;
			span++;
			continue;
		}
		const c = s.charCodeAt(i);
		if (c === 92) {
			i++;
		} else if (c === 91 && s.charCodeAt(i + 1) === 91) {
			wiki++;
			i++;
		} else if (c === 93 && s.charCodeAt(i + 1) === 93 && wiki > 0) {
			wiki--;
			i++;
		} else if (c === 124 && wiki === 0) {
			cells.push(s.slice(start, i).trim());
			start = i + 1;
		}
	}
	cells.push(s.slice(start).trim());
	if (s.startsWith("|")) cells.shift();
	if (s.endsWith("|") && !s.endsWith("\\|") && cells.length > 0) cells.pop();
	return cells;
}

describe("index-based trimming", () => {
	it("isTrimSpace is exactly the white space String.prototype.trim removes, for every UTF-16 code unit", () => {
		const wrong: number[] = [];
		for (let c = 0; c <= 0xffff; c++) if (isTrimSpace(c) !== (String.fromCharCode(c).trim() === "")) wrong.push(c);
		expect(wrong).toEqual([]);
	});

	it("trimmedSlice equals slice then trim", () => {
		const int = rng(7);
		const wrong: string[] = [];
		for (let k = 0; k < 20000; k++) {
			const s = randomText(int, ["a", "|", "-", "日"], 12);
			const start = int(s.length + 1);
			const end = start + int(s.length - start + 1);
			if (trimmedSlice(s, start, end) !== s.slice(start, end).trim()) wrong.push(JSON.stringify([s, start, end]));
		}
		expect(wrong).toEqual([]);
	});
});

describe("table rows read by index", () => {
	it("parseDelimiterRow agrees with the split-based parser on random rows", () => {
		const int = rng(11);
		let tables = 0;
		const wrong: string[] = [];
		for (let k = 0; k < 100000; k++) {
			const line = randomText(int, ["|", "|", "-", "-", "-", ":", "x", "\\"], 14);
			const got = JSON.stringify(parseDelimiterRow(line));
			if (got !== JSON.stringify(parseDelimiterRowReference(line))) wrong.push(JSON.stringify(line));
			if (got !== "null") tables++;
		}
		expect(wrong).toEqual([]);
		expect(tables).toBeGreaterThan(1000); // the rows do exercise real delimiter rows
	});

	it("splitRow agrees with the slice-and-trim splitter on random rows", () => {
		const int = rng(13);
		const wrong: string[] = [];
		for (let k = 0; k < 50000; k++) {
			const line = randomText(int, ["|", "|", "a", "\\", "`", "[[", "]]", "\\|", "b c"], 12);
			if (JSON.stringify(splitRow(line)) !== JSON.stringify(splitRowReference(line))) wrong.push(JSON.stringify(line));
		}
		expect(wrong).toEqual([]);
	});
});

describe("wiki-links and embeds answered from the environment's memos", () => {
	it("a line converts to the same text, warnings and images with the memos as without them", () => {
		const vault = new MemoryVault({ "A.md": "a", "Pub.md": "p", "img.png": new Uint8Array([1]), "doc.pdf": new Uint8Array([1]), "dir/B.md": "b", "Note.md": "n" });
		const int = rng(19);
		// Few distinct links, so most are met again and come from the memo.
		const pieces = ["[[A]]", "[[Pub|shown]]", "[[Missing]]", "[[img.png]]", "[[dir/B#h]]", "[[#h]]", "[[Note]]", "[[ ]]", "[[A\\|x]]", "[[", "]]", " ", "x", "[[A]]]"];
		pieces.push("![[img.png]]", "![[img.png|cap]]", "![[img.png|100]]", "![[gone.png]]", "![[Missing]]", "![[doc.pdf]]", "![[ ]]", "![[A]]", "![[#h]]");
		const wrong: string[] = [];
		for (const plain of [false, true]) {
			for (const options of [{}, { linkTemplate: "https://me.dev/{slug}" }, { imageUrls: new Map([["img.png", "https://cdn/i.png"]]) }]) {
				const fresh = () => createContext(vault, "Note.md", options);
				const withMemo = fresh();
				const without = fresh();
				const envWith = { ctx: withMemo, notePath: "Note.md", line: 1, plain, embedNote: () => [] as string[], linkMemo: new Map<string, ConvertedLink | null>(), embedMemo: new Map<string, ConvertedLink | null>() };
				const envWithout = { ctx: without, notePath: "Note.md", line: 1, plain, embedNote: () => [] as string[] };
				for (let k = 0; k < 3000; k++) {
					let line = "";
					for (let p = int(8); p > 0; p--) line += pieces[int(pieces.length)];
					envWith.line = envWithout.line = k + 1;
					const a = JSON.stringify(convertInline(line, envWith));
					const b = JSON.stringify(convertInline(line, envWithout));
					if (a !== b) wrong.push(JSON.stringify([line, a, b]));
				}
				if (JSON.stringify(withMemo.warnings) !== JSON.stringify(without.warnings)) wrong.push(`warnings differ (plain ${plain})`);
				if (JSON.stringify([withMemo.images, [...withMemo.imagePaths]]) !== JSON.stringify([without.images, [...without.imagePaths]])) wrong.push(`images differ (plain ${plain})`);
				expect(withMemo.warnings.length).toBeGreaterThan(100); // the links do warn, so replayed warnings are compared
			}
		}
		expect(wrong).toEqual([]);
	});
});
