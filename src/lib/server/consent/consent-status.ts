import { AGE_OF_CONSENT, type ConsentStatus } from '../../shared/consent';

/**
 * The pure rule behind consentStatus(): given what is on file, may we treat with this modality
 * at `at`? Every input is explicit (no clock, no zone lookups), so the table of cases in
 * consent-status.test.ts covers it without a database.
 */
export type SignatureFact = {
	version: number;
	signedAt: Date;
	signerRole: 'patient' | 'guardian';
	/** The signer's own date of signing in the clinic's zone, 'YYYY-MM-DD'. */
	signedOnLocal: string;
	withdrawnAt: Date | null;
};

export type StatusInput = {
	/** The latest signature made at or before `at`, if any. */
	signature: SignatureFact | undefined;
	/** The newest version published at or before `at` (0 when none is published). */
	latestVersion: number;
	/** Clinic setting: a newer version needs signing again. */
	resignOnNewVersion: boolean;
	patientDateOfBirth: string;
	/** `at` as a calendar date in the clinic's zone. */
	localDate: string;
	at: Date;
};

export function decideConsentStatus(input: StatusInput): ConsentStatus {
	const { signature } = input;
	if (!signature || signature.signedAt.getTime() > input.at.getTime()) return 'missing';
	if (signature.withdrawnAt && signature.withdrawnAt.getTime() <= input.at.getTime()) return 'withdrawn';
	// A minor's own signature never counted (the signing service refuses it; this guards against a
	// date of birth corrected after signing).
	if (signature.signerRole === 'patient' && ageOn(input.patientDateOfBirth, signature.signedOnLocal) < AGE_OF_CONSENT) return 'missing';
	// A parent's consent ends when the patient comes of age: from then on they consent themselves.
	if (signature.signerRole === 'guardian' && ageOn(input.patientDateOfBirth, input.localDate) >= AGE_OF_CONSENT) return 'outdated';
	if (input.resignOnNewVersion && signature.version < input.latestVersion) return 'outdated';
	return 'valid';
}

/**
 * Whole years between a date of birth and a calendar date, both 'YYYY-MM-DD'. Someone born on
 * 29 February turns a year older on 1 March in common years.
 */
export function ageOn(dateOfBirth: string, date: string): number {
	const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	let age = y - by;
	if (m < bm || (m === bm && d < bd)) age--;
	return age;
}
