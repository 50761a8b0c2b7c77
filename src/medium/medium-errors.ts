/**
 * Errors from talking to Medium, turned into one type with a stable `kind` (for the code to branch on) and a
 * message that says what happened and what the user can do about it. Medium's own answers are terse and
 * sometimes not JSON at all (a bot-protection page), so everything here parses defensively. The integration
 * token must never leak into a message: every builder takes the token to redact when it knows it.
 */

import type { HttpResponse } from "../core/ports";

/** What went wrong, coarse enough for the caller to decide (ask for a token, keep the profile, retry...). */
export type MediumErrorKind =
	| "no-token"
	| "unauthorized"
	| "missing-scope"
	| "forbidden"
	| "rate-limited"
	| "bot-protection"
	| "bad-request"
	| "not-found"
	| "server"
	| "network"
	| "timeout"
	| "bad-response";

/** Extra facts about a failure; all optional. */
export interface MediumErrorDetails {
	/** The HTTP status, when Medium answered. */
	status?: number;
	/** Medium's numeric error code (e.g. 6003 for an invalid token), when its body carried one. */
	code?: number;
	/** Medium's own error text, already redacted; kept apart so the UI can show it on its own. */
	mediumMessage?: string;
	/** How long Medium asked to wait before trying again (its `Retry-After`), in milliseconds. */
	retryAfterMs?: number;
	/** What the failed request was for, when known. */
	request?: MediumRequestKind;
}

/** What a request was for, so a failure can be worded for it (a 429 means different things). */
export type MediumRequestKind = "story" | "upload" | "read";

/** A failure talking to Medium; `message` is a plain sentence-case explanation with advice, never the token. */
export class MediumError extends Error {
	readonly kind: MediumErrorKind;
	readonly status?: number;
	readonly code?: number;
	readonly mediumMessage?: string;
	readonly retryAfterMs?: number;
	readonly request?: MediumRequestKind;

	constructor(kind: MediumErrorKind, message: string, details: MediumErrorDetails = {}) {
		super(message);
		this.name = "MediumError";
		this.kind = kind;
		if (details.status !== undefined) this.status = details.status;
		if (details.code !== undefined) this.code = details.code;
		if (details.mediumMessage !== undefined) this.mediumMessage = details.mediumMessage;
		if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
		if (details.request !== undefined) this.request = details.request;
	}
}

/** What replaces the token wherever it would have appeared. */
export const REDACTED = "[redacted]";

/** A piece of a token at least this long is redacted wherever it appears (a token split in two, or cut). */
const MIN_PIECE = 6;

/** The spellings a token (sent trimmed) can come back in: as is, JSON-escaped, URL-encoded; lower case. */
function tokenSpellings(token: string): string[] {
	const t = token.trim();
	return [t, JSON.stringify(t).slice(1, -1), encodeURIComponent(t)].map((s) => s.toLowerCase());
}

/**
 * Removes the token from a text in every form it can come back in: as given or trimmed, JSON-escaped,
 * URL-encoded, in another letter case, and in pieces (Medium's errors can echo it split across two
 * messages, or cut): any run of six or more characters of the token's spelling is redacted. Nothing
 * Medium or the network stack echoes can carry the secret into a message, a log or a file. One pass per
 * spelling over the text.
 */
export function redactToken(text: string, token: string | null | undefined): string {
	if (!token || token.trim() === "" || text === "") return text;
	const lower = text.toLowerCase();
	// covered[i] is true when character i of the text is part of the token.
	const covered = new Uint8Array(text.length);
	let any = false;
	for (const spelling of tokenSpellings(token)) {
		const k = Math.min(spelling.length, MIN_PIECE);
		const pieces = new Set<string>();
		for (let i = 0; i + k <= spelling.length; i++) pieces.add(spelling.slice(i, i + k));
		for (let i = 0; i + k <= lower.length; i++) {
			if (!pieces.has(lower.slice(i, i + k))) continue;
			covered.fill(1, i, i + k);
			any = true;
		}
	}
	if (!any) return text;
	let out = "";
	for (let i = 0; i < text.length; ) {
		if (covered[i] === 0) {
			out += text[i];
			i++;
			continue;
		}
		while (i < text.length && covered[i] === 1) i++;
		out += REDACTED;
	}
	return out;
}

