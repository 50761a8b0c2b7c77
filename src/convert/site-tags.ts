/**
 * Hugo shortcodes (`{{< name … >}}`, `{{% name … %}}`) and Jekyll's Liquid tags (`{% name … %}`) alone on
 * their line, read for the few that have a Medium paragraph: a `figure` (an image), a `highlight` block
 * (a code block, with the tag that ends it) and Jekyll's `raw` fence. Forward scans, no regex.
 */

import { parseInlineFlat, plainText, type InlineReport } from "./inline-tree";
import type { NoteLines } from "./note-lines";

/** A tag alone on its line: Hugo's or Liquid's, its name and its parameters as written. */
export interface SiteTag {
	hugo: boolean;
	name: string;
	/** Named parameters (`src="…"`), by name (lower case). */
	named: ReadonlyMap<string, string>;
	/** Positional parameters (`go`, `"linenos=table"`), in order. */
	positional: readonly string[];
}

/**
 * Whether `line` may be a tag alone on its line that is read here (a highlight block's, a raw fence's, a
 * figure): `{{<`, `{{%` or `{%` after at most 3 spaces or tabs, then the name of one. No allocation, so
 * the many other tags a post holds cost a few character reads.
 */
export function mayBeSiteTag(line: string): boolean {
	let k = tagOpenerAt(line);
	if (k === -1) return false;
	if (line.charCodeAt(k + 1) === 123) k += 3;
	else {
		k += 2;
		if (line.charCodeAt(k) === 45) k++; // `{%-`
	}
	while (line.charCodeAt(k) === 32 || line.charCodeAt(k) === 9) k++;
	const n = line.charCodeAt(k);
	// h(ighlight), f(igure), r(aw), e(nd…), /(highlight), c(odeblock)
	return n === 104 || n === 102 || n === 114 || n === 101 || n === 47 || n === 99;
}

/**
 * Where a tag opens `line`: the index of its `{` when `{{<`, `{{%` (Hugo's: the next character is `{` too)
 * or `{%` (Liquid's) comes after at most 3 spaces or tabs; else -1.
 */
function tagOpenerAt(line: string): number {
	let k = 0;
	while (k < 4 && (line.charCodeAt(k) === 32 || line.charCodeAt(k) === 9)) k++;
	if (k > 3 || line.charCodeAt(k) !== 123) return -1;
	const c = line.charCodeAt(k + 1);
	if (c === 37) return k;
	if (c !== 123) return -1;
	const d = line.charCodeAt(k + 2);
	return d === 60 || d === 37 ? k : -1;
}

/** Lines a tag written over several lines may take (Hugo allows it; `{{< figure` then one parameter a line). */
const TAG_LINES_MAX = 20;

/**
 * A tag opened on line `i` and closed on a later one (`{{< figure` … `>}}`), before a blank line or another
 * tag: the index of its last line, or -1 (also for a tag closed on its own line).
 */
export function tagLinesEnd(lines: NoteLines, i: number, end: number): number {
	const first = lines.line(i);
	const k = tagOpenerAt(first);
	if (k === -1) return -1;
	const hugo = first.charCodeAt(k + 1) === 123;
	if (first.indexOf(hugo ? "}}" : "%}", k + 2) !== -1) return -1;
	for (let j = i + 1; j < end && j <= i + TAG_LINES_MAX; j++) {
		const line = lines.line(j);
		if (isBlankLine(line) || line.indexOf("{{") !== -1 || line.indexOf("{%") !== -1) return -1;
		const close = line.indexOf(hugo ? "}}" : "%}");
		if (close !== -1) return isBlankLine(line.slice(close + 2)) ? j : -1;
	}
	return -1;
}

/** Lines `i`…`last` of a tag written over several lines, as one line. */
export function joinTagLines(lines: NoteLines, i: number, last: number): string {
	let text = lines.line(i).trimEnd();
	for (let j = i + 1; j <= last; j++) text += " " + lines.line(j).trim();
	return text;
}

function isBlankLine(line: string): boolean {
	for (let k = 0; k < line.length; k++) if (!isSpaceCode(line.charCodeAt(k))) return false;
	return true;
}

