/**
 * The HttpPort over Obsidian's `requestUrl`: it is not bound by CORS and sends no `Origin: null` (which
 * Medium rejects from Electron's `fetch`), and it works on mobile. `throw: false` keeps Medium's error
 * bodies readable; the race with a timer gives the timeout `requestUrl` lacks.
 */

import { requestUrl, type RequestUrlParam, type RequestUrlResponse } from "obsidian";
import type { HttpPort, HttpRequest, HttpResponse } from "../core/ports";
import { redactToken } from "../medium/medium-errors";

/** How long a request may take before it is given up as a timeout. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** Choices for {@link createObsidianHttp}. */
export interface ObsidianHttpOptions {
	/** Milliseconds before a request rejects with an Error named "TimeoutError"; default 30 s. */
	timeoutMs?: number;
	/** The request function; `requestUrl` unless a test passes its own. */
	request?: (param: RequestUrlParam) => Promise<RequestUrlResponse>;
}

/**
 * The body as `requestUrl` takes it: a string, or the exact bytes as an ArrayBuffer. A Uint8Array may be a
 * view into a larger buffer (a subarray), so the buffer is sliced to the view's range.
 */
export function bodyFor(body: string | Uint8Array | undefined): string | ArrayBuffer | undefined {
	if (body === undefined || typeof body === "string") return body;
	const whole = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength;
	const buffer = whole ? body.buffer : body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength);
	return buffer as ArrayBuffer;
}

/** Header names in lower case, as the ports promise. */
function lowerCaseHeaders(headers: Record<string, string> | undefined): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers ?? {})) out[name.toLowerCase()] = String(value);
	return out;
}

/**
 * The most of an answer's text that is kept. `requestUrl` cannot stream, so it has read the whole body
 * already; what is kept (and parsed, and quoted in messages) is cut here, like the command line's cap.
 */
export const MAX_RESPONSE_CHARS = 2 * 1024 * 1024;

/** The answer's text, cut to the cap; an undecodable body reads as "" (the client then reports a bad answer). */
function textOf(response: RequestUrlResponse): string {
	try {
		const text = typeof response.text === "string" ? response.text : "";
		return text.length > MAX_RESPONSE_CHARS ? text.slice(0, MAX_RESPONSE_CHARS) : text;
	} catch {
		return "";
	}
}

/** Removes the Authorization value's token, in any form, from a text, whatever a failure quoted. */
function redactAuthorization(text: string, headers: Record<string, string>): string {
	let out = text;
	for (const [name, value] of Object.entries(headers)) {
		if (name.toLowerCase() !== "authorization" || value === "") continue;
		const space = value.indexOf(" ");
		out = redactToken(out, space >= 0 ? value.slice(space + 1) : value);
	}
	return out;
}

/** Any rejection as an Error, so the Medium client can tell a timeout from a network failure. */
function asError(caught: unknown, headers: Record<string, string>): Error {
	if (caught instanceof Error && caught.name === "TimeoutError") return caught;
	const raw = caught instanceof Error ? caught.message : typeof caught === "string" ? caught : "no answer";
	const error = new Error(redactAuthorization(raw || "no answer", headers));
	error.name = "NetworkError";
	return error;
}

/** The host of a URL for messages, or the URL itself when it does not parse. */
function hostOf(url: string): string {
	try {
		return new URL(url).host;
	} catch {
		return url;
	}
}

/** Builds the plugin's HttpPort: any status resolves; only a missing answer (or the timeout) rejects. */
export function createObsidianHttp(opts: ObsidianHttpOptions = {}): HttpPort {
	const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const send = opts.request ?? ((param: RequestUrlParam) => requestUrl(param));
	return async (request: HttpRequest): Promise<HttpResponse> => {
		let timer: number | undefined;
		const timeout = new Promise<never>((_, reject) => {
			timer = window.setTimeout(() => {
				const error = new Error(`No answer from ${hostOf(request.url)} within ${timeoutMs} ms.`);
				error.name = "TimeoutError";
				reject(error);
			}, timeoutMs);
		});
		try {
			const response = await Promise.race([
				send({ url: request.url, method: request.method, headers: { ...request.headers }, body: bodyFor(request.body), throw: false }),
				timeout,
			]);
			return { status: response.status, headers: lowerCaseHeaders(response.headers), text: textOf(response) };
		} catch (caught) {
			throw asError(caught, request.headers);
		} finally {
			window.clearTimeout(timer);
		}
	};
}