/** The longest piece of Medium's own error text kept in a message (HTML pages and stack dumps are cut). */
const MAX_MEDIUM_MESSAGE = 300;

/** Medium's `{errors: [{message, code}]}` body, read defensively. */
interface ParsedErrorBody {
	message?: string;
	code?: number;
}

/** Reads Medium's error body: JSON `{errors: [...]}` or `{error: ...}`; anything else yields nothing. */
function parseErrorBody(text: string): ParsedErrorBody {
	const trimmed = text.trim();
	if (!trimmed.startsWith("{")) return {};
	let json: unknown;
	try {
		json = JSON.parse(trimmed);
	} catch {
		return {};
	}
	if (!isRecord(json)) return {};
	const messages: string[] = [];
	let code: number | undefined;
	const errors = json.errors;
	if (Array.isArray(errors)) {
		for (const entry of errors) {
			if (!isRecord(entry)) continue;
			if (typeof entry.message === "string" && entry.message.trim() !== "") messages.push(entry.message.trim());
			if (code === undefined && typeof entry.code === "number" && Number.isFinite(entry.code)) code = entry.code;
		}
	} else if (typeof json.error === "string" && json.error.trim() !== "") {
		messages.push(json.error.trim());
	}
	const result: ParsedErrorBody = {};
	if (messages.length > 0) result.message = messages.join(" ");
	if (code !== undefined) result.code = code;
	return result;
}

/** True for a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** True when an answer is a web page rather than data (Cloudflare's challenge, a proxy's error page). */
export function looksLikeHtml(res: HttpResponse): boolean {
	const type = headerValue(res.headers, "content-type").toLowerCase();
	if (type.includes("text/html")) return true;
	return res.text.trimStart().startsWith("<");
}

/** Reads a header whatever the case of its name (ports promise lower case; be lenient anyway). */
function headerValue(headers: Record<string, string>, name: string): string {
	const direct = headers[name];
	if (typeof direct === "string") return direct;
	for (const key of Object.keys(headers)) {
		if (key.toLowerCase() === name) return headers[key] ?? "";
	}
	return "";
}

/** Keeps Medium's text printable, short and free of the token. */
function cleanMediumMessage(text: string, token?: string): string {
	let out = "";
	for (const ch of redactToken(text, token)) {
		const c = ch.charCodeAt(0);
		out += c < 0x20 || c === 0x7f ? " " : ch;
	}
	out = out.trim();
	if (out.length > MAX_MEDIUM_MESSAGE) out = out.slice(0, MAX_MEDIUM_MESSAGE - 1).trimEnd() + "…";
	return out;
}

/** "loading your profile" → "Loading your profile failed: ". Empty context gives no prefix. */
function prefix(context: string): string {
	const c = context.trim();
	if (c === "") return "";
	return c.charAt(0).toUpperCase() + c.slice(1) + " failed: ";
}

/** Appends Medium's own words (and code) when there are any. */
function withMediumText(message: string, parsed: ParsedErrorBody): string {
	if (parsed.message) {
		const code = parsed.code !== undefined ? ` (code ${parsed.code})` : "";
		return `${message} Medium said: "${parsed.message}"${code}`;
	}
	if (parsed.code !== undefined) return `${message} Medium's error code: ${parsed.code}.`;
	return message;
}

/**
 * A `Retry-After` header in milliseconds: delay-seconds or an HTTP date (relative to `now`); undefined
 * when absent or unreadable, never negative.
 */
