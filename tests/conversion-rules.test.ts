/**
 * Every rule's before/after examples (src/convert/rules/), run: the note body after a `# Title`
 * line, converted, must print as the example's markdown and raise the example's warnings.
 */

import { BLOCK_RULES } from "../src/convert/rules/block-rules";
import { INLINE_RULES } from "../src/convert/rules/inline-rules";
import type { ConversionRule, RuleExample } from "../src/convert/rules/rule";
import { bodyOf, codes, convert } from "./support/convert-helpers";

const cases: Array<[string, number, RuleExample]> = [];
for (const [table, rules] of [["block", BLOCK_RULES], ["inline", INLINE_RULES]] as Array<[string, Record<string, ConversionRule>]>) {
	for (const [id, rule] of Object.entries(rules)) rule.examples.forEach((ex, k) => cases.push([`${table}/${id}`, k + 1, ex]));
}

describe("conversion rules: each example is a test", () => {
	test("every rule has an example and says what Medium shows", () => {
		for (const rules of [BLOCK_RULES, INLINE_RULES] as Array<Record<string, ConversionRule>>) {
			for (const rule of Object.values(rules)) {
				expect(rule.examples.length).toBeGreaterThan(0);
				expect(rule.medium.length).toBeGreaterThan(0);
			}
		}
	});

	test.each(cases)("%s, example %d", async (_rule, _k, ex) => {
		const story = await convert((ex.frontmatter !== undefined ? `---\n${ex.frontmatter}\n---\n` : "") + "# Title\n\n" + ex.note, {}, { strictLineBreaks: ex.strictLineBreaks ?? false, obsidianVault: ex.obsidianVault ?? false }, ex.path);
		expect(story.title).toBe("Title");
		expect(bodyOf(story)).toBe(ex.markdown);
		expect(codes(story)).toEqual(ex.warnings ?? []);
		if (ex.blocks) expect(story.blocks.map((b) => b.type)).toEqual(ex.blocks);
	});
});

describe("relative links never reach Medium", () => {
	test("a relative link template makes links plain text, with a warning", async () => {
		const story = await convert("# T\n\nSee [[Other]].", { "Other.md": "x" }, { linkTemplate: "/posts/{slug}/" });
		expect(bodyOf(story)).toBe("See Other.");
		expect(codes(story)).toEqual(["relative-link"]);
	});
	test("an absolute link template makes links", async () => {
		const story = await convert("# T\n\nSee [[Other]].", { "Other.md": "x" }, { linkTemplate: "https://blog.example/{slug}/" });
		expect(bodyOf(story)).toBe("See [Other](https://blog.example/other/).");
	});
});

describe("title once", () => {
	test("the H1's plain text is the title: markup, strikethrough and escapes go, no warning for it", async () => {
		const story = await convert("# A *nice* ~~old~~ \\#1 `title`\n\nBody.");
		expect(story.title).toBe("A nice old #1 title");
		expect(story.blocks.map((b) => b.type)).toEqual(["paragraph"]);
		expect(codes(story)).toEqual([]);
	});
	test("a footnote reference in the H1 is numbered as in the body (Obsidian shows its number there), its note kept, no false warning", async () => {
		const story = await convert("# Hello[^a]\n\nBody[^b].\n\n[^a]: Title note.\n[^b]: Body note.");
		expect(story.title).toBe("Hello[1]");
		expect(bodyOf(story)).toBe("Body[2].\n\n---\n\n**Notes**\n\n1. Title note.\n2. Body note.");
		expect(codes(story)).toEqual([]);
	});
	test("an H1's custom id (`# Title {#id}`, Docusaurus, Hugo, kramdown) is not part of the title", async () => {
		const story = await convert("# Hello, blog {#hello}\n\nBody.");
		expect(story.title).toBe("Hello, blog");
	});
	test("a `##` right under the title is a large heading, never the subtitle", async () => {
		const story = await convert("# Title\n## Before you go\n\ntext");
		expect(story.subtitle).toBeNull();
		expect(story.blocks[0]).toEqual({ type: "heading", size: "large", content: [{ type: "text", text: "Before you go" }], line: 2 });
	});
	test("the subtitle comes from medium_subtitle only", async () => {
		const story = await convert("---\nmedium_subtitle: A short promise\n---\n# Title\n\ntext");
		expect(story.subtitle).toBe("A short promise");
		expect(story.content).toBe("# Title\n\n## A short promise\n\ntext\n");
	});
});