/**
 * The tag that is the whole of `line` (after at most 3 spaces of indent), or null. Hugo's may open and
 * close with either delimiter; Liquid's may trim white space (`{%- … -%}`).
 */
export function siteTagOf(line: string): SiteTag | null {
	const lead = tagOpenerAt(line);
	if (lead === -1) return null;
	let end = line.length;
	while (end > lead && (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 9)) end--;
	const hugo = line.charCodeAt(lead + 1) === 123;
	let from: number;
	let to: number;
	if (hugo) {
		// `{{<` closes with `>}}`, `{{%` with `%}}`.
		if (!line.endsWith(line.charCodeAt(lead + 2) === 60 ? ">}}" : "%}}", end)) return null;
		from = lead + 3;
		to = end - 3;
	} else {
		if (!line.endsWith("%}", end)) return null;
		from = lead + 2;
		to = end - 2;
		if (line.charCodeAt(from) === 45) from++; // `{%-`
		if (to > from && line.charCodeAt(to - 1) === 45) to--; // `-%}`
	}
	if (to < from) return null;
	const inner = line.slice(from, to);
	// One tag alone on the line: another opening inside it means several.
	if (inner.indexOf("{{") !== -1 || inner.indexOf("{%") !== -1) return null;
	return parseTag(inner, hugo);
}

/** The tags whose parameters are read (the others are only named, in a warning). */
const READ_TAGS = new Set(["figure", "highlight", "/highlight", "endhighlight", "raw", "endraw", "codeblock", "code", "asset_img", "img", "blockquote", "post_link", "link", "include"]);

/** Hugo shortcodes that are callouts on the blog (themes' `admonition`, `notice`, Docsy's `alert`, the docs' `note`…), read with their parameters. */
const HUGO_CALLOUTS = new Set(["admonition", "notice", "alert", "callout", "note", "tip", "warning", "info", "hint", "caution", "danger", "important"]);
const NO_NAMED: ReadonlyMap<string, string> = new Map();
const NO_POSITIONAL: readonly string[] = [];

/** A tag's inside (`figure src="a.png"`, `/highlight`): its name, then its parameters. */
function parseTag(inner: string, hugo: boolean): SiteTag | null {
	let i = skipSpace(inner, 0);
	const nameStart = i;
	while (i < inner.length && !isSpaceCode(inner.charCodeAt(i))) i++;
	const name = inner.slice(nameStart, i);
	if (name === "") return null;
	// Only the tags read here need their parameters.
	if (!READ_TAGS.has(name) && !(hugo && HUGO_CALLOUTS.has(name))) return { hugo, name, named: NO_NAMED, positional: NO_POSITIONAL };
	const named = new Map<string, string>();
	const positional: string[] = [];
	for (i = skipSpace(inner, i); i < inner.length; i = skipSpace(inner, i)) {
		// `key=value`: the key is a word right before `=`.
		let k = i;
		while (k < inner.length && isKeyChar(inner.charCodeAt(k))) k++;
		let key: string | null = null;
		if (k > i && inner.charCodeAt(k) === 61) {
			key = inner.slice(i, k);
			i = k + 1;
		}
		const v = readValue(inner, i);
		if (key !== null) named.set(key.toLowerCase(), v.value);
		else positional.push(v.value);
		i = v.end;
	}
	return { hugo, name, named, positional };
}

/** A parameter's value at `i`: quoted with `"` (backslash escapes), `'` or a backtick, or a bare word. */
function readValue(text: string, i: number): { value: string; end: number } {
	const q = text.charCodeAt(i);
	if (q === 34 || q === 39 || q === 96) {
		let out = "";
		let k = i + 1;
		for (; k < text.length; k++) {
			const c = text.charCodeAt(k);
			if (c === q) return { value: out, end: k + 1 };
			if (c === 92 && q === 34 && k + 1 < text.length) {
				out += text[++k];
				continue;
			}
			out += text[k];
		}
		return { value: out, end: k };
	}
	let k = i;
	while (k < text.length && !isSpaceCode(text.charCodeAt(k))) k++;
	return { value: text.slice(i, k), end: k };
}

function skipSpace(text: string, i: number): number {
	while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
	return i;
}

