/**
 * The Medium API client: profile, publications, story creation and image upload, over the HttpPort so the
 * same code runs in Obsidian (requestUrl), on the command line (fetch) and in tests (a fake server).
 * It owns the rules the API does not forgive: only documented fields in a story, titles and tags cut to
 * what Medium keeps, no automatic retry of story creation (every create is a new story), and errors that
 * explain themselves without ever quoting the integration token.
 */

import type { HttpPort, HttpRequest, HttpResponse } from "../core/ports";
import { USER_AGENT } from "../core/user-agent";
import { MediumError, type MediumErrorDetails, type MediumRequestKind, isRecord, mediumErrorFromRejection, mediumErrorFromResponse, redactToken } from "./medium-errors";
import { MEDIUM_IMAGE_TYPES, sniffImageType } from "./image-type";
import { buildMultipart } from "./multipart";

/** Medium's API root; tests point the client at a fake server instead. */
export const DEFAULT_API_BASE = "https://api.medium.com/v1";

/** The account the token belongs to (GET /me). */
export interface MediumUser {
	id: string;
	username: string;
	name: string;
	url: string;
	imageUrl: string;
}

/** A publication the account is related to (GET /users/{id}/publications). */
export interface MediumPublication {
	id: string;
	name: string;
	description: string;
	url: string;
	imageUrl: string;
}

/** Who sees a new story. Medium's own default is "public", so the plugin always sends one explicitly. */
export type PublishStatus = "public" | "draft" | "unlisted";

/** The publish statuses Medium accepts, for validating values that come from note properties. */
export const PUBLISH_STATUSES: readonly PublishStatus[] = ["public", "draft", "unlisted"];

/** The licenses Medium accepts, in the order of its docs. */
export const MEDIUM_LICENSES = [
	"all-rights-reserved",
	"cc-40-by",
	"cc-40-by-sa",
	"cc-40-by-nd",
	"cc-40-by-nc",
	"cc-40-by-nc-nd",
	"cc-40-by-nc-sa",
	"cc-40-zero",
	"public-domain",
] as const;

/** One of Medium's licenses. */
export type MediumLicense = (typeof MEDIUM_LICENSES)[number];

/** A story to create. Only these documented fields are ever sent. */
export interface CreatePostInput {
	/** Listing and SEO title (not shown in the story: the content starts with its own H1). */
	title: string;
	contentFormat: "markdown" | "html";
	content: string;
	tags?: string[];
	canonicalUrl?: string;
	publishStatus?: PublishStatus;
	license?: MediumLicense;
	notifyFollowers?: boolean;
}

/** A created story, as Medium reports it. */
export interface MediumPost {
	id: string;
	title: string;
	authorId: string;
	/** Normalised by Medium: may differ from what was sent. */
	tags: string[];
	url: string;
	canonicalUrl?: string;
	publishStatus: PublishStatus;
	/** Epoch milliseconds; absent for drafts. */
	publishedAt?: number;
	license: MediumLicense;
	licenseUrl: string;
	publicationId?: string;
}

/** What an image upload returns: the CDN URL to put in the story, and Medium's md5 of the bytes. */
export interface UploadedImage {
	url: string;
	md5: string;
}

/** Where a story goes: the user's profile (default) or a publication. */
export interface PostTarget {
	publicationId?: string;
}

/** How to build a client. */
export interface MediumClientOptions {
	http: HttpPort;
	/** The integration token; may be empty (every call then fails with "no-token", without a request). */
	token: string;
	/** Defaults to DEFAULT_API_BASE. */
	apiBase?: string;
	/** Waits before the image upload's retries (at most two are made); default [500, 1500]. */
	retryDelaysMs?: number[];
	/**
	 * Waits the given milliseconds (retries, Retry-After). A port, since timers are the host's: the
	 * plugin's are the window's (popout windows), the command line's are Node's.
	 */
	sleep: (ms: number) => Promise<void>;
}

