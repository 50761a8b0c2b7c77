/**
 * A post's cover image, named in its properties rather than in its text: Obsidian Publish's `cover` and
 * `image`, the banner plugins' `banner`, the blogs' `heroImage` (Astro), `featuredImage` (Gatsby),
 * `coverImage` (Next.js), `cover.image` (Hugo themes). The blog or the vault shows it above the text, so
 * the story opens with it too: Medium takes a story's first image for its card. `medium_cover` names
 * another one, or turns it off (`medium_cover: false`).
 */

import type { Properties } from "../core/ports";
import { splitLinktext, decodeLinkDestination } from "../core/link-index";
import { altWithoutSize } from "./file-kinds";
import { parseInlineFlat, plainText } from "./inline-tree";

/** The properties read for the cover, in order: the first that holds one wins. */
export const COVER_KEYS = ["medium_cover", "cover", "image", "banner", "heroImage", "featuredImage", "coverImage", "cover_image", "featured_image"];

/** A cover as the properties name it: a vault link path (or web address), its alt text and caption. */
export interface CoverSpec {
	/** The property it came from, for warnings. */
	key: string;
	/** A web address, or a link path to resolve like a link's (`[[pic.png]]`'s `pic.png`, `img/a.png`). */
	target: string;
	alt: string;
	caption: string | null;
}

/** The cover the properties name, or null (none, or `medium_cover` turns it off). */
export function coverOf(props: Properties): CoverSpec | null {
	const own = props.medium_cover;
	// A blank medium_cover (a template's `medium_cover: ""`) names none, so `cover` and the rest stand, as a
	// blank medium_tags leaves `tags`; only a word that says no turns the cover off.
	if (own === false || (typeof own === "string" && /^(false|none|no|off)$/i.test(own.trim()))) return null;
	for (const key of COVER_KEYS) {
		const spec = readCover(props[key], key, 0);
		if (spec) return spec;
	}
	return null;
}

/** One property value as a cover: a string, a one-item list (`cover: [[pic.png]]` unquoted is one), or an object. */
function readCover(value: unknown, key: string, depth: number): CoverSpec | null {
	if (depth > 3) return null;
	if (typeof value === "string") return fromText(value, key);
	if (Array.isArray(value)) {
		// Unquoted `[[pic.png]]` is YAML for a list holding a list holding "pic.png".
		if (value.length !== 1) return null;
		const inner: unknown = (value as unknown[])[0];
		if (Array.isArray(inner) && inner.length === 1 && typeof (inner as unknown[])[0] === "string") return fromText(`[[${String((inner as unknown[])[0])}]]`, key);
		return readCover(inner, key, depth + 1);
	}
	if (value !== null && typeof value === "object" && !(value instanceof Date)) {
		// Hugo themes: `cover: { image: …, alt: …, caption: … }`; others say src, url or path.
		const o = value as Record<string, unknown>;
		// PaperMod's cover hidden on the post's own page (shown in lists only): the post shows none.
		if (o.hidden === true || o.hiddenInSingle === true) return null;
		const spec = readCover(o.image ?? o.src ?? o.url ?? o.path ?? o.file, key, depth + 1);
		if (!spec) return null;
		if (typeof o.alt === "string" && o.alt.trim() !== "") spec.alt = o.alt.trim();
		const caption = o.caption ?? o.title;
		if (typeof caption === "string" && caption.trim() !== "") spec.caption = caption.trim();
		return spec;
	}
	return null;
}

/**
 * A Hugo page bundle's `featured.jpg` (Hugo Blox, once Wowchemy), which the theme shows atop the post
 * unless `image: {preview_only: true}`; `image.caption` its caption, as the text the blog shows. `resolve`
 * finds a path written in the post: only a file beside it is its own.
 */
export function featuredCover(notePath: string, props: Properties, resolve: (target: string) => string | null): CoverSpec | null {
	const image = props.image;
	const o = image !== null && typeof image === "object" && !Array.isArray(image) ? (image as Record<string, unknown>) : null;
	// A medium_cover that named no cover turned it off.
	const own = props.medium_cover;
	if (!notePath.endsWith("/index.md") || (image != null && o === null) || o?.preview_only === true || (own != null && own !== "")) return null;
	for (const ext of ["jpg", "png", "jpeg", "webp"]) {
		const target = "./featured." + ext;
		if (resolve(target) !== notePath.slice(0, -8) + target.slice(2)) continue;
		const caption = typeof o?.caption === "string" ? plainText(parseInlineFlat(o.caption, { softBreaks: false, warn: () => undefined })).trim() : "";
		return { key: "image", target, alt: "", caption: caption || null };
	}
	return null;
}

/** `[[pic.png]]`, `![[pic.png|Alt]]`, `![alt](img/a.png "Caption")`, `img/a.png`, `https://…`. */
function fromText(raw: string, key: string): CoverSpec | null {
	let t = raw.trim();
	if (t === "" || t.indexOf("\n") !== -1) return null;
	if (t.startsWith("![[") || t.startsWith("![")) t = t.slice(1);
	if (t.startsWith("[[") && t.endsWith("]]")) {
		const inner = t.slice(2, -2);
		const bar = inner.indexOf("|");
		const alias = bar === -1 ? "" : inner.slice(bar + 1).trim();
		const path = splitLinktext(bar === -1 ? inner : inner.slice(0, bar)).path.trim();
		return path === "" ? null : { key, target: path, alt: altWithoutSize(alias), caption: null };
	}
	if (t.startsWith("[")) {
		// A markdown image: `[alt](dest "title")`, read simply (one destination, an optional quoted title).
		const close = t.indexOf("](");
		if (close === -1 || !t.endsWith(")")) return null;
		const alt = altWithoutSize(t.slice(1, close)).trim();
		let rest = t.slice(close + 2, -1).trim();
		let caption: string | null = null;
		const open = rest.length > 1 && rest.endsWith('"') ? rest.lastIndexOf('"', rest.length - 2) : -1;
		if (open > 0 && (rest[open - 1] === " " || rest[open - 1] === "\t")) {
			caption = rest.slice(open + 1, -1) || null;
			rest = rest.slice(0, open).trim();
		}
		if (rest.startsWith("<") && rest.endsWith(">")) rest = rest.slice(1, -1);
		const target = destinationPath(rest);
		return target === "" ? null : { key, target, alt, caption };
	}
	if (t.startsWith("<") && t.endsWith(">")) t = t.slice(1, -1);
	const target = destinationPath(t);
	return target === "" ? null : { key, target, alt: "", caption: null };
}

/** A destination as a link path: web addresses as written, vault paths decoded (`%20`) and their `#…` dropped. */
function destinationPath(dest: string): string {
	const d = dest.trim();
	if (/^https?:\/\//i.test(d)) return d;
	const decoded = decodeLinkDestination(d);
	const hash = decoded.indexOf("#");
	return (hash === -1 ? decoded : decoded.slice(0, hash)).trim();
}

/** The cover as one markdown image line for the line pass (`src` already resolved: an encoded vault path or a web address). */
export function coverMarkdown(src: string, alt: string, caption: string | null): string {
	const escAlt = alt.replace(/[\\[\]]/g, (c) => "\\" + c);
	const title = caption === null ? "" : ` "${caption.replace(/[\\"]/g, (c) => "\\" + c)}"`;
	return `![${escAlt}](${src}${title})`;
}
