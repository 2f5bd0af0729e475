/**
 * Identifies an uploaded image from its first bytes (magic numbers) and reads its dimensions from
 * the header, without decoding it and without native libraries. The declared content type and the
 * file name are never trusted: what the bytes say is what we store and serve.
 */
export type ImageType = 'image/png' | 'image/jpeg' | 'image/webp';
export type ImageInfo = { type: ImageType; width: number; height: number };

/**
 * Under the server's request-size limit (adapter-node's BODY_SIZE_LIMIT, 512 KB by default), so
 * an upload that is too big gets this clear message rather than the server's bare 413.
 */
export const MAX_IMAGE_BYTES = 450 * 1024;
export const MAX_IMAGE_SIDE = 4000;
export const MIN_IMAGE_SIDE = 16;

export const EXTENSION_FOR: Record<ImageType, 'png' | 'jpg' | 'webp'> = {
	'image/png': 'png',
	'image/jpeg': 'jpg',
	'image/webp': 'webp'
};

function ascii(bytes: Uint8Array, start: number, length: number): string {
	return String.fromCharCode(...bytes.subarray(start, start + length));
}

function u16be(b: Uint8Array, i: number): number {
	return ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
}

function u32be(b: Uint8Array, i: number): number {
	return (((b[i] ?? 0) << 24) >>> 0) + ((b[i + 1] ?? 0) << 16) + ((b[i + 2] ?? 0) << 8) + (b[i + 3] ?? 0);
}

function u16le(b: Uint8Array, i: number): number {
	return (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
}

function u24le(b: Uint8Array, i: number): number {
	return (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8) | ((b[i + 2] ?? 0) << 16);
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function readPng(b: Uint8Array): ImageInfo | undefined {
	if (b.length < 24 || !PNG_SIGNATURE.every((byte, i) => b[i] === byte)) return undefined;
	// The first chunk must be IHDR, whose data starts with width and height.
	if (ascii(b, 12, 4) !== 'IHDR') return undefined;
	return { type: 'image/png', width: u32be(b, 16), height: u32be(b, 20) };
}

// Start-of-frame markers carry the dimensions; C4 (DHT), C8 (reserved) and CC (DAC) do not.
const SOF_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function readJpeg(b: Uint8Array): ImageInfo | undefined {
	if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8 || b[2] !== 0xff) return undefined;
	let i = 2;
	while (i + 4 <= b.length) {
		if (b[i] !== 0xff) return undefined;
		let marker = b[i + 1] ?? 0;
		// Fill bytes: any number of 0xFF may precede a marker.
		while (marker === 0xff && i + 2 < b.length) {
			i += 1;
			marker = b[i + 1] ?? 0;
		}
		if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
			i += 2;
			continue;
		}
		if (marker === 0xd9 || marker === 0xda) return undefined; // image data before any frame header
		const length = u16be(b, i + 2);
		if (length < 2) return undefined;
		if (SOF_MARKERS.has(marker)) {
			if (i + 9 > b.length) return undefined;
			return { type: 'image/jpeg', height: u16be(b, i + 5), width: u16be(b, i + 7) };
		}
		i += 2 + length;
	}
	return undefined;
}

function readWebp(b: Uint8Array): ImageInfo | undefined {
	if (b.length < 30 || ascii(b, 0, 4) !== 'RIFF' || ascii(b, 8, 4) !== 'WEBP') return undefined;
	const chunk = ascii(b, 12, 4);
	if (chunk === 'VP8 ') {
		// Lossy: a 3-byte frame tag, the start code 9D 01 2A, then 14-bit width and height.
		if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return undefined;
		return { type: 'image/webp', width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
	}
	if (chunk === 'VP8L') {
		if (b[20] !== 0x2f) return undefined;
		const bits = (b[21] ?? 0) | ((b[22] ?? 0) << 8) | ((b[23] ?? 0) << 16) | ((b[24] ?? 0) << 24);
		return { type: 'image/webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
	}
	if (chunk === 'VP8X') {
		return { type: 'image/webp', width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
	}
	return undefined;
}

export type ImageCheck = { ok: true; info: ImageInfo } | { ok: false; message: string };

/** Accepts PNG, JPEG and WebP within the size and dimension limits; says what is wrong otherwise. */
export function checkImage(bytes: Uint8Array): ImageCheck {
	if (bytes.length === 0) return { ok: false, message: 'Choose an image file.' };
	if (bytes.length > MAX_IMAGE_BYTES) {
		return { ok: false, message: `The image is too large: at most ${Math.floor(MAX_IMAGE_BYTES / 1024)} KB.` };
	}
	const info = readPng(bytes) ?? readJpeg(bytes) ?? readWebp(bytes);
	if (!info) return { ok: false, message: 'Upload a PNG, JPEG or WebP image.' };
	const { width, height } = info;
	if (width < MIN_IMAGE_SIDE || height < MIN_IMAGE_SIDE) {
		return { ok: false, message: `The image is too small: at least ${MIN_IMAGE_SIDE} × ${MIN_IMAGE_SIDE} pixels.` };
	}
	if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
		return { ok: false, message: `The image is too big: at most ${MAX_IMAGE_SIDE} × ${MAX_IMAGE_SIDE} pixels.` };
	}
	return { ok: true, info };
}
