/**
 * One fake Medium server per test file: started before the file's tests, reset before each (with any
 * extra per-test reset), closed after. Returns a getter, since the server exists only once started.
 */

import { startFakeMedium, type FakeMedium, type FakeMediumOptions } from "./fake-medium-server";

export function useFakeMedium(opts: { server?: FakeMediumOptions; beforeEach?: () => void } = {}): () => FakeMedium {
	let fake: FakeMedium | null = null;
	beforeAll(async () => {
		fake = await startFakeMedium(opts.server);
	});
	afterAll(async () => {
		await fake?.close();
	});
	beforeEach(() => {
		fake?.reset();
		opts.beforeEach?.();
	});
	return () => {
		if (!fake) throw new Error("The fake Medium server is not started yet (use it inside a test or hook).");
		return fake;
	};
}
