/**
 * The fake Medium server's own enforcement: it must refuse what Medium refuses, or the client tests that
 * run against it would prove nothing. Requests here are hand-made with fetch, not built by the client.
 */

import { createHash } from "node:crypto";
import { buildMultipart } from "../src/medium/multipart";
import { startFakeMedium, type FakeMedium } from "./support/fake-medium-server";
import { useFakeMedium } from "./support/use-fake-medium";

const fakeMedium = useFakeMedium();
let fake: FakeMedium;
beforeEach(() => {
	fake = fakeMedium();
});

interface RawAnswer {
	status: number;
	contentType: string | null;
	json: unknown;
	text: string;
}

async function raw(
	method: "GET" | "POST",
	path: string,
	opts: { token?: string | null; headers?: Record<string, string>; body?: string | Uint8Array } = {},
): Promise<RawAnswer> {
	const headers: Record<string, string> = { ...opts.headers };
	const token = opts.token === undefined ? fake.token : opts.token;
	if (token !== null) headers.Authorization = `Bearer ${token}`;
	const body = opts.body instanceof Uint8Array ? new Uint8Array(opts.body).buffer : opts.body;
	const res = await fetch(fake.apiBase + path, { method, headers, body });
	const text = await res.text();
	let json: unknown = undefined;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: res.status, contentType: res.headers.get("content-type"), json, text };
}

function postJson(path: string, body: unknown, token?: string | null): Promise<RawAnswer> {
	return raw("POST", path, { token, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
}

function firstError(answer: RawAnswer): { message: string; code?: number } {
	const errors = (answer.json as { errors: Array<{ message: string; code?: number }> }).errors;
	expect(Array.isArray(errors)).toBe(true);
	return errors[0];
}

const userPosts = (): string => `/users/${fake.user.id}/posts`;
const story = { title: "Hello", contentFormat: "markdown", content: "# Hello\n\nBody." };

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3, 4]);

describe("authentication", () => {
	test("a missing token is 401 code 6000", async () => {
		const answer = await raw("GET", "/me", { token: null });
		expect(answer.status).toBe(401);
		expect(firstError(answer).code).toBe(6000);
	});

	test("a wrong token is 401 code 6003", async () => {
		const answer = await raw("GET", "/me", { token: "0123abcd" });
		expect(answer.status).toBe(401);
		expect(firstError(answer)).toEqual({ message: "Token was invalid.", code: 6003 });
	});

	test("the right token gets the user, in JSON with charset", async () => {
		const answer = await raw("GET", "/me");
		expect(answer.status).toBe(200);
		expect(answer.contentType).toBe("application/json; charset=utf-8");
		expect(answer.json).toEqual({ data: fake.user });
		expect(Object.keys(fake.user).sort()).toEqual(["id", "imageUrl", "name", "url", "username"]);
	});
});

describe("publications", () => {
	test("lists the publications without the role", async () => {
		const answer = await raw("GET", `/users/${fake.user.id}/publications`);
		expect(answer.status).toBe(200);
		const data = (answer.json as { data: Array<Record<string, unknown>> }).data;
		expect(data.map((p) => p.id)).toEqual(fake.publications.map((p) => p.id));
		for (const p of data) expect(Object.keys(p).sort()).toEqual(["description", "id", "imageUrl", "name", "url"]);
	});

	test("another user's id is 403", async () => {
		expect((await raw("GET", "/users/someoneelse/publications")).status).toBe(403);
	});

	test("without the scope it is 401 code 6002", async () => {
		fake.setPublicationsScope(false);
		const answer = await raw("GET", `/users/${fake.user.id}/publications`);
		expect(answer.status).toBe(401);
		expect(firstError(answer).code).toBe(6002);
	});

	test("contributors tell the user's role", async () => {
		const writer = fake.publications.find((p) => p.role === "writer");
		expect(writer).toBeDefined();
		const answer = await raw("GET", `/publications/${writer?.id ?? ""}/contributors`);
		expect(answer.json).toEqual({ data: [{ publicationId: writer?.id, userId: fake.user.id, role: "writer" }] });
	});
});

