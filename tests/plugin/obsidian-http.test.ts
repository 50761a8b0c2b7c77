/**
 * The HttpPort over requestUrl: exact ArrayBuffer bodies, `throw: false`, lower-cased headers, the
 * timeout race, rejections as Errors without the token; and, with the Medium client on top, that a
 * timeout and a dropped connection become the right MediumError kinds.
 */

import { bodyFor, createObsidianHttp } from "../../src/plugin/obsidian-http";
import { MediumClient } from "../../src/medium/medium-client";
import type { MediumError } from "../../src/medium/medium-errors";
import { requestLog, resetStub, type RequestUrlParam, type RequestUrlResponse } from "../support/obsidian-stub";
import type { FakeMedium } from "../support/fake-medium-server";
import { useFakeMedium } from "../support/use-fake-medium";
import { nodeSleep } from "../support/node-sleep";

beforeEach(() => resetStub());

function response(over: Partial<RequestUrlResponse> = {}): RequestUrlResponse {
	return { status: 200, headers: {}, arrayBuffer: new ArrayBuffer(0), json: null, text: "", ...over };
}

describe("bodyFor", () => {
	test("strings pass; a subarray becomes an ArrayBuffer of exactly its bytes", () => {
		expect(bodyFor("{}")).toBe("{}");
		expect(bodyFor(undefined)).toBeUndefined();
		const whole = Uint8Array.from([1, 2, 3, 4, 5, 6]);
		const view = whole.subarray(2, 5);
		const buffer = bodyFor(view) as ArrayBuffer;
		expect(Object.prototype.toString.call(buffer)).toBe("[object ArrayBuffer]");
		expect([...new Uint8Array(buffer)]).toEqual([3, 4, 5]);
		const full = bodyFor(whole) as ArrayBuffer;
		expect(full.byteLength).toBe(6);
	});
});

describe("createObsidianHttp", () => {
	test("sends throw: false and the body as an ArrayBuffer; answers with lower-case headers", async () => {
		const seen: RequestUrlParam[] = [];
		const http = createObsidianHttp({
			request: async (param) => {
				seen.push(param);
				return response({ status: 404, headers: { "Content-Type": "application/json", "X-Thing": "1" }, text: "{\"errors\":[]}" });
			},
		});
		const res = await http({ url: "https://api.medium.com/v1/images", method: "POST", headers: { "Content-Type": "multipart/form-data; boundary=x" }, body: Uint8Array.from([9, 8, 7]).subarray(1) });
		expect(res).toEqual({ status: 404, headers: { "content-type": "application/json", "x-thing": "1" }, text: "{\"errors\":[]}" });
		expect(seen[0].throw).toBe(false);
		expect(seen[0].method).toBe("POST");
		expect([...new Uint8Array(seen[0].body as ArrayBuffer)]).toEqual([8, 7]);
	});

	test("a request that never answers rejects with an Error named TimeoutError", async () => {
		const http = createObsidianHttp({ timeoutMs: 30, request: () => new Promise<RequestUrlResponse>(() => {}) });
		const error = await http({ url: "https://api.medium.com/v1/me", method: "GET", headers: {} }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).name).toBe("TimeoutError");
		expect((error as Error).message).toContain("api.medium.com");
	});

	test("any rejection becomes an Error, with the Authorization value removed", async () => {
		const token = "abc123secret";
		const http = createObsidianHttp({
			request: () => Promise.reject(new Error(`net::ERR_CONNECTION_RESET while sending Bearer ${token}`)),
		});
		const error = (await http({ url: "https://api.medium.com/v1/me", method: "GET", headers: { Authorization: `Bearer ${token}` } }).catch((e: unknown) => e)) as Error;
		expect(error).toBeInstanceOf(Error);
		expect(error.name).toBe("NetworkError");
		expect(error.message).toContain("ERR_CONNECTION_RESET");
		expect(error.message).not.toContain(token);
	});
});

describe("with the Medium client and the fake server (real requestUrl stand-in)", () => {
	const fakeMedium = useFakeMedium();
	let fake: FakeMedium;
	beforeEach(() => {
		fake = fakeMedium();
	});

	test("GET /me and an image upload travel through requestUrl", async () => {
		const client = new MediumClient({ sleep: nodeSleep, http: createObsidianHttp(), token: fake.token, apiBase: fake.apiBase });
		expect((await client.me()).username).toBe("fakewriter");
		const png = Uint8Array.from(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64"));
		const up = await client.uploadImage(png, "dot.png");
		expect(up.url).toBe(fake.images[0].url);
		expect(Buffer.from(fake.images[0].bytes).equals(Buffer.from(png))).toBe(true);
		expect(requestLog.map((r) => r.bodyKind)).toEqual(["none", "arraybuffer"]);
	});

	test("a hung answer is a timeout, a dropped one a network failure", async () => {
		const client = new MediumClient({ sleep: nodeSleep, http: createObsidianHttp({ timeoutMs: 100 }), token: fake.token, apiBase: fake.apiBase });
		fake.failNext("me", { hang: true });
		const timeout = (await client.me().catch((e: unknown) => e)) as MediumError;
		expect(timeout.kind).toBe("timeout");
		fake.failNext("me", { drop: true });
		const dropped = (await client.me().catch((e: unknown) => e)) as MediumError;
		expect(dropped.kind).toBe("network");
		expect(dropped.message).not.toContain(fake.token);
	});
});
