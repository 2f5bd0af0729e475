import commonPasswords from './data/common-passwords.json';

/** OWASP ASVS 5.0 6.2: length only (12–128), no composition rules, no common passwords. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

const COMMON = new Set<string>(commonPasswords as string[]);

/**
 * Why a new password is refused, or undefined when it is acceptable. A common word with digits or
 * symbols stuck on either end ("dragon123456!") counts as common too: guessing tools try those first.
 */
export function passwordProblem(password: string, context: { email?: string } = {}): string | undefined {
	const length = [...password].length;
	if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
	if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
	const lower = password.toLowerCase();
	const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
	if (COMMON.has(lower) || COMMON.has(lower.replace(/\s+/g, '')) || core.length < 4 || COMMON.has(core)) {
		return 'This password is too common or easy to guess. A few unrelated words make a strong one.';
	}
	if (/^(.)\1+$/.test(lower)) return 'This password is too easy to guess.';
	const local = context.email?.split('@')[0]?.toLowerCase();
	if (local && local.length >= 4 && lower.includes(local)) return 'Do not use your email address in your password.';
	return undefined;
}

export function commonPasswordCount(): number {
	return COMMON.size;
}
