/**
 * Obsidian's link resolution (`metadataCache.getFirstLinkpathDest`) as a pure index over vault paths,
 * so the command line resolves `[[Note]]`, `[[dir/Note]]` and `[x](Note%20name.md)` exactly as the
 * plugin does, and tests need no Obsidian. Files are bucketed by their folded base name, so a lookup
 * only looks at the few files sharing that name, never at the whole vault.
 */

import { FOLDER_NOTE_FILES } from "./url-template";
import { basenameOf, dirnameOf, isMarkdownPath, joinVaultPath, normalizeVaultPath } from "./vault-paths";

/** One indexed file with the spellings its comparisons need, computed once. */
interface Entry {
	path: string;
	/** NFC form: exact-case comparisons ignore only the Unicode composition. */
	nfc: string;
	/** NFC + lower case: what case-insensitive matching compares. */
	folded: string;
	/** Folder of the path, for the same-folder preference. */
	folder: string;
}

/** One candidate found by a lookup, with its rank keys. */
interface Match {
	entry: Entry;
	form: number;
	exactCase: boolean;
}

/**
 * Extensions that make a link target a file as written, not a note: `[[Figure 1.png]]` is the png even
 * if a `Figure 1.png.md` note existed. Obsidian's accepted formats plus common attachments.
 */
const ATTACHMENT_EXTENSIONS = new Set([
	"avif", "bmp", "gif", "jpeg", "jpg", "png", "svg", "webp", "ico", "tif", "tiff", "heic",
	"flac", "m4a", "mp3", "ogg", "wav", "webm", "3gp", "mkv", "mov", "mp4", "ogv",
	"pdf", "canvas", "base", "txt", "csv", "json", "html", "htm", "zip", "doc", "docx", "xls", "xlsx", "ppt", "pptx",
]);

/**
 * The folders a static-site generator serves at the site's root, as it looks them up: `static/` (Gatsby,
 * Hugo, Docusaurus: `static/images/x.png` is `/images/x.png`), then `public/` (Astro, Next.js, Vite).
 */
const STATIC_FOLDERS: readonly string[] = ["static", "public"];

/** NFC then lower case: `Noteä`, `NoteÄ` and the decomposed `Notea\u0308` all fold alike. */
function fold(text: string): string {
	return text.normalize("NFC").toLowerCase();
}

/** The bucket key of a file or link name: folded, without a trailing `.md`. */
function nameKey(name: string): string {
	const folded = fold(name);
	return folded.endsWith(".md") && folded.length > 3 ? folded.slice(0, -3) : folded;
}

/** The extension after the last dot of a file name, lower case ("" when none). */
function extensionOf(name: string): string {
	const dot = name.lastIndexOf(".");
	return dot <= 0 ? "" : name.slice(dot + 1).toLowerCase();
}

/**
 * The file paths a link target may mean, most likely first: a target without a known attachment
 * extension is a note (`Note.1` → `Note.1.md`), yet an exact file of that name is still accepted.
 */
function candidateForms(target: string): string[] {
	if (isMarkdownPath(target)) return [target];
	if (ATTACHMENT_EXTENSIONS.has(extensionOf(basenameOf(target)))) return [target, target + ".md"];
	return [target + ".md", target];
}

/** Orders matches: note form first, then exact case, then the source's relative path, folder, length, name. */
function compareMatches(a: Match, b: Match, relativeTargets: readonly string[], sourceFolder: string): number {
	if (a.form !== b.form) return a.form - b.form;
	if (a.exactCase !== b.exactCase) return a.exactCase ? -1 : 1;
	const aRelative = relativeTargets.includes(a.entry.nfc);
	const bRelative = relativeTargets.includes(b.entry.nfc);
	if (aRelative !== bRelative) return aRelative ? -1 : 1;
	const aHere = a.entry.folder === sourceFolder;
	const bHere = b.entry.folder === sourceFolder;
	if (aHere !== bHere) return aHere ? -1 : 1;
	if (a.entry.path.length !== b.entry.path.length) return a.entry.path.length - b.entry.path.length;
	if (a.entry.path < b.entry.path) return -1;
	return a.entry.path > b.entry.path ? 1 : 0;
}

