import matter from "gray-matter";
import { parseProperties } from "../src/cli/node-vault";
import { findFrontmatter, setProperty, UnsafeEditError } from "../src/publish/set-property";

const URL = "https://medium.com/@me/my-story-0123abcd";

/** [name, before, key, value, after] */
const cases: Array<[string, string, string, string, string]> = [
	["no frontmatter", "# Title\n\nBody\n", "medium_url", URL, `---\nmedium_url: ${URL}\n---\n# Title\n\nBody\n`],
	["empty note", "", "medium_url", URL, `---\nmedium_url: ${URL}\n---\n`],
	["empty frontmatter", "---\n---\nBody\n", "medium_url", URL, `---\nmedium_url: ${URL}\n---\nBody\n`],
	["empty frontmatter, no newline at all", "---\n---", "k", "v", "---\nk: v\n---"],
	["added last, before the closing line", "---\ntitle: Hello\ntags: [a, b]\n---\nBody", "medium_url", URL, `---\ntitle: Hello\ntags: [a, b]\nmedium_url: ${URL}\n---\nBody`],
	["closing line without newline", "---\ntitle: Hello\n---", "k", "v", "---\ntitle: Hello\nk: v\n---"],
	["closed by ...", "---\na: 1\n...\nBody\n", "k", "v", "---\na: 1\nk: v\n...\nBody\n"],
	[
		"comments and odd formatting kept",
		"---\n# leading comment\ntitle:   'Quoted: yes'   # why\nlist:\n  - x   # item\n---\n",
		"medium_url",
		URL,
		`---\n# leading comment\ntitle:   'Quoted: yes'   # why\nlist:\n  - x   # item\nmedium_url: ${URL}\n---\n`,
	],
	["replace a plain value", "---\na: 1\nmedium_url: old\nz: 2\n---\nB\n", "medium_url", URL, `---\na: 1\nmedium_url: ${URL}\nz: 2\n---\nB\n`],
	["replace a quoted value", "---\nmedium_url: \"old # not a comment\"\nz: 2\n---\n", "medium_url", URL, `---\nmedium_url: ${URL}\nz: 2\n---\n`],
	["replace keeps a trailing comment", "---\nmedium_url: old  # set by the plugin\n---\n", "medium_url", URL, `---\nmedium_url: ${URL}  # set by the plugin\n---\n`],
	["replace an empty value with a comment", "---\nmedium_url: # later\n---\n", "medium_url", URL, `---\nmedium_url: ${URL} # later\n---\n`],
	["replace an empty value", "---\nmedium_url:\nz: 2\n---\n", "medium_url", URL, `---\nmedium_url: ${URL}\nz: 2\n---\n`],



	[
		"a key only nested is not replaced",
		"---\nparent:\n  medium_url: nested\n---\n",
		"medium_url",
		URL,
		`---\nparent:\n  medium_url: nested\nmedium_url: ${URL}\n---\n`,
	],
	["a longer key is not the key", "---\nmedium_url_old: x\n---\n", "medium_url", URL, `---\nmedium_url_old: x\nmedium_url: ${URL}\n---\n`],
	["a commented-out key is not the key", "---\n#medium_url: x\n---\n", "medium_url", URL, `---\n#medium_url: x\nmedium_url: ${URL}\n---\n`],
	["a quoted key is found", "---\n\"medium_url\": old\n---\n", "medium_url", URL, `---\n"medium_url": ${URL}\n---\n`],
	["a space before the colon", "---\nmedium_url : old\n---\n", "medium_url", URL, `---\nmedium_url : ${URL}\n---\n`],
	[
		"CRLF stays CRLF when adding",
		"---\r\ntitle: Hi\r\n---\r\nBody\r\n",
		"medium_url",
		URL,
		`---\r\ntitle: Hi\r\nmedium_url: ${URL}\r\n---\r\nBody\r\n`,
	],

	["CRLF note without frontmatter", "Body\r\nMore\r\n", "k", "v", "---\r\nk: v\r\n---\r\nBody\r\nMore\r\n"],
	["BOM stays first", "\uFEFF---\na: 1\n---\nB", "k", "v", "\uFEFF---\na: 1\nk: v\n---\nB"],
	["BOM without frontmatter", "\uFEFFBody", "k", "v", "\uFEFF---\nk: v\n---\nBody"],
	[
		"a body containing --- is left alone",
		"---\na: 1\n---\nText\n---\nmedium_url: fake\n---\n",
		"medium_url",
		URL,
		`---\na: 1\nmedium_url: ${URL}\n---\nText\n---\nmedium_url: fake\n---\n`,
	],
	["unclosed --- is not frontmatter", "---\nmedium_url: x\nno close\n", "medium_url", URL, `---\nmedium_url: ${URL}\n---\n---\nmedium_url: x\nno close\n`],
	["--- not on the first line is not frontmatter", "\n---\na: 1\n---\n", "k", "v", "---\nk: v\n---\n\n---\na: 1\n---\n"],
	["delimiters with trailing spaces", "--- \na: 1\n---  \n", "k", "v", "--- \na: 1\nk: v\n---  \n"],
	["---- is not a delimiter", "----\na: 1\n----\n", "k", "v", "---\nk: v\n---\n----\na: 1\n----\n"],
	[
		"a key inside another key's multi-line quoted value is not the key",
		"---\ntitle: \"first line\nmedium_url: not a key\"\n---\n",
		"medium_url",
		URL,
		`---\ntitle: "first line\nmedium_url: not a key"\nmedium_url: ${URL}\n---\n`,
	],
	[
		"a key inside another key's multi-line flow list is not the key",
		"---\ntags: [a,\nmedium_url: b]\n---\n",
		"medium_url",
		URL,
		`---\ntags: [a,\nmedium_url: b]\nmedium_url: ${URL}\n---\n`,
	],
	["value needing quotes", "---\n---\n", "title", "Part 1: the start", "---\ntitle: \"Part 1: the start\"\n---\n"],
];