function isSpaceCode(c: number): boolean {
	return c === 32 || c === 9;
}

function isKeyChar(c: number): boolean {
	return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45;
}

/** Reports nothing: a caption's markup is read for its text only. */
const QUIET: InlineReport = { softBreaks: false, warn: () => undefined };

/**
 * A figure's image: its src, its caption (else its title) as the text the blog shows (Hugo reads it as
 * markdown; a Medium caption is text) and its alt (Hugo's falls back to the caption).
 */
export function figureOf(tag: SiteTag): { src: string; alt: string; caption: string | null } | null {
	if (!tag.hugo || tag.name !== "figure") return null;
	const src = tag.named.get("src")?.trim() ?? "";
	if (src === "") return null;
	const written = tag.named.get("caption")?.trim() || tag.named.get("title")?.trim() || "";
	const caption = written === "" ? null : plainText(parseInlineFlat(written, QUIET)).trim() || null;
	return { src, alt: tag.named.get("alt")?.trim() || caption || "", caption };
}

/**
 * Hexo's `{% asset_img [class] slug [width] [height] [title [alt]] %}` (a file of the post's asset folder,
 * the folder named as the post beside it) and `{% img [class] /path [width] [height] [title [alt]] %}`:
 * the image's src as a markdown image's (relative to the post), its alt (else its title) and title; null
 * for another tag. `notePath` is the post's vault path.
 */
