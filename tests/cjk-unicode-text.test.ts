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
