/** "Did you mean …": the closest known word to a mistyped one, by edit distance. */

/** Levenshtein distance with one reused row: O(a·b) time, O(b) memory (words here are short). */
export function editDistance(a: string, b: string): number {
	const row: number[] = [];
	for (let j = 0; j <= b.length; j++) row.push(j);
	for (let i = 1; i <= a.length; i++) {
		let diagonal = row[0];
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const above = row[j];
			row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
			diagonal = above;
		}
	}
	return row[b.length];
}

/**
 * The known word closest to `typed`, when it is close enough to be a typo (a third of its length,
 * at least 2 edits), or when one starts with the other (`--dry` for `--dry-run`); null otherwise.
 */
export function closest(typed: string, known: readonly string[]): string | null {
	const word = typed.toLowerCase();
	let best: string | null = null;
	let bestDistance = Infinity;
	for (const candidate of known) {
		const d = editDistance(word, candidate.toLowerCase());
		if (d < bestDistance) {
			best = candidate;
			bestDistance = d;
		}
	}
	if (best === null) return null;
	if (bestDistance <= Math.max(2, Math.floor(word.length / 3))) return best;
	const prefixed = known.filter((k) => word.length >= 3 && (k.startsWith(word) || word.startsWith(k)));
	return prefixed.length === 1 ? prefixed[0] : null;
}
