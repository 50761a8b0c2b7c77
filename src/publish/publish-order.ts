/**
 * The order a batch is published in: a note another note links to goes first, so that when the linking
 * note is converted its link can point to the target's new story instead of the blog or plain text.
 * A depth-first walk in the given order (stable, linear in notes + links); a cycle is cut where it is
 * met, since some note of a cycle has to go first.
 */

/** `paths` reordered so each note comes after the notes (among `paths`) it links to. */
export function orderByLinks(paths: readonly string[], linksOf: (path: string) => Iterable<string>): string[] {
	const wanted = new Set(paths);
	const state = new Map<string, "visiting" | "done">();
	const out: string[] = [];
	// An explicit stack instead of recursion: a long chain of posts must not overflow the call stack.
	for (const start of paths) {
		if (state.has(start)) continue;
		const stack: Array<{ path: string; links: Iterator<string> }> = [{ path: start, links: linksOf(start)[Symbol.iterator]() }];
		state.set(start, "visiting");
		while (stack.length > 0) {
			const top = stack[stack.length - 1];
			const next = top.links.next();
			if (next.done) {
				stack.pop();
				state.set(top.path, "done");
				out.push(top.path);
				continue;
			}
			const target = next.value;
			if (!wanted.has(target) || state.has(target)) continue;
			state.set(target, "visiting");
			stack.push({ path: target, links: linksOf(target)[Symbol.iterator]() });
		}
	}
	return out;
}
