/**
 * The three readers of a tag alone on its line (the cheap filter, the one-line reader, the multi-line
 * finder) share one opener test: `{{<`, `{{%` or `{%` after at most 3 spaces or tabs. They must agree on
 * which lines open a tag, or a tag one accepts is lost by another.
 */

import { NoteLines } from "../src/convert/note-lines";
import { mayBeSiteTag, siteTagOf, tagLinesEnd } from "../src/convert/site-tags";

/** The line's tag as each reader sees it: filter, one-line tag name, multi-line end with a closing line after it. */
function readers(opener: string, close: string): [boolean, string | null, number] {
	const one = `${opener} highlight go ${close}`;
	const lines = new NoteLines(`${opener} highlight go\n${close}\n`);
	return [mayBeSiteTag(one), siteTagOf(one)?.name ?? null, tagLinesEnd(lines, 0, lines.count)];
}

describe("a site tag's opener", () => {
	test.each([
		["{{<", ">}}"],
		["{{%", "%}}"],
		["{%", "%}"],
		["{%-", "-%}"],
		["   {{<", ">}}"],
		["\t{%", "%}"],
		[" \t {{%", "%}}"],
	])("%j opens a tag for every reader", (opener, close) => {
		expect(readers(opener, close)).toEqual([true, "highlight", 1]);
	});

	test.each([
		["    {{<", ">}}"],
		["\t\t\t\t{%", "%}"],
		["{{", "}}"],
		["{{ <", ">}}"],
		["{<", ">}"],
		["{ %", "%}"],
		["x{%", "%}"],
	])("%j opens none", (opener, close) => {
		expect(readers(opener, close)).toEqual([false, null, -1]);
	});
});
