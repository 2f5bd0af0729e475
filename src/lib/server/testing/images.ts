import { deflateSync } from 'node:zlib';

/** Test images built in code, so no binary fixtures live in the repository. */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
	let c = 0xffffffff;
	for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([length, body, crc]);
}

/** A real, decodable PNG of one colour (RGB, 8 bits). */
export function pngBytes(width: number, height: number, rgb: [number, number, number] = [11, 93, 85]): Buffer {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 2, 0, 0, 0], 8);
	const row = Buffer.alloc(1 + width * 3);
	for (let x = 0; x < width; x++) row.set(rgb, 1 + x * 3);
	const raw = Buffer.concat(Array.from({ length: height }, () => row));
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(raw)),
		chunk('IEND', Buffer.alloc(0))
	]);
}

/** The start of a baseline JPEG up to its frame header (enough for header checks). */
export function jpegHeader(width: number, height: number): Buffer {
	const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
	const sof0 = [0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
	return Buffer.from([0xff, 0xd8, ...app0, 0xff, 0xff, ...sof0, 0xff, 0xd9]);
}

/** A WebP container start in one of its three forms. */
export function webpHeader(kind: 'VP8 ' | 'VP8L' | 'VP8X', width: number, height: number): Buffer {
	const b = Buffer.alloc(40);
	b.write('RIFF', 0, 'ascii');
	b.writeUInt32LE(32, 4);
	b.write('WEBP', 8, 'ascii');
	b.write(kind, 12, 'ascii');
	b.writeUInt32LE(20, 16);
	if (kind === 'VP8 ') {
		b.set([0x9d, 0x01, 0x2a], 23);
		b.writeUInt16LE(width, 26);
		b.writeUInt16LE(height, 28);
	} else if (kind === 'VP8L') {
		b[20] = 0x2f;
		b.writeUInt32LE(((width - 1) | ((height - 1) << 14)) >>> 0, 21);
	} else {
		b.writeUIntLE(width - 1, 24, 3);
		b.writeUIntLE(height - 1, 27, 3);
	}
	return b;
}
