import type { Cookies } from '@sveltejs/kit';
import type { Config } from './config';

/** `__Host-` binds the cookie to this exact origin; browsers accept it only with Secure. */
export function sessionCookieName(config: Config): string {
	return config.secureCookies ? '__Host-np_session' : 'np_session';
}

export function readSessionCookie(cookies: Cookies, config: Config): string | undefined {
	return cookies.get(sessionCookieName(config));
}

export function writeSessionCookie(cookies: Cookies, config: Config, token: string, expiresAt: Date): void {
	cookies.set(sessionCookieName(config), token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: config.secureCookies,
		expires: expiresAt
	});
}

export function clearSessionCookie(cookies: Cookies, config: Config): void {
	cookies.delete(sessionCookieName(config), { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies });
}