/** Medium ignores longer titles and synthesizes its own. */
export const MEDIUM_TITLE_MAX = 100;
/** Medium ignores longer tags. */
export const MEDIUM_TAG_MAX = 25;
/** Medium uses only the first three tags. */
export const MEDIUM_MAX_TAGS = 3;
/** The image upload is retried at most this many times. */
export const MAX_UPLOAD_RETRIES = 2;
/** Default waits before the image upload's first and second retry. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [500, 1500];
/** A `Retry-After` up to this long is waited before a retry; a longer one ends the retries (and is said). */
export const MAX_RETRY_AFTER_MS = 60_000;

/** Runs of white space (a single quantifier: no backtracking blow-up). */
const WHITESPACE_RUNS = /\s+/g;

/**
 * Whether the code unit at `i` belongs to the character shown before it, so a cut there would split
 * what the reader sees as one: a surrogate pair's second half, a ZWJ or what it joins, a variation
 * selector, a skin tone, an emoji tag, a combining mark.
 */
function clingsToPrevious(s: string, i: number): boolean {
	const c = s.charCodeAt(i);
	if ((c >= 0xdc00 && c <= 0xdfff) || c === 0x200d || s.charCodeAt(i - 1) === 0x200d || (c >= 0xfe00 && c <= 0xfe0f) || c === 0xdb40) return true;
	if (c === 0xd83c) {
		const d = s.charCodeAt(i + 1);
		return d >= 0xdffb && d <= 0xdfff;
	}
	return c >= 0x300 && /\p{M}/u.test(s.charAt(i));
}

/** Whether a regional indicator (half of a flag) is at `i`. */
function isRegionalAt(s: string, i: number): boolean {
	const d = s.charCodeAt(i + 1);
	return s.charCodeAt(i) === 0xd83c && d >= 0xdde6 && d <= 0xddff;
}

/**
 * Makes a title Medium keeps: white space collapsed, trimmed, and at most 100 characters: cut on a word
 * boundary with "…" when there is one in the second half, else cut hard (never inside a shown character).
 */
export function sanitizeTitle(title: string): string {
	// One space for each run; an ideographic space (U+3000, between Japanese words) stays as written.
	const clean = title.trim().replace(WHITESPACE_RUNS, (run) => (run.charCodeAt(0) === 0x3000 ? "\u3000" : " "));
	if (clean.length <= MEDIUM_TITLE_MAX) return clean;
	let cut = MEDIUM_TITLE_MAX - 1;
	while (cut > 0 && clingsToPrevious(clean, cut)) cut--;
	// A flag is two regional indicators: an odd run before the cut would leave half of one.
	let flags = 0;
	while (cut - 2 * flags >= 2 && isRegionalAt(clean, cut - 2 * flags - 2)) flags++;
	if (flags % 2 === 1) cut -= 2;
	const head = clean.slice(0, cut);
	const space = head.lastIndexOf(" ");
	const base = space >= MEDIUM_TITLE_MAX / 2 ? head.slice(0, space) : head;
	return base.trimEnd() + "…";
}

/**
 * Makes tags Medium keeps: strings only, trimmed, empty and over-25-character ones dropped, duplicates
 * (ignoring case) dropped, at most three, in the given order.
 */
export function sanitizeTags(tags: readonly unknown[]): string[] {
	const out: string[] = [];
	const seen = new Set<string>();
	for (const raw of tags) {
		if (typeof raw !== "string") continue;
		const tag = raw.trim();
		if (tag === "" || tag.length > MEDIUM_TAG_MAX) continue;
		const key = tag.toLowerCase();
		if (seen.has(key)) continue;
		seen.add(key);
		out.push(tag);
		if (out.length === MEDIUM_MAX_TAGS) break;
	}
	return out;
}

/**
 * The JSON body of a story exactly as it is sent: only documented fields that are set, title and tags
 * cut to what Medium keeps; bad values throw early. The one builder of that body: the client sends it
 * and the command line's dry run shows it, so what is shown is what is sent.
 */
