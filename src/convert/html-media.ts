/**
 * `<img>`, `<iframe>` and `<a href>` written as HTML in a note. Obsidian shows them (an image sized by
 * hand, a video pasted from YouTube's "Embed" button, a link that opens in a new tab), and blogs write
 * them too; Medium keeps no raw HTML, so they are read here and become what Medium has: an image
 * paragraph, an embed (a bare URL on its own line), a link.
 */

import { decodeEntities } from "./entities";

/** The attributes a media tag is read for. */
export interface HtmlMedia {
	tag: "img" | "iframe" | "a" | "video" | "audio" | "source";
	src: string | null;
	href: string | null;
	alt: string | null;
	title: string | null;
	/** Just past the tag (for an iframe, a video or an audio player, past its closing tag when it follows on the line). */
	end: number;
}

function isSpaceChar(c: number): boolean {
	return c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
}

function lower(c: number): number {
	return c >= 65 && c <= 90 ? c + 32 : c;
}

/** Whether `text` at `i` holds `name` in any case. */
function startsWithName(text: string, i: number, name: string): boolean {
	if (i + name.length > text.length) return false;
	for (let k = 0; k < name.length; k++) if (lower(text.charCodeAt(i + k)) !== name.charCodeAt(k)) return false;
	return true;
}

/**
 * Where the HTML tag opening at `i` (its `<`) ends: the index of its `>`, read past quoted attribute
 * values (`alt="a > b"` holds a `>`), or -1 when no tag opens there: a value's quote never closed, a
 * quote that opens no value (`<b x'>`), a `<` or a line end outside a value. CommonMark's open tag, read
 * loosely otherwise (any tag name, attribute names unchecked).
 *
 * Linear over a line of many `<`, however they are read: a quote outside a value ends the reading,
 * so two readings are never outside a value at the same place (a quote moves one in and the other out,
 * or ends it), and a `<` outside ends the one there. At most three (outside, in `"…"`, in `'…'`) pass
 * any character, so a line of 50,000 unclosed `<a href="` is read a few times over, not 50,000 times.
 */
export function htmlTagEnd(text: string, i: number): number {
	const n = text.length;
	let k = i + 1;
	let value = false; // just after `=` (and any white space): a quote here opens the value
	while (k < n) {
		const c = text.charCodeAt(k);
		if (c === 62) return k;
		if (c === 60 || c === 10 || c === 13) return -1;
		if (c === 34 || c === 39) {
			if (!value) return -1;
			let j = k + 1;
			while (j < n && text.charCodeAt(j) !== c && text.charCodeAt(j) !== 10) j++;
			if (j >= n || text.charCodeAt(j) !== c) return -1;
			k = j + 1;
			value = false;
			continue;
		}
		if (c === 61) value = true;
		else if (!isSpaceChar(c)) value = false;
		k++;
	}
	return -1;
}

/** The tags read, `a` last: `<audio>` starts with it. */
const MEDIA_TAGS: Array<HtmlMedia["tag"]> = ["img", "iframe", "video", "audio", "source", "a"];

/**
 * The `<img …>`, `<iframe …>` or `<a …>` opening at `i` (the `<`), read up to `close` (its `>`), or
 * null when it is another tag. One pass over the tag; attribute values quoted, single-quoted or bare.
 */