describe("creating stories: what is refused", () => {
	test("a body that is not declared as JSON", async () => {
		const answer = await raw("POST", userPosts(), { headers: { "Content-Type": "text/plain" }, body: JSON.stringify(story) });
		expect(answer.status).toBe(400);
		expect(fake.posts).toHaveLength(0);
	});

	test("an unknown field is 400 code 6007", async () => {
		const answer = await postJson(userPosts(), { ...story, subtitle: "nope" });
		expect(answer.status).toBe(400);
		expect(firstError(answer)).toEqual({ message: "Unexpected fields specified.", code: 6007 });
	});

	test("a null field is refused", async () => {
		expect((await postJson(userPosts(), { ...story, canonicalUrl: null })).status).toBe(400);
	});

	test("tags as a string are 400 code 6007", async () => {
		const answer = await postJson(userPosts(), { ...story, tags: "one,two" });
		expect(answer.status).toBe(400);
		expect(firstError(answer).code).toBe(6007);
	});

	test("tags with a non-string are refused", async () => {
		expect((await postJson(userPosts(), { ...story, tags: ["ok", 3] })).status).toBe(400);
	});

	test("empty content is 400 code 2002", async () => {
		const answer = await postJson(userPosts(), { ...story, content: "  " });
		expect(answer.status).toBe(400);
		expect(firstError(answer)).toEqual({ message: "No content specified.", code: 2002 });
	});

	test.each([
		["a missing title", { contentFormat: "markdown", content: "x" }],
		["a bad content format", { ...story, contentFormat: "rtf" }],
		["a bad publish status", { ...story, publishStatus: "private" }],
		["a bad license", { ...story, license: "mit" }],
		["a non-boolean notifyFollowers", { ...story, notifyFollowers: "yes" }],
	])("%s is 400", async (_label, body) => {
		expect((await postJson(userPosts(), body)).status).toBe(400);
		expect(fake.posts).toHaveLength(0);
	});

	test("publishedAt in the future is 400 code 2014, in the past is kept", async () => {
		const future = await postJson(userPosts(), { ...story, publishedAt: new Date(Date.now() + 86_400_000).toISOString() });
		expect(future.status).toBe(400);
		expect(firstError(future).code).toBe(2014);
		const past = await postJson(userPosts(), { ...story, publishedAt: "2020-01-02T03:04:05.000Z" });
		expect(past.status).toBe(201);
		expect((past.json as { data: { publishedAt: number } }).data.publishedAt).toBe(Date.parse("2020-01-02T03:04:05.000Z"));
	});

	test("another author's id is 403", async () => {
		expect((await postJson("/users/someoneelse/posts", story)).status).toBe(403);
	});

	test("a writer may only create drafts in a publication", async () => {
		const writer = fake.publications.find((p) => p.role === "writer");
		const path = `/publications/${writer?.id ?? ""}/posts`;
		expect((await postJson(path, story)).status).toBe(403);
		expect((await postJson(path, { ...story, publishStatus: "unlisted" })).status).toBe(403);
		const draft = await postJson(path, { ...story, publishStatus: "draft" });
		expect(draft.status).toBe(201);
		const data = (draft.json as { data: Record<string, unknown> }).data;
		expect(data.publicationId).toBe(writer?.id);
		expect(data.publishedAt).toBeUndefined();
	});

	test("an editor may publish in a publication; an unknown publication is 404", async () => {
		const editor = fake.publications.find((p) => p.role === "editor");
		expect((await postJson(`/publications/${editor?.id ?? ""}/posts`, story)).status).toBe(201);
		expect((await postJson("/publications/nope/posts", { ...story, publishStatus: "draft" })).status).toBe(404);
	});

	test("the daily limit answers 429 code 1007", async () => {
		const limited = await startFakeMedium({ dailyLimit: 2 });
		try {
			const send = (): Promise<Response> =>
				fetch(`${limited.apiBase}/users/${limited.user.id}/posts`, {
					method: "POST",
					headers: { Authorization: `Bearer ${limited.token}`, "Content-Type": "application/json" },
					body: JSON.stringify(story),
				});
			expect((await send()).status).toBe(201);
			expect((await send()).status).toBe(201);
			const third = await send();
			expect(third.status).toBe(429);
			expect(await third.json()).toEqual({
				errors: [{ message: "User has reached the rate limit for publishing today.", code: 1007 }],
			});
			expect(limited.posts).toHaveLength(2);
		} finally {
			await limited.close();
		}
	});
});

