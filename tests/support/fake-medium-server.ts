/**
 * A fake Medium API for tests: a real HTTP server on 127.0.0.1 that enforces the contract written down in
 * /work/shared/docs/medium-api.md (tokens, documented fields only, enums, the daily limit, strict multipart
 * for images) so a client bug shows up as the same 4xx Medium would give, instead of passing silently.
 * Tests can inject failures (statuses, HTML pages, dropped or hung connections) and a delay, and read back
 * every request exactly as it arrived. Like Medium, it imports each story's content into Medium's own
 * paragraph model (./medium-importer.ts), refuses what Medium refuses (an image inside a list item), and
 * tells tests what Medium would show: `storyParagraphs(postId)`.
 */

import { Buffer } from "node:buffer";
import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { clearTimeout, setTimeout } from "node:timers";
import type { MediumPublication, MediumUser } from "../../src/medium/medium-client";
import { importStory, MediumImportError, type MediumParagraph } from "./medium-importer";

/** A publication the fake user belongs to, with the user's role in it. */
export interface FakePublication extends MediumPublication {
	role: "editor" | "writer";
}

/** The endpoints a failure can be injected into. */
export type FakeRoute = "me" | "publications" | "contributors" | "posts" | "images";

/** An injected failure: a status with a JSON, HTML or raw body, a dropped connection, or no answer at all. */
export type FakeFailure =
	| { status: number; json?: unknown; headers?: Record<string, string> }
	| { status: number; html: true }
	| { status: number; body: string; contentType?: string }
	| { drop: true }
	| { hang: true };

/** One part of a multipart body, as parsed back. */
export interface FakeMultipartPart {
	/** Part headers, names in lower case. */
	headers: Record<string, string>;
	name?: string;
	filename?: string;
	contentType?: string;
	bytes: Uint8Array;
}

/** A request exactly as it reached the fake server. */
export interface FakeRequest {
	method: string;
	/** Path without the query, e.g. `/v1/me`. */
	path: string;
	/** The route it matched, or null for an unknown path. */
	route: FakeRoute | null;
	/** Header names in lower case. */
	headers: Record<string, string>;
	/** The raw body bytes. */
	body: Uint8Array;
	/** The body parsed as JSON, when it was JSON. */
	json?: unknown;
	/** The body's parts, when it was a well-formed multipart body. */
	parts?: FakeMultipartPart[];
}

/** A story the fake server created. */
export interface FakePost {
	/** The request body as sent. */
	request: Record<string, unknown>;
	/** The `data` it answered with. */
	response: Record<string, unknown>;
	/** Set for a story created in a publication. */
	publicationId?: string;
	/** What Medium shows: the content imported into Medium's paragraph model. */
	paragraphs: MediumParagraph[];
}

/** An image the fake server stored. */
export interface FakeImage {
	filename: string;
	contentType: string;
	bytes: Uint8Array;
	md5: string;
	url: string;
}

/** Options of the fake server. */
export interface FakeMediumOptions {
	/** The one valid token; random hex by default. */
	token?: string;
	/** Overrides of the default user. */
	user?: Partial<MediumUser>;
	/** The user's publications (with a role); two by default, one as editor and one as writer. */
	publications?: FakePublication[];
	/** New stories allowed before 429 (code 1007); 10 like Medium. */
	dailyLimit?: number;
}

/** A running fake Medium. */
export interface FakeMedium {
	/** E.g. `http://127.0.0.1:PORT/v1`. */
	apiBase: string;
	token: string;
	user: MediumUser;
	publications: FakePublication[];
	/** Every request, in arrival order. */
	requests: FakeRequest[];
	/** Created stories. */
	posts: FakePost[];
	/** Uploaded images. */
	images: FakeImage[];
	/** Every answer is sent after this many milliseconds (settable). */
	delayMs: number;
	/** Requests received and not yet answered, now. */
	inFlight: number;
	/** The most requests that were in flight at once since the last reset. */
	maxInFlight: number;
	/** The next `times` requests to `route` fail this way. */
	failNext(route: FakeRoute, failure: FakeFailure, times?: number): void;
	/** With false, listing publications answers 401 code 6002 (a token without the scope). */
	setPublicationsScope(allowed: boolean): void;
	/** The requests that matched `route`. */
	requestsTo(route: FakeRoute): FakeRequest[];
	/** What Medium would show for a created story (by its id): its paragraphs. Throws for an unknown id. */
	storyParagraphs(postId: string): MediumParagraph[];
	/** Forgets requests, posts, images, failures, the delay and the scope switch. */
	reset(): void;
	/** Stops the server and drops every open connection. */
	close(): Promise<void>;
}

