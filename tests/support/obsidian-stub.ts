/**
 * A small stand-in for the `obsidian` module (mapped in jest.config.cjs), for the plugin's glue tests and
 * for the built main.js. Obsidian's npm package has types only, and jsdom is not installed, so this file
 * brings just enough of both: a tiny DOM with Obsidian's helpers (createEl, setText, …), an in-memory
 * vault with Obsidian's link resolution (the project's LinkIndex) and frontmatter parsing, the plugin and
 * settings classes, modals and notices that tests can read and click, and `requestUrl` backed by Node's
 * fetch (so the fake Medium server receives real HTTP). It is strict where Obsidian is strict: a
 * `requestUrl` body must be a string or an ArrayBuffer, secret ids must be lowercase, `innerHTML` throws.
 */

import { LinkIndex } from "../../src/core/link-index";
import type { HttpRequest } from "../../src/core/ports";
import { createNodeHttp } from "../../src/cli/node-http";
import { findFrontmatter, setProperty } from "../../src/publish/set-property";
import matter from "gray-matter";
import { propertiesOf } from "./memory-vault";

/**
 * Node's own timers, behind the stand-in `window` (whose timers the plugin must use). Looked up at each
 * call, so jest's fake timers apply to the plugin's debounce and timeouts too.
 */
const nodeTimers = {
	setTimeout: (cb: () => void, ms?: number): ReturnType<typeof setTimeout> => setTimeout(cb, ms),
	clearTimeout: (id: ReturnType<typeof setTimeout> | null | undefined): void => clearTimeout(id ?? undefined),
	setInterval: (cb: () => void, ms?: number): ReturnType<typeof setInterval> => setInterval(cb, ms),
	clearInterval: (id: ReturnType<typeof setInterval> | number | undefined): void => clearInterval(id),
};

// ---------------------------------------------------------------------------------------------------
// A tiny DOM with Obsidian's element helpers
// ---------------------------------------------------------------------------------------------------

type Listener = (event: StubEvent) => unknown;

/** The event passed to listeners: enough for `click` and `change` handlers. */
export interface StubEvent {
	type: string;
	target: StubElement;
	preventDefault(): void;
	stopPropagation(): void;
}

/** A text node. */
export class StubText {
	parent: StubElement | null = null;
	constructor(public text: string) {}
	get textContent(): string {
		return this.text;
	}
}

type StubNode = StubElement | StubText;

/** Options of createEl, as Obsidian's DomElementInfo. */
export interface ElInfo {
	cls?: string | string[];
	text?: string | StubElement;
	attr?: Record<string, string | number | boolean | null>;
	title?: string;
	parent?: StubElement;
	value?: string;
	type?: string;
	prepend?: boolean;
	placeholder?: string;
	href?: string;
}

/** An element (or, with tag "#fragment", a DocumentFragment). */
export class StubElement {
	readonly tagName: string;
	children: StubNode[] = [];
	parent: StubElement | null = null;
	readonly classes = new Set<string>();
	readonly attrs = new Map<string, string>();
	private readonly listeners = new Map<string, Listener[]>();
	value = "";
	checked = false;
	disabled = false;
	placeholder = "";
	scrollTop = 0;
	/** The component that owns this element (a ButtonComponent's button, …), for tests. */
	component: unknown = null;
	/** The Setting this element is the row of, for tests. */
	setting: unknown = null;

	constructor(tag: string) {
		this.tagName = tag.toLowerCase();
	}

	get isFragment(): boolean {
		return this.tagName === "#fragment";
	}

	get textContent(): string {
		return this.children.map((c) => c.textContent).join("");
	}

	set textContent(text: string) {
		this.empty();
		if (text !== "") this.appendText(text);
	}

	get innerHTML(): string {
		throw new Error("innerHTML is not allowed in the plugin (Obsidian review); use createEl/setText");
	}

	set innerHTML(_value: string) {
		throw new Error("innerHTML is not allowed in the plugin (Obsidian review); use createEl/setText");
	}

	get outerHTML(): string {
		throw new Error("outerHTML is not allowed in the plugin (Obsidian review)");
	}

	get href(): string {
		return this.attrs.get("href") ?? "";
	}

	set href(value: string) {
		this.attrs.set("href", value);
	}

	get className(): string {
		return [...this.classes].join(" ");
	}

	appendChild<T extends StubNode>(node: T): T {
		if (node instanceof StubElement && node.isFragment) {
			for (const child of [...node.children]) this.appendChild(child);
			node.children = [];
			return node;
		}
		if (node.parent) node.parent.children = node.parent.children.filter((c) => c !== node);
		node.parent = this;
		this.children.push(node);
		return node;
	}

	append(...nodes: Array<StubNode | string>): void {
		for (const n of nodes) {
			if (typeof n === "string") this.appendText(n);
			else this.appendChild(n);
		}
	}

	prepend(node: StubNode): void {
		this.appendChild(node);
		this.children = [node, ...this.children.filter((c) => c !== node)];
	}

	appendText(text: string): void {
		this.appendChild(new StubText(text));
	}

	createEl(tag: string, o?: ElInfo | string, callback?: (el: StubElement) => void): StubElement {
		return this.make(tag, o, callback);
	}

	createDiv(o?: ElInfo | string, callback?: (el: StubElement) => void): StubElement {
		return this.make("div", o, callback);
	}

	createSpan(o?: ElInfo | string, callback?: (el: StubElement) => void): StubElement {
		return this.make("span", o, callback);
	}

	private make(tag: string, o?: ElInfo | string, callback?: (el: StubElement) => void): StubElement {
		const el = new StubElement(tag);
		const info: ElInfo = typeof o === "string" ? { cls: o } : o ?? {};
		applyInfo(el, info);
		if (info.prepend) this.prepend(el);
		else this.appendChild(el);
		callback?.(el);
		return el;
	}

	setText(text: string | StubElement): void {
		this.empty();
		if (typeof text === "string") {
			if (text !== "") this.appendText(text);
		} else this.appendChild(text);
	}

	getText(): string {
		return this.textContent;
	}

	empty(): void {
		for (const c of this.children) c.parent = null;
		this.children = [];
	}

	detach(): void {
		if (this.parent) this.parent.children = this.parent.children.filter((c) => c !== this);
		this.parent = null;
	}

	remove(): void {
		this.detach();
	}

	addClass(...classes: string[]): void {
		for (const c of classes) this.classes.add(c);
	}

	addClasses(classes: string[]): void {
		this.addClass(...classes);
	}

	removeClass(...classes: string[]): void {
		for (const c of classes) this.classes.delete(c);
	}