/**
 * The vault's files, indexed for link resolution. Paths are vault-relative with `/`; building is
 * linear in the number of files, and `add`/`remove` keep it current as files come and go.
 */
export class LinkIndex {
	private readonly entries = new Map<string, Entry>();
	private readonly byName = new Map<string, Entry[]>();

	constructor(paths: Iterable<string>) {
		for (const path of paths) this.add(path);
	}

	/** True when exactly this path is indexed: callers check a path before reading it. */
	has(path: string): boolean {
		return this.entries.has(path);
	}

	/** Indexes a file (a no-op when it is already there). */
	add(path: string): void {
		if (this.entries.has(path)) return;
		const nfc = path.normalize("NFC");
		const entry: Entry = { path, nfc, folded: nfc.toLowerCase(), folder: dirnameOf(path) };
		this.entries.set(path, entry);
		const key = nameKey(basenameOf(path));
		const bucket = this.byName.get(key);
		if (bucket) bucket.push(entry);
		else this.byName.set(key, [entry]);
	}

	/** Forgets a file (a no-op when it is not indexed). */
	remove(path: string): void {
		const entry = this.entries.get(path);
		if (!entry) return;
		this.entries.delete(path);
		const key = nameKey(basenameOf(path));
		const bucket = this.byName.get(key);
		if (!bucket) return;
		const at = bucket.indexOf(entry);
		if (at !== -1) bucket.splice(at, 1);
		if (bucket.length === 0) this.byName.delete(key);
	}

	/**
	 * The vault path a link target written in `sourcePath` points to, like Obsidian's
	 * `getFirstLinkpathDest`; null when nothing matches. The target has no `#subpath` or `|alias`;
	 * surrounding spaces are trimmed here. A leading `/` anchors it at the vault root and a leading
	 * `./` or `../` at the source's folder; otherwise it is tried as a vault path, then case- and
	 * composition-insensitively, then as a path suffix (`dir/Note` matches `a/dir/Note.md`, a bare
	 * name matches that name in any folder). An empty target means the source note itself.
	 */
	resolve(linkpath: string, sourcePath: string): string | null {
		return this.resolveFile(linkpath, sourcePath) ?? resolveSiteLink(linkpath, sourcePath, (link, source) => this.resolveFile(link, source));
	}

	/** Obsidian's own resolution (see `resolve`). */
	private resolveFile(linkpath: string, sourcePath: string): string | null {
		let target = linkpath.trim();
		if (target === "") return this.entries.has(sourcePath) ? sourcePath : null;
		const sourceFolder = dirnameOf(sourcePath);
		let anchored = false;
		let relative = false;
		if (target.startsWith("/")) {
			anchored = true;
		} else if (target === "." || target === ".." || target.startsWith("./") || target.startsWith("../")) {
			anchored = relative = true;
			target = joinVaultPath(sourceFolder, target);
		}
		// `../` past the root stops there, as in a URL (the obsidian-tasks docs write ../../images/x.png one folder deep).
		const normalized = normalizeVaultPath(target, relative);
		if (normalized === null || normalized === "" || target.endsWith("/")) return null;

		const forms = candidateForms(normalized);
		for (const form of forms) {
			if (this.entries.has(form)) return form;
		}
		const bucket = this.byName.get(nameKey(basenameOf(normalized)));
		if (!bucket) return null;

		const nfcForms = forms.map((form) => form.normalize("NFC"));
		const foldedForms = nfcForms.map((form) => form.toLowerCase());
		const relativeTargets = anchored ? [] : nfcForms.map((form) => joinVaultPath(sourceFolder.normalize("NFC"), form));

		// Whole vault path, ignoring case and Unicode composition.
		const whole: Match[] = [];
		for (const entry of bucket) {
			const form = foldedForms.indexOf(entry.folded);
			if (form !== -1) whole.push({ entry, form, exactCase: entry.nfc === nfcForms[form] });
		}
		if (whole.length > 0) return this.best(whole, relativeTargets, sourceFolder);
		if (anchored) return null;

		// Path suffix on a `/` boundary: `dir1/Note` never matches the root `Note.md`.
		const suffix: Match[] = [];
		for (const entry of bucket) {
			for (let form = 0; form < forms.length; form++) {
				const tail = "/" + foldedForms[form];
				if (entry.folded.endsWith(tail)) {
					suffix.push({ entry, form, exactCase: entry.nfc.endsWith("/" + nfcForms[form]) });
					break;
				}
			}
		}
		return suffix.length > 0 ? this.best(suffix, relativeTargets, sourceFolder) : null;
	}

