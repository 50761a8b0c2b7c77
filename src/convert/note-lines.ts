/**
 * A note's lines as offsets into its text, sliced only when a line is read. Splitting a large note into
 * an array made every line a long-lived string that the garbage collector had to copy; a line read and
 * dropped while converting costs almost nothing.
 */

export class NoteLines {
	/** Where each line starts; `starts[count]` is one past the end of the text (after a final newline). */
	private readonly starts: Int32Array;
	readonly count: number;

	constructor(readonly text: string) {
		this.starts = lineStarts(text);
		this.count = this.starts.length - 1;
	}

	/** Line `i`, without its newline. */
	line(i: number): string {
		return this.text.slice(this.starts[i], this.starts[i + 1] - 1);
	}

	/** Whether line `i` starts with `prefix` (no slicing). */
	startsWith(i: number, prefix: string): boolean {
		return this.text.startsWith(prefix, this.starts[i]) && this.starts[i] + prefix.length < this.starts[i + 1];
	}

	/**
	 * The first character of line `i` that is not a space, a tab or a quote marker `>`, as a char code,
	 * or -1 for a line without one: enough to rule out fences and headings without slicing.
	 */
	firstSignificant(i: number): number {
		const end = this.starts[i + 1] - 1;
		for (let p = this.starts[i]; p < end; p++) {
			const c = this.text.charCodeAt(p);
			if (c !== 32 && c !== 9 && c !== 62) return c;
		}
		return -1;
	}

	/** Where line `i`'s first character above a space is in the text, or -1 for a blank line (no slicing). */
	firstNonBlank(i: number): number {
		const end = this.starts[i + 1] - 1;
		for (let p = this.starts[i]; p < end; p++) if (this.text.charCodeAt(p) > 32) return p;
		return -1;
	}

	/** Where line `i` starts in the text. */
	lineStart(i: number): number {
		return this.starts[i];
	}

	/** The line holding text position `pos`, searching forward from line `from` (at or before it). */
	lineAt(pos: number, from: number): number {
		let i = from;
		while (i + 1 < this.count && this.starts[i + 1] <= pos) i++;
		return i;
	}

	/** Lines `from` to the end as an array (for the small notes that embeds take sections of). */
	toArray(from = 0): string[] {
		const out: string[] = [];
		for (let i = from; i < this.count; i++) out.push(this.line(i));
		return out;
	}
}

/**
 * Where each line of a text starts, then one past its end: one pass of native newline searches (the
 * table grows by doubling; a view of the used part is returned). A plain function, not the constructor's body, so V8 optimizes it
 * whole: as loops inside the constructor it was compiled on stack and thrown away on every large note.
 */
function lineStarts(text: string): Int32Array {
	let starts = new Int32Array((text.length >> 5) + 16);
	let k = 1;
	for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) {
		if (k + 1 >= starts.length) {
			const grown = new Int32Array(starts.length * 2);
			grown.set(starts);
			starts = grown;
		}
		starts[k++] = i + 1;
	}
	starts[k] = text.length + 1;
	return starts.subarray(0, k + 1);
}