/** The licenses Medium accepts, with the license URL the fake answers with. */
const LICENSE_URLS: Record<string, string> = {
	"all-rights-reserved": "https://medium.com/policy/9db0094a1e0f",
	"cc-40-by": "https://creativecommons.org/licenses/by/4.0/",
	"cc-40-by-sa": "https://creativecommons.org/licenses/by-sa/4.0/",
	"cc-40-by-nd": "https://creativecommons.org/licenses/by-nd/4.0/",
	"cc-40-by-nc": "https://creativecommons.org/licenses/by-nc/4.0/",
	"cc-40-by-nc-nd": "https://creativecommons.org/licenses/by-nc-nd/4.0/",
	"cc-40-by-nc-sa": "https://creativecommons.org/licenses/by-nc-sa/4.0/",
	"cc-40-zero": "https://creativecommons.org/publicdomain/zero/1.0/",
	"public-domain": "https://creativecommons.org/publicdomain/mark/1.0/",
};

const PUBLISH_STATUSES = ["public", "draft", "unlisted"];
const POST_FIELDS = new Set([
	"title",
	"contentFormat",
	"content",
	"tags",
	"canonicalUrl",
	"publishStatus",
	"license",
	"notifyFollowers",
	"publishedAt",
]);
const IMAGE_TYPES = ["image/jpeg", "image/png", "image/gif", "image/tiff"];
const JSON_TYPE = "application/json; charset=utf-8";

const DEFAULT_USER: MediumUser = {
	id: "5303d74c64f66366f00cb9b2a94f3251bf5",
	username: "fakewriter",
	name: "Fake Writer",
	url: "https://medium.com/@fakewriter",
	imageUrl: "https://cdn-images-1.medium.com/fit/c/400/400/fake-avatar.png",
};

const DEFAULT_PUBLICATIONS: FakePublication[] = [
	{
		id: "b969ac62a46b",
		name: "Edited Journal",
		description: "A publication where the fake user is an editor",
		url: "https://medium.com/edited-journal",
		imageUrl: "https://cdn-images-1.medium.com/fit/c/200/200/edited.png",
		role: "editor",
	},
	{
		id: "b45573563f5a",
		name: "Writers Room",
		description: "A publication where the fake user is a writer",
		url: "https://medium.com/writers-room",
		imageUrl: "https://cdn-images-1.medium.com/fit/c/200/200/writers.png",
		role: "writer",
	},
];

/** Medium's error body. */
function errorBody(message: string, code?: number): unknown {
	return { errors: [code === undefined ? { message } : { message, code }] };
}

/** A Cloudflare-like challenge page. */
const HTML_PAGE =
	"<!DOCTYPE html><html lang=\"en-US\"><head><title>Just a moment...</title></head>" +
	"<body><h1>Checking your browser before accessing medium.com</h1></body></html>";

/** Default JSON bodies for injected statuses, shaped like Medium's. */
function defaultFailureJson(status: number): unknown {
	if (status === 401) return errorBody("Token was invalid.", 6003);
	if (status === 403) return errorBody("You do not have permission to do this.");
	if (status === 429) return errorBody("User has reached the rate limit for publishing today.", 1007);
	if (status >= 500) return errorBody("Something went wrong on Medium's side.");
	return errorBody("Injected failure.");
}

/** Index of `needle` in `haystack` from `from`; -1 when absent. */
function indexOfBytes(haystack: Uint8Array, needle: Uint8Array, from: number): number {
	const last = haystack.length - needle.length;
	for (let i = from; i <= last; i++) {
		let j = 0;
		while (j < needle.length && haystack[i + j] === needle[j]) j++;
		if (j === needle.length) return i;
	}
	return -1;
}

