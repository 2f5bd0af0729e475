import { describe, expect, it } from 'vitest';
import { checkFormToken, issueFormToken } from './form-token';
import { contentFingerprint, hashClientAddress } from './keyed-hash';

const SECRET = 'a test secret that is long enough to use';
const T0 = new Date('2026-11-27T15:00:00Z');
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describe('form tokens', () => {
	it('accepts a token after the minimum time on the page and before it expires', () => {
		const token = issueFormToken(SECRET, T0);
		expect(checkFormToken(SECRET, token, later(1))).toBe('too_fast');
		expect(checkFormToken(SECRET, token, later(5))).toBe('ok');
		expect(checkFormToken(SECRET, token, later(73 * 3600))).toBe('expired');
	});

	it('refuses forged, altered, foreign and missing tokens', () => {
		const token = issueFormToken(SECRET, T0);
		const [time, mac] = token.split('.');
		expect(checkFormToken(SECRET, `${Number(time) - 60_000}.${mac}`, later(5))).toBe('invalid');
		expect(checkFormToken('another secret of enough length, 32+', token, later(5))).toBe('invalid');
		for (const bad of [undefined, '', 'x', `${time}.`, '1.2.3', `${time}.${'z'.repeat(32)}`]) {
			expect(checkFormToken(SECRET, bad, later(5))).toBe('invalid');
		}
	});
});

describe('keyed hashes', () => {
	it('never contain the address and differ per secret', () => {
		const hash = hashClientAddress(SECRET, '203.0.113.9');
		expect(hash).toMatch(/^[0-9a-f]{32}$/);
		expect(hash).not.toContain('203');
		expect(hashClientAddress('a different secret, also long enough', '203.0.113.9')).not.toBe(hash);
	});

	it('treat case, spacing and punctuation changes as the same content', () => {
		expect(contentFingerprint(SECRET, 'Great  article!')).toBe(contentFingerprint(SECRET, 'great article'));
		expect(contentFingerprint(SECRET, 'Great article')).not.toBe(contentFingerprint(SECRET, 'Good article'));
	});
});

describe('currentFormToken', () => {
	it('is one token per second, dated at the start of that second', async () => {
		const { currentFormToken } = await import('./form-token');
		const a = currentFormToken(SECRET, new Date('2026-11-27T15:00:00.100Z'));
		expect(currentFormToken(SECRET, new Date('2026-11-27T15:00:00.900Z'))).toBe(a);
		expect(currentFormToken(SECRET, new Date('2026-11-27T15:00:01.000Z'))).not.toBe(a);
		expect(checkFormToken(SECRET, a, new Date('2026-11-27T15:00:03.000Z'))).toBe('ok');
	});
});
