import { error } from '@sveltejs/kit';
import { readImageFile } from '$lib/server/images/image.service';
import { IMAGE_FILE_NAME } from '$lib/server/images/image';

/**
 * Uploaded images by the SHA-256 of their bytes: a URL never changes meaning, so it can be cached
 * for a year by browsers and proxies, and any app instance serves the same file from the database.
 */
export async function GET({ params, locals, request }) {
	const match = IMAGE_FILE_NAME.exec(params.file);
	if (!match) error(404, 'Page not found.');
	const hash = match[1]!;
	const etag = `"${hash}"`;
	const headers = {
		etag,
		'cache-control': 'public, max-age=31536000, immutable',
		// Served bytes are what the header check accepted; never let a browser guess otherwise.
		'content-security-policy': "default-src 'none'",
		'cross-origin-resource-policy': 'same-origin'
	};
	if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
	const file = await readImageFile(locals.ctx, hash);
	if (!file) error(404, 'Page not found.');
	const expected = match[2] === 'png' ? 'image/png' : match[2] === 'jpg' ? 'image/jpeg' : 'image/webp';
	if (file.contentType !== expected) error(404, 'Page not found.');
	return new Response(new Uint8Array(file.bytes), {
		headers: { ...headers, 'content-type': file.contentType, 'content-length': String(file.bytes.length) }
	});
}
