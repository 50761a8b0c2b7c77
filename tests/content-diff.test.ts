// Line diff of two story versions, its readable form, and the content hash.
import { hashContent } from "../src/core/content-hash";
import { diffContent, formatDiff } from "../src/publish/content-diff";
import type { ContentDiff, DiffLine } from "../src/publish/content-diff";

/** Rebuilds one side of a diff from its lines: the diff must lose nothing. */
function side(diff: ContentDiff, which: "before" | "after"): string {
	const skip: DiffLine["kind"] = which === "before" ? "add" : "remove";
	return diff.lines.filter((line) => line.kind !== skip).map((line) => line.text).join("\n");
}

function lines(...texts: string[]): string {
	return texts.map((t) => `${t}\n`).join("");
}

describe("diffContent", () => {
	const cases: Array<[string, string, string, { added: number; removed: number; kinds: string }]> = [
		["identical", lines("a", "b"), lines("a", "b"), { added: 0, removed: 0, kinds: "==" }],
		["line added", lines("a", "c"), lines("a", "b", "c"), { added: 1, removed: 0, kinds: "=+=" }],
		["line removed", lines("a", "b", "c"), lines("a", "c"), { added: 0, removed: 1, kinds: "=-=" }],
		["line changed", lines("a", "b", "c"), lines("a", "B", "c"), { added: 1, removed: 1, kinds: "=-+=" }],
		["both empty", "", "", { added: 0, removed: 0, kinds: "" }],
		["empty before", "", lines("a", "b"), { added: 2, removed: 0, kinds: "++" }],
		["empty after", lines("a", "b"), "", { added: 0, removed: 2, kinds: "--" }],
		["blank lines count", lines("a", "", "b"), lines("a", "b"), { added: 0, removed: 1, kinds: "=-=" }],
		["appended at the end", lines("a"), lines("a", "z"), { added: 1, removed: 0, kinds: "=+" }],
	];

	it.each(cases)("%s", (_name, before, after, expected) => {
		const diff = diffContent(before, after);
		const symbol = { add: "+", remove: "-", same: "=" };
		expect(diff.lines.map((line) => symbol[line.kind]).join("")).toBe(expected.kinds);
		expect(diff.added).toBe(expected.added);
		expect(diff.removed).toBe(expected.removed);
		expect(diff.changed).toBe(expected.added + expected.removed > 0);
		expect(side(diff, "before")).toBe(before.replace(/\n$/, ""));
		expect(side(diff, "after")).toBe(after.replace(/\n$/, ""));
	});

	it("gives the changed text, not just kinds", () => {
		expect(diffContent("# Title\nold line\nend", "# Title\nnew line\nend").lines).toEqual([
			{ kind: "same", text: "# Title" },
			{ kind: "remove", text: "old line" },
			{ kind: "add", text: "new line" },
			{ kind: "same", text: "end" },
		]);
	});

	it("ignores line endings and a missing final newline", () => {
		expect(diffContent("a\r\nb\r\n", "a\nb").changed).toBe(false);
		expect(diffContent("a", "a\n").changed).toBe(false);
		expect(diffContent("a\r\nb", "a\nc").lines).toEqual([
			{ kind: "same", text: "a" },
			{ kind: "remove", text: "b" },
			{ kind: "add", text: "c" },
		]);
	});

	it("handles a rewrite too large to diff, keeping every line and the common ends", () => {
		const middle = (word: string): string[] => Array.from({ length: 3000 }, (_, i) => `${word} ${i}`);
		const before = ["# Title", ...middle("old"), "the end"].join("\n");
		const after = ["# Title", ...middle("new"), "the end"].join("\n");
		const diff = diffContent(before, after);
		expect(diff.removed).toBe(3000);
		expect(diff.added).toBe(3000);
		expect(diff.lines[0]).toEqual({ kind: "same", text: "# Title" });
		expect(diff.lines[diff.lines.length - 1]).toEqual({ kind: "same", text: "the end" });
		expect(side(diff, "before")).toBe(before);
		expect(side(diff, "after")).toBe(after);
	});
});

