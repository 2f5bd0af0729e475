/**
 * The page a staff member asked for before signing in, carried through sign-in and the second
 * factor as `?next=`. Only a same-origin path inside /staff survives: no other site, no scheme,
 * no `//` or backslash, no walking out with `..`, no sign-in pages (a loop). It carries nothing the
 * original URL did not.
 */
const SIGN_IN = '/staff/sign-in';
const HOME = '/staff';
const MAX_LENGTH = 1024;
const PROBE_ORIGIN = 'http://return-to.invalid';

export function safeReturnPath(value: string | null | undefined): string | undefined {
	if (!value || value.length > MAX_LENGTH) return undefined;
	if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return undefined;
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f]/.test(value)) return undefined;
	let url: URL;
	try {
		url = new URL(value, PROBE_ORIGIN);
	} catch {
		return undefined;
	}
	if (url.origin !== PROBE_ORIGIN) return undefined;
	const path = url.pathname;
	if (path !== HOME && !path.startsWith(`${HOME}/`)) return undefined;
	if (path === SIGN_IN || path.startsWith(`${SIGN_IN}/`) || path === '/staff/sign-out') return undefined;
	return path + url.search;
}

/**
 * Where a staff URL without a session goes: sign-in, with the page to come back to and, when the
 * browser still held a session that has ended, a word saying so. A form post comes back to its
 * page, not to its action.
 */
export function signInLocation(target: URL, method: string, ended: boolean): string {
	const params = new URLSearchParams();
	if (ended) params.set('ended', '1');
	const back = safeReturnPath(method === 'GET' || method === 'HEAD' ? target.pathname + target.search : target.pathname);
	if (back && back !== HOME) params.set('next', back);
	const query = params.toString();
	return query ? `${SIGN_IN}?${query}` : SIGN_IN;
}

/** The next address after a sign-in step: the remembered page, or the step with the page kept. */
export function afterSignIn(step: string, next: string | undefined): string {
	if (step === HOME) return next ?? HOME;
	return next ? `${step}?${new URLSearchParams({ next })}` : step;
}
