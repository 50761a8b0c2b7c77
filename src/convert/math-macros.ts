/**
 * TeX macro definitions in display math. A research vault often opens a note (or a course's notes) with
 * a `$$\newcommand{\R}{\mathbb{R}} …$$` block that only defines macros: Obsidian's MathJax renders the
 * definitions as nothing, so the block shows nothing (or only the math beside them), while Medium would
 * show the whole preamble as code.
 */

/** The commands that define (or load) macros and render nothing. */
const DEFINERS = new Set(["newcommand", "renewcommand", "providecommand", "DeclareMathOperator", "def", "gdef", "edef", "let", "require"]);

/** Whether the math may hold a definition: one cheap search for the common part of each definer's name. */
function mayDefine(tex: string): boolean {
	return tex.indexOf("command") !== -1 || tex.indexOf("def") !== -1 || tex.indexOf("\\let") !== -1 || tex.indexOf("DeclareMathOperator") !== -1 || tex.indexOf("\\require") !== -1;
}

function isLetter(c: number): boolean {
	return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function skipSpaces(tex: string, i: number): number {
	while (i < tex.length && (tex.charCodeAt(i) === 32 || tex.charCodeAt(i) === 9 || tex.charCodeAt(i) === 10 || tex.charCodeAt(i) === 13)) i++;
	return i;
}

/** The end of the control sequence at `i` (`\name` or `\x`), or -1 when none starts there. */
function controlSequenceEnd(tex: string, i: number): number {
	if (tex.charCodeAt(i) !== 92 || i + 1 >= tex.length) return -1;
	let j = i + 1;
	if (!isLetter(tex.charCodeAt(j))) return j + 1;
	while (j < tex.length && isLetter(tex.charCodeAt(j))) j++;
	return j;
}

/** The end of the brace group opening at `i` (past its `}`), or -1 when none opens there or it never closes. */
function groupEnd(tex: string, i: number): number {
	if (tex.charCodeAt(i) !== 123) return -1;
	let depth = 0;
	for (let j = i; j < tex.length; j++) {
		const c = tex.charCodeAt(j);
		if (c === 92) j++; // `\{`, `\}`, `\\`: escaped, not a brace
		else if (c === 123) depth++;
		else if (c === 125 && --depth === 0) return j + 1;
	}
	return -1;
}

/** The end of an optional `[…]` at `i` (after spaces), or `i` itself when there is none; -1 when it never closes. */
function optionEnd(tex: string, i: number): number {
	const j = skipSpaces(tex, i);
	if (tex.charCodeAt(j) !== 91) return i;
	const close = tex.indexOf("]", j);
	return close === -1 ? -1 : close + 1;
}

/** The end of the definition whose command name ends at `at` (`\newcommand` read up to `at`), or -1 when it is not well formed. */
function definitionEnd(tex: string, name: string, at: number): number {
	let i = skipSpaces(tex, at);
	switch (name) {
		case "require":
			return groupEnd(tex, i);
		case "let": {
			i = controlSequenceEnd(tex, i);
			if (i === -1) return -1;
			i = skipSpaces(tex, i);
			if (tex.charCodeAt(i) === 61) i = skipSpaces(tex, i + 1); // `=`
			const next = controlSequenceEnd(tex, i);
			return next !== -1 ? next : i < tex.length ? i + 1 : -1;
		}
		case "def":
		case "gdef":
		case "edef": {
			i = controlSequenceEnd(tex, i);
			if (i === -1) return -1;
			// The parameter text (`#1#2`) runs up to the body's brace.
			while (i < tex.length && tex.charCodeAt(i) !== 123) {
				const c = tex.charCodeAt(i);
				if (c !== 35 && !(c >= 48 && c <= 57) && c !== 32) return -1;
				i++;
			}
			return groupEnd(tex, i);
		}
		default: {
			if (tex.charCodeAt(i) === 42) i = skipSpaces(tex, i + 1); // `\newcommand*`, `\DeclareMathOperator*`
			i = tex.charCodeAt(i) === 123 ? groupEnd(tex, i) : controlSequenceEnd(tex, i);
			if (i === -1) return -1;
			if (name !== "DeclareMathOperator") {
				i = optionEnd(tex, i); // the number of arguments
				if (i !== -1) i = optionEnd(tex, i); // the first one's default
				if (i === -1) return -1;
			}
			return groupEnd(tex, skipSpaces(tex, i));
		}
	}
}

/**
 * The math without its macro definitions and `%` comments, its lines left blank by them dropped; null
 * when it holds no definition (or one not well formed: then it is shown as written). Linear: each
 * character is read once.
 */
export function withoutMacroDefinitions(tex: string): string | null {
	if (tex.indexOf("\\") === -1 || !mayDefine(tex)) return null;
	let out = "";
	let from = 0;
	let found = false;
	let i = 0;
	while (i < tex.length) {
		const c = tex.charCodeAt(i);
		if (c === 37) {
			// A comment runs to the end of its line.
			const eol = tex.indexOf("\n", i);
			out += tex.slice(from, i);
			i = from = eol === -1 ? tex.length : eol;
			continue;
		}
		if (c !== 92) {
			i++;
			continue;
		}
		const end = controlSequenceEnd(tex, i);
		if (end === -1) break;
		const name = tex.slice(i + 1, end);
		if (!DEFINERS.has(name)) {
			i = end;
			continue;
		}
		const defEnd = definitionEnd(tex, name, end);
		if (defEnd === -1) return null;
		found = true;
		out += tex.slice(from, i);
		i = from = defEnd;
	}
	if (!found) return null;
	out += tex.slice(from);
	return out
		.split("\n")
		.filter((line) => line.trim() !== "")
		.join("\n");
}