describe("formatDiff", () => {
	const numbered = (n: number, prefix = "line"): string[] => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`);

	it("prefixes added, removed and unchanged lines", () => {
		const diff = diffContent(lines("a", "b", "c"), lines("a", "B", "c"));
		expect(formatDiff(diff)).toBe(["  a", "- b", "+ B", "  c"].join("\n"));
	});

	it("is empty for an unchanged diff", () => {
		expect(formatDiff(diffContent("same\n", "same\n"))).toBe("");
	});

	it("collapses long unchanged runs around a change to the context", () => {
		const before = numbered(20);
		const after = [...before];
		after[9] = "changed 10";
		const text = formatDiff(diffContent(before.join("\n"), after.join("\n")), { context: 2 });
		expect(text.split("\n")).toEqual([
			"\u2026 7 unchanged lines",
			"  line 8",
			"  line 9",
			"- line 10",
			"+ changed 10",
			"  line 11",
			"  line 12",
			"\u2026 8 unchanged lines",
		]);
	});

	it("collapses the run between two changes only when longer than twice the context", () => {
		const before = numbered(12);
		const changeAt = (gap: number): string => {
			const after = [...before];
			after[0] = "first";
			after[1 + gap] = "second";
			return formatDiff(diffContent(before.join("\n"), after.join("\n")), { context: 3 });
		};
		// 6 unchanged lines between the changes: kept whole.
		const gap6 = changeAt(6).split("\n");
		expect(gap6.slice(gap6.indexOf("+ first") + 1, gap6.indexOf("- line 8"))).toEqual(
			numbered(7).slice(1).map((l) => `  ${l}`),
		);
		// 8 unchanged lines between them: 3 + marker for 2 + 3.
		const gap8 = changeAt(8).split("\n");
		const marker = gap8.indexOf("\u2026 2 unchanged lines");
		expect(marker).toBeGreaterThan(0);
		expect(gap8.slice(marker - 3, marker)).toEqual(["  line 2", "  line 3", "  line 4"]);
		expect(gap8.slice(marker + 1, marker + 4)).toEqual(["  line 7", "  line 8", "  line 9"]);
	});

	it("uses the singular for one hidden line and a default context of 3", () => {
		const before = numbered(9);
		const after = [...before];
		after[0] = "x";
		after[8] = "y";
		// 7 unchanged lines between two changes, context 3: one line hidden.
		const text = formatDiff(diffContent(before.join("\n"), after.join("\n")));
		expect(text).toContain("\n\u2026 1 unchanged line\n");
		expect(text.split("\n")).toHaveLength(2 + 3 + 1 + 3 + 2);
	});

	it("with context 0 shows only the changes", () => {
		const before = numbered(5);
		const after = [...before];
		after[2] = "mid";
		expect(formatDiff(diffContent(before.join("\n"), after.join("\n")), { context: 0 })).toBe(
			["\u2026 2 unchanged lines", "- line 3", "+ mid", "\u2026 2 unchanged lines"].join("\n"),
		);
	});

	it("does not collapse short files", () => {
		const text = formatDiff(diffContent("a\nb\n", "a\nb\nc\n"), { context: 3 });
		expect(text).toBe(["  a", "  b", "+ c"].join("\n"));
	});
});

describe("hashContent", () => {
	it("is plain FNV-1a 32 in its first lane (published test vectors)", () => {
		expect(hashContent("").slice(0, 8)).toBe("811c9dc5");
		expect(hashContent("a").slice(0, 8)).toBe("e40c292c");
		expect(hashContent("foobar").slice(0, 8)).toBe("bf9cf968");
	});

	it("never changes between releases (stored hashes depend on it)", () => {
		// Pinned values: if this fails, every stored hash would read as "changed since published".
		expect(hashContent("")).toBe("811c9dc584222325");
		expect(hashContent("# Title\n\nBody.\n")).toBe("92f9fc38dcac8da8");
		expect(hashContent("\u{1F600}")).toBe("cb31c4b86a47651a");
	});

	it("is 16 hex digits and stable for the same text", () => {
		const text = "# Title\n\nSome story with ünïcödé and emoji \u{1F600}.\n";
		expect(hashContent(text)).toMatch(/^[0-9a-f]{16}$/);
		expect(hashContent(text)).toBe(hashContent(text.split("").join("")));
	});

	it("differs for small changes", () => {
		const base = "# Title\n\nThe quick brown fox jumps over the lazy dog.\n";
		const variants = [
			base.replace("quick", "quack"),
			base.replace("fox", "fxo"),
			`${base}\n`,
			base.slice(0, -1),
			base.replace("Title", "title"),
			base.replace(" ", "\u00a0"),
		];
		const hashes = new Set([base, ...variants].map(hashContent));
		expect(hashes.size).toBe(variants.length + 1);
	});

	it("has no collisions over many similar texts, in either lane", () => {
		const full = new Set<string>();
		const second = new Set<string>();
		const count = 20_000;
		for (let i = 0; i < count; i++) {
			const hash = hashContent(`story ${i}\nline`);
			full.add(hash);
			second.add(hash.slice(8));
		}
		expect(full.size).toBe(count);
		expect(second.size).toBe(count);
	});

	it("sees UTF-16 code units, not just low bytes", () => {
		expect(hashContent("\u0141")).not.toBe(hashContent("A"));
		expect(hashContent("\u0100")).not.toBe(hashContent("\u0000"));
	});
});
