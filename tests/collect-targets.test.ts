/**
 * The notes a text may link to, gathered before converting (so each is read once): markdown link
 * destinations and HTML `href`s go through one rule (decoded, `#heading` cut, a URL or a bare heading
 * adds nothing, the same destination once).
 */

import { collectTargets } from "../src/convert/convert-note";

describe("collectTargets", () => {
	test("markdown destinations and HTML hrefs are read alike", () => {
		const text = [
			"See [a](Notes/A%20B.md#Part) and [u](https://e.com/x.md) and [a again](Notes/A%20B.md#Part),",
			"[b](<C D.md>) and [h](#only).",
			'<a href="E&amp;F.md#x">e</a> <A HREF=\'G.md\'>g</A> <a href="mailto:x@y">m</a> <a href="#top">t</a>',
		].join("\n");
		expect(collectTargets(text)).toEqual([
			{ path: "Notes/A B.md", embed: true },
			{ path: "C D.md", embed: true },
			{ path: "E&F.md", embed: false },
			{ path: "G.md", embed: false },
		]);
	});
	test("a destination after spaces, or with balanced parentheses (Obsidian's link to `Meeting (2024).md`), is found whole", () => {
		const text = "[m](Meeting%20(2024).md) and [p]( Plain.md ) and [x](a(b)c(d).md)";
		expect(collectTargets(text).map((t) => t.path)).toEqual(expect.arrayContaining(["Meeting (2024).md", "Plain.md"]));
	});
});
