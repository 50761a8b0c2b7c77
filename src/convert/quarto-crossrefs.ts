/**
 * Quarto's cross-references (`@fig-plot`, `@tbl-sales`): the blog numbers each labelled figure, table and
 * listing in the order the post holds them (`![Cap](a.png){#fig-plot}`, `::: {#fig-plot}`, a code cell's
 * `#| label: fig-plot`, a table's `: Caption {#tbl-sales}`) and shows a reference as "Figure 1", "Table 2".
 */

import type { ConvertContext } from "./convert-context";

const NAMES: Record<string, string> = { fig: "Figure", tbl: "Table", lst: "Listing" };

/** A label where the post defines it: an attribute `{#fig-x …}` or a cell option `#| label: fig-x`. No nested repeats: linear. */
const LABEL = /\{#(fig|tbl|lst)-([\w-]+)|#\|[ \t]*label:[ \t]*["']?(fig|tbl|lst)-([\w-]+)/g;

/** Each label the text defines (`fig-plot`) and what a reference to it shows (`Figure 1`), numbered per kind in order. */
export function crossrefNumbers(text: string): Map<string, string> {
	const numbers = new Map<string, string>();
	const counts: Record<string, number> = { fig: 0, tbl: 0, lst: 0 };
	for (const m of text.matchAll(LABEL)) {
		const kind = m[1] ?? m[3];
		const name = m[2] ?? m[4];
		// Trailing hyphens are trimmed by a loop: `/-+$/` would retry from every hyphen of a long run.
		let end = name.length;
		while (end > 0 && name.charCodeAt(end - 1) === 45) end--;
		const label = kind + "-" + name.slice(0, end);
		if (!numbers.has(label)) numbers.set(label, `${NAMES[kind]} ${++counts[kind]}`);
	}
	return numbers;
}

/**
 * The reference whose `@` is at `at` (`@fig-plot`, `@Fig-plot` at a sentence's start), when the post
 * defines its label: what the blog shows and where the reference ends; else null (an e-mail address, a
 * citation, a label the post does not define).
 */
export function crossrefAt(text: string, at: number, numbers: ReadonlyMap<string, string>): { shown: string; end: number } | null {
	if (numbers.size === 0 || (at > 0 && isLabelChar(text.charCodeAt(at - 1)) && !(text.charCodeAt(at - 1) === 45 && text.charCodeAt(at - 2) === 91))) return null;
	let end = at + 1;
	while (end < text.length && isLabelChar(text.charCodeAt(end))) end++;
	// A hyphen or underscore ending it is punctuation after it.
	while (end > at + 1 && (text.charCodeAt(end - 1) === 45 || text.charCodeAt(end - 1) === 95)) end--;
	const label = text.slice(at + 1, end);
	const shown = numbers.get(label.charAt(0).toLowerCase() + label.slice(1));
	return shown === undefined ? null : { shown, end };
}

function isLabelChar(c: number): boolean {
	return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95;
}

/** The note's labels and their numbers, made once per note and conversion. */
export function noteCrossrefs(ctx: ConvertContext, path: string): ReadonlyMap<string, string> {
	const all = (ctx.crossrefs ??= new Map<string, ReadonlyMap<string, string>>());
	let numbers = all.get(path);
	if (numbers === undefined) {
		numbers = crossrefNumbers(ctx.notes.get(path)?.text ?? "");
		all.set(path, numbers);
	}
	return numbers;
}

/**
 * A labelled table's caption line (`: Quarterly sales {#tbl-sales .striped}`, Pandoc's table caption):
 * the caption the blog shows (`Table 1: Quarterly sales`), else null.
 */
export function tableCaption(line: string, numbers: ReadonlyMap<string, string>): string | null {
	const open = line.lastIndexOf("{#tbl-");
	if (open === -1 || line.charCodeAt(1) !== 32 || line.trimEnd().charCodeAt(line.trimEnd().length - 1) !== 125) return null;
	let end = open + 2;
	while (end < line.length && isLabelChar(line.charCodeAt(end))) end++;
	const number = numbers.get(line.slice(open + 2, end));
	const caption = line.slice(2, open).trim();
	return number === undefined || caption === "" ? null : `${number}: ${caption}`;
}
