/** The table that ends a publish run: one row per note, what happened to it, and its story's URL. */

/** One row. */
export interface TableRow {
	note: string;
	result: string;
	url: string;
}

/** Width of a cell as a terminal shows it (code points; wide scripts are rare in paths and ignored). */
function width(text: string): number {
	return Array.from(text).length;
}

function pad(text: string, to: number): string {
	return text + " ".repeat(Math.max(0, to - width(text)));
}

/** The rows under a NOTE / RESULT / URL header, columns aligned; an empty URL shows as "-". */
export function formatTable(rows: readonly TableRow[]): string {
	const header: TableRow = { note: "NOTE", result: "RESULT", url: "URL" };
	const all = [header, ...rows.map((r) => ({ ...r, url: r.url === "" ? "-" : r.url }))];
	const noteWidth = Math.max(...all.map((r) => width(r.note)));
	const resultWidth = Math.max(...all.map((r) => width(r.result)));
	return all.map((r) => `${pad(r.note, noteWidth)}  ${pad(r.result, resultWidth)}  ${r.url}`.trimEnd()).join("\n") + "\n";
}
