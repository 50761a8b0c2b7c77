/**
 * Which URLs may be opened, linked or written into a note. A story URL comes from a server and a
 * `medium_url` from a note anyone could have written: only web addresses pass, so a `javascript:`,
 * `file:` or `data:` value is never put behind a link, opened, or stored as a note's story.
 */

/** The parsed URL when `text` is an absolute URL with one of `schemes` (e.g. "https:") and a host. */
function parsedWith(text: string, schemes: readonly string[]): URL | null {
	const trimmed = text.trim();
	// Spaces and controls inside: not a URL as written (the URL parser would quietly drop some).
	for (let i = 0; i < trimmed.length; i++) if (trimmed.charCodeAt(i) <= 32 || trimmed.charCodeAt(i) === 127) return null;
	try {
		const url = new URL(trimmed);
		return schemes.includes(url.protocol) && url.hostname !== "" ? url : null;
	} catch {
		return null;
	}
}

/** True for an `https://host/...` URL: the only kind of story URL written into a note. */
export function isHttpsUrl(text: string): boolean {
	return parsedWith(text, ["https:"]) !== null;
}

/** True for an `http://` or `https://` URL with a host: the only kind the plugin opens or links. */
export function isWebUrl(text: string): boolean {
	return parsedWith(text, ["https:", "http:"]) !== null;
}
