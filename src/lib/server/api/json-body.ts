import { isJsonType, parseMediaType } from './media-type';

/**
 * Reads a JSON request body safely for the API: the right content type, a size limit far below the
 * server's own, valid UTF-8 and valid JSON. Every failure becomes a clear problem for the client —
 * never an exception — so bad input cannot turn into a 500.
 */

/** The largest JSON body the API reads. Every answer ticked in the self-assessment is about 2 KB. */
export const JSON_BODY_LIMIT = 16 * 1024;
/**
 * How much of an oversized body is read and thrown away before answering, so the 413 reaches the
 * client instead of a reset connection. adapter-node stops larger bodies itself (BODY_SIZE_LIMIT).
 */
const DRAIN_LIMIT = 1024 * 1024;

export type BodyProblem = { readonly status: 400 | 413 | 415; readonly title: string; readonly detail: string };
export type JsonBody = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problem: BodyProblem };

const fail = (status: BodyProblem['status'], title: string, detail: string): JsonBody => ({
	ok: false,
	problem: { status, title, detail }
});

const tooLarge = (limit: number) =>
	fail(413, 'Content Too Large', `The request body is larger than ${limit / 1024} KB. Send only the answers.`);

/** The status an error thrown while reading a body carries (SvelteKit's own body limit uses 413). */
function statusOf(error: unknown): number | undefined {
	return typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number'
		? error.status
		: undefined;
}

export async function readJsonBody(request: Request, limit: number = JSON_BODY_LIMIT): Promise<JsonBody> {
	const media = parseMediaType(request.headers.get('content-type'));
	if (!media || !isJsonType(media.type)) {
		return fail(
			415,
			'Unsupported Media Type',
			'Send the body as JSON, with the header Content-Type: application/json.'
		);
	}
	const charset = media.params.get('charset');
	if (charset !== undefined && charset.toLowerCase() !== 'utf-8') {
		return fail(415, 'Unsupported Media Type', 'Send the JSON encoded as UTF-8 (charset=utf-8), or leave charset out.');
	}
	const declared = Number(request.headers.get('content-length'));
	if (Number.isFinite(declared) && declared > limit) return tooLarge(limit);

	const bytes = await readLimited(request, limit);
	if (bytes === 'too-large') return tooLarge(limit);
	if (bytes === 'unreadable') return fail(400, 'Bad Request', 'The request body could not be read. Please send it again.');

	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
	} catch {
		return fail(400, 'Bad Request', 'The request body is not valid UTF-8 text.');
	}
	if (text.trim() === '') {
		return fail(400, 'Bad Request', 'The request body is empty. Send a JSON object, like {"concerns": ["sleep"]}.');
	}
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch {
		// The parser's message quotes the body back; the client has it already, and logs must not.
		return fail(
			400,
			'Bad Request',
			'The request body is not valid JSON. Check for missing quotes, commas or brackets, and use double quotes around names and text.'
		);
	}
}

async function readLimited(request: Request, limit: number): Promise<Uint8Array | 'too-large' | 'unreadable'> {
	if (!request.body) return new Uint8Array();
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			size += value.byteLength;
			if (size <= limit) chunks.push(value);
			else if (size > DRAIN_LIMIT) {
				await reader.cancel().catch(() => undefined);
				return 'too-large';
			}
		}
	} catch (error) {
		return statusOf(error) === 413 ? 'too-large' : 'unreadable';
	}
	if (size > limit) return 'too-large';
	const bytes = new Uint8Array(size);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return bytes;
}
