import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { JsonFileStore } from "../src/cli/json-file-store";

interface Records {
	notes: Record<string, { url: string; at: number }>;
}

let dir: string;

beforeEach(() => {
	dir = mkdtempSync(path.join(tmpdir(), "json-store-"));
});

afterEach(() => {
	rmSync(dir, { recursive: true, force: true });
});

describe("JsonFileStore", () => {
	test("load gives null when the file does not exist", async () => {
		const store = new JsonFileStore<Records>(path.join(dir, "missing.json"));
		expect(await store.load()).toBeNull();
	});

	test("save then load round-trips, creating the folder", async () => {
		const file = path.join(dir, "a", "b", "state.json");
		const store = new JsonFileStore<Records>(file);
		const data: Records = { notes: { "x/Note.md": { url: "https://medium.com/p/1", at: 42 } } };
		await store.save(data);
		expect(existsSync(file)).toBe(true);
		expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(data);
		expect(await new JsonFileStore<Records>(file).load()).toEqual(data);
	});

	test("save replaces the previous content and leaves no temporary file", async () => {
		const file = path.join(dir, "state.json");
		const store = new JsonFileStore<Records>(file);
		await store.save({ notes: { a: { url: "u1", at: 1 } } });
		await store.save({ notes: { b: { url: "u2", at: 2 } } });
		expect(await store.load()).toEqual({ notes: { b: { url: "u2", at: 2 } } });
		expect(readdirSync(dir)).toEqual(["state.json"]);
	});

	test("concurrent saves leave one complete file", async () => {
		const file = path.join(dir, "state.json");
		const store = new JsonFileStore<number[]>(file);
		const writes: Promise<void>[] = [];
		for (let i = 0; i < 20; i++) writes.push(store.save(Array.from({ length: 1000 }, () => i)));
		await Promise.all(writes);
		const loaded = await store.load();
		expect(loaded).toHaveLength(1000);
		expect(new Set(loaded).size).toBe(1);
		expect(readdirSync(dir)).toEqual(["state.json"]);
	});

	test("invalid JSON throws an error naming the file", async () => {
		const file = path.join(dir, "broken.json");
		writeFileSync(file, "{\"notes\": {");
		const store = new JsonFileStore<Records>(file);
		await expect(store.load()).rejects.toThrow(file);
		await expect(store.load()).rejects.toThrow(/not valid JSON/);
	});

	test("an empty file is not valid JSON either", async () => {
		const file = path.join(dir, "empty.json");
		writeFileSync(file, "");
		await expect(new JsonFileStore<Records>(file).load()).rejects.toThrow(/empty\.json is not valid JSON/);
	});

	test("a byte order mark is tolerated", async () => {
		const file = path.join(dir, "bom.json");
		writeFileSync(file, "\uFEFF{\"notes\": {}}");
		expect(await new JsonFileStore<Records>(file).load()).toEqual({ notes: {} });
	});

	test("a folder in place of the file is reported with its name", async () => {
		const store = new JsonFileStore<Records>(dir);
		await expect(store.load()).rejects.toThrow(dir);
	});
});