	toggleClass(classes: string | string[], value: boolean): void {
		for (const c of Array.isArray(classes) ? classes : [classes]) {
			if (value) this.classes.add(c);
			else this.classes.delete(c);
		}
	}

	hasClass(cls: string): boolean {
		return this.classes.has(cls);
	}

	setAttr(name: string, value: string | number | boolean | null): void {
		if (value === null || value === false) this.attrs.delete(name);
		else this.attrs.set(name, String(value));
	}

	setAttribute(name: string, value: string): void {
		this.setAttr(name, value);
	}

	getAttr(name: string): string | null {
		return this.attrs.get(name) ?? null;
	}

	getAttribute(name: string): string | null {
		return this.getAttr(name);
	}

	show(): void {
		this.classes.delete("stub-hidden");
	}

	hide(): void {
		this.classes.add("stub-hidden");
	}

	toggle(show: boolean): void {
		if (show) this.show();
		else this.hide();
	}

	addEventListener(type: string, listener: Listener): void {
		const list = this.listeners.get(type) ?? [];
		list.push(listener);
		this.listeners.set(type, list);
	}

	removeEventListener(type: string, listener: Listener): void {
		this.listeners.set(type, (this.listeners.get(type) ?? []).filter((l) => l !== listener));
	}

	onClickEvent(listener: Listener): void {
		this.addEventListener("click", listener);
	}

	listenerCount(type: string): number {
		return (this.listeners.get(type) ?? []).length;
	}

	/** Calls the listeners of an event type; resolves when every (async) listener has finished. */
	async dispatch(type: string): Promise<void> {
		const event: StubEvent = { type, target: this, preventDefault() {}, stopPropagation() {} };
		const results = (this.listeners.get(type) ?? []).map((l) => l(event));
		await Promise.all(results);
	}

	click(): Promise<void> {
		return this.dispatch("click");
	}

	/** Test helper: an event on this element that bubbles up through its ancestors (target stays this one). */
	async bubble(type: string): Promise<void> {
		const event: StubEvent = { type, target: this, preventDefault() {}, stopPropagation() {} };
		await Promise.all((this.listeners.get(type) ?? []).map((l) => l(event)));
		for (let el = this.parent; el; el = el.parent) await Promise.all((el.listeners.get(type) ?? []).map((l) => l(event)));
	}

	/** The nearest element (this one included) matching `tag`, `.class` or `[attribute]`. */
	closest(selector: string): StubElement | null {
		const matches = (el: StubElement): boolean => {
			if (selector.startsWith(".")) return el.classes.has(selector.slice(1));
			if (selector.startsWith("[") && selector.endsWith("]")) return el.attrs.has(selector.slice(1, -1));
			return el.tagName === selector.toLowerCase();
		};
		if (matches(this)) return this;
		for (let el = this.parent; el; el = el.parent) if (matches(el)) return el;
		return null;
	}

	/** Every element below this one (depth first), itself excluded. */
	descendants(): StubElement[] {
		const out: StubElement[] = [];
		const walk = (el: StubElement): void => {
			for (const c of el.children) {
				if (c instanceof StubElement) {
					out.push(c);
					walk(c);
				}
			}
		};
		walk(this);
		return out;
	}
}

function applyInfo(el: StubElement, info: ElInfo): void {
	if (info.cls) el.addClass(...(Array.isArray(info.cls) ? info.cls : info.cls.split(" ").filter((c) => c !== "")));
	if (info.text !== undefined) el.setText(info.text);
	if (info.attr) for (const [k, v] of Object.entries(info.attr)) el.setAttr(k, v);
	if (info.title !== undefined) el.setAttr("title", info.title);
	if (info.value !== undefined) el.value = info.value;
	if (info.type !== undefined) el.setAttr("type", info.type);
	if (info.placeholder !== undefined) el.placeholder = info.placeholder;
	if (info.href !== undefined) el.href = info.href;
	if (info.parent) info.parent.appendChild(el);
}

/** Obsidian's global createFragment. */
export function createFragment(callback?: (frag: StubElement) => void): StubElement {
	const frag = new StubElement("#fragment");
	callback?.(frag);
	return frag;
}

/** Text of a string or fragment message. */
function textOf(message: string | StubElement): string {
	return typeof message === "string" ? message : message.textContent;
}

// ---------------------------------------------------------------------------------------------------
// Browser globals the plugin uses (window timers, activeDocument, clipboard)
// ---------------------------------------------------------------------------------------------------

/** Everything written to the stand-in clipboard, newest last. */
export interface ClipboardWrite {
	kind: "rich" | "text";
	/** MIME type → text. */
	data: Record<string, string>;
}

export const clipboardWrites: ClipboardWrite[] = [];
/** When true, `navigator.clipboard.write` rejects (a platform without rich clipboard). */
export const clipboardOptions = { refuseRich: false };

/** The stand-in of the browser's ClipboardItem. */
export class StubClipboardItem {
	constructor(readonly items: Record<string, Blob | string>) {}
	get types(): string[] {
		return Object.keys(this.items);
	}
}

const stubClipboard = {
	async write(items: StubClipboardItem[]): Promise<void> {
		if (clipboardOptions.refuseRich) throw new Error("NotAllowedError: rich clipboard refused");
		for (const item of items) {
			const data: Record<string, string> = {};
			for (const [type, value] of Object.entries(item.items)) data[type] = typeof value === "string" ? value : await value.text();
			clipboardWrites.push({ kind: "rich", data });
		}
	},
	async writeText(text: string): Promise<void> {
		clipboardWrites.push({ kind: "text", data: { "text/plain": text } });
	},
};

/** URLs passed to window.open. */
export const openedUrls: string[] = [];

const stubWindow = {
	setTimeout: (cb: () => void, ms?: number) => nodeTimers.setTimeout(cb, ms),
	clearTimeout: (id: ReturnType<typeof setTimeout> | undefined) => nodeTimers.clearTimeout(id),
	setInterval: (cb: () => void, ms?: number) => nodeTimers.setInterval(cb, ms),
	clearInterval: (id: ReturnType<typeof setInterval> | undefined) => nodeTimers.clearInterval(id),
	open: (url: string) => {
		openedUrls.push(url);
		return null;
	},
};

const stubDocument = {
	createElement: (tag: string) => new StubElement(tag),
	createDocumentFragment: () => new StubElement("#fragment"),
	body: new StubElement("body"),
};