/** Splits `a; b="c; d"; e` on semicolons outside quotes, and reads `key="value"` parameters. */
export function parseHeaderParams(value: string): { main: string; params: Record<string, string> } {
	const pieces: string[] = [];
	let current = "";
	let quoted = false;
	for (let i = 0; i < value.length; i++) {
		const ch = value[i];
		if (ch === "\"") quoted = !quoted;
		if (ch === "\\" && quoted && i + 1 < value.length) {
			current += ch + value[i + 1];
			i++;
			continue;
		}
		if (ch === ";" && !quoted) {
			pieces.push(current);
			current = "";
		} else {
			current += ch;
		}
	}
	pieces.push(current);
	const params: Record<string, string> = {};
	for (const piece of pieces.slice(1)) {
		const eq = piece.indexOf("=");
		if (eq < 0) continue;
		const key = piece.slice(0, eq).trim().toLowerCase();
		let val = piece.slice(eq + 1).trim();
		if (val.length >= 2 && val.startsWith("\"") && val.endsWith("\"")) val = val.slice(1, -1);
		params[key] = val;
	}
	return { main: (pieces[0] ?? "").trim().toLowerCase(), params };
}

/**
 * Parses a multipart/form-data body strictly: it must start with the delimiter, every line of the part
 * headers must end in CRLF, and the close delimiter must end it. Returns the parts, or a reason string.
 */
export function parseMultipart(body: Uint8Array, boundary: string): FakeMultipartPart[] | string {
	const enc = new TextEncoder();
	const delimiter = enc.encode("--" + boundary);
	const crlfDelimiter = enc.encode("\r\n--" + boundary);
	if (indexOfBytes(body, delimiter, 0) !== 0) return "The body does not start with the boundary delimiter.";
	let pos = delimiter.length;
	const parts: FakeMultipartPart[] = [];
	for (;;) {
		if (body[pos] === 0x2d && body[pos + 1] === 0x2d) {
			pos += 2;
			break;
		}
		if (body[pos] !== 0x0d || body[pos + 1] !== 0x0a) return "A boundary line does not end in CRLF.";
		pos += 2;
		const next = indexOfBytes(body, crlfDelimiter, pos);
		if (next < 0) return "A part is not closed by a CRLF and the boundary.";
		const part = parsePart(body.subarray(pos, next));
		if (typeof part === "string") return part;
		parts.push(part);
		pos = next + crlfDelimiter.length;
	}
	const rest = body.subarray(pos);
	const restOk = rest.length === 0 || (rest.length === 2 && rest[0] === 0x0d && rest[1] === 0x0a);
	if (!restOk) return "Unexpected bytes after the closing boundary.";
	return parts;
}

/** One part: CRLF-ended header lines, a blank line, the content. */
function parsePart(raw: Uint8Array): FakeMultipartPart | string {
	const end = indexOfBytes(raw, new Uint8Array([0x0d, 0x0a, 0x0d, 0x0a]), 0);
	if (end < 0) return "A part has no blank CRLF line after its headers.";
	const headerBytes = raw.subarray(0, end);
	for (let i = 0; i < headerBytes.length; i++) {
		if (headerBytes[i] === 0x0a && (i === 0 || headerBytes[i - 1] !== 0x0d)) return "Part header lines must end in CRLF.";
		if (headerBytes[i] === 0x0d && headerBytes[i + 1] !== 0x0a) return "Part header lines must end in CRLF.";
	}
	const headers: Record<string, string> = {};
	for (const line of new TextDecoder().decode(headerBytes).split("\r\n")) {
		const colon = line.indexOf(":");
		if (colon <= 0) return `Malformed part header line: ${JSON.stringify(line)}.`;
		headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
	}
	const part: FakeMultipartPart = { headers, bytes: raw.slice(end + 4) };
	const disposition = headers["content-disposition"];
	if (disposition !== undefined) {
		const parsed = parseHeaderParams(disposition);
		if (parsed.main === "form-data") {
			if (parsed.params.name !== undefined) part.name = parsed.params.name;
			if (parsed.params.filename !== undefined) part.filename = parsed.params.filename;
		}
	}
	if (headers["content-type"] !== undefined) part.contentType = headers["content-type"];
	return part;
}

