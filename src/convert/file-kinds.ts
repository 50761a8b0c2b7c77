/** What a link or embed points at, decided by the file name (Obsidian's accepted file formats). */

export type FileKind = "note" | "image" | "audio" | "video" | "pdf" | "canvas" | "base" | "other";

const KINDS: Record<string, FileKind> = {
	md: "note", qmd: "note",
	avif: "image", bmp: "image", gif: "image", jpeg: "image", jpg: "image", png: "image", svg: "image", webp: "image",
	tif: "image", tiff: "image",
	flac: "audio", m4a: "audio", mp3: "audio", ogg: "audio", wav: "audio", "3gp": "audio",
	webm: "video", mkv: "video", mov: "video", mp4: "video", ogv: "video",
	pdf: "pdf",
	canvas: "canvas",
	base: "base",
};

/** The lower-cased extension of a file name, or "" when the last segment has none. */
export function extensionOf(path: string): string {
	const slash = path.lastIndexOf("/");
	const dot = path.lastIndexOf(".");
	if (dot <= slash + 1) return "";
	return path.slice(dot + 1).toLowerCase();
}

/** The kind of a file, by the extension of its vault path (a path without one is taken as a note). */
export function fileKind(path: string): FileKind {
	const n = path.length;
	// Fast path for the common case, `….md`, without slicing.
	if (n > 3 && path.charCodeAt(n - 3) === 46 && (path.charCodeAt(n - 2) | 32) === 109 && (path.charCodeAt(n - 1) | 32) === 100) return "note";
	const ext = extensionOf(path);
	if (ext === "") return "note";
	return KINDS[ext] ?? "other";
}

/** The last segment of a path. */
export function baseName(path: string): string {
	return path.slice(path.lastIndexOf("/") + 1);
}

/** `300` or `300x200`: an image size in an embed alias or an alt text, which Medium cannot use. */
export function isImageSize(text: string): boolean {
	const t = text.trim();
	if (t.length === 0 || t.length > 12) return false;
	let x = 0;
	for (let i = 0; i < t.length; i++) {
		const c = t.charCodeAt(i);
		if (c === 120 && i > 0 && x === 0 && i < t.length - 1) x++;
		else if (c < 48 || c > 57) return false;
	}
	return true;
}

/**
 * Layout words themes and snippets read from an image's alt (ITS, Minimal, SlRvb's image adjustments):
 * `![[pic.png|right]]`, `|center|200`, `|banner+small`. They place the picture in Obsidian; Medium lays
 * images out itself, and as alt text they would be read aloud as words. Matched as written (lower case),
 * as the themes' CSS matches them.
 */
const DISPLAY_HINTS = new Set(
	"left right center centre wide small medium large tall inline banner sban wbanner portrait profile circle round invert grid cover clear float".split(" "),
);

/** `right`, `banner+small`, `100%`: one alias part that is a display hint, not words of an alt. */
export function isDisplayHint(part: string): boolean {
	const t = part.trim();
	const n = t.length;
	// Read by index (no regex, no split, no closure): every image's alias parts come through here.
	if (n === 0 || n >= 40) return false;
	if (t.charCodeAt(n - 1) === 37) {
		// `100%`: one to three digits (a `%` is in no hint word).
		if (n > 4) return false;
		for (let i = 0; i < n - 1; i++) if (!isDigit(t.charCodeAt(i))) return false;
		return n > 1;
	}
	// Words joined by `+`, each (trimmed) a hint word.
	for (let from = 0; ; ) {
		const plus = t.indexOf("+", from);
		if (!DISPLAY_HINTS.has(t.slice(from, plus === -1 ? n : plus).trim())) return false;
		if (plus === -1) return true;
		from = plus + 1;
	}
}

function isDigit(c: number): boolean {
	return c >= 48 && c <= 57;
}

/**
 * The alt an embed alias or alt text means: Obsidian's size and the themes' display hints, each a whole
 * `|`-separated part, are dropped; the rest is the alt. `alt|100` → `alt`, `right|Alt` → `Alt`,
 * `center|200` → ``; `Right whale` stays (only whole parts that are a hint word go).
 */
export function altWithoutSize(alt: string): string {
	if (alt.indexOf("|") === -1) return isImageSize(alt) || isDisplayHint(alt) ? "" : alt;
	// Part by part, the kept ones joined as they go (no split array): most alts keep every part and come back as they are.
	let kept = "";
	let keptParts = 0;
	let dropped = false;
	for (let from = 0; ; ) {
		const bar = alt.indexOf("|", from);
		const part = alt.slice(from, bar === -1 ? alt.length : bar);
		if (isImageSize(part) || isDisplayHint(part)) dropped = true;
		else kept = keptParts++ === 0 ? part : kept + "|" + part;
		if (bar === -1) break;
		from = bar + 1;
	}
	return dropped ? kept.trim() : alt;
}

/** Whether a destination has a URL scheme (`https:`, `mailto:`, `obsidian:`), so it is not a vault path. */
export function hasScheme(dest: string): boolean {
	const colon = dest.indexOf(":");
	if (colon < 2) return false; // `C:` drive letters and `:x` are not schemes
	for (let i = 0; i < colon; i++) {
		const c = dest.charCodeAt(i);
		const ok = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (i > 0 && ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46));
		if (!ok) return false;
	}
	return true;
}

/** Schemes that name something on this machine (or run code), never a place Medium can fetch. */
const LOCAL_SCHEMES = new Set(["file", "app", "capacitor", "blob", "filesystem", "data", "javascript", "vbscript"]);

/** The scheme of a destination when it is a local one (`file:`, `app:`, `data:`…), else null: warned, never sent. */
export function localScheme(dest: string): string | null {
	if (!hasScheme(dest)) return null;
	const scheme = dest.slice(0, dest.indexOf(":")).toLowerCase();
	return LOCAL_SCHEMES.has(scheme) ? scheme : null;
}

const WEB_EMBED_HOSTS = new Set([
	"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be", "music.youtube.com",
	"twitter.com", "www.twitter.com", "mobile.twitter.com", "x.com", "www.x.com",
	"vimeo.com", "www.vimeo.com", "player.vimeo.com", "gist.github.com",
]);

/** Alternatives of plain words: no backtracking. */
const MAY_BE_WEB_EMBED = /youtu|twitter\.|x\.com|vimeo\.|gist\./i;

/** A YouTube, Twitter/X, Vimeo or Gist URL, which Medium embeds when it stands alone on its line. */
export function isWebEmbedUrl(url: string): boolean {
	// Cheap test first: most image URLs name neither service.
	if (!MAY_BE_WEB_EMBED.test(url)) return false;
	const m = /^https?:\/\/([^/?#]+)/i.exec(url.trim());
	return m !== null && WEB_EMBED_HOSTS.has(m[1].toLowerCase());
}

/** A vault path as a markdown link destination: spaces and parentheses percent-encoded. */
export function encodePath(path: string): string {
	const encoded = encodeURI(path);
	return encoded.indexOf("(") === -1 && encoded.indexOf(")") === -1 ? encoded : encoded.split("(").join("%28").split(")").join("%29");
}

/**
 * Whether a note's path says it is a site's source, read as the site reads it even in an Obsidian vault:
 * Quarto's and R Markdown's `.qmd`/`.Rmd`, or a post in a Jekyll folder (`_posts/`, `_drafts/`).
 */
export function isSitePath(path: string): boolean {
	const ext = extensionOf(path);
	return ext === "qmd" || ext === "rmd" || path.startsWith("_posts/") || path.startsWith("_drafts/") || path.includes("/_posts/") || path.includes("/_drafts/");
}