	private best(matches: Match[], relativeTargets: readonly string[], sourceFolder: string): string {
		let best = matches[0];
		for (let i = 1; i < matches.length; i++) {
			if (compareMatches(matches[i], best, relativeTargets, sourceFolder) < 0) best = matches[i];
		}
		return best.entry.path;
	}
}

/**
 * What a static-site blog means where Obsidian's resolution finds nothing: a link to a folder
 * (`../second-post/`, `./guide`, `/docs/`) is its page (`index.md`, `README.md`, `_index.md`), and a
 * root-absolute path (`/images/x.png`) may be a file the site serves from `static/` or `public/`. Only
 * paths written as paths (anchored, or ending in `/`) are tried, so a wikilink never lands on a folder
 * page by chance. A root-absolute page (`/slug/`) not at the vault's root is looked for as a path suffix, since a
 * blog's site root is its content folder (`/slug/` is `content/blog/slug/index.md`); Zola's `@/blog/a.md` is
 * `content/blog/a.md`. `resolveFile` is the host's own resolution (the index here, Obsidian's in the plugin).
 */
export function resolveSiteLink(linkpath: string, sourcePath: string, resolveFile: (linkpath: string, sourcePath: string) => string | null): string | null {
	const target = linkpath.trim();
	if (target === "") return null;
	// Zola's internal link: `@/blog/post.md` is the page at content/blog/post.md; Astro's and Vite's alias
	// of src/ (`@/assets/a.png`, `~/assets/a.png`) the file there.
	if (target.startsWith("@/")) return resolveFile("/content/" + target.slice(2), sourcePath) ?? resolveFile("/" + target.slice(2), sourcePath) ?? resolveFile("/src/" + target.slice(2), sourcePath);
	if (target.startsWith("~/")) return resolveFile("/src/" + target.slice(2), sourcePath);
	const absolute = target.startsWith("/");
	if (absolute) {
		for (const folder of STATIC_FOLDERS) {
			const served = resolveFile("/" + folder + target, sourcePath);
			if (served !== null) return served;
		}
	}
	const relative = target === "." || target === ".." || target.startsWith("./") || target.startsWith("../");
	if (!absolute && !relative && !target.endsWith("/")) return null;
	let folder = target;
	while (folder.endsWith("/")) folder = folder.slice(0, -1);
	for (const page of FOLDER_NOTE_FILES) {
		const found = resolveFile(folder === "" ? "/" + page : `${folder}/${page}`, sourcePath);
		if (found !== null) return found;
	}
	if (!absolute || !target.endsWith("/") || folder.length < 2 || folder.charCodeAt(1) === 47 /* // */) return null;
	// The site's root is the blog's content folder, below the repository that is the vault (Gatsby's
	// content/blog or src/pages, Hugo's content): `/slug/` is the post whose path ends so, as a folder
	// page (`…/slug/index.md`) or a file (`…/posts/slug.md` for `/posts/slug/`). Only a page written
	// as a site's page (ending in `/`): `/Note` stays Obsidian's link to the vault root's note.
	const tail = folder.slice(1);
	for (const page of FOLDER_NOTE_FILES) {
		const found = resolveFile(`${tail}/${page}`, sourcePath);
		if (found !== null) return found;
	}
	return resolveFile(tail, sourcePath);
}

