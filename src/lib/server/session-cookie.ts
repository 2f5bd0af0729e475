import type { Cookies } from '@sveltejs/kit';
import type { Config } from './config';

/** `__Host-` binds the cookie to this exact origin; browsers accept it only with Secure. */
export function sessionCookieName(config: Config): string {
	return config.secureCookies ? '__Host-np_session' : 'np_session';
}

export function readSessionCookie(cookies: Cookies, config: Config): string | undefined {
	return cookies.get(sessionCookieName(config));
}

/**
 * The browser keeps the cookie this long after the session's own end, so that a visit after the
 * 12 hours can be told "your session ended" rather than shown a bare sign-in page. The server
 * refuses the token by then; it opens nothing.
 */
const ENDED_NOTICE_MS = 12 * 3_600_000;

export function writeSessionCookie(cookies: Cookies, config: Config, token: string, expiresAt: Date): void {
	cookies.set(sessionCookieName(config), token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: config.secureCookies,
		expires: new Date(expiresAt.getTime() + ENDED_NOTICE_MS)
	});
}

export function clearSessionCookie(cookies: Cookies, config: Config): void {
	cookies.delete(sessionCookieName(config), { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies });
}