export function buildPostBody(input: CreatePostInput): Record<string, unknown> {
	const title = typeof input.title === "string" ? sanitizeTitle(input.title) : "";
	if (title === "") throw badRequest("The story has no title. Give the note a title or an H1 heading.");
	if (input.contentFormat !== "markdown" && input.contentFormat !== "html") {
		throw badRequest("The story's content format must be \"markdown\" or \"html\".");
	}
	if (typeof input.content !== "string" || input.content.trim() === "") {
		throw badRequest("The story is empty: Medium refuses a story without content.");
	}
	const body: Record<string, unknown> = { title, contentFormat: input.contentFormat, content: input.content };
	if (Array.isArray(input.tags)) {
		const tags = sanitizeTags(input.tags);
		if (tags.length > 0) body.tags = tags;
	}
	if (typeof input.canonicalUrl === "string" && input.canonicalUrl.trim() !== "") {
		body.canonicalUrl = input.canonicalUrl.trim();
	}
	if (input.publishStatus !== undefined && input.publishStatus !== null) {
		if (!PUBLISH_STATUSES.includes(input.publishStatus)) {
			throw badRequest(
				`The publish status "${String(input.publishStatus)}" is not one Medium knows. Use public, draft or unlisted.`,
			);
		}
		body.publishStatus = input.publishStatus;
	}
	if (input.license !== undefined && input.license !== null) {
		if (!(MEDIUM_LICENSES as readonly string[]).includes(input.license)) {
			throw badRequest(
				`The license "${String(input.license)}" is not one Medium knows. Use one of: ${MEDIUM_LICENSES.join(", ")}.`,
			);
		}
		body.license = input.license;
	}
	if (typeof input.notifyFollowers === "boolean") body.notifyFollowers = input.notifyFollowers;
	return body;
}

/** A "bad-request" error raised before any request. */
function badRequest(message: string): MediumError {
	return new MediumError("bad-request", message);
}

/** Normalises an image Content-Type: lower case, no parameters, `image/jpg` read as `image/jpeg`. */
function normaliseImageType(contentType: string): string {
	const semicolon = contentType.indexOf(";");
	const bare = (semicolon >= 0 ? contentType.slice(0, semicolon) : contentType).trim().toLowerCase();
	return bare === "image/jpg" || bare === "image/pjpeg" ? "image/jpeg" : bare;
}

/** The last path segment of a file name, so no vault folder names travel to Medium. */
function baseName(filename: string): string {
	const slash = Math.max(filename.lastIndexOf("/"), filename.lastIndexOf("\\"));
	return (slash >= 0 ? filename.slice(slash + 1) : filename).trim();
}

/** A string field of Medium's data, or "" when absent or not a string. */
function str(record: Record<string, unknown>, key: string): string {
	const value = record[key];
	return typeof value === "string" ? value : "";
}

/** True when every character of the token may travel in an HTTP header. */
function tokenIsHeaderSafe(token: string): boolean {
	for (let i = 0; i < token.length; i++) {
		const c = token.charCodeAt(i);
		if (c < 0x21 || c > 0x7e) return false;
	}
	return true;
}

/** The advice added when a story creation ended without a clear answer. */
const MAYBE_CREATED =
	" Medium may have created the story anyway: check your stories and drafts on Medium before publishing again.";

/** Per-request choices for `send`. */
interface SendOptions {
	/** What the plugin was doing, for messages ("creating the story"). */
	context: string;
	/** What the request is for, so a 429 is worded for it; "read" unless said. */
	request?: MediumRequestKind;
	/** Retries on network failure, timeout, 429 and 5xx (only for idempotent-enough requests). */
	retry?: boolean;
	/** Maps a MediumError of this endpoint to another (e.g. 401 → missing scope). */
	mapError?: (error: MediumError) => MediumError;
	/** Warn that the request may have taken effect when no clear answer came. */
	notIdempotent?: boolean;
}

/** A request body: JSON or multipart bytes. */
type SendBody = { json: Record<string, unknown> } | { bytes: Uint8Array; contentType: string };

/** Talks to Medium with one integration token. Cheap to build; caches the profile per instance. */
export class MediumClient {
	private readonly http: HttpPort;
	private readonly apiBase: string;
	private readonly retryDelaysMs: readonly number[];
	private readonly sleep: (ms: number) => Promise<void>;
	private token: string;
	private mePromise: Promise<MediumUser> | null = null;

