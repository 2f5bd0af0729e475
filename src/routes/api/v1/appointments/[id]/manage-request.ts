import { readJsonBody } from '$lib/server/api/json-body';
import { problem } from '$lib/server/http';

/**
 * The body of a cancel or reschedule call (may be empty for cancel) and the manage token, taken
 * from `Authorization: Bearer <token>` or else from the body's "token".
 */
export async function readManageRequest(request: Request, bodyRequired: boolean): Promise<{ token: unknown; body: unknown } | Response> {
	let body: unknown = {};
	const hasBody = request.headers.get('content-type') !== null || Number(request.headers.get('content-length') ?? 0) > 0;
	if (bodyRequired || hasBody) {
		const read = await readJsonBody(request);
		if (!read.ok) {
			const { status, title, detail } = read.problem;
			return problem(status, title, { detail });
		}
		body = read.value;
	}
	const bearer = bearerToken(request);
	const fromBody = body && typeof body === 'object' && 'token' in body ? (body as { token: unknown }).token : undefined;
	return { token: bearer ?? fromBody, body };
}

/** The manage token from `Authorization: Bearer <token>`, if the header is there and well formed. */
export function bearerToken(request: Request): string | undefined {
	return request.headers.get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
}
