/**
 * Headers every response carries. The Content-Security-Policy itself comes from SvelteKit's csp
 * config (svelte.config.js), which adds nonces for its own scripts.
 */
export function setSecurityHeaders(headers: Headers, staffPath: boolean, https: boolean): void {
	headers.set('x-content-type-options', 'nosniff');
	headers.set('referrer-policy', 'strict-origin-when-cross-origin');
	headers.set('x-frame-options', 'DENY');
	headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
	headers.set('cross-origin-opener-policy', 'same-origin');
	if (https) headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
	// Staff pages hold patient data: never kept by the browser or a shared cache.
	if (staffPath) headers.set('cache-control', 'no-store');
}
