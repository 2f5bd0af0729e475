import { describe, expect, it } from 'vitest';
import { afterSignIn, safeReturnPath, signInLocation } from './return-to';

describe('safeReturnPath', () => {
	it('keeps a staff page with its query', () => {
		expect(safeReturnPath('/staff/patients/abc')).toBe('/staff/patients/abc');
		expect(safeReturnPath('/staff/calendar?day=2026-12-02&view=week')).toBe('/staff/calendar?day=2026-12-02&view=week');
		expect(safeReturnPath('/staff')).toBe('/staff');
	});

	it.each([
		['another site', 'https://evil.example/staff/x'],
		['a protocol-relative URL', '//evil.example/staff/x'],
		['a backslash', '/\\evil.example'],
		['a backslash later', '/staff\\..\\..\\evil'],
		['a scheme', 'javascript:alert(1)'],
		['a data URL', 'data:text/html,hi'],
		['a relative path', 'staff/patients'],
		['a public page', '/about'],
		['a look-alike prefix', '/staffing/x'],
		['a walk out of /staff', '/staff/../evil'],
		['an encoded walk out of /staff', '/staff/%2e%2e/evil'],
		['a control character', '/staff/x\r\nSet-Cookie: a=b'],
		['a tab', '/staff/\tx'],
		['sign-in itself (a loop)', '/staff/sign-in?next=/staff'],
		['an MFA step', '/staff/sign-in/verify'],
		['sign-out', '/staff/sign-out'],
		['an empty value', ''],
		['something too long', `/staff/${'a'.repeat(2000)}`]
	])('refuses %s', (_, value) => {
		expect(safeReturnPath(value)).toBeUndefined();
	});

	it('refuses nothing at all', () => {
		expect(safeReturnPath(null)).toBeUndefined();
		expect(safeReturnPath(undefined)).toBeUndefined();
	});
});

describe('signInLocation', () => {
	const at = (path: string) => new URL(path, 'http://clinic.example');

	it('remembers the page asked for, and says when a session ended', () => {
		expect(signInLocation(at('/staff/patients/p1?tab=visits'), 'GET', false)).toBe('/staff/sign-in?next=%2Fstaff%2Fpatients%2Fp1%3Ftab%3Dvisits');
		expect(signInLocation(at('/staff/patients/p1'), 'GET', true)).toBe('/staff/sign-in?ended=1&next=%2Fstaff%2Fpatients%2Fp1');
	});

	it('returns a form post to its page, not to its action', () => {
		expect(signInLocation(at('/staff/patients/p1?/merge'), 'POST', false)).toBe('/staff/sign-in?next=%2Fstaff%2Fpatients%2Fp1');
	});

	it('adds nothing for the staff home', () => {
		expect(signInLocation(at('/staff'), 'GET', false)).toBe('/staff/sign-in');
		expect(signInLocation(at('/staff'), 'GET', true)).toBe('/staff/sign-in?ended=1');
	});
});

describe('afterSignIn', () => {
	it('goes to the remembered page, through the second-factor step when there is one', () => {
		expect(afterSignIn('/staff', '/staff/patients/p1')).toBe('/staff/patients/p1');
		expect(afterSignIn('/staff', undefined)).toBe('/staff');
		expect(afterSignIn('/staff/sign-in/verify', '/staff/patients/p1')).toBe('/staff/sign-in/verify?next=%2Fstaff%2Fpatients%2Fp1');
		expect(afterSignIn('/staff/sign-in/setup-mfa', undefined)).toBe('/staff/sign-in/setup-mfa');
	});
});