/** Notes whose `medium_url` cannot be set without risking what the YAML means: [name, note]. */
const refused: Array<[string, string]> = [
	["a block list at column 0", "---\nmedium_url:\n- a\n- b\nnext: 1\n---\n"],
	["an indented list", "---\nmedium_url:\n  - one\n  - two\n\n# about next\nnext: 1\n---\n"],
	["a block scalar", "---\nmedium_url: |\n  line one\n\n  line two\nz: 2\n---\n"],
	["a folded scalar on one line", "---\nmedium_url: >-\nz: 2\n---\n"],
	["a CRLF list", "---\r\nmedium_url:\r\n  - a\r\nz: 1\r\n---\r\n"],
	["a duplicated key", "---\nmedium_url: 1\nj: 2\nmedium_url: 3\n---\n"],
	["an anchor another key aliases", "---\nmedium_url: &u https://old\nmirror: *u\n---\n"],
	["an alias", "---\nsrc: &s x\nmedium_url: *s\n---\n"],
	["a tag", "---\nmedium_url: !!str old\n---\n"],
	["a multi-line double-quoted value", "---\nmedium_url: \"old\n  still old\"\nz: 1\n---\n"],
	["a multi-line single-quoted value", "---\nmedium_url: 'it''s\n  long'\n---\n"],
	["an unclosed quote", "---\nmedium_url: \"old\n---\n"],
	["a quoted value with text after it", "---\nmedium_url: \"a\" b\n---\n"],
	["a flow list", "---\nmedium_url: [a, b]\n---\n"],
	["a flow map over lines", "---\nmedium_url: {a: 1,\n  b: 2}\n---\n"],
	["a plain value over lines", "---\nmedium_url: old\n  continued\n---\n"],
];