	constructor(opts: MediumClientOptions) {
		this.http = opts.http;
		this.token = opts.token.trim();
		let base = (opts.apiBase ?? DEFAULT_API_BASE).trim();
		while (base.endsWith("/")) base = base.slice(0, -1);
		this.apiBase = base;
		this.retryDelaysMs = opts.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
		this.sleep = opts.sleep;
	}

	/** Changes the token and forgets the profile read with the old one. */
	setToken(token: string): void {
		this.token = token.trim();
		this.mePromise = null;
	}

	/** The token's account (GET /me), requested once per client; a failure is not cached. */
	me(): Promise<MediumUser> {
		if (this.mePromise) return this.mePromise;
		const pending = this.fetchMe();
		this.mePromise = pending;
		pending.catch(() => {
			if (this.mePromise === pending) this.mePromise = null;
		});
		return pending;
	}

	private async fetchMe(): Promise<MediumUser> {
		const data = await this.send("GET", "/me", undefined, { context: "loading your Medium profile" });
		if (!isRecord(data) || str(data, "id") === "") {
			throw badResponse("Loading your Medium profile failed: Medium's answer had no user in it. Try again later.");
		}
		return {
			id: str(data, "id"),
			username: str(data, "username"),
			name: str(data, "name"),
			url: str(data, "url"),
			imageUrl: str(data, "imageUrl"),
		};
	}

	/**
	 * The publications the account is related to. Integration tokens may lack the `listPublications` scope:
	 * that (401 here, or code 6002) is a MediumError of kind "missing-scope", and the profile still stands.
	 */
	async publications(userId: string): Promise<MediumPublication[]> {
		const data = await this.send("GET", `/users/${encodeURIComponent(userId)}/publications`, undefined, {
			context: "listing your publications",
			mapError: (error) =>
				error.kind === "unauthorized"
					? new MediumError(
						"missing-scope",
						"Listing your publications failed: the integration token may not list publications (the scope is missing). You can still publish to your profile.",
						detailsOf(error),
					)
					: error,
		});
		if (!Array.isArray(data)) {
			throw badResponse("Listing your publications failed: Medium's answer was not a list. Try again later.");
		}
		const out: MediumPublication[] = [];
		for (const entry of data) {
			if (!isRecord(entry) || str(entry, "id") === "") continue;
			out.push({
				id: str(entry, "id"),
				name: str(entry, "name"),
				description: str(entry, "description"),
				url: str(entry, "url"),
				imageUrl: str(entry, "imageUrl"),
			});
		}
		return out;
	}

	/**
	 * Creates a story on the profile, or in a publication when `target.publicationId` is set. Sent exactly
	 * once: Medium has no idempotency, so a retry after a lost answer could publish the story twice.
	 */
	async createPost(input: CreatePostInput, target?: PostTarget): Promise<MediumPost> {
		const body = buildPostBody(input);
		const publicationId = target?.publicationId?.trim() ?? "";
		let path: string;
		if (publicationId !== "") {
			this.requireToken();
			path = `/publications/${encodeURIComponent(publicationId)}/posts`;
		} else {
			const user = await this.me();
			path = `/users/${encodeURIComponent(user.id)}/posts`;
		}
		const data = await this.send("POST", path, { json: body }, { context: "creating the story", notIdempotent: true, request: "story" });
		if (!isRecord(data) || str(data, "id") === "" || str(data, "url") === "") {
			throw badResponse(
				"Creating the story failed: Medium's answer had no story in it." + MAYBE_CREATED,
			);
		}
		return readPost(data, body);
	}

