/**
 * The three readers of a tag alone on its line (the cheap filter, the one-line reader, the multi-line
 * finder) share one opener test: `{{<`, `{{%` or `{%` after at most 3 spaces or tabs. They must agree on
 * which lines open a tag, or a tag one accepts is lost by another. Likewise the Liquid addresses of links
 * and of HTML attributes are read by one loop: both kinds, and what is left alone, are pinned here.
 */

import { NoteLines } from "../src/convert/note-lines";
import { mayBeSiteTag, siteTagOf, tagLinesEnd, withLiquidAddresses } from "../src/convert/site-tags";

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

describe("a Liquid address, after ]( or an attribute's =\"", () => {
	test.each([
		["![a]({{ site.baseurl }}/a.png)", "![a](/a.png)"],
		['[b]({{ "/docs/b.md" | relative_url }}) and [c]({{ site.url }}/c.md)', "[b](/docs/b.md) and [c](/c.md)"],
		['<img src="{{ site.baseurl }}/a.png">', '<img src="/a.png">'],
		['<img data-src="{{ site.baseurl }}/a.png">', '<img data-src="/a.png">'],
		['<a href="{{ site.baseurl }}/b">', '<a href="/b">'],
		// Not an address: another attribute, or a tag that prints something else.
		['<img alt="{{ site.baseurl }}/a.png">', '<img alt="{{ site.baseurl }}/a.png">'],
		["[x]({{ page.title }})", "[x]({{ page.title }})"],
	])("%j becomes %j", (text, expected) => {
		expect(withLiquidAddresses(text)).toBe(expected);
	});
});