/** Which route a method and path go to, and the id in the path. */
function matchRoute(method: string, path: string): { route: FakeRoute; id?: string; kind?: "user" | "publication" } | null {
	const segments = path.split("/").filter((s) => s !== "");
	if (segments[0] !== "v1") return null;
	const rest = segments.slice(1).map((s) => decodeURIComponent(s));
	if (method === "GET" && rest.length === 1 && rest[0] === "me") return { route: "me" };
	if (method === "GET" && rest.length === 3 && rest[0] === "users" && rest[2] === "publications") {
		return { route: "publications", id: rest[1] };
	}
	if (method === "GET" && rest.length === 3 && rest[0] === "publications" && rest[2] === "contributors") {
		return { route: "contributors", id: rest[1] };
	}
	if (method === "POST" && rest.length === 3 && rest[2] === "posts" && (rest[0] === "users" || rest[0] === "publications")) {
		return { route: "posts", id: rest[1], kind: rest[0] === "users" ? "user" : "publication" };
	}
	if (method === "POST" && rest.length === 1 && rest[0] === "images") return { route: "images" };
	return null;
}

/** Turns a title into a URL slug the way Medium's URLs look. */
function slugify(title: string): string {
	let out = "";
	let dash = false;
	for (const ch of title.toLowerCase()) {
		const alnum = (ch >= "a" && ch <= "z") || (ch >= "0" && ch <= "9");
		if (alnum) {
			out += ch;
			dash = false;
		} else if (!dash && out !== "") {
			out += "-";
			dash = true;
		}
	}
	while (out.endsWith("-")) out = out.slice(0, -1);
	return out === "" ? "untitled" : out.slice(0, 60);
}

/** What Medium does with a title it ignores (over 100 characters): one from the story's first text. */
function synthesizeTitle(paragraphs: readonly MediumParagraph[]): string {
	const first = paragraphs.find((p) => p.text.trim() !== "");
	return first ? first.text.split("\n")[0].trim().slice(0, 100) : "Untitled";
}

/** Reads a whole request body. */
function readBody(req: IncomingMessage): Promise<Uint8Array> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on("data", (chunk: Buffer) => chunks.push(chunk));
		req.on("end", () => {
			const buf = Buffer.concat(chunks);
			resolve(new Uint8Array(buf.buffer, buf.byteOffset, buf.length));
		});
		req.on("error", reject);
	});
}

/** An answer the handler decided on. */
interface Answer {
	status: number;
	json: unknown;
}

