/**
 * The HttpPort for the command line and the tests, over Node's global `fetch`. It resolves with any status
 * (the client reads error bodies itself), rejects only when no answer came, and names a timeout
 * "TimeoutError" so the client can tell it from a network failure. Redirects are not followed, so the
 * Authorization header is never replayed to another host.
 */

import type { HttpPort, HttpRequest, HttpResponse } from "../core/ports";
import { redactToken } from "../medium/medium-errors";

/** How long a request may take, answer body included, unless told otherwise. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** The most of an answer's body that is read: Medium's answers are small JSON; a huge one is cut, not stored. */
export const MAX_RESPONSE_BYTES = 2 * 1024 * 1024;

/** Options of the Node HTTP adapter. */
export interface NodeHttpOptions {
	/** Milliseconds before a request is abandoned with a "TimeoutError"; default 30 s. */
	timeoutMs?: number;
	/** Bytes of an answer's body read at most; the rest is not downloaded. Default MAX_RESPONSE_BYTES. */
	maxResponseBytes?: number;
}

/**
 * The body of an answer as text, reading at most `limit` bytes: the stream is cancelled there, so a
 * 700 MB error page costs 2 MB, not 700. A cut body then fails to parse and is reported as a bad answer.
 */
async function readBody(res: Response, limit: number): Promise<string> {
	if (res.body === null) return "";
	const reader = res.body.getReader();
	const decoder = new TextDecoder("utf-8");
	let text = "";
	let total = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		const room = limit - total;
		if (value.byteLength >= room) {
			text += decoder.decode(value.subarray(0, room), { stream: true });
			await reader.cancel().catch(() => undefined);
			break;
		}
		total += value.byteLength;
		text += decoder.decode(value, { stream: true });
	}
	return text + decoder.decode();
}

/** Removes the values of credential headers, in any form, from a text (Node's header errors quote the value). */
function redactHeaders(text: string, headers: Record<string, string>): string {
	let out = text;
	for (const [name, value] of Object.entries(headers)) {
		if (name.toLowerCase() !== "authorization" || value.length === 0) continue;
		const space = value.indexOf(" ");
		out = redactToken(out, space >= 0 ? value.slice(space + 1) : value);
	}
	return out;
}

/** Reads `message`, `code` and `cause` from a thrown value (duck-typed: errors may come from another realm). */
function errorParts(err: unknown): { message: string; code?: string; cause?: unknown } {
	if (typeof err !== "object" || err === null) return { message: String(err) };
	const { message, code, cause } = err as { message?: unknown; code?: unknown; cause?: unknown };
	const parts: { message: string; code?: string; cause?: unknown } = { message: typeof message === "string" ? message : "" };
	if (typeof code === "string") parts.code = code;
	if (cause !== undefined) parts.cause = cause;
	return parts;
}

/** Describes a fetch failure, including the cause Node hides behind "fetch failed". */
function describe(err: unknown): string {
	const outer = errorParts(err);
	const parts = [outer.message];
	if (outer.cause !== undefined) {
		const inner = errorParts(outer.cause);
		parts.push(inner.code !== undefined ? `${inner.code}: ${inner.message}` : inner.message);
	}
	return parts.filter((p) => p.trim() !== "").join(": ") || "unknown network error";
}

/** A copy of the bytes in a fresh ArrayBuffer, the body type every fetch typing accepts. */
function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
	const copy = new Uint8Array(bytes.length);
	copy.set(bytes);
	return copy.buffer;
}

/** Builds an HttpPort over the global `fetch`, with a per-request timeout (AbortSignal.timeout). */
export function createNodeHttp(opts: NodeHttpOptions = {}): HttpPort {
	const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const maxBytes = opts.maxResponseBytes ?? MAX_RESPONSE_BYTES;
	return async (request: HttpRequest): Promise<HttpResponse> => {
		const signal = AbortSignal.timeout(timeoutMs);
		const body = request.body === undefined
			? undefined
			: typeof request.body === "string" ? request.body : toArrayBuffer(request.body);
		try {
			const res = await fetch(request.url, {
				method: request.method,
				headers: request.headers,
				body,
				signal,
				redirect: "manual",
			});
			const text = await readBody(res, maxBytes);
			const headers: Record<string, string> = {};
			res.headers.forEach((value, name) => {
				headers[name.toLowerCase()] = value;
			});
			return { status: res.status, headers, text };
		} catch (err) {
			if (signal.aborted) {
				const timeout = new Error(`No answer from ${new URL(request.url).host} within ${timeoutMs} ms.`);
				timeout.name = "TimeoutError";
				throw timeout;
			}
			const failure = new Error(redactHeaders(describe(err), request.headers));
			failure.name = "NetworkError";
			throw failure;
		}
	};
}
