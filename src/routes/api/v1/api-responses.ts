import { problem } from '$lib/server/http';

/** Problem responses the API routes share, beyond the domain errors http.ts maps. */

export const NO_STORE = { 'cache-control': 'no-store' } as const;

export function methodNotAllowed(allowed: readonly string[]): Response {
	const response = problem(405, 'Method Not Allowed', {
		detail: `Use ${allowed.join(' or ')} here. See /api/v1/openapi.json for every endpoint.`
	});
	response.headers.set('allow', allowed.join(', '));
	return response;
}

export function noSuchEndpoint(): Response {
	return problem(404, 'Not Found', { detail: 'There is no API endpoint at this address. See /api/v1/openapi.json.' });
}
