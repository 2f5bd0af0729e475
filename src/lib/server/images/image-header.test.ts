import { describe, expect, it } from 'vitest';
import { jpegHeader, pngBytes, webpHeader } from '../testing/images';
import { checkImage, MAX_IMAGE_BYTES } from './image-header';

describe('checkImage', () => {
	it('reads type and dimensions of PNG, JPEG and the three WebP forms', () => {
		expect(checkImage(pngBytes(320, 200))).toEqual({ ok: true, info: { type: 'image/png', width: 320, height: 200 } });
		expect(checkImage(jpegHeader(640, 480))).toEqual({ ok: true, info: { type: 'image/jpeg', width: 640, height: 480 } });
		for (const kind of ['VP8 ', 'VP8L', 'VP8X'] as const) {
			expect(checkImage(webpHeader(kind, 300, 150))).toEqual({ ok: true, info: { type: 'image/webp', width: 300, height: 150 } });
		}
	});

	it('trusts the bytes, not a name or declared type: refuses SVG, HTML, GIF and text', () => {
		const fakes = [
			'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>',
			'<!doctype html><script>alert(1)</script>',
			'GIF89a\x01\x00\x01\x00',
			'just text that is long enough to look like something'
		];
		for (const fake of fakes) {
			expect(checkImage(Buffer.from(fake))).toEqual({ ok: false, message: 'Upload a PNG, JPEG or WebP image.' });
		}
	});

	it('refuses a truncated or corrupt header', () => {
		expect(checkImage(pngBytes(100, 100).subarray(0, 20)).ok).toBe(false);
		const corrupt = Buffer.from(jpegHeader(100, 100));
		corrupt[20] = 0x00; // breaks the marker chain
		expect(checkImage(corrupt).ok).toBe(false);
	});

	it('refuses empty, too large, too small and too wide images with a message', () => {
		expect(checkImage(Buffer.alloc(0))).toEqual({ ok: false, message: 'Choose an image file.' });
		const big = Buffer.concat([pngBytes(100, 100), Buffer.alloc(MAX_IMAGE_BYTES)]);
		expect(checkImage(big)).toMatchObject({ ok: false, message: expect.stringContaining('too large') });
		expect(checkImage(pngBytes(8, 8))).toMatchObject({ ok: false, message: expect.stringContaining('too small') });
		expect(checkImage(jpegHeader(5000, 100))).toMatchObject({ ok: false, message: expect.stringContaining('too big') });
	});
});
