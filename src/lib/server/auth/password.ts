import { hash, verify, type Algorithm } from '@node-rs/argon2';

/** `Algorithm.Argon2id`; the enum is ambient const, which isolated modules cannot read. */
const ARGON2ID = 2 as Algorithm.Argon2id;

/** OWASP's minimum argon2id profile (19 MiB, 2 passes, 1 lane). */
export const PASSWORD_HASH_OPTIONS = {
	algorithm: ARGON2ID,
	memoryCost: 19_456,
	timeCost: 2,
	parallelism: 1
} as const;

export function hashPassword(password: string): Promise<string> {
	return hash(password, PASSWORD_HASH_OPTIONS);
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
	try {
		return await verify(storedHash, password);
	} catch {
		return false;
	}
}

/** True when a stored hash was made with weaker settings than today's; it is replaced at sign-in. */
export function needsRehash(storedHash: string): boolean {
	const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(storedHash);
	if (!match) return true;
	const [, m, t, p] = match.map(Number) as [number, number, number, number];
	return m < PASSWORD_HASH_OPTIONS.memoryCost || t < PASSWORD_HASH_OPTIONS.timeCost || p !== PASSWORD_HASH_OPTIONS.parallelism;
}

let decoyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real check when the email is unknown, so response timing does not
 * tell an attacker which addresses have accounts.
 */
export async function verifyAgainstDecoy(password: string): Promise<false> {
	decoyHash ??= hashPassword('decoy password that no account has');
	await verifyPassword(await decoyHash, password);
	return false;
}
