/**
 * Escaping for the HTML we write (the story's HTML for Medium, the preview page). One linear scan, no
 * DOM: this module is part of the pure core.
 */

/** The five characters that matter in text and in double-quoted attributes (a class: no backtracking). */
const SPECIAL = /[&<>"']/;

/** The escaped form of one of the five. */
function escapeFor(code: number): string | null {
	switch (code) {
		case 38:
			return "&amp;";
		case 60:
			return "&lt;";
		case 62:
			return "&gt;";
		case 34:
			return "&quot;";
		case 39:
			return "&#39;";
		default:
			return null;
	}
}

/**
 * Escapes `& < > " '` so text (and attribute values) can never become markup. Most text holds none of
 * them: one native search finds that and the very input string comes back, with nothing allocated.
 */
export function escapeHtml(text: string): string {
	const first = text.search(SPECIAL);
	if (first === -1) return text;
	let out = "";
	let last = 0;
	for (let i = first; i < text.length; i++) {
		const replacement = escapeFor(text.charCodeAt(i));
		if (replacement === null) continue;
		out += text.slice(last, i) + replacement;
		last = i + 1;
	}
	return out + text.slice(last);
}