describe("creating stories: the answer", () => {
	test("has the documented shape, Medium's defaults and normalised tags", async () => {
		const answer = await postJson(userPosts(), {
			...story,
			title: "Hello, World!",
			tags: ["Obsidian", "Writing", "Tools", "Extra"],
			canonicalUrl: "https://example.com/hello",
		});
		expect(answer.status).toBe(201);
		expect(answer.contentType).toBe("application/json; charset=utf-8");
		const data = (answer.json as { data: Record<string, unknown> }).data;
		expect(Object.keys(data).sort()).toEqual(
			["authorId", "canonicalUrl", "id", "license", "licenseUrl", "publishStatus", "publishedAt", "tags", "title", "url"],
		);
		expect(data.authorId).toBe(fake.user.id);
		expect(data.publishStatus).toBe("public");
		expect(data.license).toBe("all-rights-reserved");
		expect(data.tags).toEqual(["obsidian", "writing", "tools"]);
		expect(data.url).toBe(`https://medium.com/@${fake.user.username}/hello-world-${String(data.id)}`);
		expect(typeof data.publishedAt).toBe("number");
		expect(fake.posts).toHaveLength(1);
		expect(fake.posts[0].request.title).toBe("Hello, World!");
	});

	test("a draft has no publishedAt and no canonicalUrl when none was sent", async () => {
		const answer = await postJson(userPosts(), { ...story, publishStatus: "draft", license: "cc-40-by" });
		const data = (answer.json as { data: Record<string, unknown> }).data;
		expect(data.publishedAt).toBeUndefined();
		expect(data.canonicalUrl).toBeUndefined();
		expect(data.license).toBe("cc-40-by");
		expect(data.licenseUrl).toBe("https://creativecommons.org/licenses/by/4.0/");
	});

	test("a title over 100 characters is ignored and one is synthesized", async () => {
		const answer = await postJson(userPosts(), { ...story, title: "x".repeat(101) });
		expect((answer.json as { data: { title: string } }).data.title).toBe("Hello");
	});
});

describe("creating stories: what Medium would show", () => {
	const postId = (answer: RawAnswer): string => (answer.json as { data: { id: string } }).data.id;

	test("HTML content is imported into Medium's paragraphs", async () => {
		const html = "<h1>Hello</h1>\n<h2>Sub</h2>\n<h3>Part</h3>\n<pre data-code-block-mode=\"2\" data-code-block-lang=\"js\">x</pre>";
		const answer = await postJson(userPosts(), { ...story, contentFormat: "html", content: html });
		expect(answer.status).toBe(201);
		expect(fake.storyParagraphs(postId(answer))).toEqual([
			{ type: "TITLE", text: "Hello", markups: [] },
			{ type: "SUBTITLE", text: "Sub", markups: [] },
			{ type: "H3", text: "Part", markups: [] },
			{ type: "PRE", text: "x", markups: [], lang: "js" },
		]);
	});

	test("markdown content is imported too, with Medium's surprises", async () => {
		const answer = await postJson(userPosts(), { ...story, content: "# Hello\n\n## Before you go\n\nBody." });
		expect(fake.storyParagraphs(postId(answer)).map((p) => p.type)).toEqual(["TITLE", "SUBTITLE", "P"]);
	});

	test("an image inside a list item refuses the whole post with 400", async () => {
		const content = "<h1>Hello</h1><ul><li>item <img src=\"https://cdn-images-1.medium.com/x.png\"></li></ul>";
		const answer = await postJson(userPosts(), { ...story, contentFormat: "html", content });
		expect(answer.status).toBe(400);
		expect(firstError(answer).message).toBe("Bad nested paragraphs: [ LI ]");
		expect(fake.posts).toHaveLength(0);
	});

	test("an unknown story id is an error in the test, not an empty story", () => {
		expect(() => fake.storyParagraphs("nope")).toThrow(/no story nope/);
	});
});

describe("image upload", () => {
	function multipartRequest(body: Uint8Array, contentType: string): Promise<RawAnswer> {
		return raw("POST", "/images", { headers: { "Content-Type": contentType }, body });
	}

	test("a correct upload is 201 with the real md5", async () => {
		const mp = buildMultipart({ name: "image", filename: "a.png", contentType: "image/png", bytes: PNG });
		const answer = await multipartRequest(mp.body, mp.contentType);
		expect(answer.status).toBe(201);
		const md5 = createHash("md5").update(PNG).digest("hex");
		expect(answer.json).toEqual({ data: { url: `https://cdn-images-1.medium.com/fake/${md5}`, md5 } });
		expect(fake.images).toHaveLength(1);
		expect(fake.images[0].filename).toBe("a.png");
		expect(Array.from(fake.images[0].bytes)).toEqual(Array.from(PNG));
	});

	test("LF line endings are refused", async () => {
		const text = "--XYZ\nContent-Disposition: form-data; name=\"image\"; filename=\"a.png\"\nContent-Type: image/png\n\nabc\n--XYZ--\n";
		const answer = await multipartRequest(new TextEncoder().encode(text), "multipart/form-data; boundary=XYZ");
		expect(answer.status).toBe(400);
		expect(fake.images).toHaveLength(0);
	});

	test("LF inside the part headers is refused even with CRLF boundaries", async () => {
		const text = "--XYZ\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.png\"\nContent-Type: image/png\r\n\r\nabc\r\n--XYZ--\r\n";
		expect((await multipartRequest(new TextEncoder().encode(text), "multipart/form-data; boundary=XYZ")).status).toBe(400);
	});

	test("a missing boundary, a wrong content type, two parts, a wrong name, no filename, SVG: all 400", async () => {
		const ok = buildMultipart({ name: "image", filename: "a.png", contentType: "image/png", bytes: PNG }, "BOUND");
		expect((await multipartRequest(ok.body, "multipart/form-data")).status).toBe(400);
		expect((await multipartRequest(ok.body, "application/octet-stream")).status).toBe(400);

		const two =
			"--B\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\nabc\r\n" +
			"--B\r\nContent-Disposition: form-data; name=\"image\"; filename=\"b.png\"\r\nContent-Type: image/png\r\n\r\ndef\r\n--B--\r\n";
		expect((await multipartRequest(new TextEncoder().encode(two), "multipart/form-data; boundary=B")).status).toBe(400);

		const wrongName = buildMultipart({ name: "file", filename: "a.png", contentType: "image/png", bytes: PNG });
		expect((await multipartRequest(wrongName.body, wrongName.contentType)).status).toBe(400);

		const noFilename = "--B\r\nContent-Disposition: form-data; name=\"image\"\r\nContent-Type: image/png\r\n\r\nabc\r\n--B--\r\n";
		expect((await multipartRequest(new TextEncoder().encode(noFilename), "multipart/form-data; boundary=B")).status).toBe(400);

		const svg = buildMultipart({ name: "image", filename: "a.svg", contentType: "image/svg+xml", bytes: new TextEncoder().encode("<svg/>") });
		expect((await multipartRequest(svg.body, svg.contentType)).status).toBe(400);

		expect(fake.images).toHaveLength(0);
	});

	test("an upload without a token is 401", async () => {
		const mp = buildMultipart({ name: "image", filename: "a.png", contentType: "image/png", bytes: PNG });
		const answer = await raw("POST", "/images", { token: null, headers: { "Content-Type": mp.contentType }, body: mp.body });
		expect(answer.status).toBe(401);
	});
});

