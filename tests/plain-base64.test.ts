/**
 * One test of "base64 as written plainly" serves the converter (a data URL kept as written, not encoded
 * anew) and the URL gate (a data: image the HTML may carry): both must agree on it.
 */

import { isPlainBase64 } from "../src/core/data-url";
import { safeImageSrc } from "../src/html/safe-url";
import { checkDataImage } from "../src/convert/data-images";

const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

describe("isPlainBase64", () => {
	test.each([
		["data:image/png;base64,", 22, false], // nothing after the comma
		["data:image/png;base64,AAAA", 22, true],
		["data:image/png;base64,a+/=", 22, true],
		["data:image/png;base64,AA AA", 22, false],
		["data:image/png;base64,AA%2BA", 22, false],
		["data:image/png;base64,AA\nAA", 22, false],
		["data:image/png;base64,AA-_", 22, false], // the URL-safe alphabet is not base64 here
	])("%j from %d: %j", (text, from, expected) => {
		expect(isPlainBase64(text, from)).toBe(expected);
	});

	test("the converter keeps a plain data URL as written, and the URL gate lets it through", () => {
		const plain = `data:image/png;base64,${PNG}`;
		const checked = checkDataImage(plain);
		expect("kind" in checked && checked.url).toBe(plain);
		expect(safeImageSrc(plain)).toBe(plain);
		// Written with a space, the converter writes it anew (plainly), and the gate refuses the spaced one.
		const spaced = `data:image/png;base64,${PNG.slice(0, 8)} ${PNG.slice(8)}`;
		const again = checkDataImage(spaced);
		expect("kind" in again && again.url).toBe(plain);
		expect(safeImageSrc(spaced)).toBeNull();
	});
});
