/**
 * The ports through which the pure core talks to the world. The plugin wires Obsidian's APIs into them,
 * the command line wires Node's, and tests wire fakes. Nothing here imports `obsidian` or Node.
 */

/** Properties (frontmatter) of a note, as parsed by the host (Obsidian's metadata cache or gray-matter). */
export type Properties = Record<string, unknown>;

/** A note as the vault holds it: the whole file text and its parsed properties. */
export interface NoteFile {
	/** The whole file, frontmatter included, exactly as stored. */
	text: string;
	properties: Properties;
}

/** The vault as the converter and the publisher see it. Paths are vault-relative, `/`-separated. */
export interface VaultPort {
	/**
	 * Resolves a link target (no `#subpath`, no `|alias`, already trimmed and URL-decoded) written in
	 * `sourcePath` to the vault path of a file, the way Obsidian does; null when nothing matches.
	 */
	resolveLink(linkpath: string, sourcePath: string): string | null;
	/** Reads a note's text and properties; null when it is missing or unreadable. */
	readNote(path: string): Promise<NoteFile | null>;
	/** Reads a file's bytes (images); null when it is missing or unreadable. */
	readBinary(path: string): Promise<Uint8Array | null>;
}

/** One HTTP request. The body is a string (JSON) or bytes (multipart). */
export interface HttpRequest {
	url: string;
	method: "GET" | "POST";
	headers: Record<string, string>;
	body?: string | Uint8Array;
}

/** One HTTP answer, whatever its status. */
export interface HttpResponse {
	status: number;
	/** Header names in lower case. */
	headers: Record<string, string>;
	text: string;
}

/**
 * Sends a request. Resolves with any status (never throws on 4xx/5xx); rejects only when no answer
 * came (network failure, timeout).
 */
export type HttpPort = (request: HttpRequest) => Promise<HttpResponse>;

/** Durable JSON state (settings, image cache, publish records): plugin data in Obsidian, a file for the CLI. */
export interface StorePort<T> {
	load(): Promise<T | null>;
	save(data: T): Promise<void>;
}