export function liquidImageOf(tag: SiteTag, notePath: string): { src: string; alt: string; caption: string | null } | null {
	if (!tag.hugo && tag.name === "include") return includedFigure(tag);
	if (tag.hugo || (tag.name !== "asset_img" && tag.name !== "img")) return null;
	const args = tag.positional;
	// The image: for asset_img the first word with an extension (class names have none), for img the first address.
	let at = -1;
	for (let k = 0; k < args.length && at === -1; k++) {
		const a = args[k];
		if (tag.name === "asset_img" ? /\.\w+$/.test(a) : /^(?:https?:\/\/|\/|\.\.?\/)/i.test(a)) at = k;
	}
	if (at === -1 && tag.name === "asset_img" && args.length > 0) at = 0;
	if (at === -1) return null;
	let src = args[at];
	if (tag.name === "asset_img") {
		const slash = notePath.lastIndexOf("/");
		const dot = notePath.lastIndexOf(".");
		const folder = notePath.slice(slash + 1, dot > slash ? dot : notePath.length);
		src = folder + "/" + src.replace(/^\.?\//, "");
	}
	let rest = args.slice(at + 1);
	while (rest.length > 0 && /^\d+(?:px|%)?$/.test(rest[0])) rest = rest.slice(1); // width, height
	const title = (rest.length === 2 ? rest[0] : rest.join(" ")).trim();
	const alt = (rest.length === 2 ? rest[1] : title).trim();
	return { src, alt, caption: title === "" ? null : title };
}

/** A quote a paired tag opens: a callout (its type and title, "" for the type's name) or a plain quote; a source line to close it with. */
export interface SiteQuote {
	callout: { type: string; title: string } | null;
	/** What follows the quote's text, after a dash (Hexo's blockquote: its author, its source). */
	footer: string | null;
}

/**
 * The quote a tag opens, when a closing tag ends it: a Hugo callout shortcode (`{{< admonition type=tip
 * title="T" >}}`, `{{% notice info "T" %}}`, Docsy's `{{% alert title="T" color="warning" %}}`, `{{< note >}}`)
 * or Hexo's `{% blockquote Author, Source [link] [link title] %}` (and the NexT theme's `{% note class %}`); null for another tag.
 */
export function siteQuoteOf(tag: SiteTag): SiteQuote | null {
	const named = tag.named;
	const pos = tag.positional;
	if (!tag.hugo) {
		// NexT's `{% note info %}`: a coloured box without a title.
		if (tag.name === "note") return { callout: null, footer: null };
		if (tag.name !== "blockquote") return null;
		const url = pos.findIndex((p) => /^https?:\/\//i.test(p));
		const by = (url === -1 ? pos : pos.slice(0, url)).join(" ").trim();
		const linkTitle = url === -1 ? "" : pos.slice(url + 1).join(" ").trim();
		const link = url === -1 ? "" : linkTitle === "" ? pos[url] : `[${linkTitle.replace(/[[\]\\]/g, "\\$&")}](${pos[url]})`;
		const footer = [by, link].filter((p) => p !== "").join(", ");
		return { callout: null, footer: footer === "" ? null : footer };
	}
	if (!HUGO_CALLOUTS.has(tag.name)) return null;
	const name = tag.name;
	if (name === "alert") {
		const title = (named.get("title") ?? "").trim();
		return { callout: title === "" ? null : { type: named.get("color") ?? "note", title }, footer: null };
	}
	const generic = name === "admonition" || name === "notice";
	const type = (named.get("type") ?? named.get("style") ?? (generic ? pos[0] : undefined) ?? (name === "callout" || generic ? "note" : name)).toLowerCase();
	const title = (named.get("title") ?? (generic ? pos[1] : pos[0]) ?? "").trim();
	return { callout: { type, title }, footer: null };
}

/** Whether a tag closes the paired tag named `name` (`{{< /notice >}}`, `{% endblockquote %}`). */
export function closesPairedTag(tag: SiteTag, hugo: boolean, name: string): boolean {
	return tag.hugo === hugo && (hugo ? tag.name === "/" + name : tag.name === "end" + name);
}

/**
 * A Jekyll theme's figure include, `{% include figure image_path="/assets/a.jpg" alt="…" caption="…" %}`
 * (Minimal Mistakes; al-folio's `figure.liquid path=…`): the image, its caption as text; else null.
 */
function includedFigure(tag: SiteTag): { src: string; alt: string; caption: string | null } | null {
	if (!/^figure(?:\.html|\.liquid)?$/.test(tag.positional[0] ?? "")) return null;
	const src = (tag.named.get("image_path") ?? tag.named.get("path") ?? tag.named.get("src") ?? tag.named.get("url") ?? "").trim();
	if (src === "" || src.indexOf("{{") !== -1) return null;
	const written = tag.named.get("caption")?.trim() || tag.named.get("title")?.trim() || "";
	const caption = written === "" ? null : plainText(parseInlineFlat(written, QUIET)).trim() || null;
	return { src, alt: tag.named.get("alt")?.trim() || caption || "", caption };
}

/** A code block a tag opens: Hugo's `highlight` (language first), Liquid's, or Hexo's `codeblock`; the closing tag's name. */
export interface SiteCodeOpen {
	language: string | null;
	/** The title the blog shows above the code (Hexo's codeblock), else null. */
	title: string | null;
	close: string;
	hugo: boolean;
}

/** The highlight block `line` opens (`{{< highlight go "linenos=table" >}}`, `{% highlight ruby linenos %}`), or null. */
export function siteCodeOpen(line: string): SiteCodeOpen | null {
	if (!mayBeSiteTag(line)) return null;
	const tag = siteTagOf(line);
	return tag === null ? null : siteCodeOf(tag);
}

/** The highlight block a tag opens, or null. */
export function siteCodeOf(tag: SiteTag): SiteCodeOpen | null {
	if (!tag.hugo && (tag.name === "codeblock" || tag.name === "code")) return hexoCodeOf(tag);
	if (tag.name !== "highlight") return null;
	const lang = tag.positional[0] ?? tag.named.get("lang") ?? "";
	return { language: lang.trim() === "" ? null : lang.trim(), title: null, close: tag.hugo ? "/highlight" : "endhighlight", hugo: tag.hugo };
}

/**
 * Hexo's `{% codeblock [title] [lang:language] [url] [link text] [option:value…] %}` (alias `code`): its
 * language, and its title (the words before any address, options left out).
 */
function hexoCodeOf(tag: SiteTag): SiteCodeOpen {
	let language: string | null = null;
	const words: string[] = [];
	for (const p of tag.positional) {
		const colon = p.indexOf(":");
		if (colon > 0 && p.startsWith("lang:")) language = p.slice(5).trim() || null;
		else if (/^https?:\/\//i.test(p)) break;
		else if (colon > 0 && /^[a-z_]+:/.test(p)) continue; // line_number:false, mark:1,3 …
		else words.push(p);
	}
	const title = words.join(" ").trim();
	return { language, title: title === "" ? null : title, close: "end" + tag.name, hugo: false };
}

/** Whether `line` is the tag that closes the highlight block `open`. */
export function closesSiteCode(line: string, open: SiteCodeOpen): boolean {
	if (!mayBeSiteTag(line)) return false;
	const tag = siteTagOf(line);
	return tag !== null && tag.hugo === open.hugo && tag.name === open.close;
}

/**
 * Where the highlight block that line `start` opens ends: the index of its closing tag's line, or -1 when
 * none comes before `end` (then the opening line is an unknown tag, as before).
 */
export function siteCodeEnd(lineAt: (k: number) => string, start: number, end: number, open: SiteCodeOpen): number {
	for (let k = start + 1; k < end; k++) if (closesSiteCode(lineAt(k), open)) return k;
	return -1;
}

/** Whether a tag is Jekyll's `{% raw %}` or `{% endraw %}`, which show nothing (the text between is text). */
export function isRawTag(tag: SiteTag): boolean {
	return !tag.hugo && (tag.name === "raw" || tag.name === "endraw") && tag.positional.length === 0 && tag.named.size === 0;
}

/** Whether `line` is only Liquid's `{% raw %}` or `{% endraw %}` (dropped with its line, in code blocks too). */
export function isRawTagLine(line: string): boolean {
	if (!mayBeSiteTag(line)) return false;
	const tag = siteTagOf(line);
	return tag !== null && isRawTag(tag);
}

/**
 * `text` without Liquid's `{% raw %}` / `{% endraw %}` tags that share their line with other text: the
 * blog's Liquid reads the whole file before markdown, so they show nothing in a sentence, a code span
 * or a code block (the text between is shown as written). Tags are paired as Liquid pairs them: a raw
 * opens, the next endraw closes, whatever lies between is text (another raw or a post_link included).
 * A raw with no endraw after it, or an endraw with no raw before it, would stop the blog's build: such
 * text goes through no Liquid (a note that only names the tag), so it stays as written. A tag alone on
 * its line is left for the converter, which drops that line (a line removed here would move every later
 * line's number). Hexo's `{% post_link slug title %}` becomes a link to the post. One native search when
 * the text has no `{%`.
 */
export function withInlineLiquid(text: string): string {
	let at = text.indexOf("{%");
	if (at === -1) return text;
	let out = "";
	let from = 0;
	/** The raw tag that opened raw text: [start, end), or null outside raw text. */
	let open: [number, number] | null = null;
	while (at !== -1) {
		let end = rawTagEnd(text, at);
		if (end !== -1) {
			const closes = isEndraw(text, at);
			if (open === null && !closes) open = [at, end];
			else if (open !== null && closes) {
				// A pair: each tag goes unless it is alone on its line (the converter drops that line).
				if (!aloneOnLine(text, open[0], open[1])) {
					out += text.slice(from, open[0]);
					from = open[1];
				}
				if (!aloneOnLine(text, at, end)) {
					out += text.slice(from, at);
					from = end;
				}
				open = null;
			}
		} else if (open === null && (text.startsWith("post_link", skipSpace(text, at + 2)) || text.startsWith("link ", skipSpace(text, at + 2)))) {
			const link = postLink(text, at);
			if (link !== null) {
				out += text.slice(from, at) + link.markdown;
				from = end = link.end;
			}
		}
		at = text.indexOf("{%", end === -1 ? at + 2 : end);
	}
	return from === 0 ? text : out + text.slice(from);
}

/** Whether the raw tag at `at` (one {@link rawTagEnd} reads) is an endraw. */
function isEndraw(text: string, at: number): boolean {
	let k = at + 2;
	if (text.charCodeAt(k) === 45) k++;
	return text.startsWith("endraw", skipSpace(text, k));
}

/**
 * Hexo's `{% post_link slug [title] %}` at `at`: a link to the post (a wikilink to its file, which the
 * converter resolves as any), written with its title when the tag gives one; null when it is not one.
 */
function postLink(text: string, at: number): { markdown: string; end: number } | null {
	const close = text.indexOf("%}", at + 2);
	if (close === -1 || close - at > 300) return null;
	const inner = text.slice(at + 2, close);
	if (inner.indexOf("\n") !== -1) return null;
	const tag = parseTag(inner.replace(/^-|-$/g, ""), false);
	if (tag?.name === "link") {
		// Hexo's `{% link text url [external] [title] %}`: the words before the first address are its text (Jekyll's `{% link path %}` has none).
		const words = tag.positional;
		const u = words.findIndex((w) => /^(?:[A-Za-z][\w+.-]{2,8}:|www\.)/.test(w));
		return u < 1 ? null : { markdown: `[${words.slice(0, u).join(" ").replace(/[[\]\\]/g, "\\$&")}](${words[u]})`, end: close + 2 };
	}
	const slug = tag?.positional[0]?.trim() ?? "";
	if (tag === null || tag.name !== "post_link" || slug === "" || /[[\]|#^]/.test(slug)) return null;
	const title = (tag.positional[1] ?? "").trim();
	return { markdown: title === "" || title === "true" || title === "false" ? `[[${slug}]]` : `[[${slug}|${title.replace(/[[\]|]/g, "")}]]`, end: close + 2 };
}

/** Where the raw or endraw tag at `at` (`{%`, `{%-`, `{%raw%}`) ends, or -1 when another tag is there. */
function rawTagEnd(text: string, at: number): number {
	let k = at + 2;
	if (text.charCodeAt(k) === 45) k++;
	k = skipSpace(text, k);
	if (text.startsWith("endraw", k)) k += 6;
	else if (text.startsWith("raw", k)) k += 3;
	else return -1;
	k = skipSpace(text, k);
	if (text.charCodeAt(k) === 45) k++;
	return text.startsWith("%}", k) ? k + 2 : -1;
}

/** Whether only spaces and tabs share the line with `text[at, end)`. */
function aloneOnLine(text: string, at: number, end: number): boolean {
	for (let k = at - 1; k >= 0 && text.charCodeAt(k) !== 10; k--) if (!isSpaceCode(text.charCodeAt(k))) return false;
	for (let k = end; k < text.length && text.charCodeAt(k) !== 10; k++) if (!isSpaceCode(text.charCodeAt(k))) return false;
	return true;
}

/**
 * `text` with the Liquid that opens a link's or image's address (Jekyll's `]({{ site.baseurl }}/a.png)`,
 * `]({{ "/docs/" | relative_url }})`, `]({% post_url 2016-10-06-name %})`, `]({% link docs/a.md %})`, Hexo's `]({% post_path slug %})`),
 * or Hugo's `]({{< ref "post.md" >}})` / `relref`; Pelican's `]({static}/a.png)`, `]({filename}/b.md)`; in an
 * HTML `src="…"` or `href="…"` too (`<img src="{{ site.baseurl }}/a.png">`)
 * replaced by what it prints: a site-root path, or for `post_url` the post's file name, which the
 * converter resolves as any link. Other Liquid stays as written. One native search when there is none.
 */
export function withLiquidAddresses(text: string): string {
	return inAttributes(inLinks(text));
}

/** The addresses of markdown links and images (`](…)`). */
function inLinks(text: string): string {
	return withAddressesAfter(text, "]({", null);
}

/** The addresses of HTML `src="…"` and `href="…"` attributes (`<img src="{{ site.baseurl }}/a.png">`). */
function inAttributes(text: string): string {
	return withAddressesAfter(text, '="{', attributeTakesAddress);
}

/** Whether the attribute whose `=` is at `at` is an address (`src`, `data-src`, `href`). */
function attributeTakesAddress(text: string, at: number): boolean {
	const name = text.slice(Math.max(0, at - 4), at).toLowerCase();
	return name.endsWith("src") || name === "href";
}

/**
 * `text` with the Liquid address after each `marker` (two characters, then the tag's `{`) written as its
 * value; with `takes`, only where it says the place holds an address.
 */
function withAddressesAfter(text: string, marker: string, takes: ((text: string, at: number) => boolean) | null): string {
	let at = text.indexOf(marker);
	if (at === -1) return text;
	let out = "";
	let from = 0;
	while (at !== -1) {
		const start = at + 2;
		const address = takes === null || takes(text, at) ? liquidAddress(text, start) : null;
		if (address !== null) {
			out += text.slice(from, start) + address.value;
			from = address.end;
		}
		at = text.indexOf(marker, address === null ? start : address.end);
	}
	return from === 0 ? text : out + text.slice(from);
}

/**
 * The site-root path a URL string's output prints (`"/a" | relative_url`, Eleventy's `'/a' | url`,
 * `"/a" | prepend: site.baseurl`, filters chained), in double or single quotes; else null.
 */
function urlFilterOutput(inner: string): string | null {
	const parts = inner.split("|");
	const q = parts[0].trim();
	if (parts.length < 2 || q.length < 2 || (q[0] !== '"' && q[0] !== "'") || q.indexOf(q[0], 1) !== q.length - 1) return null;
	let rooted = false;
	for (let k = 1; k < parts.length; k++) {
		const f = parts[k].trim();
		if (f === "relative_url" || f === "absolute_url") rooted = true;
		else if (f !== "url" && f !== "safe" && !/^prepend:[ \t]*site\.(?:baseurl|url)$/.test(f)) return null;
	}
	const path = q.slice(1, -1).trim();
	// Jekyll's relative_url and absolute_url root a relative path at the site's base.
	return rooted && path !== "" && path[0] !== "/" && !/^[a-z][\w+.-]*:/i.test(path) ? "/" + path : path;
}
/** How far a tag in an address may reach for its close. */
const ADDRESS_TAG_MAX = 300;

/** The Liquid tags at `p` (one or more, back to back) as what they print, and where they end; null for others. */
function liquidAddress(text: string, p: number): { value: string; end: number } | null {
	// Pelican's `{static}/images/a.png`, `{filename}/posts/b.md`, `{attach}…`: a path from its content folder.
	const pelican = /^\{(?:static|filename|attach)\}(?=\/)/.exec(text.slice(p, p + 11));
	if (pelican !== null) return { value: "@", end: p + pelican[0].length };
	let value = "";
	const start = p;
	while (text.charCodeAt(p) === 123 && (text.charCodeAt(p + 1) === 123 || text.charCodeAt(p + 1) === 37)) {
		const hugo = text.charCodeAt(p + 1) === 123 && (text.charCodeAt(p + 2) === 60 || text.charCodeAt(p + 2) === 37);
		if (hugo) {
			// Hugo's `{{< ref "post.md" >}}` / `{{< relref "/posts/a.md#part" >}}`: the page, from the content folder when rooted.
			const close = text.indexOf(text.charCodeAt(p + 2) === 60 ? ">}}" : "%}}", p + 3);
			if (close === -1 || close - p > ADDRESS_TAG_MAX) return null;
			const m = /^[ \t]*(?:rel)?ref[ \t]+(?:"([^"\n]*)"|'([^'\n]*)'|([^\s"']+))[ \t]*$/.exec(text.slice(p + 3, close));
			const page = m === null ? "" : (m[1] ?? m[2] ?? m[3]).trim();
			if (page === "" || /\s/.test(page)) return null;
			value += page.charCodeAt(0) === 47 ? "@" + page : page;
			p = close + 3;
			continue;
		}
		const output = text.charCodeAt(p + 1) === 123;
		const close = text.indexOf(output ? "}}" : "%}", p + 2);
		if (close === -1 || close - p > ADDRESS_TAG_MAX) return null;
		let from = p + 2;
		let to = close;
		if (text.charCodeAt(from) === 45) from++;
		if (to > from && text.charCodeAt(to - 1) === 45) to--;
		const inner = text.slice(from, to).trim();
		if (inner.indexOf("\n") !== -1) return null;
		let printed: string | null = null;
		if (output) {
			if (inner === "site.url" || inner === "site.baseurl") printed = "";
			else printed = urlFilterOutput(inner);
		} else {
			const space = inner.search(/[ \t]/);
			const name = space === -1 ? inner : inner.slice(0, space);
			const arg = space === -1 ? "" : inner.slice(space).trim();
			if (arg !== "" && !/[\s{}]/.test(arg)) {
				if (name === "post_url" || name === "post_path") printed = arg.slice(arg.lastIndexOf("/") + 1) + ".md";
				else if (name === "link") printed = "/" + arg.replace(/^\/+/, "");
			}
		}
		if (printed === null || /\s/.test(printed)) return null;
		value += printed;
		p = close + 2;
	}
	return p === start ? null : { value, end: p };
}

/** The file a Quarto `{{< include _file.qmd >}}` shortcode's inside (`include _file.qmd`) names, else null. */
export function includePath(inner: string): string | null {
	const m = /^\s*include\s+["']?([^\s"'<>]+)["']?\s*$/.exec(inner);
	return m === null ? null : m[1];
}

/**
 * The address Medium embeds for a tag alone on its line that shows a video, a gist or a post: Hugo's
 * `{{< gist user id >}}`, `{{< vimeo id >}}`, `{{< tweet user="u" id="1" >}}`; Liquid's (Hexo's, Jekyll
 * plugins') `{% youtube id %}`, `{% vimeo id %}`, `{% gist user/id %}`. Null for another tag.
 * `inner` is the tag's inside (`gist spf13 7896402`); Hugo's youtube is read where it is met.
 */
export function siteTagEmbed(inner: string, hugo: boolean): string | null {
	let words = inner.trim().split(/[ \t]+/);
	// Minimal Mistakes' `{% include video id="…" provider="youtube" %}`: the provider is the name.
	if (!hugo && words[0] === "include" && /^video(?:\.html)?$/.test(words[1] ?? "")) {
		const provider = /\bprovider=["']?(\w+)/.exec(inner);
		if (provider === null) return null;
		words = [provider[1], ...words.slice(2)];
	} else if (!hugo && words[0] === "include") {
		// A site's own `{% include youtube.html id="…" %}`: the provider is in the file's name.
		const provider = /^(youtube|vimeo)/i.exec(words[1] ?? "");
		if (provider === null) return null;
		words = [provider[1], ...words.slice(2)];
	}
	const name = words[0].toLowerCase();
	if (name !== "youtube" && name !== "vimeo" && name !== "gist" && name !== "tweet" && name !== "twitter" && name !== "x") return null;
	const named = new Map<string, string>();
	const positional: string[] = [];
	for (let k = 1; k < words.length; k++) {
		const eq = words[k].indexOf("=");
		const key = eq > 0 ? words[k].slice(0, eq).toLowerCase() : "";
		const value = (eq > 0 ? words[k].slice(eq + 1) : words[k]).replace(/^["']|["']$/g, "");
		if (key !== "") named.set(key, value);
		else positional.push(value);
	}
	const id = named.get("id") ?? positional[name === "gist" && hugo ? 1 : 0] ?? "";
	if (!/^[\w-]+(?:\/[\w-]+)?$/.test(id)) return null;
	if (name === "youtube") return hugo || id.indexOf("/") !== -1 ? null : "https://www.youtube.com/watch?v=" + id;
	if (name === "vimeo") return id.indexOf("/") !== -1 ? null : "https://vimeo.com/" + id;
	if (name === "gist") {
		const user = named.get("user") ?? (hugo ? positional[0] : undefined);
		if (hugo) return user !== undefined && /^[\w-]+$/.test(user) && id.indexOf("/") === -1 ? `https://gist.github.com/${user}/${id}` : null;
		return "https://gist.github.com/" + id;
	}
	const user = named.get("user") ?? (positional.length > 1 ? positional[0] : "i");
	const status = named.get("id") ?? positional[positional.length - 1] ?? "";
	return hugo && /^\d+$/.test(status) && /^\w+$/.test(user) ? `https://twitter.com/${user}/status/${status}` : null;
}

/** A `<script src="https://gist.github.com/user/id.js"></script>` line: the gist's address (Medium embeds it), else null. */
export function gistScriptUrl(line: string): string | null {
	const t = line.trim();
	if (!/^<script\b/i.test(t) || !/<\/script>$/i.test(t)) return null;
	const at = t.indexOf("https://gist.github.com/");
	if (at === -1) return null;
	const m = /^https:\/\/gist\.github\.com\/([\w-]+\/\w+)\.js\b/.exec(t.slice(at));
	return m === null ? null : "https://gist.github.com/" + m[1];
}
