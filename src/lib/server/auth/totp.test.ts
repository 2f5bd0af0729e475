import { describe, expect, it } from 'vitest';
import { open, seal } from './secret-box';
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { matchTotpStep, newTotpSecret, otpauthUri, totpCode, TOTP_PERIOD_SECONDS } from './totp';

const SECRET = 'a'.repeat(40);
const T0 = Date.UTC(2026, 10, 27, 15, 0, 0);
const STEP = TOTP_PERIOD_SECONDS * 1000;

describe('TOTP (RFC 6238)', () => {
	it('matches the RFC 6238 SHA-1 test vector', () => {
		// RFC 6238 appendix B: ASCII "12345678901234567890" at T = 59 s gives 94287082 (8 digits);
		// the 6-digit form is its last six digits.
		const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
		expect(totpCode(rfcSecret, 59_000)).toBe('287082');
		expect(matchTotpStep(rfcSecret, '287082', 59_000)).toBe(1);
	});

	it('accepts the current code and one step of drift either side, nothing further', () => {
		const secret = newTotpSecret();
		const step = Math.floor(T0 / STEP);
		expect(matchTotpStep(secret, totpCode(secret, T0), T0)).toBe(step);
		expect(matchTotpStep(secret, totpCode(secret, T0 - STEP), T0)).toBe(step - 1);
		expect(matchTotpStep(secret, totpCode(secret, T0 + STEP), T0)).toBe(step + 1);
		expect(matchTotpStep(secret, totpCode(secret, T0 - 2 * STEP), T0)).toBeNull();
		expect(matchTotpStep(secret, totpCode(secret, T0 + 2 * STEP), T0)).toBeNull();
	});

	it('ignores spaces and refuses anything that is not six digits', () => {
		const secret = newTotpSecret();
		const code = totpCode(secret, T0);
		expect(matchTotpStep(secret, `${code.slice(0, 3)} ${code.slice(3)}`, T0)).not.toBeNull();
		for (const bad of ['', '12345', '1234567', 'abcdef', "' or 1=1"]) expect(matchTotpStep(secret, bad, T0)).toBeNull();
	});

	it('builds an otpauth URI for QR codes', () => {
		expect(otpauthUri('JBSWY3DPEHPK3PXP', 'admin@clinic.example', 'Boston Spine')).toMatch(
			/^otpauth:\/\/totp\/Boston%20Spine:admin%40clinic\.example\?issuer=Boston%20Spine&secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30$/
		);
	});
});

describe('secret box', () => {
	it('round-trips and refuses tampering or another key', () => {
		const sealed = seal(SECRET, 'mfa', 'JBSWY3DPEHPK3PXP');
		expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
		expect(open(SECRET, 'mfa', sealed)).toBe('JBSWY3DPEHPK3PXP');
		expect(open('b'.repeat(40), 'mfa', sealed)).toBeUndefined();
		expect(open(SECRET, 'other purpose', sealed)).toBeUndefined();
		const parts = sealed.split('.');
		parts[2] = parts[2]!.slice(0, -2) + (parts[2]!.endsWith('AA') ? 'BB' : 'AA');
		expect(open(SECRET, 'mfa', parts.join('.'))).toBeUndefined();
		expect(open(SECRET, 'mfa', 'garbage')).toBeUndefined();
	});
});

describe('recovery codes', () => {
	it('makes ten distinct codes whose hashes ignore case and dashes', () => {
		const codes = newRecoveryCodes();
		expect(new Set(codes).size).toBe(10);
		for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
		expect(hashRecoveryCode(codes[0]!.toUpperCase().replace('-', ' '))).toBe(hashRecoveryCode(codes[0]!));
		expect(looksLikeRecoveryCode('abcde-fghjk')).toBe(true);
		expect(looksLikeRecoveryCode('123456')).toBe(false);
	});
});
