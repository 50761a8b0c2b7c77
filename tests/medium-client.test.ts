/**
 * The Medium client over real HTTP (createNodeHttp) against the fake Medium server: happy paths, every
 * failure kind, retry rules, what goes into the request, and that the token never reaches a message.
 */

import { createHash } from "node:crypto";
import { createNodeHttp } from "../src/cli/node-http";
import type { HttpPort, HttpRequest, HttpResponse } from "../src/core/ports";
import {
	DEFAULT_API_BASE,
	MEDIUM_LICENSES,
	MediumClient,
	sanitizeTags,
	sanitizeTitle,
	type CreatePostInput,
} from "../src/medium/medium-client";
import {
	MediumError,
	mediumErrorFromRejection,
	mediumErrorFromResponse,
	redactToken,
	type MediumErrorKind,
} from "../src/medium/medium-errors";
import { startFakeMedium, type FakeMedium } from "./support/fake-medium-server";
import { useFakeMedium } from "./support/use-fake-medium";
import { nodeSleep } from "./support/node-sleep";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 9, 8, 7]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
const WEBP = new Uint8Array([0x52, 0x49, 0x46, 0x46, 20, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38, 0x20]);

const fakeMedium = useFakeMedium();
let fake: FakeMedium;
beforeEach(() => {
	fake = fakeMedium();
});

function client(opts: { token?: string; timeoutMs?: number; retryDelaysMs?: number[] } = {}): MediumClient {
	return new MediumClient({ sleep: nodeSleep,
		http: createNodeHttp({ timeoutMs: opts.timeoutMs ?? 2000 }),
		token: opts.token ?? fake.token,
		apiBase: fake.apiBase,
		retryDelaysMs: opts.retryDelaysMs ?? [5, 10],
	});
}

/** Runs `fn`, expects a MediumError, checks its kind and that the token is nowhere in it. */
async function expectMediumError(fn: () => Promise<unknown>, kind: MediumErrorKind, token = fake.token): Promise<MediumError> {
	let caught: unknown;
	try {
		await fn();
	} catch (err) {
		caught = err;
	}
	expect(caught).toBeInstanceOf(MediumError);
	const error = caught as MediumError;
	expect(error.kind).toBe(kind);
	expect(error.message).not.toContain(token);
	expect(JSON.stringify({ ...error, message: error.message, stack: error.stack })).not.toContain(token);
	return error;
}

const story: CreatePostInput = { title: "A story", contentFormat: "markdown", content: "# A story\n\nHello." };

describe("profile and publications", () => {
	test("me() returns the user and asks Medium only once per client", async () => {
		const c = client();
		const [a, b] = await Promise.all([c.me(), c.me()]);
		expect(a).toEqual(fake.user);
		expect(b).toEqual(fake.user);
		expect(await c.me()).toEqual(fake.user);
		expect(fake.requestsTo("me")).toHaveLength(1);
		await client().me();
		expect(fake.requestsTo("me")).toHaveLength(2);
	});

	test("setToken clears the cached profile", async () => {
		const c = client({ token: "0badc0de" });
		await expectMediumError(() => c.me(), "unauthorized");
		c.setToken(fake.token);
		expect((await c.me()).id).toBe(fake.user.id);
		expect(await c.me()).toEqual(fake.user);
		c.setToken(` ${fake.token} `);
		await c.me();
		expect(fake.requestsTo("me")).toHaveLength(3);
	});

	test("every request carries the documented headers", async () => {
		const c = client();
		await c.me();
		await c.createPost(story);
		const [get, post] = fake.requests;
		for (const request of [get, post]) {
			expect(request.headers.authorization).toBe(`Bearer ${fake.token}`);
			expect(request.headers.accept).toBe("application/json");
			expect(request.headers["accept-charset"]).toBe("utf-8");
		}
		expect(post.headers["content-type"]).toBe("application/json");
	});

	test("an empty token fails with no-token and no request", async () => {
		await expectMediumError(() => client({ token: "  " }).me(), "no-token");
		await expectMediumError(() => client({ token: "" }).createPost(story), "no-token");
		await expectMediumError(() => client({ token: "" }).uploadImage(PNG, "a.png"), "no-token");
		await expectMediumError(() => client({ token: "" }).publications("x"), "no-token");
		expect(fake.requests).toHaveLength(0);
	});

	test("publications are listed", async () => {
		const c = client();
		const user = await c.me();
		const list = await c.publications(user.id);
		expect(list).toEqual(fake.publications.map(({ role: _role, ...rest }) => rest));
	});

	test("a token without the publications scope is missing-scope (401 code 6002)", async () => {
		fake.setPublicationsScope(false);
		const c = client();
		const user = await c.me();
		const error = await expectMediumError(() => c.publications(user.id), "missing-scope");
		expect(error.status).toBe(401);
		expect(error.code).toBe(6002);
	});

	test("any 401 on publications is missing-scope; 403 with code 6002 too", async () => {
		const c = client();
		fake.failNext("publications", { status: 401, json: { errors: [{ message: "Nope." }] } });
		await expectMediumError(() => c.publications(fake.user.id), "missing-scope");
		fake.failNext("publications", { status: 403, json: { errors: [{ message: "Scope.", code: 6002 }] } });
		await expectMediumError(() => c.publications(fake.user.id), "missing-scope");
	});
});

