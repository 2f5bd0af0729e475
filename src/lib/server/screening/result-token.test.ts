import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ScreeningInput } from '../../shared/screening/input.schema';
import { RESULT_TOKEN_MAX_AGE_MS, issueResultToken, verifyResultToken } from './result-token';

const SECRET = 'a-test-secret-that-is-at-least-32-characters-long';
const ISSUED = new Date('2026-11-28T14:00:00.000Z');
const answers: ScreeningInput = {
	regions: ['low_back', 'hip_left'],
	concerns: ['sciatica'],
	duration: 'chronic',
	redFlags: [],
	precautions: ['pregnant'],
	preference: 'western'
};
const token = issueResultToken({ answers, rulesetVersion: '1.0.0', issuedAt: ISSUED }, SECRET);
const later = (ms: number) => new Date(ISSUED.getTime() + ms);

/** Re-signs a hand-made payload the way the module does, to test what happens past the signature. */
function signedWith(payload: unknown, secret = SECRET): string {
	const key = createHmac('sha256', secret).update('needlepoint:screening-result-token:v1').digest();
	const body = `v1.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
	return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
}

describe('result token', () => {
	it('round-trips the answers, ruleset version and issue time', () => {
		expect(token).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
		expect(verifyResultToken(token, SECRET, later(60_000))).toEqual({
			valid: true,
			claims: { answers, rulesetVersion: '1.0.0', issuedAt: ISSUED }
		});
	});

	it('round-trips answers with no duration and no preference', () => {
		const skipped: ScreeningInput = { regions: [], concerns: [], duration: null, redFlags: [], precautions: [], preference: 'none' };
		const minimal = issueResultToken({ answers: skipped, rulesetVersion: '1.0.0', issuedAt: ISSUED }, SECRET);
		expect(verifyResultToken(minimal, SECRET, ISSUED)).toEqual({
			valid: true,
			claims: { answers: skipped, rulesetVersion: '1.0.0', issuedAt: ISSUED }
		});
	});

	it('stays valid for exactly 24 hours and expires one millisecond later', () => {
		expect(RESULT_TOKEN_MAX_AGE_MS).toBe(24 * 60 * 60 * 1000);
		expect(verifyResultToken(token, SECRET, later(RESULT_TOKEN_MAX_AGE_MS)).valid).toBe(true);
		expect(verifyResultToken(token, SECRET, later(RESULT_TOKEN_MAX_AGE_MS + 1))).toEqual({ valid: false, reason: 'expired' });
	});

	it('accepts a shorter maximum age when the caller asks for one', () => {
		expect(verifyResultToken(token, SECRET, later(61_000), 60_000)).toEqual({ valid: false, reason: 'expired' });
	});

	it('tolerates a few minutes of clock difference but not a token from the future', () => {
		expect(verifyResultToken(token, SECRET, later(-4 * 60_000)).valid).toBe(true);
		expect(verifyResultToken(token, SECRET, later(-6 * 60_000))).toEqual({ valid: false, reason: 'malformed' });
	});

	it('refuses a token signed with another secret', () => {
		const other = issueResultToken({ answers, rulesetVersion: '1.0.0', issuedAt: ISSUED }, `${SECRET}-other`);
		expect(verifyResultToken(other, SECRET, ISSUED)).toEqual({ valid: false, reason: 'forged' });
	});

	it('refuses a token whose answers were edited (dropping a red flag, say)', () => {
		const [, payload, signature] = token.split('.');
		const decoded = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
		decoded.a.precautions = [];
		const edited = `v1.${Buffer.from(JSON.stringify(decoded)).toString('base64url')}.${signature}`;
		expect(verifyResultToken(edited, SECRET, ISSUED)).toEqual({ valid: false, reason: 'forged' });
	});

	it('refuses a token with a changed signature or issue time', () => {
		const [, payload, signature] = token.split('.');
		const flipped = signature!.startsWith('A') ? `B${signature!.slice(1)}` : `A${signature!.slice(1)}`;
		expect(verifyResultToken(`v1.${payload}.${flipped}`, SECRET, ISSUED)).toEqual({ valid: false, reason: 'forged' });
		const resigned = signedWith({ a: answers, r: '1.0.0', iat: ISSUED.getTime() }, 'guessed-secret');
		expect(verifyResultToken(resigned, SECRET, ISSUED)).toEqual({ valid: false, reason: 'forged' });
	});

	it('refuses a token made with the raw secret instead of the derived key', () => {
		const body = `v1.${Buffer.from(JSON.stringify({ a: answers, r: '1.0.0', iat: ISSUED.getTime() })).toString('base64url')}`;
		const raw = `${body}.${createHmac('sha256', SECRET).update(body).digest('base64url')}`;
		expect(verifyResultToken(raw, SECRET, ISSUED)).toEqual({ valid: false, reason: 'forged' });
	});

	it.each([
		['not a string', 42],
		['undefined', undefined],
		['empty', ''],
		['another version', token.replace(/^v1\./, 'v2.')],
		['missing signature', token.slice(0, token.lastIndexOf('.'))],
		['spaces', ` ${token}`],
		['far too long', `v1.${'A'.repeat(10_000)}.${'A'.repeat(43)}`]
	])('refuses a malformed token (%s)', (_name, value) => {
		expect(verifyResultToken(value, SECRET, ISSUED)).toEqual({ valid: false, reason: 'malformed' });
	});

	it('refuses a correctly signed payload that is not a valid result', () => {
		const cases = [
			'just text',
			{ a: answers, r: 1, iat: ISSUED.getTime() },
			{ a: answers, r: '1.0.0', iat: 'yesterday' },
			{ a: { ...answers, redFlags: ['made_up_flag'] }, r: '1.0.0', iat: ISSUED.getTime() },
			{ r: '1.0.0', iat: ISSUED.getTime() }
		];
		for (const payload of cases) {
			expect(verifyResultToken(signedWith(payload), SECRET, ISSUED), JSON.stringify(payload)).toEqual({
				valid: false,
				reason: 'malformed'
			});
		}
		expect(verifyResultToken(signedWith({ a: answers, r: '1.0.0', iat: ISSUED.getTime() }), SECRET, ISSUED).valid).toBe(true);
	});
});
