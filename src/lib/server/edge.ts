import { STATUS_CODES } from 'node:http';
import { parseMediaType } from './api/media-type';
import { problem } from './http';

/**
 * Requests refused before any page or endpoint runs, and API errors put into one format. Called
 * from the handle hook for every request; the custom server (server/index.js) answers what Node
 * refuses before the app can (headers too large, unparseable requests).
 */

export const isApiPath = (pathname: string) => pathname === '/api' || pathname.startsWith('/api/');

/** The content types a browser form can send, which therefore need the origin check (as SvelteKit's own). */
const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain', 'application/x-sveltekit-formdata']);
/** The ones form actions can read; text/plain passes the origin check but cannot be parsed as a form. */
const READABLE_FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type Refusal = { status: number; title: string; detail: string };

/**
 * SvelteKit's CSRF rule (svelte.config.js hands it to us so the API can answer it in its own
 * format): a form-encoded state change must come from our own origin.
 */
export function isCrossSiteFormPost(request: Request, url: URL): boolean {
	const type = parseMediaType(request.headers.get('content-type'))?.type ?? '';
	return FORM_TYPES.has(type) && STATE_CHANGING.has(request.method) && request.headers.get('origin') !== url.origin;
}

function statusOf(error: unknown): number | undefined {
	return typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : undefined;
}

/**
 * A form post whose body a form action could not read, refused with 400/413/415 instead of the
 * 500 that `request.formData()` would cause inside the action. The body is parsed from a clone, so
 * the action still reads the original.
 */
export async function checkFormPost(request: Request, url: URL): Promise<Refusal | null> {
	if (request.method !== 'POST') return null;
	for (const [name] of url.searchParams) {
		// SvelteKit throws a plain Error (a 500) for the reserved action name.
		if (name === '/default') return { status: 404, title: 'Not Found', detail: 'This form does not exist. Go back and send it from its page.' };
		if (name.startsWith('/')) break;
	}
	const type = parseMediaType(request.headers.get('content-type'))?.type;
	// Missing and other types: SvelteKit answers actions with 415 itself; endpoints read their own bodies.
	if (type === 'text/plain') {
		return { status: 415, title: 'Unsupported Media Type', detail: 'This form must be sent as a normal web form. Go back and send it again from its page.' };
	}
	if (!type || !READABLE_FORM_TYPES.has(type)) return null;
	try {
		await request.clone().formData();
		return null;
	} catch (error) {
		if (statusOf(error) === 413) return { status: 413, title: 'Content Too Large', detail: 'What you sent is too large. Please shorten it or send a smaller file.' };
		return { status: 400, title: 'Bad Request', detail: 'Your browser sent this form in a way we could not read. Go back and send it again from its page.' };
	}
}

const escapeHtml = (text: string) =>
	text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A self-contained page (no scripts, no styles to load) for refusals made before any page renders. */
export function plainErrorPage(refusal: Refusal, requestId: string): Response {
	const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(refusal.title)}</title></head>
<body>
<main>
<h1>${escapeHtml(refusal.title)}</h1>
<p>${escapeHtml(refusal.detail)}</p>
<p>If you contact us about this, mention reference <code>${escapeHtml(requestId)}</code>.</p>
<p><a href="/">Go to the home page</a></p>
</main>
</body>
</html>
`;
	return new Response(html, {
		status: refusal.status,
		headers: {
			'content-type': 'text/html; charset=utf-8',
			'cache-control': 'no-store',
			'content-security-policy': "default-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
		}
	});
}

/** Requests refused at the edge, before the session is looked up: cross-site form posts and unreadable forms. */
export async function refuseAtEdge(request: Request, url: URL, requestId: string): Promise<Response | null> {
	const api = isApiPath(url.pathname);
	if (isCrossSiteFormPost(request, url)) {
		const refusal = {
			status: 403,
			title: 'Forbidden',
			detail: api
				? 'Cross-site form submissions are refused. Send JSON with Content-Type: application/json.'
				: `Cross-site ${request.method} form submissions are forbidden. Send the form from this site.`
		};
		return api ? problem(refusal.status, refusal.title, { detail: refusal.detail }) : plainErrorPage(refusal, requestId);
	}
	if (api) return null;
	const refusal = await checkFormPost(request, url);
	return refusal ? plainErrorPage(refusal, requestId) : null;
}

const API_DETAIL: Record<number, string> = {
	400: 'The request could not be read. Check the address (its percent-encoding) and the headers.',
	404: 'There is no API endpoint at this address. See /api/v1/openapi.json.',
	413: 'The request body is too large.',
	500: 'Something went wrong on our side. Please try again.'
};

/**
 * On /api every error is problem details (RFC 9457). Answers SvelteKit produced itself (a 400 for
 * a malformed address, a 404 page, an error page after an unexpected exception) are rewritten;
 * answers the API already wrote are passed through.
 */
export async function asApiProblem(response: Response, requestId: string): Promise<Response> {
	if (response.status < 400 || response.headers.get('content-type')?.startsWith('application/problem+json')) return response;
	await response.body?.cancel().catch(() => undefined);
	const status = response.status;
	const rewritten = problem(status, STATUS_CODES[status] ?? 'Error', {
		detail: API_DETAIL[status] ?? API_DETAIL[status >= 500 ? 500 : 400],
		...(status >= 500 ? { requestId } : {})
	});
	for (const [name, value] of response.headers) {
		if (!['content-type', 'content-length', 'content-encoding', 'etag'].includes(name)) rewritten.headers.append(name, value);
	}
	return rewritten;
}
