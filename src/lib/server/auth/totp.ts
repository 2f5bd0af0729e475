import * as OTPAuth from 'otpauth';

/** RFC 6238 TOTP as authenticator apps expect it: SHA-1, 6 digits, 30-second steps. */
export const TOTP_PERIOD_SECONDS = 30;
/** One step either side accepted, for clocks that drift a little. */
export const TOTP_DRIFT_STEPS = 1;

export function newTotpSecret(): string {
	return new OTPAuth.Secret({ size: 20 }).base32;
}

function totpFor(secretBase32: string, label = 'staff', issuer = 'Needlepoint'): OTPAuth.TOTP {
	return new OTPAuth.TOTP({
		issuer,
		label,
		algorithm: 'SHA1',
		digits: 6,
		period: TOTP_PERIOD_SECONDS,
		secret: OTPAuth.Secret.fromBase32(secretBase32)
	});
}

export function otpauthUri(secretBase32: string, label: string, issuer: string): string {
	return totpFor(secretBase32, label, issuer).toString();
}

export function totpCode(secretBase32: string, atMs: number): string {
	return totpFor(secretBase32).generate({ timestamp: atMs });
}

/**
 * The time step a code belongs to, or null when it matches none within the drift window. The
 * caller refuses a step at or before the last one used, so a code works only once.
 */
export function matchTotpStep(secretBase32: string, code: string, nowMs: number): number | null {
	const token = code.replace(/\s+/g, '');
	if (!/^\d{6}$/.test(token)) return null;
	const delta = totpFor(secretBase32).validate({ token, timestamp: nowMs, window: TOTP_DRIFT_STEPS });
	if (delta === null) return null;
	return Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS) + delta;
}

/** "JBSW Y3DP EHPK 3PXP" groups for typing the key by hand. */
export function groupedKey(secretBase32: string): string {
	return secretBase32.replace(/(.{4})/g, '$1 ').trim();
}