function installGlobals(): void {
	const g = globalThis as Record<string, unknown>;
	g.window = stubWindow;
	g.activeWindow = stubWindow;
	g.activeDocument = stubDocument;
	g.createFragment = createFragment;
	g.createEl = (tag: string, o?: ElInfo | string, cb?: (el: StubElement) => void) => {
		const el = new StubElement(tag);
		applyInfo(el, typeof o === "string" ? { cls: o } : o ?? {});
		cb?.(el);
		return el;
	};
	g.createDiv = (o?: ElInfo | string, cb?: (el: StubElement) => void) => (g.createEl as (t: string, o?: ElInfo | string, cb?: (el: StubElement) => void) => StubElement)("div", o, cb);
	g.ClipboardItem = StubClipboardItem;
	Object.defineProperty(globalThis, "navigator", { value: { clipboard: stubClipboard, userAgent: "stub" }, configurable: true, writable: true });
}

installGlobals();

// ---------------------------------------------------------------------------------------------------
// Events, files, vault, metadata cache, file manager, workspace, secret storage
// ---------------------------------------------------------------------------------------------------

export interface EventRef {
	events: Events;
	name: string;
	callback: (...args: unknown[]) => unknown;
}

export class Events {
	private handlers = new Map<string, EventRef[]>();

	on(name: string, callback: (...args: never[]) => unknown): EventRef {
		const ref: EventRef = { events: this, name, callback: callback as (...args: unknown[]) => unknown };
		this.handlers.set(name, [...(this.handlers.get(name) ?? []), ref]);
		return ref;
	}

	off(name: string, callback: (...args: never[]) => unknown): void {
		this.handlers.set(name, (this.handlers.get(name) ?? []).filter((r) => r.callback !== callback));
	}

	offref(ref: EventRef): void {
		this.handlers.set(ref.name, (this.handlers.get(ref.name) ?? []).filter((r) => r !== ref));
	}

	trigger(name: string, ...args: unknown[]): void {
		for (const ref of [...(this.handlers.get(name) ?? [])]) ref.callback(...args);
	}

	handlerCount(name: string): number {
		return (this.handlers.get(name) ?? []).length;
	}
}

export abstract class TAbstractFile {
	path: string;
	name: string;
	parent: TFolder | null = null;
	constructor(path: string) {
		this.path = path;
		this.name = path.slice(path.lastIndexOf("/") + 1);
	}
}

export class TFile extends TAbstractFile {
	get basename(): string {
		const dot = this.name.lastIndexOf(".");
		return dot > 0 ? this.name.slice(0, dot) : this.name;
	}
	get extension(): string {
		const dot = this.name.lastIndexOf(".");
		return dot > 0 ? this.name.slice(dot + 1) : "";
	}
	stat = { ctime: 0, mtime: 0, size: 0 };
}

export class TFolder extends TAbstractFile {
	children: TAbstractFile[] = [];
	isRoot(): boolean {
		return this.path === "/";
	}
}

/** In-memory vault: text notes and binary files. */
export class Vault extends Events {
	private readonly data = new Map<string, string | Uint8Array>();
	private readonly files = new Map<string, TFile>();
	private readonly folders = new Map<string, TFolder>();
	/** Paths read through cachedRead/read, in order. */
	readonly reads: string[] = [];

	constructor(files: Record<string, string | Uint8Array> = {}) {
		super();
		for (const [path, content] of Object.entries(files)) this.put(path, content);
	}

	private put(path: string, content: string | Uint8Array): TFile {
		const file = this.files.get(path) ?? new TFile(path);
		this.files.set(path, file);
		this.data.set(path, content);
		const slash = path.lastIndexOf("/");
		if (slash > 0) {
			const folderPath = path.slice(0, slash);
			const folder = this.folders.get(folderPath) ?? new TFolder(folderPath);
			this.folders.set(folderPath, folder);
			if (!folder.children.includes(file)) folder.children.push(file);
			file.parent = folder;
		}
		return file;
	}

	getAbstractFileByPath(path: string): TAbstractFile | null {
		return this.files.get(path) ?? this.folders.get(path) ?? null;
	}

	getFileByPath(path: string): TFile | null {
		return this.files.get(path) ?? null;
	}

	getFiles(): TFile[] {
		return [...this.files.values()];
	}

	getMarkdownFiles(): TFile[] {
		return this.getFiles().filter((f) => f.extension === "md");
	}

	paths(): string[] {
		return [...this.files.keys()];
	}

	/** The current text of a note (test helper). */
	textOf(path: string): string {
		const content = this.data.get(path);
		if (typeof content !== "string") throw new Error(`No note at ${path}`);
		return content;
	}

	async cachedRead(file: TFile): Promise<string> {
		return this.read(file);
	}

	async read(file: TFile): Promise<string> {
		this.reads.push(file.path);
		const content = this.data.get(file.path);
		if (content === undefined) throw new Error(`ENOENT: ${file.path}`);
		return typeof content === "string" ? content : new TextDecoder().decode(content);
	}

	async readBinary(file: TFile): Promise<ArrayBuffer> {
		const content = this.data.get(file.path);
		if (content === undefined) throw new Error(`ENOENT: ${file.path}`);
		const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
		const copy = new Uint8Array(bytes.length);
		copy.set(bytes);
		return copy.buffer;
	}

	/** The vault's configuration (`.obsidian/app.json`), which Obsidian reads with getConfig (not in the public typings). */
	readonly config = new Map<string, unknown>();

	getConfig(key: string): unknown {
		return this.config.get(key);
	}

	/** Obsidian's resource URL of a file (what an <img> in a view loads). */
	getResourcePath(file: TFile): string {
		return `app://stub-vault/${encodeURI(file.path)}`;
	}

	async modify(file: TFile, text: string): Promise<void> {
		this.data.set(file.path, text);
		this.trigger("modify", file);
		this.trigger("stub:changed", file);
	}

	async create(path: string, content: string | Uint8Array): Promise<TFile> {
		if (this.files.has(path)) throw new Error(`File already exists: ${path}`);
		const file = this.put(path, content);
		this.trigger("create", file);
		this.trigger("stub:changed", file);
		return file;
	}

	async rename(file: TAbstractFile, newPath: string): Promise<void> {
		const oldPath = file.path;
		if (!(file instanceof TFile)) throw new Error("The stub renames files only");
		const content = this.data.get(oldPath);
		if (content === undefined) throw new Error(`ENOENT: ${oldPath}`);
		this.data.delete(oldPath);
		this.files.delete(oldPath);
		file.path = newPath;
		file.name = newPath.slice(newPath.lastIndexOf("/") + 1);
		this.files.set(newPath, file);
		this.data.set(newPath, content);
		this.trigger("rename", file, oldPath);
		this.trigger("stub:changed", file);
	}

	async delete(file: TAbstractFile): Promise<void> {
		this.data.delete(file.path);
		this.files.delete(file.path);
		this.trigger("delete", file);
		this.trigger("stub:changed", file);
	}
}