/** Starts a fake Medium API on 127.0.0.1 and a free port. */
export async function startFakeMedium(opts: FakeMediumOptions = {}): Promise<FakeMedium> {
	const token = opts.token ?? randomBytes(32).toString("hex");
	const user: MediumUser = { ...DEFAULT_USER, ...opts.user };
	const publications = (opts.publications ?? DEFAULT_PUBLICATIONS).map((p) => ({ ...p }));
	const dailyLimit = opts.dailyLimit ?? 10;
	const failures = new Map<FakeRoute, Array<{ failure: FakeFailure; remaining: number }>>();
	const timers = new Set<ReturnType<typeof setTimeout>>();
	const sockets = new Set<Socket>();
	let publicationsScope = true;
	let nextId = 1;

	const fake: FakeMedium = {
		apiBase: "",
		token,
		user,
		publications,
		requests: [],
		posts: [],
		images: [],
		delayMs: 0,
		inFlight: 0,
		maxInFlight: 0,
		failNext(route, failure, times = 1) {
			const queue = failures.get(route) ?? [];
			queue.push({ failure, remaining: times });
			failures.set(route, queue);
		},
		setPublicationsScope(allowed) {
			publicationsScope = allowed;
		},
		requestsTo(route) {
			return fake.requests.filter((r) => r.route === route);
		},
		storyParagraphs(postId) {
			const post = fake.posts.find((p) => p.response.id === postId);
			if (!post) throw new Error(`The fake Medium has no story ${postId}.`);
			return post.paragraphs;
		},
		reset() {
			fake.requests.length = 0;
			fake.posts.length = 0;
			fake.images.length = 0;
			fake.delayMs = 0;
			fake.maxInFlight = fake.inFlight;
			failures.clear();
			publicationsScope = true;
		},
		close() {
			for (const timer of timers) clearTimeout(timer);
			timers.clear();
			return new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
				for (const socket of sockets) socket.destroy();
			});
		},
	};

	/** Takes the next injected failure for a route, if any. */
	function takeFailure(route: FakeRoute): FakeFailure | null {
		const queue = failures.get(route);
		if (!queue || queue.length === 0) return null;
		const head = queue[0];
		head.remaining--;
		if (head.remaining <= 0) queue.shift();
		return head.failure;
	}

	function sendJson(res: ServerResponse, status: number, json: unknown, extra: Record<string, string> = {}): void {
		const text = JSON.stringify(json);
		res.writeHead(status, { ...extra, "Content-Type": JSON_TYPE, "Content-Length": Buffer.byteLength(text) });
		res.end(text);
	}

	/** Applies an injected failure; true when the answer was taken care of. */
	function applyFailure(req: IncomingMessage, res: ServerResponse, failure: FakeFailure): void {
		if ("drop" in failure) {
			req.socket.destroy();
			return;
		}
		if ("hang" in failure) return;
		if ("html" in failure) {
			res.writeHead(failure.status, { "Content-Type": "text/html; charset=UTF-8", "Content-Length": Buffer.byteLength(HTML_PAGE) });
			res.end(HTML_PAGE);
			return;
		}
		if ("body" in failure) {
			const headers: Record<string, string | number> = { "Content-Length": Buffer.byteLength(failure.body) };
			if (failure.contentType !== undefined) headers["Content-Type"] = failure.contentType;
			res.writeHead(failure.status, headers);
			res.end(failure.body);
			return;
		}
		sendJson(res, failure.status, failure.json === undefined ? defaultFailureJson(failure.status) : failure.json, failure.headers);
	}

	/** Checks the Bearer token; an answer when it is missing or wrong. */
	function checkAuth(headers: Record<string, string>): Answer | null {
		const auth = headers.authorization;
		if (auth === undefined || auth.trim() === "") {
			return { status: 401, json: errorBody("An access token is required.", 6000) };
		}
		if (auth !== `Bearer ${token}`) return { status: 401, json: errorBody("Token was invalid.", 6003) };
		return null;
	}

	/** GET /users/{id}/publications. */
	function listPublications(userId: string): Answer {
		if (!publicationsScope) return { status: 401, json: errorBody("Token lacks the listPublications scope.", 6002) };
		if (userId !== user.id) return { status: 403, json: errorBody("You may only list your own publications.") };
		const data = publications.map(({ id, name, description, url, imageUrl }) => ({ id, name, description, url, imageUrl }));
		return { status: 200, json: { data } };
	}

	/** GET /publications/{id}/contributors. */
	function listContributors(publicationId: string): Answer {
		const publication = publications.find((p) => p.id === publicationId);
		if (!publication) return { status: 404, json: errorBody("Publication not found.") };
		return { status: 200, json: { data: [{ publicationId, userId: user.id, role: publication.role }] } };
	}

	/** POST /users/{id}/posts and /publications/{id}/posts: validation, permissions, the limit, then a story. */
	function createPost(request: FakeRequest, kind: "user" | "publication", id: string): Answer {
		const type = parseHeaderParams(request.headers["content-type"] ?? "").main;
		if (type !== "application/json") return { status: 400, json: errorBody("Content-Type must be application/json.") };
		const body = request.json;
		if (typeof body !== "object" || body === null || Array.isArray(body)) {
			return { status: 400, json: errorBody("The request body must be a JSON object.") };
		}
		const fields = body as Record<string, unknown>;
		for (const key of Object.keys(fields)) {
			if (!POST_FIELDS.has(key)) return { status: 400, json: errorBody("Unexpected fields specified.", 6007) };
			if (fields[key] === null) return { status: 400, json: errorBody(`Invalid value for ${key}.`) };
		}
		const { title, contentFormat, content, tags, canonicalUrl, publishStatus, license, notifyFollowers, publishedAt } = fields;
		if (typeof title !== "string" || title.trim() === "") return { status: 400, json: errorBody("A title is required.") };
		if (contentFormat !== "markdown" && contentFormat !== "html") {
			return { status: 400, json: errorBody("contentFormat must be \"markdown\" or \"html\".") };
		}
		if (typeof content !== "string" || content.trim() === "") return { status: 400, json: errorBody("No content specified.", 2002) };
		if (tags !== undefined && (!Array.isArray(tags) || !tags.every((t) => typeof t === "string"))) {
			return { status: 400, json: errorBody("Unexpected fields specified.", 6007) };
		}
		if (canonicalUrl !== undefined && typeof canonicalUrl !== "string") {
			return { status: 400, json: errorBody("canonicalUrl must be a string.") };
		}
		if (publishStatus !== undefined && (typeof publishStatus !== "string" || !PUBLISH_STATUSES.includes(publishStatus))) {
			return { status: 400, json: errorBody("Invalid publishStatus.") };
		}
		if (license !== undefined && (typeof license !== "string" || LICENSE_URLS[license] === undefined)) {
			return { status: 400, json: errorBody("Invalid license.") };
		}
		if (notifyFollowers !== undefined && typeof notifyFollowers !== "boolean") {
			return { status: 400, json: errorBody("notifyFollowers must be a boolean.") };
		}
		let publishedTime: number | undefined;
		if (publishedAt !== undefined) {
			publishedTime = typeof publishedAt === "string" ? Date.parse(publishedAt) : Number.NaN;
			if (!Number.isFinite(publishedTime) || publishedTime >= Date.now()) {
				return { status: 400, json: errorBody("If specified, publishedAt must be in the past.", 2014) };
			}
		}
		const status = publishStatus ?? "public";
		let publication: FakePublication | undefined;
		if (kind === "user") {
			if (id !== user.id) return { status: 403, json: errorBody("You can only create posts for your own account.") };
		} else {
			publication = publications.find((p) => p.id === id);
			if (!publication) return { status: 404, json: errorBody("Publication not found.") };
			if (publication.role === "writer" && status !== "draft") {
				return { status: 403, json: errorBody("Writers can only create drafts in this publication.") };
			}
		}
		let paragraphs: MediumParagraph[];
		try {
			paragraphs = importStory(contentFormat, content);
		} catch (e) {
			if (e instanceof MediumImportError) return { status: 400, json: errorBody(e.message) };
			throw e;
		}
		if (fake.posts.length >= dailyLimit) {
			return { status: 429, json: errorBody("User has reached the rate limit for publishing today.", 1007) };
		}
		const postId = (nextId++).toString(16).padStart(12, "0");
		const finalTitle = title.length > 100 ? synthesizeTitle(paragraphs) : title;
		const home = publication ? publication.url : `https://medium.com/@${user.username}`;
		const normalizedTags = (tags ?? [])
			.map((t) => t.trim().toLowerCase())
			.filter((t) => t !== "" && t.length <= 25)
			.slice(0, 3);
		const chosenLicense = license ?? "all-rights-reserved";
		const data: Record<string, unknown> = {
			id: postId,
			title: finalTitle,
			authorId: user.id,
			tags: normalizedTags,
			url: `${home}/${slugify(finalTitle)}-${postId}`,
		};
		if (canonicalUrl !== undefined) data.canonicalUrl = canonicalUrl;
		data.publishStatus = status;
		if (status !== "draft") data.publishedAt = publishedTime ?? Date.now();
		data.license = chosenLicense;
		data.licenseUrl = LICENSE_URLS[chosenLicense];
		if (publication) data.publicationId = publication.id;
		const post: FakePost = { request: fields, response: data, paragraphs };
		if (publication) post.publicationId = publication.id;
		fake.posts.push(post);
		return { status: 201, json: { data } };
	}

	/** POST /images: strict multipart with one `image` part of an accepted type. */
	function uploadImage(request: FakeRequest): Answer {
		const { main, params } = parseHeaderParams(request.headers["content-type"] ?? "");
		if (main !== "multipart/form-data") return { status: 400, json: errorBody("Content-Type must be multipart/form-data.") };
		if (!params.boundary) return { status: 400, json: errorBody("The multipart boundary is missing.") };
		const parts = parseMultipart(request.body, params.boundary);
		if (typeof parts === "string") return { status: 400, json: errorBody(parts) };
		if (parts.length !== 1) return { status: 400, json: errorBody("Exactly one image part is required.") };
		const part = parts[0];
		if (part.name !== "image") return { status: 400, json: errorBody("The part must be named \"image\".") };
		if (!part.filename) return { status: 400, json: errorBody("The image part needs a filename.") };
		const contentType = (part.contentType ?? "").toLowerCase();
		if (!IMAGE_TYPES.includes(contentType)) {
			return { status: 400, json: errorBody("The image type is not supported (JPEG, PNG, GIF or TIFF).") };
		}
		if (part.bytes.length === 0) return { status: 400, json: errorBody("The image is empty.") };
		const md5 = createHash("md5").update(part.bytes).digest("hex");
		const url = `https://cdn-images-1.medium.com/fake/${md5}`;
		fake.images.push({ filename: part.filename, contentType, bytes: part.bytes, md5, url });
		return { status: 201, json: { data: { url, md5 } } };
	}

	/** Handles one request after the failures and the delay. */
	function route(request: FakeRequest, matched: ReturnType<typeof matchRoute>): Answer {
		if (!matched) return { status: 404, json: errorBody("Not found.") };
		const denied = checkAuth(request.headers);
		if (denied) return denied;
		switch (matched.route) {
			case "me":
				return { status: 200, json: { data: { ...user } } };
			case "publications":
				return listPublications(matched.id ?? "");
			case "contributors":
				return listContributors(matched.id ?? "");
			case "posts":
				return createPost(request, matched.kind ?? "user", matched.id ?? "");
			case "images":
				return uploadImage(request);
		}
	}

	async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		fake.inFlight++;
		fake.maxInFlight = Math.max(fake.maxInFlight, fake.inFlight);
		let counted = true;
		const done = () => {
			if (!counted) return;
			counted = false;
			fake.inFlight--;
		};
		res.once("finish", done);
		res.once("close", done);
		const body = await readBody(req);
		const method = req.method ?? "GET";
		const rawUrl = req.url ?? "/";
		const question = rawUrl.indexOf("?");
		const path = question >= 0 ? rawUrl.slice(0, question) : rawUrl;
		const headers: Record<string, string> = {};
		for (const [name, value] of Object.entries(req.headers)) {
			if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
		}
		let matched: ReturnType<typeof matchRoute> = null;
		try {
			matched = matchRoute(method, path);
		} catch {
			matched = null;
		}
		const request: FakeRequest = { method, path, route: matched?.route ?? null, headers, body };
		const type = parseHeaderParams(headers["content-type"] ?? "");
		if (type.main === "application/json") {
			try {
				request.json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
			} catch {
				// Left unset: the route answers 400 for a body that is not JSON.
			}
		} else if (type.main === "multipart/form-data" && type.params.boundary) {
			const parts = parseMultipart(body, type.params.boundary);
			if (typeof parts !== "string") request.parts = parts;
		}
		fake.requests.push(request);

		if (fake.delayMs > 0) {
			await new Promise<void>((resolve) => {
				const timer = setTimeout(() => {
					timers.delete(timer);
					resolve();
				}, fake.delayMs);
				timers.add(timer);
			});
		}
		const failure = matched ? takeFailure(matched.route) : null;
		if (failure) {
			applyFailure(req, res, failure);
			return;
		}
		const answer = route(request, matched);
		sendJson(res, answer.status, answer.json);
	}

	const server: Server = createServer((req, res) => {
		handle(req, res).catch(() => {
			if (!res.headersSent) sendJson(res, 500, errorBody("Fake server error."));
			else res.destroy();
		});
	});
	server.on("connection", (socket: Socket) => {
		sockets.add(socket);
		socket.on("close", () => sockets.delete(socket));
	});
	await new Promise<void>((resolve, reject) => {
		server.once("error", reject);
		server.listen(0, "127.0.0.1", () => resolve());
	});
	const port = (server.address() as AddressInfo).port;
	fake.apiBase = `http://127.0.0.1:${port}/v1`;
	return fake;
}
