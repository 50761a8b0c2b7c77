/**
 * The note from issue 7 (a title then a `##` section, two lines, a deep heading, a callout, a fenced code
 * block with a blank line, a captioned image, a nested list with an image in an item, a table, a footnote,
 * a web embed), and what Medium must show for it: shared by the command line's and the plugin's
 * end-to-end tests, which both judge the story by the fake Medium's paragraph list.
 */

import { showParagraph, type MediumParagraph } from "./medium-importer";

/** Its image, referenced twice, lives at `attachments/lake.png`. */
export const ISSUE_NOTE = [
	"---",
	"tags: [travel]",
	"---",
	"# Ice walks",
	"",
	"## Before you go",
	"",
	"First line",
	"second line",
	"",
	"##### Tiny heading",
	"",
	"> [!warning] Thin ice",
	"> Never walk on it alone.",
	"",
	"```python",
	"print(\"hi\")",
	"",
	"print(\"bye\")",
	"```",
	"",
	"![A frozen lake](attachments/lake.png \"The lake at dawn\")",
	"",
	"- Pack a rope",
	"  - and a spare",
	"- Check the ice ![[lake.png]]",
	"",
	"| Depth | Safe for |",
	"| --- | --- |",
	"| 10 cm | walking |",
	"",
	"Ice grows slowly.[^1]",
	"",
	"![](https://www.youtube.com/watch?v=abc123)",
	"",
	"[^1]: Measured at noon.",
	"",
].join("\n");

/** Asserts what Medium shows for {@link ISSUE_NOTE} (Strict line breaks off), `image` being the uploaded URL. */
export function expectIssueNoteShown(story: MediumParagraph[], image: string): void {
	// On failure, the whole story as Medium would show it, one paragraph a line.
	const lines = story.map(showParagraph);
	expect({ story: lines, length: story.length }).toEqual({ story: lines, length: 18 });

	// Title once, and no subtitle: "Before you go" stays a (large) section heading.
	expect(story[0]).toMatchObject({ type: "TITLE", text: "Ice walks" });
	expect(story.some((p) => p.type === "SUBTITLE")).toBe(false);
	expect(story[1]).toMatchObject({ type: "H3", text: "Before you go" });
	// Two lines, as the vault shows them (Strict line breaks off).
	expect(story[2]).toMatchObject({ type: "P", text: "First line\nsecond line" });
	// `#####` is still a heading: the small one.
	expect(story[3]).toMatchObject({ type: "H4", text: "Tiny heading" });
	// The callout's title apart, bold, above its body.
	expect(story[4]).toMatchObject({ type: "BQ", text: "Thin ice", markups: [{ type: "strong", start: 0, end: 8 }] });
	expect(story[5]).toMatchObject({ type: "BQ", text: "Never walk on it alone." });
	// One code block, blank line included, with its language.
	expect(story[6]).toMatchObject({ type: "PRE", lang: "python", text: "print(\"hi\")\n\nprint(\"bye\")" });
	// The image with its alt and caption, at its uploaded URL.
	expect(story[7]).toMatchObject({ type: "IMG", src: image, alt: "A frozen lake", text: "The lake at dawn" });
	expect(story[7].broken).toBeUndefined();
	// A flat list, the nested item after its parent, the item's image after the item.
	expect(story[8]).toMatchObject({ type: "ULI", text: "Pack a rope" });
	expect(story[9].type).toBe("ULI");
	expect(story[9].text).toContain("and a spare");
	expect(story[10]).toMatchObject({ type: "ULI", text: "Check the ice" });
	expect(story[11]).toMatchObject({ type: "IMG", src: image });
	// The table as aligned text in a code block.
	expect(story[12].type).toBe("PRE");
	expect(story[12].text.split("\n")[0]).toMatch(/^Depth\s+\|\s+Safe for$/);
	expect(story[12].text).toMatch(/10 cm\s+\|\s+walking/);
	// The footnote: a numbered marker, then the note after a rule.
	expect(story[13].type).toBe("P");
	expect(story[13].text).toMatch(/^Ice grows slowly\.\S*1\S*$/);
	// The web embed.
	expect(story[14]).toMatchObject({ type: "IFRAME", url: "https://www.youtube.com/watch?v=abc123" });
	expect(story[15].type).toBe("HR");
	expect(story[16]).toMatchObject({ type: "P", text: "Notes" });
	expect(story[17]).toMatchObject({ type: "OLI", text: "Measured at noon." });
	// Nothing Medium cannot fetch.
	expect(story.filter((p) => p.broken || p.markups.some((m) => m.broken))).toEqual([]);
}