/** Obsidian's metadata cache over the stub vault: LinkIndex for links, gray-matter for properties. */
export class MetadataCache extends Events {
	private index: LinkIndex;

	constructor(private readonly vault: Vault) {
		super();
		this.index = new LinkIndex(vault.paths());
		vault.on("stub:changed", (file: TFile) => {
			this.index = new LinkIndex(vault.paths());
			if (vault.getFileByPath(file.path) && file.extension === "md") this.trigger("changed", file, vault.textOf(file.path), this.getFileCache(file));
		});
	}

	getFirstLinkpathDest(linkpath: string, sourcePath: string): TFile | null {
		const path = this.index.resolve(linkpath, sourcePath);
		return path === null ? null : this.vault.getFileByPath(path);
	}

	/** Like Obsidian: no `frontmatter` when there is none, when its YAML does not parse, or is not a mapping. */
	getFileCache(file: TFile): { frontmatter?: Record<string, unknown> } | null {
		if (file.extension !== "md" || !this.vault.getFileByPath(file.path)) return null;
		const text = this.vault.textOf(file.path);
		const span = findFrontmatter(text);
		if (!span) return {};
		try {
			const parsed = parseYaml(text.slice(span.contentStart, span.contentEnd));
			if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return {};
		} catch {
			return {};
		}
		return { frontmatter: propertiesOf(text) };
	}
}

/** processFrontMatter over the stub vault: only changed string properties are written, with setProperty. */
export class FileManager {
	/** The next call fails with this message (then the switch resets). */
	failNext: string | null = null;
	calls = 0;

	constructor(private readonly vault: Vault) {}

	async trashFile(file: TAbstractFile): Promise<void> {
		await this.vault.delete(file);
	}

	async processFrontMatter(file: TFile, fn: (frontmatter: Record<string, unknown>) => void): Promise<void> {
		this.calls++;
		if (this.failNext !== null) {
			const message = this.failNext;
			this.failNext = null;
			throw new Error(message);
		}
		let text = this.vault.textOf(file.path);
		const before = propertiesOf(text);
		const after: Record<string, unknown> = JSON.parse(JSON.stringify(before)) as Record<string, unknown>;
		fn(after);
		for (const [key, value] of Object.entries(after)) {
			if (JSON.stringify(before[key]) === JSON.stringify(value)) continue;
			if (typeof value !== "string") throw new Error("The stub writes string properties only");
			text = setProperty(text, key, value);
		}
		await this.vault.modify(file, text);
	}
}

export class Workspace extends Events {
	private active: TFile | null = null;
	private layoutReady: Array<() => void> = [];
	ready = false;
	/** Set by App: views reach the app through their leaf's workspace. */
	app!: App;
	/** Every leaf open now (the stub has no splits or tabs: one flat list). */
	readonly leaves: WorkspaceLeaf[] = [];
	/** View creators, by view type (registerView). */
	readonly viewCreators = new Map<string, (leaf: WorkspaceLeaf) => View>();
	/** Leaves revealed, in order (test helper). */
	readonly revealed: WorkspaceLeaf[] = [];
	/** Files opened in a leaf, with the (0-based) line asked for, in order (test helper). */
	readonly opened: Array<{ leaf: WorkspaceLeaf; path: string; line: number | null }> = [];

	/** A new leaf (the stub ignores where: a split, a tab and a window are all one more leaf). */
	getLeaf(_newLeaf?: boolean | string, _direction?: string): WorkspaceLeaf {
		const leaf = new WorkspaceLeaf(this);
		this.leaves.push(leaf);
		return leaf;
	}

	getLeavesOfType(type: string): WorkspaceLeaf[] {
		return this.leaves.filter((l) => l.view.getViewType() === type);
	}

	async revealLeaf(leaf: WorkspaceLeaf): Promise<void> {
		this.revealed.push(leaf);
	}

	detachLeavesOfType(type: string): void {
		for (const leaf of this.getLeavesOfType(type)) leaf.detach();
	}

	/** Obsidian's unregisterView on plugin unload: the views of that type close and their leaves go empty. */
	unregisterView(type: string): void {
		this.viewCreators.delete(type);
		for (const leaf of this.getLeavesOfType(type)) void leaf.setEmpty();
	}

	/** Test helper: a keystroke in the editor of a note (its text now, not yet saved). */
	editorChange(file: TFile, text: string): void {
		this.trigger("editor-change", { getValue: () => text }, { file });
	}

	getActiveFile(): TFile | null {
		return this.active;
	}

	/** Test helper: makes a file active, firing Obsidian's events. */
	openFile(file: TFile | null): void {
		this.active = file;
		this.trigger("file-open", file);
		this.trigger("active-leaf-change", null);
	}

	onLayoutReady(callback: () => void): void {
		if (this.ready) callback();
		else this.layoutReady.push(callback);
	}

	/** Test helper: the layout became ready. */
	setLayoutReady(): void {
		this.ready = true;
		for (const cb of this.layoutReady.splice(0)) cb();
	}

	getActiveViewOfType(): null {
		return null;
	}
}

/** Obsidian's secret storage: lowercase ids with dashes; the values never leave it except by getSecret. */
export class SecretStorage extends Events {
	private readonly secrets = new Map<string, string>();

	setSecret(id: string, secret: string): void {
		if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) throw new Error(`Invalid secret id: ${id}`);
		this.secrets.set(id, secret);
		this.trigger("changed", id);
	}

	getSecret(id: string): string | null {
		return this.secrets.get(id) ?? null;
	}

	listSecrets(): string[] {
		return [...this.secrets.keys()];
	}
}

/** A command as registered, with its full id (`plugin-id:command-id`). */
export interface RegisteredCommand {
	id: string;
	name: string;
	callback?: () => unknown;
	checkCallback?: (checking: boolean) => boolean | void;
	hotkeys?: unknown[];
}

export interface RibbonEntry {
	icon: string;
	title: string;
	callback: (evt: unknown) => unknown;
	el: StubElement;
}

/** Obsidian's settings window (not in the public typings): records what was opened. */
export class SettingWindow {
	opened = 0;
	tabs: string[] = [];
	open(): void {
		this.opened++;
	}
	openTabById(id: string): void {
		this.tabs.push(id);
	}
}

export class App {
	readonly vault: Vault;
	readonly metadataCache: MetadataCache;
	readonly fileManager: FileManager;
	readonly workspace = new Workspace();
	readonly secretStorage = new SecretStorage();
	setting: SettingWindow | undefined = new SettingWindow();
	// Test-side registries.
	readonly commands = new Map<string, RegisteredCommand>();
	readonly ribbon: RibbonEntry[] = [];
	readonly statusBarItems: StubElement[] = [];
	readonly settingTabs: PluginSettingTab[] = [];
	/** What each plugin's loadData returns (plugin id → data). */
	readonly pluginData = new Map<string, unknown>();
	/** Every saveData call, serialised as Obsidian writes data.json. */
	readonly savedJson: string[] = [];

