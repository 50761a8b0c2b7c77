/**
 * Heading sizes when a note embeds another: the root note's outline decides Medium's two sizes, and an
 * embedded note's headings sit under the heading its embed sits under (its own top level one below it),
 * so an embedded note's `# H1` never makes the root's `##` sections small. Judged by what Medium shows:
 * the story written as the HTML a publish sends, read back through the stand-in for Medium's importer.
 */

import { storyToHtml } from "../src/story/story-html";
import { convert } from "./support/convert-helpers";
import { importHtml, showParagraph } from "./support/medium-importer";
import type { Story } from "../src/convert/story";

/** What Medium shows for a story's body (the title paragraph left out). */
function shown(story: Story): string[] {
	return importHtml(storyToHtml(story).html).slice(1).map(showParagraph);
}

function warnings(story: Story): Array<[string, string | undefined, number]> {
	return story.warnings.map((w) => [w.code, w.path, w.line]);
}

/** The root note's line whose embed brought each warning in (its own line for the root's). */
function embedLines(story: Story): number[] {
	return story.warnings.map((w) => w.embedLine ?? w.line);
}

describe("an embedded note's headings are placed under the embed", () => {
	test("an embedded note's own H1 does not make the root's `##` sections small", async () => {
		const other = "# Other note\n\nIts text.";
		const s = await convert("# Root\n\n## First\n\n![[Other]]\n\n## Second\n\nEnd.", { "Other.md": other });
		expect(shown(s)).toEqual(["H3: First", "H4: Other note", "P: Its text.", "H3: Second", "P: End."]);
		expect(warnings(s)).toEqual([]);
	});

	test("with the root's own `##` and `###`, an embed under `##` keeps two levels: no warning", async () => {
		const other = "# Other note\n\nIts text.";
		const s = await convert("# Root\n\n## First\n\n### Detail\n\nx\n\n## Second\n\n![[Other]]", { "Other.md": other });
		expect(shown(s)).toEqual(["H3: First", "H4: Detail", "P: x", "H3: Second", "H4: Other note", "P: Its text."]);
		expect(warnings(s)).toEqual([]);
	});

	test("an embed before the root's first heading: its top level is the root's top level", async () => {
		const chapter = "# Chapter one\n\nIntro.\n\n## A part\n\nText.";
		const s = await convert("# Book\n\n![[Chapter]]\n\n## Afterword\n\nBye.", { "Chapter.md": chapter });
		expect(shown(s)).toEqual(["H3: Chapter one", "P: Intro.", "H4: A part", "P: Text.", "H3: Afterword", "P: Bye."]);
		expect(warnings(s)).toEqual([]);
	});

	test("a note made only of embeds: each embedded note's top level is large", async () => {
		const a = "# A\n\n## A one\n\ntext a";
		const b = "## B\n\n### B one\n\ntext b";
		const s = await convert("# Root\n\n![[A]]\n\n![[B]]", { "A.md": a, "B.md": b });
		expect(shown(s)).toEqual(["H3: A", "H4: A one", "P: text a", "H3: B", "H4: B one", "P: text b"]);
		expect(warnings(s)).toEqual([]);
	});

	test("a heading section embed (`![[Note#Section]]`) sits under the root's heading", async () => {
		const src = "# Src\n\n## Intro\n\nNo.\n\n## Section\n\nIts text.\n\n## Later\n\nNo.";
		const s = await convert("# Root\n\n## Mine\n\n![[Src#Section]]\n\n## Next\n\nEnd.", { "Src.md": src });
		expect(shown(s)).toEqual(["H3: Mine", "H4: Section", "P: Its text.", "H3: Next", "P: End."]);
		expect(warnings(s)).toEqual([]);
	});

	test("a section ends at a `---` / `===` underlined heading, and such a heading can be embedded: Obsidian lists them among the note's headings", async () => {
		const src = "# Src\n\n## Intro\n\nIntro text.\n\nSetext Part\n-----------\n\nPart text.\n\nTop Part\n===\n\nTop text.";
		const intro = await convert("# Root\n\n![[Src#Intro]]", { "Src.md": src });
		expect(shown(intro)).toEqual(["H3: Intro", "P: Intro text."]);
		const part = await convert("# Root\n\n![[Src#Setext Part]]", { "Src.md": src });
		expect(shown(part)).toEqual(["H3: Setext Part", "P: Part text."]);
		expect(warnings(part)).toEqual([]);
		// A rule under a list, a table or after a blank line is no heading: the section goes on past it.
		const rules = "## A\n\n- item\n---\n\nx\n\n| a |\n|---|\n\n---\n\nEnd of A.\n\n## B";
		expect(shown(await convert("# Root\n\n![[R#A]]", { "R.md": rules })).at(-1)).toBe("P: End of A.");
		// A paragraph of two lines underlined is one heading, its lines joined.
		const two = "## A\n\nIn A.\n\nTwo\nlines\n---\n\nIn two lines.";
		expect(shown(await convert("# Root\n\n![[T#A]]", { "T.md": two }))).toEqual(["H3: A", "P: In A."]);
		expect(shown(await convert("# Root\n\n![[T#Two lines]]", { "T.md": two })).at(-1)).toBe("P: In two lines.");
		// Underlined lines one after another, no blank line between: each is a heading of its own.
		const run = "## A\n\nFirst\n---\nSecond\n---\nThird text.";
		expect(shown(await convert("# Root\n\n![[R#Second]]", { "R.md": run }))).toEqual(["H3: Second", "P: Third text."]);
	});

	test("an embedded note's deeper levels below a root section are a third level: warned at the embedded heading", async () => {
		const other = "# Other note\n\n## Its part\n\ntext";
		const s = await convert("# Root\n\n## First\n\n![[Other]]\n\n## Second", { "Other.md": other });
		expect(shown(s)).toEqual(["H3: First", "H4: Other note", "H4: Its part", "P: text", "H3: Second"]);
		expect(warnings(s)).toEqual([["heading-levels", "Other.md", 3]]);
		expect(embedLines(s)).toEqual([5]);
	});

	test("nested embeds: each note's headings sit under the heading its embed sits under", async () => {
		const outer = "Outer text.\n\n![[Inner]]";
		const inner = "# Inner note\n\ntext";
		const s = await convert("# Root\n\n## One\n\n### Deep\n\n![[Outer]]\n\n## Two\n\n![[Outer]]", { "Outer.md": outer, "Inner.md": inner });
		// Under `### Deep` the inner H1 is a fourth level (warned); under `## Two`, a third: small, as the root's `###`.
		expect(shown(s)).toEqual(["H3: One", "H4: Deep", "P: Outer text.", "H4: Inner note", "P: text", "H3: Two", "P: Outer text.", "H4: Inner note", "P: text"]);
		expect(warnings(s)).toEqual([["heading-levels", "Inner.md", 1]]);
		// The warning points at the root note's line that embeds it (Outer's embed, which brings Inner in).
		expect(embedLines(s)).toEqual([7]);
	});

	test("the same note embedded directly and through another is placed by each embed", async () => {
		const outer = "# Outer\n\n![[Inner]]";
		const inner = "# Inner\n\ntext";
		// Inner is converted once (under Outer's H1), then embedded again straight under the root's `##`.
		const s = await convert("# Root\n\n![[Outer]]\n\n## Section\n\n![[Inner]]", { "Outer.md": outer, "Inner.md": inner });
		expect(shown(s)).toEqual(["H3: Outer", "H4: Inner", "P: text", "H3: Section", "H4: Inner", "P: text"]);
		expect(warnings(s)).toEqual([]);
	});

	test("an embedded note's `===` / `---` underlined headings are placed the same way", async () => {
		const other = "Other note\n==========\n\nIts part\n--------\n\ntext";
		const s = await convert("# Root\n\n![[Other]]\n\n## Section\n\nEnd.", { "Other.md": other });
		expect(shown(s)).toEqual(["H3: Other note", "H4: Its part", "P: text", "H3: Section", "P: End."]);
		expect(warnings(s)).toEqual([]);
	});

	test("the root's own three levels still warn, at the root's line", async () => {
		const s = await convert("# Root\n\n## A\n\n### B\n\n#### C\n\n![[Other]]", { "Other.md": "# O\n\nt" });
		expect(warnings(s)).toEqual([["heading-levels", undefined, 7]]);
	});
});
