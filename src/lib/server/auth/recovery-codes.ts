import { createHash, randomInt } from 'node:crypto';

/** Ten single-use codes of 10 characters (about 50 bits each) from an alphabet without look-alikes. */
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function newRecoveryCodes(): string[] {
	return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
		const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
		return `${chars.slice(0, 5)}-${chars.slice(5)}`;
	});
}

export function normalizeRecoveryCode(code: string): string {
	return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function looksLikeRecoveryCode(code: string): boolean {
	return normalizeRecoveryCode(code).length === 10;
}

/** Codes carry enough randomness that a fast hash is enough; only the hash is stored. */
export function hashRecoveryCode(code: string): string {
	return createHash('sha256').update(normalizeRecoveryCode(code)).digest('hex');
}
