// Obsidian loads main.js and takes its default export as the plugin class.
export { default } from "./src/plugin/medium-publisher-plugin";
