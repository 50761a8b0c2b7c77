import { MediumError } from "../src/medium/medium-errors";
import { cliErrorMessage, failureScope, inNoteOrder, warningLines } from "../src/cli/cli-messages";

describe("warnings as the command line prints them", () => {
	const w = (line: number, code: string, path?: string) => ({ code, message: code, line, ...(path ? { path } : {}) });
	test("in the order of the note: property warnings (reported last) move to the top; an embedded note's stay where they were met", () => {
		const found = [w(5, "a"), w(9, "embed-x", "Other.md"), w(2, "embed-y", "Other.md"), w(12, "b"), w(1, "too-many-tags"), w(1, "title-too-long")];
		expect(inNoteOrder(found).map((x) => x.code)).toEqual(["too-many-tags", "title-too-long", "a", "embed-x", "embed-y", "b"]);
	});
	test("each line names the file it comes from", () => {
		expect(warningLines("Post.md", [w(3, "unresolved-link"), w(7, "missing-image", "Notes/Embedded.md")])).toBe(
			"Post.md:3: warning: unresolved-link [unresolved-link]\nNotes/Embedded.md:7: warning: missing-image [missing-image]\n",
		);
	});
	test("an embedded note's warning names its own line, then the root note's line that embeds it", () => {
		const found = [w(3, "a"), { ...w(7, "missing-image", "Notes/Embedded.md"), embedLine: 5 }, w(4, "b")];
		expect(inNoteOrder(found).map((x) => x.code)).toEqual(["a", "b", "missing-image"]);
		expect(warningLines("Post.md", found)).toBe(
			"Post.md:3: warning: a [a]\nPost.md:4: warning: b [b]\nNotes/Embedded.md:7: warning: missing-image [missing-image] (embedded at Post.md:5)\n",
		);
	});
	test("control characters in a name are shown escaped", () => {
		expect(warningLines("a\u001b[2Jb.md", [w(1, "x")])).toBe("a\\x1b[2Jb.md:1: warning: x [x]\n");
	});
});

describe("Medium's failures in the command line's words", () => {
	test("a refused token names MEDIUM_TOKEN, never the plugin settings, and never shows the token", () => {
		const e = new MediumError("unauthorized", "Medium rejected the integration token (invalid or revoked). Check the token in the plugin settings.", { mediumMessage: "Token was invalid." });
		const text = cliErrorMessage(e, "abc123", "");
		expect(text).toContain("MEDIUM_TOKEN");
		expect(text).not.toMatch(/settings/);
		expect(cliErrorMessage(new Error("echo abc123"), "abc123", "")).not.toContain("abc123");
	});
	test("an unknown publication is named with its id", () => {
		const e = new MediumError("not-found", "Medium does not know this user or publication. Check the publication in the settings.", { status: 404 });
		expect(cliErrorMessage(e, "0123456789abcdef", "b969ac62a46b")).toContain('Medium does not know the publication id "b969ac62a46b"');
	});
	test("what a failure means for the rest of a run", () => {
		expect(failureScope(new MediumError("rate-limited", "x"))).toBe("rate-limit");
		expect(failureScope(new MediumError("unauthorized", "x"))).toBe("account");
		expect(failureScope(new MediumError("bad-request", "x"))).toBe("note");
		expect(failureScope(new Error("x"))).toBe("note");
	});
});
