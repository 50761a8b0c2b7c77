// `npm run preview:shot`: renders the command line's preview page of examples/vault/Showcase.md in
// headless Chromium and writes docs/preview.png (the picture in the README), so the preview is judged in
// a real browser. Not part of `npm test`. Needs Debian's `chromium` (`apt-get install chromium`), or set
// CHROMIUM to another Chromium/Chrome binary. `node scripts/preview-shot.mjs [note.md|page.html] [out.png]`
// (a page already written by `medium-publish preview` is shot as it is).
//
// It talks to Chromium over the DevTools protocol on a pipe (no port, no extra package) to size the
// window to the page and capture all of it.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import process from "node:process";
import { pathToFileURL } from "node:url";

const ROOT = path.resolve(import.meta.dirname, "..");
const note = path.resolve(process.argv[2] ?? path.join(ROOT, "examples", "vault", "Showcase.md"));
const out = path.resolve(process.argv[3] ?? path.join(ROOT, "docs", "preview.png"));
const WIDTH = Number(process.env.SHOT_WIDTH ?? 1000);

const chromium = process.env.CHROMIUM ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find((p) => existsSync(p));
if (!chromium || !existsSync(chromium)) {
	console.error("Chromium is missing. Install it with `apt-get install chromium` (Debian/Ubuntu), or set CHROMIUM to a Chrome binary.");
	process.exit(1);
}
const cli = path.join(ROOT, "dist", "cli.js");
const given = note.toLowerCase().endsWith(".html");
if (!given && !existsSync(cli)) {
	console.error("dist/cli.js is missing: run `npm run build` first (`npm run preview:shot` does).");
	process.exit(1);
}

const work = mkdtempSync(path.join(tmpdir(), "medium-preview-"));
const page = given ? note : path.join(work, "preview.html");
try {
	if (!given) execFileSync(process.execPath, [cli, "preview", note, "-o", page], { stdio: ["ignore", "ignore", "inherit"] });
	const png = await screenshot(pathToFileURL(page).href);
	mkdirSync(path.dirname(out), { recursive: true });
	writeFileSync(out, png);
	console.log(`${path.relative(process.cwd(), out)} (${png.length} bytes)`);
} finally {
	rmSync(work, { recursive: true, force: true, maxRetries: 3 });
}

/** Opens the page in headless Chromium and captures the whole of it as a PNG. */
async function screenshot(url) {
	const args = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--no-default-browser-check",
		"--disable-extensions", "--disable-background-networking", "--remote-debugging-pipe", `--user-data-dir=${path.join(work, "profile")}`, "about:blank"];
	const browser = spawn(chromium, args, { stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"] });
	const exited = new Promise((resolve) => browser.once("exit", resolve));
	let stderr = "";
	browser.stderr.on("data", (d) => {
		stderr += d;
	});
	const cdp = protocol(browser.stdio[3], browser.stdio[4]);
	const timer = setTimeout(() => {
		console.error(`Chromium did not answer in time.\n${stderr}`);
		browser.kill();
		process.exit(1);
	}, 60_000);
	try {
		const { targetId } = await cdp.send("Target.createTarget", { url: "about:blank" });
		const { sessionId } = await cdp.send("Target.attachToTarget", { targetId, flatten: true });
		const send = (method, params = {}) => cdp.send(method, params, sessionId);
		await send("Page.enable");
		await send("Emulation.setDeviceMetricsOverride", { width: WIDTH, height: 800, deviceScaleFactor: 1, mobile: false });
		const loaded = cdp.once("Page.loadEventFired", sessionId);
		await send("Page.navigate", { url });
		await loaded;
		const { cssContentSize } = await send("Page.getLayoutMetrics");
		const height = Math.ceil(cssContentSize.height);
		await send("Emulation.setDeviceMetricsOverride", { width: WIDTH, height, deviceScaleFactor: 1, mobile: false });
		const { data } = await send("Page.captureScreenshot", { format: "png", captureBeyondViewport: true, clip: { x: 0, y: 0, width: WIDTH, height, scale: 1 } });
		await cdp.send("Browser.close").catch(() => {});
		return Buffer.from(data, "base64");
	} finally {
		// Let Chromium finish with its profile before the folder goes.
		const killer = setTimeout(() => browser.kill(), 5_000);
		await exited;
		clearTimeout(killer);
		clearTimeout(timer);
	}
}

/** The DevTools protocol over Chromium's pipe: NUL-terminated JSON messages on fds 3 (in) and 4 (out). */
function protocol(input, output) {
	let next = 1;
	let buffer = "";
	const pending = new Map();
	const waiters = [];
	output.on("data", (chunk) => {
		buffer += chunk.toString("utf8");
		let end;
		while ((end = buffer.indexOf("\0")) !== -1) {
			const message = JSON.parse(buffer.slice(0, end));
			buffer = buffer.slice(end + 1);
			if (message.id !== undefined && pending.has(message.id)) {
				const { resolve, reject } = pending.get(message.id);
				pending.delete(message.id);
				if (message.error) reject(new Error(`${message.error.message} (${message.error.code})`));
				else resolve(message.result);
			} else if (message.method) {
				for (const w of [...waiters]) {
					if (w.method === message.method && w.sessionId === message.sessionId) {
						waiters.splice(waiters.indexOf(w), 1);
						w.resolve(message.params);
					}
				}
			}
		}
	});
	return {
		send(method, params = {}, sessionId) {
			const id = next++;
			input.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + "\0");
			return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
		},
		once(method, sessionId) {
			return new Promise((resolve) => waiters.push({ method, sessionId, resolve }));
		},
	};
}
