/**
 * A note's public name and the URL templates built from it (`https://blog.example/{slug}`), in one pure
 * place: the canonical URL and the links to notes not on Medium must agree on a note's address. Blogs
 * keep a post as `<slug>/index.md` (Gatsby, Hugo's `_index.md`, a folder's `README.md`), so such a note
 * is named after its folder, never "index".
 */

import { markdownExtensionLength } from "./vault-paths";

/** File names that stand for their folder (the folder's page), as usually spelled, most common first. */
export const FOLDER_NOTE_FILES: readonly string[] = ["index.md", "README.md", "_index.md", "index.mdx", "index.qmd"];

/** The same names in lower case: a note is a folder page whatever the case of its name. */
export const FOLDER_NOTE_NAMES: readonly string[] = FOLDER_NOTE_FILES.map((name) => name.toLowerCase());

/** The last segment of a `/`-separated path. */
function lastSegment(path: string): string {
	return path.slice(path.lastIndexOf("/") + 1);
}

/** The path without a trailing `.md`, `.mdx` or `.qmd` (any case). */
function withoutMd(path: string): string {
	return path.slice(0, path.length - markdownExtensionLength(path));
}

/** True when the note is its folder's page (`blog/first-post/index.md`) and has a folder to be named after. */
export function isFolderNote(notePath: string): boolean {
	const slash = notePath.lastIndexOf("/");
	return slash > 0 && FOLDER_NOTE_NAMES.includes(notePath.slice(slash + 1).toLowerCase());
}

/**
 * The note's public path without extension: `blog/first-post/index.md` → `blog/first-post`,
 * `Notes/My note.md` → `Notes/My note`.
 */
export function notePagePath(notePath: string): string {
	return isFolderNote(notePath) ? notePath.slice(0, notePath.lastIndexOf("/")) : withoutMd(notePath);
}

/** The note's name as a reader knows it: the folder's name for a folder page, else the file name. */
export function noteName(notePath: string): string {
	return lastSegment(notePagePath(notePath));
}

/**
 * A URL-safe slug of a note name: `My Note!` → `my-note`, Latin accents dropped, other letters kept.
 * Decomposed to find the accents, the rest is composed again (NFC), and other scripts' marks stay with
 * their letters: `ガイド` keeps its voicing marks, `한국어` its syllables, `हिन्दी` its vowel signs, as the
 * blog's own URL has them (decomposed, the kana lost their marks to dashes, the Hangul became jamo).
 */
export function slugify(text: string): string {
	let out = "";
	let dash = false;
	for (const ch of text.normalize("NFKD").toLowerCase()) {
		const c = ch.codePointAt(0) ?? 0;
		if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
			out += ch;
			dash = false;
		} else if (c >= 0x300 && c <= 0x36f) {
			continue; // combining accents
		} else if (/\p{L}|\p{N}/u.test(ch) || (out.length > 0 && !dash && /\p{M}/u.test(ch))) {
			out += ch;
			dash = false;
		} else if (!dash && out.length > 0) {
			out += "-";
			dash = true;
		}
	}
	return (dash ? out.slice(0, -1) : out).normalize("NFC");
}

/**
 * The note's slug: `content/blog/first-post/index.md` → `first-post`. A dated post's date prefix is not
 * part of it (`_posts/2019-01-25-bug-o.md` → `bug-o`): Jekyll, Eleventy and Docusaurus serve it so.
 */
export function noteSlug(notePath: string): string {
	const name = noteName(notePath);
	return slugify(datePrefixLength(name) > 0 ? name.slice(datePrefixLength(name)) : name);
}

/** The length of a `YYYY-MM-DD-` prefix followed by more name, else 0. */
function datePrefixLength(name: string): number {
	if (name.length <= 11 || name.charCodeAt(4) !== 45 || name.charCodeAt(7) !== 45 || name.charCodeAt(10) !== 45) return 0;
	for (const at of [0, 1, 2, 3, 5, 6, 8, 9]) {
		const c = name.charCodeAt(at);
		if (c < 48 || c > 57) return 0;
	}
	return 11;
}

/** Characters `encodeURI` keeps that would end or break a path inside a URL or a markdown link. */
const PATH_BREAKERS: Record<string, string> = { "#": "%23", "?": "%3F", "(": "%28", ")": "%29" };

/** A path as URL text: `encodeURI`, plus `#`, `?` and parentheses percent-encoded; the `/` kept. */
function encodeSegments(path: string): string {
	let out = "";
	for (const ch of encodeURI(path)) out += PATH_BREAKERS[ch] ?? ch;
	return out;
}

/**
 * Fills a URL template from a note path: `{slug}` (the slug), `{path}` (the page path, URL-encoded
 * segment by segment) and `{title}` (the name, URL-encoded). `slug`: the slug the note gives itself
 * (its `slug` property, see {@link slugProperty}), which wins over its file's name; `page` the page path
 * it gives itself (a garden's permalink), which wins over its path. All are composed (NFC) first.
 */
export function fillUrlTemplate(template: string, notePath: string, slug: string | null = null, page: string | null = null): string {
	// Composed (NFC), as the site's URLs are: a macOS vault may keep `Café.md` decomposed.
	notePath = notePath.normalize("NFC");
	if (slug !== null) slug = slug.normalize("NFC");
	if (page !== null) page = page.normalize("NFC");
	// The site's root page (an empty permalink): `https://garden.dev/{slug}/` is `https://garden.dev/`, not `…//`.
	if (page === "") template = template.split("{path}/").join("{path}").split("{slug}/").join("{slug}");
	return template
		.split("{slug}").join(slug !== null ? encodeSegments(slug) : encodeURIComponent(noteSlug(notePath)))
		.split("{path}").join(encodeSegments(page ?? notePagePath(notePath)))
		.split("{title}").join(encodeURIComponent(noteName(notePath)));
}

/**
 * The slug a post gives itself in its `slug` property (Hugo, Jekyll, Docusaurus, many Gatsby blogs:
 * the site serves it there, whatever the file is called), without the slashes around it; null when
 * there is none. Written as given: the site uses it so.
 */
export function slugProperty(value: unknown): string | null {
	if (typeof value !== "string" && typeof value !== "number") return null;
	let slug = String(value).trim();
	let start = 0;
	let end = slug.length;
	while (start < end && slug.charCodeAt(start) === 47) start++;
	while (end > start && slug.charCodeAt(end - 1) === 47) end--;
	slug = slug.slice(start, end).trim();
	return slug === "" ? null : slug;
}