export function readHtmlMedia(text: string, i: number, close: number): HtmlMedia | null {
	let k = i + 1;
	let tag: HtmlMedia["tag"] | undefined;
	for (const name of MEDIA_TAGS) {
		if (startsWithName(text, k, name)) {
			tag = name;
			break;
		}
	}
	if (tag === undefined) return null;
	k += tag.length;
	const after = text.charCodeAt(k);
	if (!isSpaceChar(after) && after !== 47 && after !== 62) return null;
	const media: HtmlMedia = { tag, src: null, href: null, alt: null, title: null, end: close + 1 };
	while (k < close) {
		const c = text.charCodeAt(k);
		if (isSpaceChar(c) || c === 47) {
			k++;
			continue;
		}
		const nameStart = k;
		while (k < close && !isSpaceChar(text.charCodeAt(k)) && text.charCodeAt(k) !== 61 && text.charCodeAt(k) !== 47) k++;
		const name = text.slice(nameStart, k).toLowerCase();
		while (k < close && isSpaceChar(text.charCodeAt(k))) k++;
		if (text.charCodeAt(k) !== 61) continue; // an attribute without a value
		k++;
		while (k < close && isSpaceChar(text.charCodeAt(k))) k++;
		const q = text.charCodeAt(k);
		let value: string;
		if (q === 34 || q === 39) {
			const end = text.indexOf(q === 34 ? '"' : "'", k + 1);
			if (end === -1 || end > close) return null; // `close` was not read past quoted values (see htmlTagEnd)
			value = text.slice(k + 1, end);
			k = end + 1;
		} else {
			const start = k;
			while (k < close && !isSpaceChar(text.charCodeAt(k))) k++;
			value = text.slice(start, k);
		}
		if (name === "src" || name === "href" || name === "alt" || name === "title") media[name] = decodeEntities(value);
	}
	if (tag === "iframe" || tag === "video" || tag === "audio") {
		let j = close + 1;
		while (j < text.length && isSpaceChar(text.charCodeAt(j))) j++;
		if (text.charCodeAt(j) === 60 && text.charCodeAt(j + 1) === 47 && startsWithName(text, j + 2, tag) && text.charCodeAt(j + 2 + tag.length) === 62) media.end = j + 3 + tag.length;
	}
	return media;
}

/**
 * The page address of a player an iframe shows, which Medium embeds when it stands alone on its line
 * (YouTube's `/embed/ID` is `watch?v=ID`, its start time and playlist kept, and a playlist's player,
 * `/embed/videoseries?list=L`, the playlist's page; Vimeo's player is the video's page); else the src itself.
 */
export function iframePageUrl(src: string): string {
	const m = /^(?:https?:)?\/\/(?:www\.)?(youtube\.com|youtube-nocookie\.com|player\.vimeo\.com)\/(embed|video)\/([\w-]{1,64})/i.exec(src);
	if (m === null) return src.startsWith("//") ? "https:" + src : src;
	const host = m[1].toLowerCase();
	if (host === "player.vimeo.com") return m[2].toLowerCase() === "video" ? `https://vimeo.com/${m[3]}` : src;
	if (m[2].toLowerCase() !== "embed") return src;
	const query = src.charCodeAt(m[0].length) === 63 /* ? */ ? queryParams(src.slice(m[0].length + 1)) : null;
	const list = query?.get("list");
	if (m[3].toLowerCase() === "videoseries" && list !== undefined) return `https://www.youtube.com/playlist?list=${list}`;
	const start = query?.get("start") ?? query?.get("t");
	return `https://www.youtube.com/watch?v=${m[3]}${start !== undefined && /^\d{1,6}$/.test(start) ? "&t=" + start : ""}${list !== undefined ? "&list=" + list : ""}`;
}

/** A URL's query (`a=1&b=2`, up to a `#`) as its names' values: only values of URL-safe characters are kept. */
function queryParams(query: string): Map<string, string> {
	const params = new Map<string, string>();
	const hash = query.indexOf("#");
	for (const pair of (hash === -1 ? query : query.slice(0, hash)).split("&")) {
		const eq = pair.indexOf("=");
		if (eq > 0 && /^[\w-]{1,128}$/.test(pair.slice(eq + 1))) params.set(pair.slice(0, eq), pair.slice(eq + 1));
	}
	return params;
}

