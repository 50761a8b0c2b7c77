/**
 * Fast, stable, non-cryptographic 64-bit hashes (16 hex digits) for telling "changed since published"
 * without storing content, and for keying the image cache by what an image is rather than where it
 * lives. Two 32-bit lanes: plain FNV-1a, and an FNV-style lane with another seed, multiplier and an
 * extra shift. Never change them: every stored hash would read as changed.
 */

function hex32(value: number): string {
	return (value >>> 0).toString(16).padStart(8, "0");
}

/** The hash of a text, over its UTF-16 code units. */
export function hashContent(text: string): string {
	let h1 = 0x811c9dc5;
	let h2 = 0x84222325;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ code, 0x01000193);
		h2 = Math.imul(h2 ^ code, 0x5bd1e995);
		h2 ^= h2 >>> 15;
	}
	return hex32(h1) + hex32(h2);
}

/** The image cache key: the same two lanes over the bytes, plus the length. */
export function hashBytes(bytes: Uint8Array): string {
	let h1 = 0x811c9dc5;
	let h2 = 0x84222325;
	for (let i = 0; i < bytes.length; i++) {
		const b = bytes[i];
		h1 = Math.imul(h1 ^ b, 0x01000193);
		h2 = Math.imul(h2 ^ b, 0x5bd1e995);
		h2 ^= h2 >>> 15;
	}
	return hex32(h1) + hex32(h2) + "-" + bytes.length.toString(16);
}
