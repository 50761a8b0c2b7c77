/**
 * Talking to Medium honestly: the product's User-Agent on every request, `Retry-After` honoured up to a
 * cap with a 429 message that fits the request, answers read only up to a limit, and the token redacted
 * in every form Medium could echo it in.
 */

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { failureScope } from "../src/cli/cli-messages";
import { createNodeHttp } from "../src/cli/node-http";
import { USER_AGENT } from "../src/core/user-agent";
import { MAX_RETRY_AFTER_MS, MediumClient } from "../src/medium/medium-client";
import { MediumError, mediumErrorFromResponse, redactToken, retryAfterMs } from "../src/medium/medium-errors";
import manifest from "../manifest.json";
import type { FakeMedium } from "./support/fake-medium-server";
import { useFakeMedium } from "./support/use-fake-medium";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 9, 8, 7]);
const story = { title: "T", contentFormat: "markdown" as const, content: "# T\n\nbody", publishStatus: "draft" as const };

const fakeMedium = useFakeMedium();
let fake: FakeMedium;
beforeEach(() => {
	fake = fakeMedium();
});

function client(sleeps: number[] = []): MediumClient {
	return new MediumClient({
		http: createNodeHttp({ timeoutMs: 2000 }),
		token: fake.token,
		apiBase: fake.apiBase,
		retryDelaysMs: [5, 10],
		sleep: (ms) => {
			sleeps.push(ms);
			return Promise.resolve();
		},
	});
}

test("every request names the product and its version", async () => {
	const c = client();
	await c.me();
	await c.uploadImage(PNG, "a.png");
	await c.createPost(story);
	expect(USER_AGENT).toBe(`medium-publisher/${manifest.version}`);
	expect(fake.requests.length).toBe(3);
	expect(fake.requests.every((r) => r.headers["user-agent"] === USER_AGENT)).toBe(true);
});

describe("Retry-After", () => {
	test("an image upload waits what Medium asks before retrying", async () => {
		const sleeps: number[] = [];
		fake.failNext("images", { status: 429, json: { errors: [{ message: "Too many requests." }] }, headers: { "Retry-After": "3" } });
		await client(sleeps).uploadImage(PNG, "a.png");
		expect(sleeps).toEqual([3000]);
		expect(fake.requestsTo("images")).toHaveLength(2);
	});

	test("a wait over the cap is not waited: the upload fails saying so, fitting an upload", async () => {
		const sleeps: number[] = [];
		fake.failNext("images", { status: 429, json: {}, headers: { "Retry-After": String(MAX_RETRY_AFTER_MS / 1000 + 1) } });
		const error = await client(sleeps).uploadImage(PNG, "a.png").catch((e: unknown) => e);
		expect(error).toBeInstanceOf(MediumError);
		expect((error as MediumError).message).toMatch(/image upload; no story was created.*wait 61 seconds/);
		expect((error as MediumError).message).not.toMatch(/10 new stories/);
		expect(sleeps).toEqual([]);
		expect(fake.requestsTo("images")).toHaveLength(1);
		// Not the daily limit: a run of several notes stops, but nothing is "left for tomorrow".
		expect(failureScope(error)).toBe("account");
	});

	test("a 429 on the story is the daily limit, never retried", async () => {
		const sleeps: number[] = [];
		fake.failNext("posts", { status: 429 });
		const error = (await client(sleeps).createPost(story).catch((e: unknown) => e)) as MediumError;
		expect(error.message).toMatch(/10 new stories a day/);
		expect(failureScope(error)).toBe("rate-limit");
		expect(sleeps).toEqual([]);
		expect(fake.requestsTo("posts")).toHaveLength(1);
	});

	test("seconds and HTTP dates are read; garbage is ignored", () => {
		const now = Date.parse("2026-11-29T10:00:00Z");
		expect(retryAfterMs({ "retry-after": "120" }, now)).toBe(120_000);
		expect(retryAfterMs({ "retry-after": "Sun, 29 Nov 2026 10:00:30 GMT" }, now)).toBe(30_000);
		expect(retryAfterMs({ "retry-after": "soon" }, now)).toBeUndefined();
		expect(retryAfterMs({}, now)).toBeUndefined();
	});
});

describe("answers are read up to a limit", () => {
	let server: Server;
	let base: string;
	let sent = 0;
	beforeAll(async () => {
		server = createServer((_req, res) => {
			res.writeHead(500, { "Content-Type": "text/plain" });
			const chunk = Buffer.alloc(64 * 1024, 0x61);
			sent = 0;
			const pump = (): void => {
				while (sent < 64 * 1024 * 1024) {
					sent += chunk.length;
					if (!res.write(chunk)) {
						res.once("drain", pump);
						return;
					}
				}
				res.end();
			};
			res.on("close", () => undefined);
			pump();
		});
		await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
		base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(async () => {
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	});

	test("a 64 MB error body is cut at the limit and the rest is not downloaded", async () => {
		const http = createNodeHttp({ timeoutMs: 5000, maxResponseBytes: 100_000 });
		const res = await http({ url: base + "/big", method: "GET", headers: {} });
		expect(res.status).toBe(500);
		expect(res.text.length).toBe(100_000);
		await new Promise((r) => setTimeout(r, 50));
		expect(sent).toBeLessThan(32 * 1024 * 1024);
	});
});

describe("the token is redacted in every form", () => {
	const token = "2a9f6c0e81d44b7f9a3e5c1d0b8f7e6a5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a";

	test.each([
		["as is", `Token ${token} was invalid.`],
		["split across two messages", `Token was invalid: ${token.slice(0, 30)} ${token.slice(30)}`],
		["JSON-escaped", JSON.stringify({ echo: `Bearer ${token}` })],
		["URL-encoded", `https://x/?t=${encodeURIComponent(token)}`],
		["upper case", `TOKEN ${token.toUpperCase()}`],
		["cut short", `...${token.slice(10, 40)}...`],
	])("%s", (_name, text) => {
		const out = redactToken(text, token);
		for (let i = 0; i + 6 <= token.length; i++) expect(out.toLowerCase()).not.toContain(token.slice(i, i + 6));
		expect(out).toContain("[redacted]");
	});

	test("Medium echoing the token split across two error messages never shows it", () => {
		const body = JSON.stringify({ errors: [{ message: `Token ${token.slice(0, 32)}`, code: 6003 }, { message: `${token.slice(32)} is invalid.` }] });
		const error = mediumErrorFromResponse({ status: 401, headers: { "content-type": "application/json" }, text: body }, "loading your profile", token);
		expect(error.message).not.toContain(token.slice(0, 32));
		expect(error.message).not.toContain(token.slice(32));
		expect(error.mediumMessage ?? "").not.toContain(token.slice(32));
	});

	test("ordinary words are left alone", () => {
		expect(redactToken("Token was invalid. (code 6003)", token)).toBe("Token was invalid. (code 6003)");
	});
});
