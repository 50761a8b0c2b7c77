/**
 * A checker for the HTML we hand to Medium (API body, clipboard, `convert --format html`): every `<` starts
 * an allowed tag with only allowed attributes, text is fully escaped, tags balance, lists are one level
 * deep, and links and images carry only allowed schemes. Independent of the writer it checks.
 */

const ALLOWED_TAGS = new Set([
	"h1", "h2", "h3", "h4", "p", "a", "strong", "em", "code", "pre", "blockquote",
	"ul", "ol", "li", "hr", "img", "figure", "figcaption", "br",
]);
const VOID_TAGS = new Set(["br", "hr", "img"]);
const ALLOWED_ATTRIBUTES: Record<string, string[]> = { a: ["href"], img: ["src", "alt"], pre: ["data-code-block-mode", "data-code-block-lang"] };
const REFERENCE = /&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);/y;
const TAG = /^(\/?)([a-z0-9]+)((?: [a-z-]+="[^"<>]*")*)$/;
const ATTRIBUTE = / ([a-z-]+)="([^"<>]*)"/g;

function textProblems(text: string): string[] {
	const problems: string[] = [];
	for (const ch of [">", "\"", "'"]) if (text.includes(ch)) problems.push(`unescaped ${ch} in text ${JSON.stringify(text)}`);
	for (let i = text.indexOf("&"); i >= 0; i = text.indexOf("&", i + 1)) {
		REFERENCE.lastIndex = i;
		if (!REFERENCE.test(text)) problems.push(`bare & in text ${JSON.stringify(text)}`);
	}
	return problems;
}

function attributeProblems(tag: string, attributes: string): string[] {
	const problems: string[] = [];
	const seen: string[] = [];
	for (const [, name, value] of attributes.matchAll(ATTRIBUTE)) {
		seen.push(name);
		if (!(ALLOWED_ATTRIBUTES[tag] ?? []).includes(name)) problems.push(`attribute ${name} on <${tag}>`);
		problems.push(...textProblems(value).map((p) => `${p} (attribute ${name})`));
		const lower = value.toLowerCase();
		if (name === "href" && !["http://", "https://", "mailto:"].some((s) => lower.startsWith(s))) {
			problems.push(`href ${value}`);
		}
		const dataImage = ["data:image/png;base64,", "data:image/jpeg;base64,", "data:image/gif;base64,"];
		if (name === "src" && !["http://", "https://", ...dataImage].some((s) => lower.startsWith(s))) {
			problems.push(`src ${value}`);
		}
	}
	if (tag === "img" && !(seen.includes("src") && seen.includes("alt"))) problems.push("img without src and alt");
	if (tag === "a" && !seen.includes("href")) problems.push("a without href");
	return problems;
}

/**
 * Everything wrong with `html` as clipboard HTML for Medium (empty when it is fine): every `<` must
 * start one of the allowed tags with only allowed attributes, text must be fully escaped, tags must
 * balance, and lists must be one level deep.
 */
export function mediumSafetyProblems(html: string): string[] {
	const problems: string[] = [];
	const open: string[] = [];
	let i = 0;
	while (i <= html.length) {
		const lt = html.indexOf("<", i);
		problems.push(...textProblems(html.slice(i, lt < 0 ? html.length : lt)));
		if (lt < 0) break;
		const gt = html.indexOf(">", lt);
		if (gt < 0) {
			problems.push(`unterminated tag at ${lt}`);
			break;
		}
		const match = TAG.exec(html.slice(lt + 1, gt));
		i = gt + 1;
		if (!match) {
			problems.push(`not an allowed tag: ${html.slice(lt, gt + 1)}`);
			continue;
		}
		const [, slash, name, attributes] = match;
		if (!ALLOWED_TAGS.has(name)) problems.push(`tag <${name}>`);
		if (slash) {
			if (attributes) problems.push(`attributes on </${name}>`);
			const top = open.pop();
			if (top !== name) problems.push(`</${name}> closes <${top ?? "nothing"}>`);
			continue;
		}
		problems.push(...attributeProblems(name, attributes));
		const parent = open[open.length - 1];
		if (name === "li" && parent !== "ul" && parent !== "ol") problems.push(`<li> inside <${parent ?? "root"}>`);
		if ((name === "ul" || name === "ol") && open.includes("li")) problems.push("nested list");
		if (name === "figcaption" && parent !== "figure") problems.push("figcaption outside figure");
		if (!VOID_TAGS.has(name)) open.push(name);
	}
	if (open.length > 0) problems.push(`unclosed ${open.join(", ")}`);
	return problems;
}

export function expectMediumSafe(html: string): void {
	expect(mediumSafetyProblems(html)).toEqual([]);
}