	constructor(files: Record<string, string | Uint8Array> = {}) {
		this.vault = new Vault(files);
		this.workspace.app = this;
		this.metadataCache = new MetadataCache(this.vault);
		this.fileManager = new FileManager(this.vault);
	}

	/** Test helper: runs a command the way the palette does (checkCallback(true) first). */
	runCommand(fullId: string): boolean {
		const command = this.commands.get(fullId);
		if (!command) throw new Error(`No command ${fullId}`);
		if (command.checkCallback) {
			if (!command.checkCallback(true)) return false;
			command.checkCallback(false);
			return true;
		}
		command.callback?.();
		return true;
	}

	/** Test helper: whether the palette would offer a command now. */
	isCommandAvailable(fullId: string): boolean {
		const command = this.commands.get(fullId);
		if (!command) throw new Error(`No command ${fullId}`);
		return command.checkCallback ? command.checkCallback(true) === true : true;
	}
}

// ---------------------------------------------------------------------------------------------------
// Components, plugin, settings UI, modals, notices
// ---------------------------------------------------------------------------------------------------

export class Component {
	private cleanups: Array<() => void> = [];
	private children: Component[] = [];
	loaded = false;

	load(): void {
		this.loaded = true;
		void this.onload();
		for (const c of this.children) c.load();
	}

	onload(): void | Promise<void> {}

	unload(): void {
		for (const c of this.children) c.unload();
		for (const cleanup of this.cleanups.splice(0).reverse()) cleanup();
		this.loaded = false;
		this.onunload();
	}

	onunload(): void {}

	addChild<T extends Component>(child: T): T {
		this.children.push(child);
		if (this.loaded) child.load();
		return child;
	}

	removeChild<T extends Component>(child: T): T {
		this.children = this.children.filter((c) => c !== child);
		child.unload();
		return child;
	}

	register(cb: () => unknown): void {
		this.cleanups.push(() => {
			cb();
		});
	}

	registerEvent(ref: EventRef): void {
		this.cleanups.push(() => ref.events.offref(ref));
	}

	registerDomEvent(el: StubElement, type: string, callback: Listener): void {
		el.addEventListener(type, callback);
		this.cleanups.push(() => el.removeEventListener(type, callback));
	}

	registerInterval(id: number): number {
		this.cleanups.push(() => nodeTimers.clearInterval(id));
		return id;
	}

	/** Test helper: how many cleanups unload will run. */
	cleanupCount(): number {
		return this.cleanups.length;
	}
}

export interface PluginManifest {
	id: string;
	name: string;
	version: string;
	minAppVersion: string;
	description: string;
	author: string;
	isDesktopOnly?: boolean;
}

export class Plugin extends Component {
	constructor(
		public app: App,
		public manifest: PluginManifest,
	) {
		super();
	}

	addRibbonIcon(icon: string, title: string, callback: (evt: unknown) => unknown): StubElement {
		const el = new StubElement("div");
		el.setAttr("aria-label", title);
		const entry = { icon, title, callback, el };
		this.app.ribbon.push(entry);
		this.register(() => this.app.ribbon.splice(this.app.ribbon.indexOf(entry), 1));
		return el;
	}

	addStatusBarItem(): StubElement {
		const el = new StubElement("div");
		el.addClass("status-bar-item");
		this.app.statusBarItems.push(el);
		this.register(() => this.app.statusBarItems.splice(this.app.statusBarItems.indexOf(el), 1));
		return el;
	}

	addCommand(command: RegisteredCommand): RegisteredCommand {
		const full = { ...command, id: `${this.manifest.id}:${command.id}` };
		this.app.commands.set(full.id, full);
		this.register(() => this.app.commands.delete(full.id));
		return full;
	}

	registerView(type: string, creator: (leaf: WorkspaceLeaf) => View): void {
		this.app.workspace.viewCreators.set(type, creator);
		this.register(() => this.app.workspace.unregisterView(type));
	}

	removeCommand(id: string): void {
		this.app.commands.delete(`${this.manifest.id}:${id}`);
	}

	addSettingTab(tab: PluginSettingTab): void {
		this.app.settingTabs.push(tab);
		this.register(() => this.app.settingTabs.splice(this.app.settingTabs.indexOf(tab), 1));
	}

	async loadData(): Promise<unknown> {
		const data = this.app.pluginData.get(this.manifest.id);
		return data === undefined ? null : JSON.parse(JSON.stringify(data));
	}

	async saveData(data: unknown): Promise<void> {
		const json = JSON.stringify(data, null, 2);
		this.app.savedJson.push(json);
		this.app.pluginData.set(this.manifest.id, JSON.parse(json));
	}
}

/** Obsidian's View: a component living in a leaf, opened and closed by it. */
export abstract class View extends Component {
	readonly app: App;
	readonly containerEl = new StubElement("div");
	icon = "";
	navigation = false;

	constructor(public leaf: WorkspaceLeaf) {
		super();
		this.app = leaf.workspace.app;
	}

	abstract getViewType(): string;
	getDisplayText(): string {
		return "";
	}
	getIcon(): string {
		return this.icon;
	}
	async onOpen(): Promise<void> {}
	async onClose(): Promise<void> {}
	getState(): Record<string, unknown> {
		return {};
	}
	async setState(_state: unknown, _result: unknown): Promise<void> {}
}

export class ItemView extends View {
	readonly contentEl: StubElement;
	readonly actionsEl: StubElement;

	constructor(leaf: WorkspaceLeaf) {
		super(leaf);
		this.actionsEl = this.containerEl.createDiv({ cls: "view-actions" });
		this.contentEl = this.containerEl.createDiv({ cls: "view-content" });
	}

	getViewType(): string {
		return "item";
	}

	addAction(icon: string, title: string, callback: (evt: unknown) => unknown): StubElement {
		const el = this.actionsEl.createEl("button", { cls: "view-action", attr: { "aria-label": title, "data-icon": icon } });
		el.addEventListener("click", (evt) => callback(evt));
		return el;
	}
}

/** What an empty leaf (or a closed plugin view) holds. */
class EmptyView extends View {
	getViewType(): string {
		return "empty";
	}
}

/** A leaf: holds one view; setViewState swaps it, detach closes it. */
export class WorkspaceLeaf extends Events {
	view: View;

	constructor(readonly workspace: Workspace) {
		super();
		this.view = new EmptyView(this);
	}

