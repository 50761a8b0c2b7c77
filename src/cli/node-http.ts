/**
 * The HttpPort for the command line and the tests, over Node's global `fetch`. It resolves with any status
 * (the client reads error bodies itself), rejects only when no answer came, and names a timeout
 * "TimeoutError" so the client can tell it from a network failure. Redirects are not followed, so the
 * Authorization header is never replayed to another host.
 */

import type { HttpPort, HttpRequest, HttpResponse } from "../core/ports";

/** How long a request may take, answer body included, unless told otherwise. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** Options of the Node HTTP adapter. */
export interface NodeHttpOptions {
	/** Milliseconds before a request is abandoned with a "TimeoutError"; default 30 s. */
	timeoutMs?: number;
}

/** Removes the values of credential headers from a text (Node's header errors quote the value). */
function redactHeaders(text: string, headers: Record<string, string>): string {
	let out = text;
	for (const [name, value] of Object.entries(headers)) {
		if (name.toLowerCase() !== "authorization" || value.length === 0) continue;
		out = out.split(value).join("[redacted]");
		const space = value.indexOf(" ");
		const secret = space >= 0 ? value.slice(space + 1).trim() : "";
		if (secret.length > 0) out = out.split(secret).join("[redacted]");
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
			const text = await res.text();
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
