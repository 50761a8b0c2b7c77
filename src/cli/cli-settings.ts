/**
 * The flags and environment the commands share, and their checks up front: the conversion choices
 * (templates, URL property), the token, and the API base. A mistake here is named in the command
 * line's own words (`MEDIUM_TOKEN`, `MEDIUM_API_BASE`, `--publication`) before anything is read or sent.
 */

import { DEFAULT_API_BASE } from "../medium/medium-client";
import { DEFAULT_PUBLISH, type PublishDefaults } from "../publish/publish-settings";
import { CliError, EXIT, type CliIo } from "./cli-io";
import { DEFAULT_CONFIG_DIR } from "./node-vault";
import { flagValue, type FlagSpec, type ParsedArgs } from "./command";

export const VAULT_FLAG: FlagSpec = {
	name: "vault",
	value: "DIR",
	description:
		`The folder links and images resolve in (nothing outside it is read). Default: the nearest folder above the notes holding ${DEFAULT_CONFIG_DIR}/, else .git or package.json, else the notes' folder.`,
};

export const JSON_FLAG: FlagSpec = { name: "json", description: "Print one JSON document on stdout instead of text (messages still go to stderr)." };

/** The flags that shape a conversion, like the plugin's settings. */
export const CONVERSION_FLAGS: readonly FlagSpec[] = [
	{
		name: "canonical-template",
		value: "URL",
		description:
			"Canonical URL of notes without canonical_url, e.g. https://blog.example/{slug}/. {slug} is the note's slug (or permalink, dg-permalink) property, else its name as a slug (a post's folder for index.md, README.md, _index.md), {path} its path, {title} its name.",
	},
	{
		name: "link-template",
		value: "URL",
		description:
			"Where links to notes that are not on Medium point, with the same placeholders. Default: the canonical template; without either, such links become plain text.",
	},
	{ name: "url-property", value: "NAME", description: "The property that holds a note's story URL (default medium_url)." },
];

/** The conversion choices the flags make (a blog's URL scheme, the property holding story URLs). */
export function defaultsFrom(args: ParsedArgs): PublishDefaults {
	const canonicalTemplate = flagValue(args, "canonical-template") ?? DEFAULT_PUBLISH.canonicalTemplate;
	return {
		...DEFAULT_PUBLISH,
		canonicalTemplate,
		// A link to a post not on Medium yet goes to its home on the blog, like its canonical URL.
		linkTemplate: flagValue(args, "link-template") ?? (canonicalTemplate || DEFAULT_PUBLISH.linkTemplate),
		urlProperty: flagValue(args, "url-property") ?? DEFAULT_PUBLISH.urlProperty,
	};
}

/**
 * The API base from MEDIUM_API_BASE, checked: an http(s) URL whose path ends in `/v1` (Medium's, or a
 * stand-in like a test server). A wrong one is a usage mistake named as such, before any request.
 */
export function apiBaseFrom(env: CliIo["env"]): string {
	const raw = (env.MEDIUM_API_BASE ?? "").trim();
	if (raw === "") return DEFAULT_API_BASE;
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw new CliError(`MEDIUM_API_BASE is not a URL: "${raw}". Unset it to use ${DEFAULT_API_BASE}.`, EXIT.usage);
	}
	if (url.protocol !== "https:" && url.protocol !== "http:") {
		throw new CliError(`MEDIUM_API_BASE must be an http(s) URL, not "${raw}". Unset it to use ${DEFAULT_API_BASE}.`, EXIT.usage);
	}
	let path = url.pathname;
	while (path.endsWith("/")) path = path.slice(0, -1);
	if (!path.endsWith("/v1")) {
		throw new CliError(`MEDIUM_API_BASE has no /v1 at the end of its path: "${raw}". Medium's API lives under /v1, e.g. ${DEFAULT_API_BASE}.`, EXIT.usage);
	}
	if (url.search !== "" || url.hash !== "") throw new CliError(`MEDIUM_API_BASE must not carry a query or a fragment: "${raw}".`, EXIT.usage);
	return `${url.origin}${path}`;
}

/** True when every character may travel in an HTTP header (a pasted token with a line break may not). */
function headerSafe(token: string): boolean {
	for (let i = 0; i < token.length; i++) {
		const c = token.charCodeAt(i);
		if (c < 0x21 || c > 0x7e) return false;
	}
	return true;
}

/** The token from MEDIUM_TOKEN, trimmed; "" when unset. Throws (without quoting it) when it cannot be a token. */
export function tokenFrom(env: CliIo["env"]): string {
	const token = (env.MEDIUM_TOKEN ?? "").trim();
	if (token !== "" && !headerSafe(token)) {
		throw new CliError("MEDIUM_TOKEN contains spaces or characters a token cannot have. Set it again, from Medium's settings (Security and apps → Integration tokens).", EXIT.usage);
	}
	return token;
}

/** Said when publishing needs a token and MEDIUM_TOKEN is empty. */
export const NO_TOKEN_MESSAGE =
	"No Medium integration token: set MEDIUM_TOKEN. (Medium no longer issues new tokens; without one, use `medium-publish convert <note> --format html` and paste the result into Medium's editor.)";