	async setViewState(state: { type: string; state?: unknown; active?: boolean }): Promise<void> {
		if (this.view.getViewType() !== state.type) {
			const creator = this.workspace.viewCreators.get(state.type);
			if (!creator) throw new Error(`No view registered for type ${state.type}`);
			await this.closeView();
			this.view = creator(this);
			this.view.load();
			await this.view.onOpen();
		}
		if (state.state !== undefined) await this.view.setState(state.state, { history: false });
	}

	/** Opens a file in this leaf (the stub records it on the workspace, with the line asked for). */
	async openFile(file: TFile, openState?: { eState?: Record<string, unknown>; active?: boolean }): Promise<void> {
		this.workspace.opened.push({ leaf: this, path: file.path, line: typeof openState?.eState?.line === "number" ? openState.eState.line : null });
	}

	getViewState(): { type: string; state: Record<string, unknown> } {
		return { type: this.view.getViewType(), state: this.view.getState() };
	}

	/** The view closes and the leaf goes empty (what Obsidian does to a disabled plugin's views). */
	async setEmpty(): Promise<void> {
		await this.closeView();
		this.view = new EmptyView(this);
	}

	detach(): void {
		void this.closeView();
		const list = this.workspace.leaves;
		if (list.includes(this)) list.splice(list.indexOf(this), 1);
	}

	private async closeView(): Promise<void> {
		const view = this.view;
		view.unload();
		await view.onClose();
	}
}

export abstract class BaseComponent {
	disabled = false;
	setDisabled(disabled: boolean): this {
		this.disabled = disabled;
		return this;
	}
	then(cb: (component: this) => unknown): this {
		cb(this);
		return this;
	}
}

export class ButtonComponent extends BaseComponent {
	readonly buttonEl: StubElement;
	constructor(containerEl: StubElement) {
		super();
		this.buttonEl = containerEl.createEl("button");
		this.buttonEl.component = this;
	}
	setButtonText(text: string): this {
		this.buttonEl.setText(text);
		return this;
	}
	setCta(): this {
		this.buttonEl.addClass("mod-cta");
		return this;
	}
	removeCta(): this {
		this.buttonEl.removeClass("mod-cta");
		return this;
	}
	setWarning(): this {
		this.buttonEl.addClass("mod-warning");
		return this;
	}
	setDestructive(): this {
		this.buttonEl.addClass("mod-destructive");
		return this;
	}
	setIcon(icon: string): this {
		this.buttonEl.setAttr("data-icon", icon);
		return this;
	}
	setTooltip(tooltip: string): this {
		this.buttonEl.setAttr("aria-label", tooltip);
		return this;
	}
	setClass(cls: string): this {
		this.buttonEl.addClass(cls);
		return this;
	}
	onClick(callback: (evt: unknown) => unknown): this {
		this.buttonEl.addEventListener("click", (evt) => callback(evt));
		return this;
	}
}

export class ExtraButtonComponent extends ButtonComponent {}

abstract class ValueComponent<T> extends BaseComponent {
	protected changeCallbacks: Array<(value: T) => unknown> = [];
	abstract getValue(): T;
	abstract setValue(value: T): this;
	onChange(callback: (value: T) => unknown): this {
		this.changeCallbacks.push(callback);
		return this;
	}
	/** Test helper: the user changes the value. Resolves when the (async) handlers are done. */
	async userSets(value: T): Promise<void> {
		this.setValue(value);
		await Promise.all(this.changeCallbacks.map((cb) => cb(value)));
	}
}

export class ToggleComponent extends ValueComponent<boolean> {
	readonly toggleEl: StubElement;
	private value = false;
	constructor(containerEl: StubElement) {
		super();
		this.toggleEl = containerEl.createDiv({ cls: "checkbox-container" });
		this.toggleEl.component = this;
	}
	getValue(): boolean {
		return this.value;
	}
	setValue(value: boolean): this {
		this.value = value;
		this.toggleEl.toggleClass("is-enabled", value);
		return this;
	}
}

export class DropdownComponent extends ValueComponent<string> {
	readonly selectEl: StubElement;
	constructor(containerEl: StubElement) {
		super();
		this.selectEl = containerEl.createEl("select", { cls: "dropdown" });
		this.selectEl.component = this;
	}
	addOption(value: string, display: string): this {
		this.selectEl.createEl("option", { text: display, value });
		if (this.selectEl.children.length === 1) this.selectEl.value = value;
		return this;
	}
	addOptions(options: Record<string, string>): this {
		for (const [value, display] of Object.entries(options)) this.addOption(value, display);
		return this;
	}
	/** Test helper: [value, label] of every option. */
	options(): Array<[string, string]> {
		return this.selectEl.descendants().map((o) => [o.value, o.textContent]);
	}
	getValue(): string {
		return this.selectEl.value;
	}
	setValue(value: string): this {
		this.selectEl.value = value;
		return this;
	}
}

export class TextComponent extends ValueComponent<string> {
	readonly inputEl: StubElement;
	constructor(containerEl: StubElement) {
		super();
		this.inputEl = containerEl.createEl("input", { type: "text" });
		this.inputEl.component = this;
	}
	getValue(): string {
		return this.inputEl.value;
	}
	setValue(value: string): this {
		this.inputEl.value = value;
		return this;
	}
	setPlaceholder(placeholder: string): this {
		this.inputEl.placeholder = placeholder;
		return this;
	}
}

export class TextAreaComponent extends TextComponent {}

/** Picks the NAME of a secret; the value stays in app.secretStorage. */
export class SecretComponent extends BaseComponent {
	readonly el: StubElement;
	private value = "";
	private callbacks: Array<(value: string) => unknown> = [];
	constructor(
		readonly app: App,
		containerEl: StubElement,
	) {
		super();
		this.el = containerEl.createDiv({ cls: "secret-component" });
		this.el.component = this;
	}
	setValue(value: string): this {
		this.value = value;
		return this;
	}
	getValue(): string {
		return this.value;
	}
	onChange(cb: (value: string) => unknown): this {
		this.callbacks.push(cb);
		return this;
	}
	/** Test helper: the user picks (or creates) a secret by name. */
	async choose(name: string): Promise<void> {
		this.value = name;
		await Promise.all(this.callbacks.map((cb) => cb(name)));
	}
}

export class Setting {
	readonly settingEl: StubElement;
	readonly infoEl: StubElement;
	readonly nameEl: StubElement;
	readonly descEl: StubElement;
	readonly controlEl: StubElement;
	components: BaseComponent[] = [];
	heading = false;