describe("createPost", () => {
	test("creates a story on the profile and reads the answer", async () => {
		const post = await client().createPost({
			...story,
			tags: ["Obsidian", "Notes"],
			canonicalUrl: "https://example.com/a-story",
			publishStatus: "unlisted",
			license: "cc-40-by-sa",
			notifyFollowers: false,
		});
		expect(fake.posts).toHaveLength(1);
		const data = fake.posts[0].response;
		expect(post).toEqual({
			id: data.id,
			title: "A story",
			authorId: fake.user.id,
			tags: ["obsidian", "notes"],
			url: data.url,
			canonicalUrl: "https://example.com/a-story",
			publishStatus: "unlisted",
			publishedAt: data.publishedAt,
			license: "cc-40-by-sa",
			licenseUrl: "https://creativecommons.org/licenses/by-sa/4.0/",
		});
		expect(post.url).toContain(`/@${fake.user.username}/a-story-`);
		expect(fake.requestsTo("posts")[0].path).toBe(`/v1/users/${fake.user.id}/posts`);
	});

	test("sends only documented fields that are set", async () => {
		await client().createPost({
			title: "Only these",
			contentFormat: "html",
			content: "<p>x</p>",
			tags: ["  ", "toolongtoolongtoolongtoolong"],
			canonicalUrl: "   ",
			publishStatus: undefined,
		});
		const sent = fake.requestsTo("posts")[0].json as Record<string, unknown>;
		expect(sent).toEqual({ title: "Only these", contentFormat: "html", content: "<p>x</p>" });
		expect(new TextDecoder().decode(fake.requestsTo("posts")[0].body)).not.toContain("null");
		// Drafts come back without publishedAt; the client reads Medium's default license.
		const draft = await client().createPost({ ...story, publishStatus: "draft" });
		expect(draft.publishedAt).toBeUndefined();
		expect(draft.publishStatus).toBe("draft");
		expect(draft.license).toBe("all-rights-reserved");
	});

	test("sanitises title and tags before sending", async () => {
		const longTitle = "word ".repeat(40).trim();
		await client().createPost({
			...story,
			title: `  ${longTitle}  `,
			tags: [" Obsidian ", "obsidian", "", "a-very-long-tag-over-25-chars", "Writing", 7 as unknown as string, "Tools", "Fourth"],
		});
		const sent = fake.requestsTo("posts")[0].json as { title: string; tags: string[] };
		expect(sent.title.length).toBeLessThanOrEqual(100);
		expect(sent.title.endsWith("word…")).toBe(true);
		expect(sent.tags).toEqual(["Obsidian", "Writing", "Tools"]);
		// Medium kept our title (it would have synthesized one from the content if it were over 100).
		expect(fake.posts[0].response.title).toBe(sent.title);
	});

	test("posts into a publication as an editor, and as a writer only drafts", async () => {
		const editor = fake.publications.find((p) => p.role === "editor");
		const writer = fake.publications.find((p) => p.role === "writer");
		const c = client();
		const inEditor = await c.createPost({ ...story, publishStatus: "public" }, { publicationId: editor?.id });
		expect(inEditor.publicationId).toBe(editor?.id);
		expect(fake.requestsTo("posts")[0].path).toBe(`/v1/publications/${editor?.id ?? ""}/posts`);
		const draft = await c.createPost({ ...story, publishStatus: "draft" }, { publicationId: writer?.id });
		expect(draft.publicationId).toBe(writer?.id);
		const error = await expectMediumError(
			() => c.createPost({ ...story, publishStatus: "public" }, { publicationId: writer?.id }),
			"forbidden",
		);
		expect(error.status).toBe(403);
		expect(error.message).toContain("writer may only create drafts");
		// Publication posts do not need the profile.
		expect(fake.requestsTo("me")).toHaveLength(0);
	});

	test("an unknown publication is not-found", async () => {
		await expectMediumError(() => client().createPost({ ...story, publishStatus: "draft" }, { publicationId: "nope" }), "not-found");
	});

	test("invalid values fail before any request", async () => {
		const c = client();
		await expectMediumError(() => c.createPost({ ...story, title: "   " }), "bad-request");
		await expectMediumError(() => c.createPost({ ...story, content: "" }), "bad-request");
		await expectMediumError(() => c.createPost({ ...story, publishStatus: "private" as "public" }), "bad-request");
		await expectMediumError(() => c.createPost({ ...story, license: "mit" as "cc-40-by" }), "bad-request");
		expect(fake.requestsTo("posts")).toHaveLength(0);
	});

	test.each([
		["429 (daily limit)", { status: 429 }, "rate-limited"],
		["500", { status: 500 }, "server"],
		["503 with an empty body", { status: 503, body: "" }, "server"],
		["403 HTML page", { status: 403, html: true as const }, "bot-protection"],
		["401", { status: 401 }, "unauthorized"],
		["400 code 6007", { status: 400, json: { errors: [{ message: "Unexpected fields specified.", code: 6007 }] } }, "bad-request"],
		["dropped connection", { drop: true as const }, "network"],
	] as const)("a failure (%s) is sent exactly once and becomes %s", async (_label, failure, kind) => {
		const c = client();
		await c.me();
		fake.failNext("posts", failure, 3);
		await expectMediumError(() => c.createPost(story), kind);
		expect(fake.requestsTo("posts")).toHaveLength(1);
		expect(fake.posts).toHaveLength(0);
	});

	test("a hang times out, is not retried, and warns that the story may exist", async () => {
		const c = client({ timeoutMs: 150 });
		await c.me();
		fake.failNext("posts", { hang: true }, 3);
		const error = await expectMediumError(() => c.createPost(story), "timeout");
		expect(error.message).toContain("may have created the story");
		expect(fake.requestsTo("posts")).toHaveLength(1);
	});

	test("a 2xx answer without the story is bad-response and warns that the story may exist", async () => {
		const c = client();
		await c.me();
		fake.failNext("posts", { status: 201, body: "OK", contentType: "text/plain" });
		const error = await expectMediumError(() => c.createPost(story), "bad-response");
		expect(error.message).toContain("may have created the story");
		expect(fake.requestsTo("posts")).toHaveLength(1);
	});

	test("the real daily limit surfaces as rate-limited with Medium's text", async () => {
		const limited = await startFakeMedium({ dailyLimit: 1 });
		try {
			const c = new MediumClient({ sleep: nodeSleep, http: createNodeHttp({ timeoutMs: 2000 }), token: limited.token, apiBase: limited.apiBase });
			await c.createPost(story);
			const error = await expectMediumError(() => c.createPost(story), "rate-limited", limited.token);
			expect(error.code).toBe(1007);
			expect(error.message).toContain("User has reached the rate limit for publishing today.");
			expect(error.message).toContain("Try again tomorrow");
			expect(limited.requestsTo("posts")).toHaveLength(2);
		} finally {
			await limited.close();
		}
	});
});

