/**
 * Raw HTML as real notes and blog posts hold it (a `<figure>`, the Obsidian Hub's footers), converted, written as the HTML a publish sends and read back
 * through the stand-in for Medium's importer: what Medium would show, and which warnings come with it.
 */

import { storyToHtml } from "../src/story/story-html";
import { codes, convert } from "./support/convert-helpers";
import { importHtml, showParagraph } from "./support/medium-importer";

/** What Medium shows for a note's body (the title paragraph left out), and the warnings' codes. */
async function shown(body: string): Promise<{ shows: string[]; warnings: string[] }> {
	const story = await convert("# T\n\n" + body);
	return { shows: importHtml(storyToHtml(story).html).slice(1).map(showParagraph), warnings: codes(story) };
}

describe("tags that show nothing of their own", () => {
	test("a <figure>, a <div> or the Hub's <span class=\"git-footer\"> is dropped without a warning", async () => {
		expect((await shown('<figure>\n<img src="https://e.com/a.png" alt="Sun">\n<figcaption>Dawn</figcaption>\n</figure>')).warnings).toEqual([]);
		expect(await shown('<span class="git-footer">[Edit In GitHub](https://github.dev/o/r/blob/main/N.md "git-hub-edit-note")</span>')).toEqual({
			shows: ["P: [Edit In GitHub](https://github.dev/o/r/blob/main/N.md)"],
			warnings: [],
		});
		expect((await shown("<div>\nText.\n</div>")).warnings).toEqual([]);
	});
	test("a tag whose look Medium lacks (underline, colour, small print) still warns", async () => {
		expect((await shown("An <u>underlined</u> word.")).warnings).toEqual(["html-dropped"]);
		expect((await shown('A <span style="color:red">red</span> word.')).warnings).toEqual(["html-dropped"]);
	});
});