	constructor(containerEl: StubElement) {
		this.settingEl = containerEl.createDiv({ cls: "setting-item" });
		this.settingEl.setting = this;
		this.infoEl = this.settingEl.createDiv({ cls: "setting-item-info" });
		this.nameEl = this.infoEl.createDiv({ cls: "setting-item-name" });
		this.descEl = this.infoEl.createDiv({ cls: "setting-item-description" });
		this.controlEl = this.settingEl.createDiv({ cls: "setting-item-control" });
	}
	setName(name: string | StubElement): this {
		this.nameEl.setText(name);
		return this;
	}
	setDesc(desc: string | StubElement): this {
		this.descEl.setText(desc);
		return this;
	}
	setClass(cls: string): this {
		this.settingEl.addClass(cls);
		return this;
	}
	setTooltip(): this {
		return this;
	}
	setHeading(): this {
		this.heading = true;
		this.settingEl.addClass("setting-item-heading");
		return this;
	}
	setDisabled(disabled: boolean): this {
		this.settingEl.toggleClass("is-disabled", disabled);
		return this;
	}
	private add<T extends BaseComponent>(component: T, cb: (c: T) => unknown): this {
		this.components.push(component);
		cb(component);
		return this;
	}
	addButton(cb: (c: ButtonComponent) => unknown): this {
		return this.add(new ButtonComponent(this.controlEl), cb);
	}
	addExtraButton(cb: (c: ExtraButtonComponent) => unknown): this {
		return this.add(new ExtraButtonComponent(this.controlEl), cb);
	}
	addToggle(cb: (c: ToggleComponent) => unknown): this {
		return this.add(new ToggleComponent(this.controlEl), cb);
	}
	addText(cb: (c: TextComponent) => unknown): this {
		return this.add(new TextComponent(this.controlEl), cb);
	}
	addTextArea(cb: (c: TextAreaComponent) => unknown): this {
		return this.add(new TextAreaComponent(this.controlEl), cb);
	}
	addDropdown(cb: (c: DropdownComponent) => unknown): this {
		return this.add(new DropdownComponent(this.controlEl), cb);
	}
	addComponent<T extends BaseComponent>(cb: (el: StubElement) => T): this {
		this.components.push(cb(this.controlEl));
		return this;
	}
	then(cb: (setting: this) => unknown): this {
		cb(this);
		return this;
	}
	clear(): this {
		this.controlEl.empty();
		this.components = [];
		return this;
	}
}

export abstract class PluginSettingTab {
	readonly containerEl = new StubElement("div");
	settingItems: unknown[] = [];
	icon = "";
	constructor(
		public app: App,
		public plugin: Plugin,
	) {}
	abstract display(): void;
	hide(): void {
		this.containerEl.empty();
	}
	getSettingDefinitions(): unknown[] {
		return [];
	}
	update(): void {
		this.settingItems = this.getSettingDefinitions();
	}
	/** Test helper: the rendered rows (headings included) in order. */
	rows(): Setting[] {
		return this.containerEl.descendants().filter((el) => el.setting instanceof Setting).map((el) => el.setting as Setting);
	}
	/** Test helper: the row with this name. */
	row(name: string): Setting {
		const found = this.rows().find((s) => s.nameEl.textContent === name);
		if (!found) throw new Error(`No setting named "${name}"; have: ${this.rows().map((s) => s.nameEl.textContent).join(", ")}`);
		return found;
	}
}

/** Modals that are open now, oldest first. */
export const openModals: Modal[] = [];

export class Modal {
	readonly containerEl = new StubElement("div");
	readonly modalEl: StubElement;
	readonly titleEl: StubElement;
	readonly contentEl: StubElement;
	private closeCallback: (() => unknown) | null = null;
	isOpen = false;

	constructor(public app: App) {
		this.modalEl = this.containerEl.createDiv({ cls: "modal" });
		this.titleEl = this.modalEl.createDiv({ cls: "modal-title" });
		this.contentEl = this.modalEl.createDiv({ cls: "modal-content" });
	}
	open(): void {
		this.isOpen = true;
		openModals.push(this);
		void this.onOpen();
	}
	close(): void {
		if (!this.isOpen) return;
		this.isOpen = false;
		openModals.splice(openModals.indexOf(this), 1);
		this.onClose();
		this.closeCallback?.();
	}
	onOpen(): void | Promise<void> {}
	onClose(): void {}
	setTitle(title: string): this {
		this.titleEl.setText(title);
		return this;
	}
	setContent(content: string | StubElement): this {
		this.contentEl.setText(content);
		return this;
	}
	setCloseCallback(cb: () => unknown): this {
		this.closeCallback = cb;
		return this;
	}
}

/** Every notice shown, oldest first. */
export const notices: Notice[] = [];

export class Notice {
	readonly containerEl = new StubElement("div");
	readonly messageEl: StubElement;
	readonly noticeEl: StubElement;
	hidden = false;
	/** Every message this notice showed, in order (setMessage appends). */
	readonly history: string[] = [];

	constructor(
		message: string | StubElement,
		readonly duration?: number,
	) {
		this.messageEl = this.containerEl.createDiv({ cls: "notice-message" });
		this.noticeEl = this.messageEl;
		this.setMessage(message);
		notices.push(this);
	}
	setMessage(message: string | StubElement): this {
		this.history.push(textOf(message));
		this.messageEl.setText(message);
		return this;
	}
	hide(): void {
		this.hidden = true;
	}
	get text(): string {
		return this.messageEl.textContent;
	}
}

// ---------------------------------------------------------------------------------------------------
// Functions: requestUrl, normalizePath, debounce, Platform, icons, versions
// ---------------------------------------------------------------------------------------------------

export interface RequestUrlParam {
	url: string;
	method?: string;
	contentType?: string;
	body?: string | ArrayBuffer;
	headers?: Record<string, string>;
	throw?: boolean;
}

export interface RequestUrlResponse {
	status: number;
	headers: Record<string, string>;
	arrayBuffer: ArrayBuffer;
	json: unknown;
	text: string;
}

/** One call of requestUrl, as received. */
export interface RequestLogEntry {
	url: string;
	method: string;
	headers: Record<string, string>;
	bodyKind: "none" | "string" | "arraybuffer";
	bodyBytes: number;
	throwFlag: boolean | undefined;
}

export const requestLog: RequestLogEntry[] = [];

type Backend = (request: HttpRequest) => Promise<{ status: number; headers: Record<string, string>; text: string }>;

let backend: Backend = createNodeHttp({ timeoutMs: 10_000 });

/** Test helper: what answers requestUrl (default: real HTTP through Node's fetch). */
export function setRequestBackend(next: Backend | null): void {
	backend = next ?? createNodeHttp({ timeoutMs: 10_000 });
}