describe("injected failures and bookkeeping", () => {
	test("failNext answers the given status the given number of times, then normally", async () => {
		fake.failNext("me", { status: 500 }, 2);
		expect((await raw("GET", "/me")).status).toBe(500);
		expect((await raw("GET", "/me")).status).toBe(500);
		expect((await raw("GET", "/me")).status).toBe(200);
		expect(fake.requestsTo("me")).toHaveLength(3);
	});

	test("failures are per route", async () => {
		fake.failNext("posts", { status: 503 });
		expect((await raw("GET", "/me")).status).toBe(200);
		expect((await postJson(userPosts(), story)).status).toBe(503);
		expect(fake.posts).toHaveLength(0);
	});

	test("an HTML failure is a web page", async () => {
		fake.failNext("me", { status: 403, html: true });
		const answer = await raw("GET", "/me");
		expect(answer.status).toBe(403);
		expect(answer.contentType).toContain("text/html");
		expect(answer.text.startsWith("<!DOCTYPE html>")).toBe(true);
	});

	test("a raw body failure is sent as is", async () => {
		fake.failNext("me", { status: 502, body: "" });
		const answer = await raw("GET", "/me");
		expect(answer.status).toBe(502);
		expect(answer.text).toBe("");
	});

	test("a dropped connection gives no answer", async () => {
		fake.failNext("me", { drop: true });
		await expect(raw("GET", "/me")).rejects.toThrow();
	});

	test("a hang gives no answer until the client gives up", async () => {
		fake.failNext("me", { hang: true });
		const started = Date.now();
		await expect(
			fetch(fake.apiBase + "/me", { headers: { Authorization: `Bearer ${fake.token}` }, signal: AbortSignal.timeout(150) }),
		).rejects.toThrow();
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
	});

	test("delayMs delays every answer", async () => {
		fake.delayMs = 120;
		const started = Date.now();
		expect((await raw("GET", "/me")).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(110);
	});

	test("requests are recorded with headers, raw bytes and parsed JSON", async () => {
		await postJson(userPosts(), story);
		const request = fake.requests[0];
		expect(request.method).toBe("POST");
		expect(request.path).toBe(`/v1/users/${fake.user.id}/posts`);
		expect(request.route).toBe("posts");
		expect(request.headers["content-type"]).toBe("application/json");
		expect(new TextDecoder().decode(request.body)).toBe(JSON.stringify(story));
		expect(request.json).toEqual(story);
	});

	test("an unknown path is 404", async () => {
		expect((await raw("GET", "/nothing")).status).toBe(404);
	});

	test("reset forgets everything", async () => {
		await postJson(userPosts(), story);
		fake.failNext("me", { status: 500 });
		fake.setPublicationsScope(false);
		fake.reset();
		expect(fake.requests).toHaveLength(0);
		expect(fake.posts).toHaveLength(0);
		expect((await raw("GET", "/me")).status).toBe(200);
		expect((await raw("GET", `/users/${fake.user.id}/publications`)).status).toBe(200);
	});
});