export function retryAfterMs(headers: Record<string, string>, now: number = Date.now()): number | undefined {
	const raw = headerValue(headers, "retry-after").trim();
	if (raw === "") return undefined;
	if (/^\d{1,10}$/.test(raw)) return Number(raw) * 1000;
	const at = Date.parse(raw);
	return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

/** "30 seconds", "5 minutes": a wait in words. */
export function waitWords(ms: number): string {
	const seconds = Math.max(1, Math.ceil(ms / 1000));
	return seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}

/** The Medium error code for a missing scope (seen with 401 and 403). */
export const CODE_MISSING_SCOPE = 6002;

/**
 * Turns a non-2xx answer (or a 2xx that is not Medium's `{data}`) into a MediumError. `context` is what the
 * plugin was doing, as a lower-case phrase ("creating the story"); `token` is redacted from anything quoted.
 */
export function mediumErrorFromResponse(res: HttpResponse, context: string, token?: string, request: MediumRequestKind = "story"): MediumError {
	const status = res.status;
	const html = looksLikeHtml(res);
	const parsed = html ? {} : parseErrorBody(res.text);
	if (parsed.message !== undefined) parsed.message = cleanMediumMessage(parsed.message, token);
	const details: MediumErrorDetails = { status, request };
	const retryAfter = retryAfterMs(res.headers);
	if (retryAfter !== undefined) details.retryAfterMs = retryAfter;
	if (parsed.code !== undefined) details.code = parsed.code;
	if (parsed.message) details.mediumMessage = parsed.message;
	const head = prefix(context);
	const make = (kind: MediumErrorKind, text: string): MediumError =>
		new MediumError(kind, withMediumText(head + text, parsed), details);

	if (status >= 200 && status < 300) {
		return make(
			"bad-response",
			html
				? "Medium answered with a web page instead of data (possibly its bot protection). Try again later, or use \"Copy for Medium's editor\"."
				: "Medium's answer was not the data it should be. Try again later; if it keeps happening, report it.",
		);
	}
	if ((status === 401 || status === 403) && parsed.code === CODE_MISSING_SCOPE) {
		return make(
			"missing-scope",
			"The integration token does not allow this (a permission scope is missing). Everything else can still work.",
		);
	}
	if (status === 401) {
		return make(
			"unauthorized",
			"Medium rejected the integration token (invalid or revoked). Check the token in the plugin settings.",
		);
	}
	if (status === 403 && html) {
		return make(
			"bot-protection",
			"Medium's bot protection answered instead of its API (a web page, not data). Try again later, or use \"Copy for Medium's editor\".",
		);
	}
	if (status === 403) {
		return make(
			"forbidden",
			"Medium refused: this account has no right to publish there. In a publication a writer may only create drafts; choose \"draft\" or ask an editor.",
		);
	}
	if (status === 429) {
		const wait = retryAfter === undefined ? "" : ` (Medium asks to wait ${waitWords(retryAfter)})`;
		return make(
			"rate-limited",
			request === "story"
				? `Medium's limit was reached (at most 10 new stories a day per account). Try again tomorrow${wait}.`
				: `Medium is limiting requests${request === "upload" ? " (an image upload; no story was created)" : ""}. Try again later${wait}.`,
		);
	}
	if (status === 404) {
		return make("not-found", "Medium does not know this user or publication. Check the publication in the settings.");
	}
	if (status >= 500 && status < 600) {
		return make("server", `Medium is having trouble (status ${status}). Try again later.`);
	}
	if (status >= 400 && status < 500) {
		return make("bad-request", `Medium refused the request as invalid (status ${status}). Check the note's title, tags and properties.`);
	}
	return make("bad-response", `Medium gave an unexpected answer (status ${status}). Try again later.`);
}

/** Reads `name` from an unknown thrown value without trusting its shape (nor its realm: no instanceof). */
function errorName(err: unknown): string {
	if (isRecord(err) || err instanceof Error) {
		const name = (err as { name?: unknown }).name;
		if (typeof name === "string") return name;
	}
	return "";
}

/**
 * Turns a rejection of the HTTP port (no answer came) into a MediumError: an Error named "TimeoutError" or
 * "AbortError" is a timeout, anything else a network failure. A MediumError passes through unchanged.
 */
export function mediumErrorFromRejection(err: unknown, context = "", token?: string): MediumError {
	if (err instanceof MediumError) return err;
	const name = errorName(err);
	const head = prefix(context);
	if (name === "TimeoutError" || name === "AbortError") {
		return new MediumError("timeout", head + "Medium did not answer in time. Check your internet connection and try again.");
	}
	let detail = "";
	const message = isRecord(err) || err instanceof Error ? (err as { message?: unknown }).message : undefined;
	if (typeof message === "string" && message.trim() !== "") {
		detail = ` (${cleanMediumMessage(message, token)})`;
	}
	return new MediumError(
		"network",
		head + `Medium could not be reached${detail}. Check your internet connection and try again.`,
	);
}
