/**
 * Notes written in Chinese, Japanese, Korean, right-to-left scripts and emoji: what Medium receives is
 * what Obsidian's reading view shows for the same text.
 */

import { body, convert } from "./support/convert-helpers";

const vaultNote = { obsidianVault: true };

describe("tags in CJK text", () => {
	// Obsidian's tag: after the line's start or any white space (JavaScript's `\s`, the ideographic space
	// U+3000 a Japanese IME types included), ending at white space, ASCII punctuation but `_ - /`, and the
	// General and Supplemental Punctuation blocks (obsidian-help issue 816: the regex in Obsidian's app.js).
	test("tags apart by an ideographic space are tags, shown without their #", async () => {
		expect(await body("メモ #日本語　#タグ です", {}, vaultNote)).toBe("メモ 日本語　タグ です");
	});
	test("a line of tags apart by ideographic spaces is left out, as a line of tags is", async () => {
		expect(await body("本文\n#日本語　#タグ\n続き", {}, vaultNote)).toBe("本文\\\n続き");
	});
	test("a tag ends at General Punctuation (a dash, curly quotes, an ellipsis): the story's tags are the tag's name", async () => {
		const s = await convert("# 标题\n\n正文 #标签—说明 #学习“笔记” #读书… 完", {}, vaultNote);
		expect(s.tags).toEqual(["标签", "学习", "读书"]);
		expect(s.content).toContain("正文 标签—说明 学习“笔记” 读书… 完");
	});
	test("a # after a full-width colon or a letter is no tag (Obsidian needs white space before it)", async () => {
		expect(await body("标签：#标签 结尾#标签", {}, vaultNote)).toBe("标签：#标签 结尾#标签");
	});
});

describe("soft line breaks in CJK text", () => {
	// With Strict line breaks (and in a blog folder) a newline inside a paragraph is a space between words.
	// Chinese and Japanese put no space between words: a line broken between two of their characters is
	// joined without one (CSS Text's segment break rule, Goldmark's East Asian line breaks). Korean keeps it.
	const strict = { strictLineBreaks: true };
	test("lines of Chinese and Japanese join without a space; Latin and Korean lines keep it", async () => {
		expect(await body("第一行中文\n第二行中文，\n继续。English\nline 中文", {}, strict)).toBe("第一行中文第二行中文，继续。English line 中文");
		expect(await body("日本語の文章は\n改行しても続く。", {}, strict)).toBe("日本語の文章は改行しても続く。");
		expect(await body("한국어 문장은\n띄어 씁니다.", {}, strict)).toBe("한국어 문장은 띄어 씁니다.");
	});
	test("the same with markup in the lines, looking past the emphasis marks", async () => {
		expect(await body("这是**强调**\n后文*斜体*\n**再强调**结束", {}, strict)).toBe("这是**强调**后文*斜体***再强调**结束");
		// A link at the break is looked into: its text's first or last character is what meets the other line.
		expect(await body("链接[文字](https://e.com/)\n后文\n[链接](https://e.com/)结尾", {}, strict)).toBe("链接[文字](https://e.com/)后文[链接](https://e.com/)结尾");
		expect(await body("see [docs](https://e.com/)\n中文 (注)\n后文", {}, strict)).toBe("see [docs](https://e.com/) 中文 (注) 后文");
		expect(await body("[文字](https://e.com/)\n注(x)\n后文", {}, strict)).toBe("[文字](https://e.com/)注(x) 后文");
	});
	test("a footnote's lines too", async () => {
		expect(await body("正文[^1]。\n\n[^1]: 脚注第一行\n    脚注第二行", {}, strict)).toContain("1. 脚注第一行脚注第二行");
	});
	test("without Strict line breaks a newline stays a line break", async () => {
		expect(await body("第一行\n第二行")).toBe("第一行\\\n第二行");
	});
});