/** Text as a markdown image's alt: CommonMark takes the alt's plain text, so its punctuation is escaped. */
export function escapeAlt(alt: string): string {
	return alt.replace(/[\\[\]*_`<>!&]/g, "\\$&");
}

/** HTML tags for what Medium has a markup for: bold, italic, code; `<q>` for the quotation marks a browser puts around it. */
/** A figure's `<figcaption>` reads as italic: under its image, the caption Medium shows (story-builder's italicCaption). */
const STYLE_TAGS: Record<string, HtmlStyle["markup"]> = { b: "strong", strong: "strong", mark: "strong", i: "em", em: "em", cite: "em", figcaption: "em", code: "code", kbd: "code", sup: "sup", sub: "sub", q: "q" };

/** Unicode's raised and lowered forms of digits and signs (`x²`, `H₂O`): Medium has no super- or subscript. */
const RAISED = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾";
const LOWERED = "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎";
const SCRIPT_CHARS = "0123456789+-=()";

/** A super- or subscript's text in raised (lowered) characters, or null when a character has no such form. */
export function scriptText(text: string, raised: boolean): string | null {
	const forms = raised ? RAISED : LOWERED;
	let out = "";
	for (const ch of text) {
		const k = SCRIPT_CHARS.indexOf(ch === "−" ? "-" : ch);
		if (k === -1) return null;
		out += forms[k];
	}
	return out;
}

/** A styling tag and its closing tag on the same line: what it makes, and where its parts are. */
export interface HtmlStyle {
	markup: "strong" | "em" | "code" | "sup" | "sub" | "q";
	/** Just past the opening tag. */
	openEnd: number;
	/** Where the closing tag starts, and just past it. */
	closeStart: number;
	closeEnd: number;
}

/**
 * `<b>…</b>`, `<strong>`, `<mark>` (bold), `<i>`, `<em>` (italic), `<code>`, `<kbd>` (code), `<sup>`, `<sub>` opening at
 * `i`, whose opening tag ends at `close` (its `>`) and whose closing tag follows on the same text with
 * no other of the same name between; null for any other tag. `find` searches the text for a tag's
 * text in any case (the caller's forward-only search, which keeps a line of many tags linear).
 */
export function readHtmlStyle(text: string, i: number, close: number, find: (needle: string, from: number) => number): HtmlStyle | null {
	let k = i + 1;
	while (k < close && ((text.charCodeAt(k) | 32) >= 97 && (text.charCodeAt(k) | 32) <= 122)) k++;
	const name = text.slice(i + 1, k).toLowerCase();
	if (!Object.prototype.hasOwnProperty.call(STYLE_TAGS, name)) return null;
	if (k !== close && !isSpaceChar(text.charCodeAt(k))) return null;
	const closeTag = `</${name}>`;
	const closeStart = find(closeTag, close + 1);
	if (closeStart === -1 || closeStart === close + 1) return null;
	const again = find(`<${name}>`, close + 1);
	if (again !== -1 && again < closeStart) return null;
	return { markup: STYLE_TAGS[name], openEnd: close + 1, closeStart, closeEnd: closeStart + closeTag.length };
}

/** A pasted post's `<blockquote class="…">` (the embed code Twitter/X, Instagram and TikTok give), which a script turns into the post. */
const EMBED_QUOTE_CLASS = /\bclass\s*=\s*["']?[^"'>]*\b(?:twitter-tweet|twitter-video|instagram-media|tiktok-embed)\b/i;

/** Whether a `<blockquote …>` opening tag is a pasted post's embed code. */
export function isEmbedQuote(openTag: string): boolean {
	return EMBED_QUOTE_CLASS.test(openTag);
}

/**
 * The address of the post a pasted embed shows (its `<blockquote …>` tag and what it holds up to its
 * `</blockquote>`), without its tracking query, or null when none is found: a tweet's last link to a
 * status (the date under it), Instagram's permalink, TikTok's `cite`. Medium embeds such an address alone
 * on its line (or shows it as a link).
 */
export function embedQuoteUrl(text: string): string | null {
	let url: string | null = null;
	const re = /\b(?:href|cite|data-instgrm-permalink)\s*=\s*["']?(https?:)?\/\/((?:www\.|mobile\.)?(?:twitter\.com|x\.com|instagram\.com|tiktok\.com)\/[^\s"'?#>]{1,300})/gi;
	for (let m = re.exec(text); m !== null; m = re.exec(text)) {
		const path = m[2];
		if (/^(?:www\.|mobile\.)?(?:twitter|x)\.com\/\w{1,15}\/status(?:es)?\/\d{1,25}$/i.test(path) || /^(?:www\.)?instagram\.com\/(?:[\w.]{1,30}\/)?(?:p|reel|tv)\/[\w-]{1,40}\/?$/i.test(path) || /^(?:www\.)?tiktok\.com\/@[\w.]{1,40}\/video\/\d{1,25}$/i.test(path)) {
			url = "https://" + path.replace(/^mobile\./i, "");
		}
	}
	return url;
}

/** A `<script>` that loads Twitter's, Instagram's, TikTok's, Threads', Reddit's or Bluesky's embed widget: it shows nothing itself (the quote it turns into the post is read). */
export function isEmbedScript(line: string): boolean {
	return /^\s*<script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\/(?:platform\.twitter\.com\/widgets\.js|(?:www\.)?(?:instagram\.com|tiktok\.com|threads\.net)\/embed\.js|embed\.reddit\.com\/widgets\.js|embed\.bsky\.app\/static\/embed\.js)[^>]*>\s*<\/script>\s*$/i.test(line);
}