	/**
	 * Uploads an image and returns its Medium URL. The type is sniffed from the bytes unless given; a type
	 * Medium does not accept fails before any request. Retried twice with back-off on network failure,
	 * timeout, 429 and 5xx (an upload twice only costs a duplicate file, never a duplicate story).
	 */
	async uploadImage(bytes: Uint8Array, filename: string, contentType?: string): Promise<UploadedImage> {
		this.requireToken();
		const name = baseName(filename);
		if (bytes.length === 0) throw this.badRequest(`The image "${name}" is empty.`);
		const sniffed = sniffImageType(bytes);
		let type: string;
		if (contentType !== undefined && contentType.trim() !== "") {
			type = normaliseImageType(contentType);
		} else if (sniffed) {
			type = sniffed.mime;
		} else {
			throw this.badRequest(`"${name}" is not an image Medium can take (not JPEG, PNG, GIF or TIFF).`);
		}
		if (!MEDIUM_IMAGE_TYPES.includes(type)) {
			throw this.badRequest(
				`Medium does not accept ${type} images ("${name}"). Convert it to PNG or JPEG, or leave it out.`,
			);
		}
		const ext = sniffed?.ext ?? type.slice(type.indexOf("/") + 1);
		const multipart = buildMultipart({
			name: "image",
			filename: name === "" ? `image.${ext}` : name,
			contentType: type,
			bytes,
		});
		const data = await this.send("POST", "/images", { bytes: multipart.body, contentType: multipart.contentType }, {
			context: `uploading the image "${name}"`,
			request: "upload",
			retry: true,
		});
		if (!isRecord(data) || str(data, "url") === "") {
			throw badResponse(`Uploading the image "${name}" failed: Medium's answer had no image URL. Try again later.`);
		}
		return { url: str(data, "url"), md5: str(data, "md5") };
	}

	/** Fails with "no-token" (or a malformed-token error) before any request. */
	private requireToken(): void {
		if (this.token === "") {
			throw new MediumError(
				"no-token",
				"No Medium integration token is set. Add it in the plugin settings, or use \"Copy for Medium's editor\" instead.",
			);
		}
		if (!tokenIsHeaderSafe(this.token)) {
			throw new MediumError(
				"unauthorized",
				"The integration token in the plugin settings contains spaces or characters a token cannot have. Paste it again.",
			);
		}
	}

	/** Sends one request (with retries when asked) and returns Medium's `data`. */
	private async send(method: "GET" | "POST", path: string, body: SendBody | undefined, opts: SendOptions): Promise<unknown> {
		this.requireToken();
		const headers: Record<string, string> = {
			Authorization: `Bearer ${this.token}`,
			Accept: "application/json",
			"Accept-Charset": "utf-8",
			"User-Agent": USER_AGENT,
		};
		const request: HttpRequest = { url: this.apiBase + path, method, headers };
		if (body && "json" in body) {
			headers["Content-Type"] = "application/json";
			request.body = JSON.stringify(body.json);
		} else if (body) {
			headers["Content-Type"] = body.contentType;
			request.body = body.bytes;
		}
		const retries = opts.retry ? MAX_UPLOAD_RETRIES : 0;
		for (let attempt = 0; ; attempt++) {
			let error: MediumError;
			try {
				return await this.attempt(request, opts.context, opts.request ?? "read");
			} catch (caught) {
				error = caught instanceof MediumError ? caught : mediumErrorFromRejection(caught, opts.context, this.token);
			}
			if (opts.mapError) error = opts.mapError(error);
			const asked = error.retryAfterMs;
			if (attempt < retries && isRetryable(error) && (asked === undefined || asked <= MAX_RETRY_AFTER_MS)) {
				await this.sleep(Math.max(this.delayFor(attempt), asked ?? 0));
				continue;
			}
			throw this.finish(error, opts);
		}
	}

	/** One request and its reading; throws MediumError on any failure. */
	private async attempt(request: HttpRequest, context: string, kind: MediumRequestKind): Promise<unknown> {
		let res: HttpResponse;
		try {
			res = await this.http({ ...request, headers: { ...request.headers } });
		} catch (err) {
			throw mediumErrorFromRejection(err, context, this.token);
		}
		if (res.status < 200 || res.status >= 300) throw mediumErrorFromResponse(res, context, this.token, kind);
		let json: unknown;
		try {
			json = JSON.parse(res.text);
		} catch {
			throw mediumErrorFromResponse(res, context, this.token, kind);
		}
		if (!isRecord(json) || !("data" in json)) throw mediumErrorFromResponse(res, context, this.token, kind);
		return json.data;
	}

