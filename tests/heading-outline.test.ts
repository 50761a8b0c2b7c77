// The pre-flight's heading outline: built from the story model, so a misplaced subtitle is seen before publishing.

import { headingOutline, inlinePlainText } from "../src/story/heading-outline";
import { br, code, em, h, link, p, story, strong } from "./support/story-builders";

describe("headingOutline", () => {
	it("lists the title, the subtitle and the headings, indented by size", () => {
		const outline = headingOutline(story("Launch day", "What we learned", p("x"), h("large", "Before you go"), h("small", "Pack"), p("y"), h("large", "After")));
		expect(outline.entries.map((e) => [e.kind, e.depth, e.text])).toEqual([
			["title", 0, "Launch day"],
			["subtitle", 0, "What we learned"],
			["large", 1, "Before you go"],
			["small", 2, "Pack"],
			["large", 1, "After"],
		]);
		expect(outline.more).toBe(0);
	});

	it("says there is no subtitle, and where one comes from, when the story has none", () => {
		const outline = headingOutline(story("T", null, h("large", "Before you go")));
		expect(outline.entries[1]).toEqual({ kind: "no-subtitle", text: "add a medium_subtitle property to give the story one", depth: 0, line: null });
		expect(outline.entries[2]).toMatchObject({ kind: "large", text: "Before you go" });
	});

	it("shows headings as plain text and keeps their note line", () => {
		const heading = { ...h("small", strong("Bold"), " ", em("em"), br, link("https://x.example", "link"), " ", code("c")), line: 12 };
		expect(headingOutline(story("T", null, heading)).entries[2]).toEqual({ kind: "small", text: "Bold em link c", depth: 2, line: 12 });
	});

	it("skips empty headings and counts those beyond the limit", () => {
		const blocks = [h("large", ""), ...Array.from({ length: 5 }, (_, i) => h("small", `H${i}`))];
		const outline = headingOutline(story("T", null, ...blocks), 3);
		expect(outline.entries.slice(2).map((e) => e.text)).toEqual(["H0", "H1", "H2"]);
		expect(outline.more).toBe(2);
	});
});

test("inlinePlainText drops markups", () => {
	expect(inlinePlainText([strong("a", em("b")), br, code("<c>")])).toBe("ab <c>");
});