/**
 * Splits the text of a wikilink (alias already removed) into its file part and its subpath, like
 * Obsidian's `parseLinktext` split at the first `#` with the path trimmed, except that the subpath
 * comes WITHOUT its leading `#` (the converter tests `^` for block ids on it):
 * `"Note#A#B"` → `{path: "Note", subpath: "A#B"}`, `"#^id"` → `{path: "", subpath: "^id"}`.
 */
export function splitLinktext(text: string): { path: string; subpath: string } {
	const hash = text.indexOf("#");
	if (hash === -1) return { path: text.trim(), subpath: "" };
	return { path: text.slice(0, hash).trim(), subpath: text.slice(hash + 1) };
}

/** True for the ASCII punctuation CommonMark lets a backslash escape. */
function isAsciiPunctuation(code: number): boolean {
	return (code >= 0x21 && code <= 0x2f) || (code >= 0x3a && code <= 0x40) || (code >= 0x5b && code <= 0x60) || (code >= 0x7b && code <= 0x7e);
}

/** The value of a hex digit, or -1. */
function hexValue(code: number): number {
	if (code >= 0x30 && code <= 0x39) return code - 0x30;
	if (code >= 0x41 && code <= 0x46) return code - 0x37;
	if (code >= 0x61 && code <= 0x66) return code - 0x57;
	return -1;
}

/** The byte of a `%XX` escape at `i`, or -1 when there is none. */
function percentByteAt(text: string, i: number): number {
	if (i + 2 >= text.length || text.charCodeAt(i) !== 0x25) return -1;
	const high = hexValue(text.charCodeAt(i + 1));
	const low = hexValue(text.charCodeAt(i + 2));
	return high === -1 || low === -1 ? -1 : high * 16 + low;
}

/**
 * Decodes one UTF-8 sequence of `%XX` escapes starting at `i`: the character and the number of
 * source characters used, or null when the bytes there are not valid UTF-8.
 */
function decodeUtf8At(text: string, i: number): { char: string; used: number } | null {
	const lead = percentByteAt(text, i);
	if (lead < 0x80) return { char: String.fromCharCode(lead), used: 3 };
	let length: number;
	let code: number;
	let min: number;
	if (lead >= 0xc2 && lead <= 0xdf) {
		length = 2;
		code = lead & 0x1f;
		min = 0x80;
	} else if (lead >= 0xe0 && lead <= 0xef) {
		length = 3;
		code = lead & 0x0f;
		min = 0x800;
	} else if (lead >= 0xf0 && lead <= 0xf4) {
		length = 4;
		code = lead & 0x07;
		min = 0x10000;
	} else {
		return null;
	}
	for (let k = 1; k < length; k++) {
		const byte = percentByteAt(text, i + 3 * k);
		if (byte < 0x80 || byte > 0xbf) return null;
		code = code * 64 + (byte & 0x3f);
	}
	if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
	return { char: String.fromCodePoint(code), used: 3 * length };
}

/**
 * A Markdown link destination as a vault link target: `<…>` unwrapped, backslash escapes of
 * punctuation removed, `%XX` escapes decoded as UTF-8. A bad escape (`100%`, `%E9` alone) is kept
 * as written rather than throwing, since note names may contain `%`.
 */
export function decodeLinkDestination(dest: string): string {
	let text = dest.trim();
	if (text.length >= 2 && text.startsWith("<") && text.endsWith(">")) text = text.slice(1, -1);
	let out = "";
	let i = 0;
	while (i < text.length) {
		const code = text.charCodeAt(i);
		if (code === 0x5c && i + 1 < text.length && isAsciiPunctuation(text.charCodeAt(i + 1))) {
			out += text[i + 1];
			i += 2;
		} else if (code === 0x25 && percentByteAt(text, i) !== -1) {
			const decoded = decodeUtf8At(text, i);
			if (decoded) {
				out += decoded.char;
				i += decoded.used;
			} else {
				out += text.slice(i, i + 3);
				i += 3;
			}
		} else {
			out += text[i];
			i++;
		}
	}
	return out;
}