	/** The wait before retry number `attempt + 1`. */
	private delayFor(attempt: number): number {
		const delays = this.retryDelaysMs;
		if (delays.length === 0) return 0;
		const value = delays[Math.min(attempt, delays.length - 1)];
		return Number.isFinite(value) && value > 0 ? value : 0;
	}

	/** Last touches on an error: the "may have been created" warning, and a final redaction pass. */
	private finish(error: MediumError, opts: SendOptions): MediumError {
		let message = error.message;
		// No answer, a server error or a success we cannot read: the story may exist although we failed.
		const unclear = error.kind === "network" || error.kind === "timeout" || error.kind === "server" || error.kind === "bad-response";
		if (opts.notIdempotent && unclear) {
			message += MAYBE_CREATED;
		}
		const safe = redactToken(message, this.token);
		if (safe === error.message) return error;
		return new MediumError(error.kind, safe, detailsOf(error, this.token));
	}

	/** A "bad-request" error raised before any request (values from the note are quoted, the token never). */
	private badRequest(message: string): MediumError {
		return new MediumError("bad-request", redactToken(message, this.token));
	}
}

/** The status, code and Medium text of an error, to carry into a re-kinded or redacted copy. */
function detailsOf(error: MediumError, token?: string): MediumErrorDetails {
	const details: MediumErrorDetails = {};
	if (error.status !== undefined) details.status = error.status;
	if (error.code !== undefined) details.code = error.code;
	if (error.mediumMessage !== undefined) details.mediumMessage = redactToken(error.mediumMessage, token);
	if (error.retryAfterMs !== undefined) details.retryAfterMs = error.retryAfterMs;
	if (error.request !== undefined) details.request = error.request;
	return details;
}

/** Failures worth another try for an upload: no answer, overload, or a server error. */
function isRetryable(error: MediumError): boolean {
	return error.kind === "network" || error.kind === "timeout" || error.kind === "rate-limited" || error.kind === "server";
}

/** A "bad-response" error for a 2xx answer without the expected data. */
function badResponse(message: string): MediumError {
	return new MediumError("bad-response", message);
}

/** Reads a created story; fields Medium left out fall back to what was sent. */
function readPost(data: Record<string, unknown>, sent: Record<string, unknown>): MediumPost {
	const status = str(data, "publishStatus");
	const sentStatus = typeof sent.publishStatus === "string" ? (sent.publishStatus as PublishStatus) : "public";
	const license = str(data, "license");
	const sentLicense = typeof sent.license === "string" ? (sent.license as MediumLicense) : "all-rights-reserved";
	const tags = Array.isArray(data.tags) ? data.tags.filter((t): t is string => typeof t === "string") : [];
	const post: MediumPost = {
		id: str(data, "id"),
		title: str(data, "title") || String(sent.title),
		authorId: str(data, "authorId"),
		tags,
		url: str(data, "url"),
		publishStatus: (PUBLISH_STATUSES as readonly string[]).includes(status) ? (status as PublishStatus) : sentStatus,
		license: (MEDIUM_LICENSES as readonly string[]).includes(license) ? (license as MediumLicense) : sentLicense,
		licenseUrl: str(data, "licenseUrl"),
	};
	const canonicalUrl = str(data, "canonicalUrl");
	if (canonicalUrl !== "") post.canonicalUrl = canonicalUrl;
	const publishedAt = readTime(data.publishedAt);
	if (publishedAt !== undefined) post.publishedAt = publishedAt;
	const publicationId = str(data, "publicationId");
	if (publicationId !== "") post.publicationId = publicationId;
	return post;
}

/** Epoch milliseconds from a number or a date string; undefined when neither. */
function readTime(value: unknown): number | undefined {
	if (typeof value === "number" && Number.isFinite(value)) return value;
	if (typeof value === "string" && value.trim() !== "") {
		const parsed = Date.parse(value);
		if (Number.isFinite(parsed)) return parsed;
	}
	return undefined;
}