describe("setProperty", () => {
	test.each(cases)("%s", (_name, before, key, value, after) => {
		expect(setProperty(before, key, value)).toBe(after);
	});

	test.each(refused)("refuses %s, rather than risk the note", (_name, before) => {
		expect(() => setProperty(before, "medium_url", URL)).toThrow(UnsafeEditError);
	});

	test("every edit it makes reads back as the same properties plus the URL", () => {
		for (const [, before, key, value] of cases) {
			if (!before.startsWith("---\n") || findFrontmatter(before) === null) continue;
			const was = parseProperties(before);
			const now = parseProperties(setProperty(before, key, value));
			expect(was.problem).toBeNull();
			expect(now.problem).toBeNull();
			expect(now.properties).toEqual({ ...was.properties, [key]: value });
		}
	});

	test("setting the same value twice is stable", () => {
		for (const [, before, key, value] of cases) {
			const once = setProperty(before, key, value);
			expect(setProperty(once, key, value)).toBe(once);
		}
	});

	const values = [
		URL,
		"plain words",
		"",
		"true",
		"No",
		"null",
		"~",
		"123",
		"1.5",
		"-1",
		".inf",
		"0x1F",
		"2024-01-31",
		"1:20",
		"a: b",
		"trailing:",
		"has #hash",
		"#tag",
		" padded ",
		"quote \"inside\"",
		"it's",
		"'single'",
		"[list]",
		"{map}",
		"- item",
		"? key",
		"* star",
		"& anchor",
		"! tag",
		"| pipe",
		"> fold",
		"% percent",
		"@at",
		"`tick`",
		"multi\nline",
		"tab\there",
		"back\\slash",
		"\u0085 next line",
		"caf\u00e9 \u{1F600}",
		"https://example.com/a#frag?x=1&y=2",
	];
	test.each(values)("YAML reads %j back unchanged", (value) => {
		const text = setProperty("---\nother: 1\n---\nBody\n", "prop", value);
		const parsed = matter(text, { excerpt: false });
		expect(parsed.data.prop).toBe(value);
		expect(parsed.data.other).toBe(1);
		expect(parsed.content).toBe("Body\n");
	});

	test("URLs are written plain", () => {
		expect(setProperty("", "u", URL)).toContain(`u: ${URL}\n`);
	});

	test("keys that need quoting are quoted and found again", () => {
		const once = setProperty("---\na: 1\n---\n", "my key: odd", "v1");
		expect(once).toBe("---\na: 1\n\"my key: odd\": v1\n---\n");
		expect(setProperty(once, "my key: odd", "v2")).toBe("---\na: 1\n\"my key: odd\": v2\n---\n");
		expect(matter(setProperty(once, "my key: odd", "v2"), { excerpt: false }).data["my key: odd"]).toBe("v2");
	});

	test("JSON or list frontmatter is refused rather than corrupted", () => {
		expect(() => setProperty("---\n{\"a\": 1}\n---\n", "k", "v")).toThrow(UnsafeEditError);
		expect(() => setProperty("---\n- a\n- b\n---\n", "k", "v")).toThrow(UnsafeEditError);
		expect(() => setProperty("---\n  a: 1\n---\n", "k", "v")).toThrow(UnsafeEditError);
	});
});

describe("findFrontmatter", () => {
	test("spans the YAML and finds the body", () => {
		const text = "---\na: 1\n---\nBody";
		const span = findFrontmatter(text);
		expect(span).not.toBeNull();
		if (!span) return;
		expect(text.slice(span.contentStart, span.contentEnd)).toBe("a: 1\n");
		expect(text.slice(span.bodyStart)).toBe("Body");
	});

	test("null without an opening or closing line", () => {
		expect(findFrontmatter("Body")).toBeNull();
		expect(findFrontmatter("---")).toBeNull();
		expect(findFrontmatter("---\na: 1\n")).toBeNull();
		expect(findFrontmatter("x\n---\na: 1\n---\n")).toBeNull();
	});
});