describe("HTML bold and italic against CJK punctuation", () => {
	// Obsidian shows `<b>“强调”</b>后文` bold (it is HTML; CJK writers use it where `**` fails); written as
	// markdown, `**“强调”**后文` is no bold (CommonMark's flanking rules count Unicode punctuation), so
	// Medium showed the stars. The tags themselves now open and close the bold.
	test("bold and italic tags against CJK punctuation stay bold and italic, with no stray stars", async () => {
		const s = await convert("# 标题\n\n这是<b>“强调”</b>后文，中文<em>「斜体」</em>中文。", {}, vaultNote);
		const block = s.blocks[0];
		expect(block.type === "paragraph" && block.content).toEqual([
			{ type: "text", text: "这是" },
			{ type: "strong", children: [{ type: "text", text: "“强调”" }] },
			{ type: "text", text: "后文，中文" },
			{ type: "em", children: [{ type: "text", text: "「斜体」" }] },
			{ type: "text", text: "中文。" },
		]);
		expect(s.warnings).toEqual([]);
		const attrs = await convert("# 标题\n\n这是<strong class=\"x\">“强调”</strong>后文", {}, vaultNote);
		expect(attrs.blocks[0].type === "paragraph" && attrs.blocks[0].content[1]).toEqual({ type: "strong", children: [{ type: "text", text: "“强调”" }] });
	});
	test("bold where markdown reads it is markdown's bold; a tag without its partner is dropped with a warning", async () => {
		expect(await body("这是<b>强调</b>后文，<b>“引号”</b>。", {}, vaultNote)).toBe("这是**强调**后文，**“引号”**。");
		const s = await convert("# 标题\n\n这是<b>“强调”后文。", {}, vaultNote);
		expect(s.content).toContain("这是“强调”后文。");
		expect(s.warnings.map((w) => w.code)).toEqual(["html-dropped"]);
	});
});

describe("a byte order mark (Windows Notepad's UTF-8) is no text", () => {
	test("a note opening with a BOM keeps its first heading as the title", async () => {
		const s = await convert("\uFEFF# 标题\r\n\r\n正文\r\n", {}, vaultNote);
		expect(s.title).toBe("标题");
		expect(s.content).toBe("# 标题\n\n正文\n");
	});
	test("a BOM before a tag line or a paragraph leaves no invisible character on Medium", async () => {
		expect(await body("\uFEFF#日记\n\n今天", {}, vaultNote)).toBe("今天");
		expect((await convert("\uFEFF第一段", {}, vaultNote)).content).not.toContain("\uFEFF");
	});
});

describe("names from macOS file systems", () => {
	// A name a Mac stored decomposed (NFD: ガ as カ + U+3099, Hangul as jamo) is shown composed in Obsidian;
	// on Medium, decomposed Hangul falls apart into jamo, and the title's search and slug differ.
	test("a title taken from a decomposed file name is composed (NFC)", async () => {
		const name = "ガイドの使い方 한글".normalize("NFD");
		const s = await convert("本文です。", {}, vaultNote, `${name}.md`);
		expect(s.title).toBe("ガイドの使い方 한글");
		expect(s.content.startsWith("# ガイドの使い方 한글\n")).toBe(true);
	});
});

describe("ruby (furigana) written as HTML", () => {
	// Obsidian shows the reading above its base; Medium has no ruby. Its text alone ran the two together
	// (漢字かんじ): the reading goes in parentheses after the base, as a browser without ruby shows `<rp>`.
	test("a reading without <rp> is put in parentheses; one with <rp> keeps its own", async () => {
		expect(await body("<ruby>漢字<rt>かんじ</rt></ruby>を読む。<ruby>東京<rp>(</rp><rt>とうきょう</rt><rp>)</rp></ruby>に行く。", {}, vaultNote)).toBe("漢字（かんじ）を読む。東京(とうきょう)に行く。");
	});
	test("several readings in one ruby, each after its base", async () => {
		expect(await body("<ruby>明<rt>あき</rt>日<rt>ら</rt></ruby>", {}, vaultNote)).toBe("明（あき）日（ら）");
	});
});