function isArrayBuffer(value: unknown): value is ArrayBuffer {
	return Object.prototype.toString.call(value) === "[object ArrayBuffer]";
}

/** Obsidian's requestUrl: string or ArrayBuffer bodies only; rejects on status >= 400 unless `throw: false`. */
export async function requestUrl(param: RequestUrlParam | string): Promise<RequestUrlResponse> {
	const p: RequestUrlParam = typeof param === "string" ? { url: param } : param;
	const body = p.body;
	if (body !== undefined && typeof body !== "string" && !isArrayBuffer(body)) {
		throw new TypeError("requestUrl: the body must be a string or an ArrayBuffer");
	}
	const bytes = body === undefined || typeof body === "string" ? null : new Uint8Array(body);
	requestLog.push({
		url: p.url,
		method: p.method ?? "GET",
		headers: { ...(p.headers ?? {}) },
		bodyKind: body === undefined ? "none" : typeof body === "string" ? "string" : "arraybuffer",
		bodyBytes: body === undefined ? 0 : typeof body === "string" ? body.length : bytes!.length,
		throwFlag: p.throw,
	});
	const method = (p.method ?? "GET").toUpperCase();
	if (method !== "GET" && method !== "POST") throw new Error(`The stub sends GET and POST only, not ${method}`);
	const res = await backend({ url: p.url, method, headers: { ...(p.headers ?? {}) }, ...(body === undefined ? {} : { body: bytes ?? (body as string) }) });
	if (p.throw !== false && res.status >= 400) throw new Error(`Request failed, status ${res.status}`);
	const encoded = new TextEncoder().encode(res.text);
	// Header names as Electron gives them: not lower-cased, so the plugin must lower-case them.
	const headers: Record<string, string> = {};
	for (const [k, v] of Object.entries(res.headers)) headers[k.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase())] = v;
	return {
		status: res.status,
		headers,
		arrayBuffer: encoded.buffer.slice(0),
		get json(): unknown {
			return JSON.parse(res.text) as unknown;
		},
		text: res.text,
	};
}

/** Obsidian's YAML parser: the value, or a thrown error (with the parser's mark) when it does not parse. */
export function parseYaml(yaml: string): unknown {
	return matter("---\n" + yaml + "\n---\n", { excerpt: false }).data;
}

export function normalizePath(path: string): string {
	const parts = path.replace(/\\/g, "/").split("/").map((p) => p.trim()).filter((p) => p !== "" && p !== ".");
	return parts.length === 0 ? "/" : parts.join("/");
}

export interface Debouncer<T extends unknown[]> {
	(...args: T): Debouncer<T>;
	cancel(): Debouncer<T>;
	run(): void;
}

/** Obsidian's debounce: with resetTimer, every call restarts the wait; the last arguments win. */
export function debounce<T extends unknown[]>(cb: (...args: T) => unknown, timeout = 0, resetTimer = false): Debouncer<T> {
	let timer: ReturnType<typeof setTimeout> | null = null;
	let lastArgs: T | null = null;
	const fire = (): void => {
		timer = null;
		const args = lastArgs;
		lastArgs = null;
		if (args) cb(...args);
	};
	const debounced = ((...args: T) => {
		lastArgs = args;
		if (timer !== null && resetTimer) {
			nodeTimers.clearTimeout(timer);
			timer = null;
		}
		if (timer === null) timer = nodeTimers.setTimeout(fire, timeout);
		return debounced;
	}) as Debouncer<T>;
	debounced.cancel = () => {
		if (timer !== null) nodeTimers.clearTimeout(timer);
		timer = null;
		lastArgs = null;
		return debounced;
	};
	debounced.run = () => {
		if (timer !== null) nodeTimers.clearTimeout(timer);
		fire();
	};
	return debounced;
}

export const Platform = {
	isDesktop: true,
	isMobile: false,
	isDesktopApp: true,
	isMobileApp: false,
	isIosApp: false,
	isAndroidApp: false,
	isPhone: false,
	isTablet: false,
	isMacOS: false,
	isWin: false,
	isLinux: true,
	isSafari: false,
};

/** The Obsidian version requireApiVersion compares with; tests may raise it. */
export const apiVersion = { current: "1.12.0" };

function compareVersions(a: string, b: string): number {
	const pa = a.split(".").map(Number);
	const pb = b.split(".").map(Number);
	for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
		const d = (pa[i] ?? 0) - (pb[i] ?? 0);
		if (d !== 0) return d;
	}
	return 0;
}

export function requireApiVersion(version: string): boolean {
	return compareVersions(apiVersion.current, version) >= 0;
}

export function setIcon(el: StubElement, icon: string): void {
	el.setAttr("data-icon", icon);
}

export function setTooltip(el: StubElement, tooltip: string): void {
	el.setAttr("aria-label", tooltip);
}

// ---------------------------------------------------------------------------------------------------
// Test helpers
// ---------------------------------------------------------------------------------------------------

/** Forgets notices, modals, clipboard writes, opened URLs and requests; restores defaults. */
export function resetStub(): void {
	notices.length = 0;
	for (const m of [...openModals]) m.close();
	openModals.length = 0;
	clipboardWrites.length = 0;
	clipboardOptions.refuseRich = false;
	openedUrls.length = 0;
	requestLog.length = 0;
	Platform.isMobile = false;
	Platform.isDesktop = true;
	apiVersion.current = "1.12.0";
	setRequestBackend(null);
}

/** Polls until `probe` returns something truthy (or throws after `timeoutMs`). */
export async function waitFor<T>(probe: () => T | null | undefined | false, what: string, timeoutMs = 5000): Promise<T> {
	const start = Date.now();
	for (;;) {
		const value = probe();
		if (value) return value;
		if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
		await new Promise<void>((resolve) => nodeTimers.setTimeout(() => resolve(), 5));
	}
}

/** The button with this text inside an element. */
export function buttonIn(root: StubElement, text: string): StubElement {
	const button = root.descendants().find((el) => el.tagName === "button" && el.textContent === text);
	if (!button) {
		const have = root.descendants().filter((el) => el.tagName === "button").map((el) => el.textContent);
		throw new Error(`No button "${text}"; have: ${have.join(", ")}`);
	}
	return button;
}

/** The component of the given class inside an element (first match). */
export function componentIn<T>(root: StubElement, type: abstract new (...args: never[]) => T): T {
	const found = root.descendants().find((el) => el.component instanceof type);
	if (!found) throw new Error(`No ${type.name} found`);
	return found.component as T;
}

/** The newest notice whose text contains `text`. */
export function noticeWith(text: string): Notice | undefined {
	return [...notices].reverse().find((n) => n.text.includes(text));
}
