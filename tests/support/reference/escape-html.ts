/**
 * Escaping for the HTML we write (the story's HTML for Medium, the preview page). One linear scan, no
 * regular expressions and no DOM: this module is part of the pure core.
 */

/** The escaped form of the five characters that matter in text and in double-quoted attributes. */
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

/** Escapes `& < > " '` so text (and attribute values) can never become markup. */
export function escapeHtml(text: string): string {
	let out = "";
	let last = 0;
	for (let i = 0; i < text.length; i++) {
		const replacement = escapeFor(text.charCodeAt(i));
		if (replacement === null) continue;
		out += text.slice(last, i) + replacement;
		last = i + 1;
	}
	return last === 0 ? text : out + text.slice(last);
}
