/**
 * Small helpers for vault paths: vault-relative, `/`-separated, no leading slash. Kept apart from
 * Node's `path` module so the pure core (link resolution, the converter) can use them anywhere.
 */

/** The folder part of a vault path ("" for a file at the vault root): where relative links start. */
export function dirnameOf(path: string): string {
	const slash = path.lastIndexOf("/");
	return slash === -1 ? "" : path.slice(0, slash);
}

/** The last segment of a vault path (file name with its extension): what bare links match. */
export function basenameOf(path: string): string {
	return path.slice(path.lastIndexOf("/") + 1);
}

/** Joins a folder and a relative path without doubling or leading slashes. */
export function joinVaultPath(folder: string, relative: string): string {
	if (folder === "") return relative;
	if (relative === "") return folder;
	return folder + "/" + relative;
}

/**
 * Resolves `.` and `..` segments and drops empty ones (`a//b`, a leading `/`), so two spellings of
 * the same file compare equal. Null when `..` climbs above the vault root, unless `clamp`: then, as in
 * a URL's path, `..` at the root stays there (a link written for a site one folder deeper still lands).
 */
export function normalizeVaultPath(path: string, clamp = false): string | null {
	const out: string[] = [];
	let start = 0;
	while (start <= path.length) {
		let end = path.indexOf("/", start);
		if (end === -1) end = path.length;
		const segment = path.slice(start, end);
		if (segment === "..") {
			if (out.length > 0) out.pop();
			else if (!clamp) return null;
		} else if (segment !== "" && segment !== ".") {
			out.push(segment);
		}
		start = end + 1;
	}
	return out.join("/");
}

/**
 * True when the path names a Markdown note: `.md`, `.mdx` (the MDX posts of Docusaurus, Gatsby,
 * Next.js and Astro blogs) or `.qmd` (a Quarto blog's posts, `posts/<name>/index.qmd`), any case. Notes are linked without extension.
 */
export function isMarkdownPath(path: string): boolean {
	return markdownExtensionLength(path) > 0;
}

/** The length of the path's note extension (`.md` 3, `.mdx` and `.qmd` 4, any case), or 0 when it names no note. */
export function markdownExtensionLength(path: string): number {
	const dot = path.length - 3;
	if (dot > 0 && path.charCodeAt(dot) === 46 && path.slice(dot + 1).toLowerCase() === "md") return 3;
	if (dot > 1 && path.charCodeAt(dot - 1) === 46) {
		const ext = path.slice(dot).toLowerCase();
		if (ext === "mdx" || ext === "qmd") return 4;
	}
	return 0;
}