describe("uploadImage", () => {
	test("uploads with the sniffed type and returns Medium's URL and md5", async () => {
		const result = await client().uploadImage(PNG, "attachments/Pasted image.png");
		const md5 = createHash("md5").update(PNG).digest("hex");
		expect(result).toEqual({ url: `https://cdn-images-1.medium.com/fake/${md5}`, md5 });
		expect(fake.images).toHaveLength(1);
		expect(fake.images[0].filename).toBe("Pasted image.png");
		expect(fake.images[0].contentType).toBe("image/png");
		expect(Array.from(fake.images[0].bytes)).toEqual(Array.from(PNG));
		const request = fake.requestsTo("images")[0];
		expect(request.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
		expect(request.headers.authorization).toBe(`Bearer ${fake.token}`);
		expect(request.parts).toHaveLength(1);
	});

	test("a given content type wins over sniffing; image/jpg is read as image/jpeg", async () => {
		await client().uploadImage(JPEG, "photo", "image/jpg");
		expect(fake.images[0].contentType).toBe("image/jpeg");
		expect(fake.images[0].filename).toBe("photo");
	});

	test("a type Medium refuses fails before any request", async () => {
		const c = client();
		await expectMediumError(() => c.uploadImage(WEBP, "a.webp"), "bad-request");
		await expectMediumError(() => c.uploadImage(new TextEncoder().encode("<svg></svg>"), "a.svg"), "bad-request");
		await expectMediumError(() => c.uploadImage(new TextEncoder().encode("plain text"), "a.txt"), "bad-request");
		await expectMediumError(() => c.uploadImage(PNG, "a.png", "image/webp"), "bad-request");
		await expectMediumError(() => c.uploadImage(new Uint8Array(0), "a.png"), "bad-request");
		expect(fake.requestsTo("images")).toHaveLength(0);
	});

	test.each([
		["500", { status: 500 }],
		["429", { status: 429 }],
		["a dropped connection", { drop: true as const }],
	] as const)("retries twice after %s, then succeeds", async (_label, failure) => {
		fake.failNext("images", failure, 2);
		const result = await client().uploadImage(PNG, "a.png");
		expect(result.md5).toBe(createHash("md5").update(PNG).digest("hex"));
		expect(fake.requestsTo("images")).toHaveLength(3);
		expect(fake.images).toHaveLength(1);
	});

	test("gives up after three attempts", async () => {
		fake.failNext("images", { status: 502 }, 5);
		const error = await expectMediumError(() => client().uploadImage(PNG, "a.png"), "server");
		expect(error.status).toBe(502);
		expect(fake.requestsTo("images")).toHaveLength(3);
	});

	test("retries a timeout", async () => {
		fake.failNext("images", { hang: true }, 1);
		const result = await client({ timeoutMs: 150 }).uploadImage(PNG, "a.png");
		expect(result.url).toContain("/fake/");
		expect(fake.requestsTo("images")).toHaveLength(2);
	});

	test("waits the configured delays between attempts", async () => {
		fake.failNext("images", { status: 500 }, 2);
		const started = Date.now();
		await client({ retryDelaysMs: [60, 120] }).uploadImage(PNG, "a.png");
		expect(Date.now() - started).toBeGreaterThanOrEqual(170);
	});

	test.each([
		["400", { status: 400, json: { errors: [{ message: "Bad image." }] } }, "bad-request"],
		["401", { status: 401 }, "unauthorized"],
		["403 HTML", { status: 403, html: true as const }, "bot-protection"],
	] as const)("does not retry %s", async (_label, failure, kind) => {
		fake.failNext("images", failure, 3);
		await expectMediumError(() => client().uploadImage(PNG, "a.png"), kind);
		expect(fake.requestsTo("images")).toHaveLength(1);
	});
});

describe("failure kinds on GET /me", () => {
	test("a wrong token is unauthorized with Medium's text and advice", async () => {
		const error = await expectMediumError(() => client({ token: "deadbeef" }).me(), "unauthorized");
		expect(error.status).toBe(401);
		expect(error.code).toBe(6003);
		expect(error.message).toContain("Medium rejected the integration token (invalid or revoked)");
		expect(error.message).toContain("Check the token in the plugin settings.");
		expect(error.message).toContain("Token was invalid.");
	});

	test("HTML with 403 is bot protection", async () => {
		fake.failNext("me", { status: 403, html: true });
		const error = await expectMediumError(() => client().me(), "bot-protection");
		expect(error.message).toContain("Copy for Medium's editor");
		expect(error.message).not.toContain("<html");
	});

	test("5xx is server trouble", async () => {
		fake.failNext("me", { status: 500 });
		const error = await expectMediumError(() => client().me(), "server");
		expect(error.message).toContain("Try again later");
	});

	test("a dropped connection is a network failure", async () => {
		fake.failNext("me", { drop: true });
		await expectMediumError(() => client().me(), "network");
	});

	test("a hang is a timeout", async () => {
		fake.failNext("me", { hang: true });
		await expectMediumError(() => client({ timeoutMs: 150 }).me(), "timeout");
	});

	test("a closed port is a network failure", async () => {
		const gone = await startFakeMedium();
		const apiBase = gone.apiBase;
		await gone.close();
		const c = new MediumClient({ sleep: nodeSleep, http: createNodeHttp({ timeoutMs: 2000 }), token: fake.token, apiBase });
		await expectMediumError(() => c.me(), "network");
	});

	test("a 2xx without {data} is bad-response", async () => {
		fake.failNext("me", { status: 200, json: { user: {} } });
		await expectMediumError(() => client().me(), "bad-response");
		fake.failNext("me", { status: 200, body: "not json", contentType: "text/plain" });
		await expectMediumError(() => client().me(), "bad-response");
		fake.failNext("me", { status: 200, json: { data: { name: "no id" } } });
		await expectMediumError(() => client().me(), "bad-response");
	});

	test("a failed me() is not cached", async () => {
		const c = client();
		fake.failNext("me", { status: 500 });
		await expectMediumError(() => c.me(), "server");
		expect((await c.me()).id).toBe(fake.user.id);
		expect(fake.requestsTo("me")).toHaveLength(2);
	});
});

describe("the token never leaks", () => {
	test("not even when Medium or the network stack echoes it", async () => {
		const token = fake.token;
		fake.failNext("me", { status: 401, json: { errors: [{ message: `Token ${token} was invalid.`, code: 6003 }] } });
		const error = await expectMediumError(() => client().me(), "unauthorized");
		expect(error.message).toContain("[redacted]");
		expect(error.mediumMessage).toBe("Token [redacted] was invalid.");

		const echoing: HttpPort = (request: HttpRequest) =>
			Promise.reject(new Error(`connect failed with header ${request.headers.Authorization}`));
		const c = new MediumClient({ sleep: nodeSleep, http: echoing, token, apiBase: fake.apiBase, retryDelaysMs: [0, 0] });
		await expectMediumError(() => c.me(), "network");
		await expectMediumError(() => c.uploadImage(PNG, `${token}.png`), "network");
	});

	test("a token with characters a header cannot carry fails without a request and without being quoted", async () => {
		const bad = "abc\ndef-secret";
		const calls: HttpRequest[] = [];
		const http: HttpPort = (request) => {
			calls.push(request);
			return Promise.resolve({ status: 200, headers: {}, text: "{}" });
		};
		const error = await expectMediumError(() => new MediumClient({ sleep: nodeSleep, http, token: bad }).me(), "unauthorized", bad);
		expect(error.message).not.toContain("def-secret");
		expect(calls).toHaveLength(0);
	});

	test("the Node adapter redacts the Authorization value from its own errors", async () => {
		const http = createNodeHttp({ timeoutMs: 1000 });
		let message = "";
		try {
			await http({ url: fake.apiBase + "/me", method: "GET", headers: { Authorization: "Bearer sec\u0000ret-value" } });
		} catch (err) {
			message = (err as Error).message;
		}
		expect(message).not.toBe("");
		expect(message).not.toContain("ret-value");
	});
});

describe("with a stub HTTP port", () => {
	function stub(res: HttpResponse): { http: HttpPort; calls: HttpRequest[] } {
		const calls: HttpRequest[] = [];
		return {
			calls,
			http: (request) => {
				calls.push(request);
				return Promise.resolve(res);
			},
		};
	}

	test("uses Medium's API base by default, without a doubled slash", async () => {
		const user = { id: "u1", username: "u", name: "U", url: "https://medium.com/@u", imageUrl: "" };
		const { http, calls } = stub({ status: 200, headers: {}, text: JSON.stringify({ data: user }) });
		await new MediumClient({ sleep: nodeSleep, http, token: "t0k" }).me();
		expect(calls[0].url).toBe(`${DEFAULT_API_BASE}/me`);
		const second = stub({ status: 200, headers: {}, text: JSON.stringify({ data: user }) });
		await new MediumClient({ sleep: nodeSleep, http: second.http, token: "t0k", apiBase: "https://x.test/v1/" }).me();
		expect(second.calls[0].url).toBe("https://x.test/v1/me");
	});

	test("any 2xx is success", async () => {
		const { http } = stub({ status: 202, headers: {}, text: JSON.stringify({ data: { id: "u2" } }) });
		expect((await new MediumClient({ sleep: nodeSleep, http, token: "t0k" }).me()).id).toBe("u2");
	});

	test("HTML is detected by a leading < even without a content type", async () => {
		const { http } = stub({ status: 403, headers: {}, text: "  <html><body>challenge</body></html>" });
		await expectMediumError(() => new MediumClient({ sleep: nodeSleep, http, token: "t0k" }).me(), "bot-protection", "t0k");
	});
});

describe("error helpers", () => {
	const res = (status: number, text: string, contentType = "application/json"): HttpResponse => ({
		status,
		headers: { "content-type": contentType },
		text,
	});

	test.each([
		[401, "", "unauthorized"],
		[403, "{\"errors\":[{\"message\":\"No.\"}]}", "forbidden"],
		[403, "<!DOCTYPE html><html></html>", "bot-protection"],
		[403, "{\"errors\":[{\"message\":\"Scope.\",\"code\":6002}]}", "missing-scope"],
		[429, "", "rate-limited"],
		[404, "{}", "not-found"],
		[400, "not json at all", "bad-request"],
		[422, "", "bad-request"],
		[500, "<html>oops</html>", "server"],
		[503, "", "server"],
		[302, "", "bad-response"],
	] as const)("status %i with body %j is %s", (status, text, kind) => {
		const error = mediumErrorFromResponse(res(status, text), "doing something");
		expect(error.kind).toBe(kind);
		expect(error.status).toBe(status);
		expect(error.message.startsWith("Doing something failed: ")).toBe(true);
	});

	test("HTML is detected by content type", () => {
		expect(mediumErrorFromResponse(res(403, "Just a moment", "text/html; charset=UTF-8"), "x").kind).toBe("bot-protection");
	});

	test("Medium's message and code are kept, and cut when huge", () => {
		const error = mediumErrorFromResponse(res(400, JSON.stringify({ errors: [{ message: "No content specified.", code: 2002 }] })), "");
		expect(error.code).toBe(2002);
		expect(error.mediumMessage).toBe("No content specified.");
		expect(error.message).toContain("\"No content specified.\" (code 2002)");
		const huge = mediumErrorFromResponse(res(400, JSON.stringify({ errors: [{ message: "x".repeat(5000) }] })), "");
		expect(huge.message.length).toBeLessThan(700);
	});

	test("rejections: TimeoutError and AbortError are timeouts, the rest network", () => {
		const timeout = new Error("late");
		timeout.name = "TimeoutError";
		const abort = new Error("aborted");
		abort.name = "AbortError";
		expect(mediumErrorFromRejection(timeout).kind).toBe("timeout");
		expect(mediumErrorFromRejection(abort).kind).toBe("timeout");
		expect(mediumErrorFromRejection(new DOMException("late", "TimeoutError")).kind).toBe("timeout");
		expect(mediumErrorFromRejection(new TypeError("fetch failed")).kind).toBe("network");
		expect(mediumErrorFromRejection("weird").kind).toBe("network");
		const kept = new MediumError("no-token", "x");
		expect(mediumErrorFromRejection(kept)).toBe(kept);
	});

	test("redactToken removes every occurrence, trimmed or not", () => {
		expect(redactToken("a SECRET b SECRET", "SECRET")).toBe("a [redacted] b [redacted]");
		expect(redactToken("a SECRET b", " SECRET\n")).toBe("a [redacted] b");
		expect(redactToken("nothing", "")).toBe("nothing");
	});
});

describe("sanitising", () => {
	test("titles: whitespace collapsed, cut on a word boundary with an ellipsis", () => {
		expect(sanitizeTitle("  Hello \n  world  ")).toBe("Hello world");
		// A Japanese title's ideographic space (what its H1 on Medium shows) stays one.
		expect(sanitizeTitle("日本語　タイトル\t 二")).toBe("日本語　タイトル 二");
		const exact = "a".repeat(100);
		expect(sanitizeTitle(exact)).toBe(exact);
		const words = "alpha beta gamma delta ".repeat(6).trim();
		const cut = sanitizeTitle(words);
		expect(cut.length).toBeLessThanOrEqual(100);
		expect(cut.endsWith("…")).toBe(true);
		expect(words.startsWith(cut.slice(0, -1))).toBe(true);
		expect(words.charAt(cut.length - 1)).toBe(" ");
	});

	test("titles without a usable space are cut hard, never inside a character", () => {
		const hard = sanitizeTitle("b".repeat(150));
		expect(hard).toBe("b".repeat(99) + "…");
		const emoji = sanitizeTitle("x".repeat(98) + "😀".repeat(5));
		expect(emoji.length).toBeLessThanOrEqual(100);
		expect(emoji).toBe("x".repeat(98) + "…");
		// Nor inside what shows as one: an emoji joined by ZWJ, a skin tone, a flag, a letter and its marks.
		const family = "👨‍👩‍👧‍👦";
		expect(sanitizeTitle("x".repeat(95) + family + "y")).toBe("x".repeat(95) + "…");
		expect(sanitizeTitle("x".repeat(97) + "👍🏽" + "y")).toBe("x".repeat(97) + "…");
		expect(sanitizeTitle("x".repeat(97) + "🇯🇵" + "y")).toBe("x".repeat(97) + "…");
		expect(sanitizeTitle("x".repeat(95) + "🇯🇵🇰🇷" + "y")).toBe("x".repeat(95) + "🇯🇵…");
		expect(sanitizeTitle("x".repeat(97) + "हिन्दी")).toBe("x".repeat(97) + "हि…");
	});

	test("tags: trimmed, short, unique ignoring case, three at most", () => {
		expect(sanitizeTags([" A ", "a", "", "b", "x".repeat(26), "y".repeat(25), "c"])).toEqual(["A", "b", "y".repeat(25)]);
		expect(sanitizeTags([1, null, "ok"])).toEqual(["ok"]);
	});

	test("the licenses are Medium's nine", () => {
		expect(MEDIUM_LICENSES).toHaveLength(9);
		expect(new Set(MEDIUM_LICENSES).size).toBe(9);
		expect(MEDIUM_LICENSES[0]).toBe("all-rights-reserved");
	});
});
