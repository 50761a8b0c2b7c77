/**
 * altWithoutSize and isDisplayHint read an image alias by index (no split, no regex) since every image
 * goes through them. They must answer what the plain split-and-test versions below answer: random
 * aliases of hint words, sizes, percents, `|`, `+`, white space and other text.
 */

import { altWithoutSize, isDisplayHint, isImageSize } from "../src/convert/file-kinds";
import { mulberry32 } from "./support/seeded-random";

const HINTS = new Set(
	"left right center centre wide small medium large tall inline banner sban wbanner portrait profile circle round invert grid cover clear float".split(" "),
);

function referenceHint(part: string): boolean {
	const t = part.trim();
	return /^\d{1,3}%$/.test(t) || (t !== "" && t.length < 40 && t.split("+").every((w) => HINTS.has(w.trim())));
}

function referenceAlt(alt: string): string {
	if (alt.indexOf("|") === -1) return isImageSize(alt) || referenceHint(alt) ? "" : alt;
	const parts = alt.split("|");
	const kept = parts.filter((part) => !isImageSize(part) && !referenceHint(part));
	return kept.length === parts.length ? alt : kept.join("|").trim();
}

const PIECES = ["right", "banner", "small", "Right", "center", "+", "+", "|", "|", "100", "300x200", "x", "50%", "%", "1000%", "7", " ", "\t", "\u00a0", "whale", "é", "a", "", "grid"];

test("an image alias loses the same size and hint parts as split and tested whole", () => {
	const next = mulberry32(20261130);
	const differing: string[] = [];
	for (let n = 0; n < 50000; n++) {
		let s = "";
		const k = Math.floor(next() * 8);
		for (let i = 0; i < k; i++) s += PIECES[Math.floor(next() * PIECES.length)];
		if (isDisplayHint(s) !== referenceHint(s) || altWithoutSize(s) !== referenceAlt(s)) differing.push(s);
	}
	expect(differing).toEqual([]);
	expect(altWithoutSize("remote|100")).toBe("remote");
	expect(altWithoutSize("right|Alt")).toBe("Alt");
	expect(altWithoutSize("Right whale")).toBe("Right whale");
	expect(isDisplayHint(" banner + small ")).toBe(true);
	expect(isDisplayHint("100%")).toBe(true);
});
