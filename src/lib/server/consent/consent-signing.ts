import { z } from 'zod';
import type { FieldErrors } from '../errors';
import { GUARDIAN_RELATIONSHIPS } from '../../shared/consent';
import { addDays } from '../scheduling/zoned-time';

/**
 * The rules a typed signature must meet, separate from storage so they can be read (and tested)
 * in one place. The signing form posts: fullName, agree ("yes"), date (YYYY-MM-DD), signer
 * ("patient" | "guardian"), relationship (guardians), and the version and hash it showed.
 */

export const MAX_NAME_LENGTH = 120;

export const signingForm = z.object({
	fullName: z.string().default(''),
	agree: z.string().optional(),
	date: z.string().default(''),
	signer: z.string().default('patient'),
	relationship: z.string().default(''),
	version: z.string().default(''),
	hash: z.string().default('')
});
export type SigningForm = z.output<typeof signingForm>;

/** Lower case, accents and apostrophes dropped, other punctuation as spaces, single spaces. */
export function normalizeName(name: string): string {
	return name
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/['’‘`]/g, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/**
 * A patient's typed name matches the record when, after normalizeName, it starts with the first
 * name and ends with the last name on file (middle names in between are fine): "Grace O’Hara"
 * on file accepts "grace ohara" and "Grace Anne O'Hara", not "G. O'Hara" or "Grace".
 */
export function nameMatches(typed: string, first: string, last: string): boolean {
	const t = normalizeName(typed);
	const f = normalizeName(first);
	const l = normalizeName(last);
	if (!f || !l) return false;
	return t === `${f} ${l}` || (t.startsWith(`${f} `) && t.endsWith(` ${l}`) && t.length > f.length + l.length + 1);
}

export type SignerContext = {
	patient: { firstName: string; lastName: string };
	/** Under 18 today in the clinic's zone. */
	minor: boolean;
	/** Today in the clinic's zone. */
	today: string;
	document: { version: number; hash: string };
};

export type CheckedSignature = {
	signerName: string;
	signerRole: 'patient' | 'guardian';
	guardianRelationship: string | null;
	signedOn: string;
};

export type SignatureCheck = { ok: true; value: CheckedSignature } | { ok: false; errors: FieldErrors; stale: boolean };

/** Checks one posted signature; every problem is reported at once, per field. */
export function checkSignature(form: SigningForm, context: SignerContext): SignatureCheck {
	const errors: FieldErrors = {};
	const name = form.fullName.replace(/\s+/g, ' ').trim();
	const role = form.signer === 'guardian' ? 'guardian' : form.signer === 'patient' ? 'patient' : undefined;
	if (!role) errors.signer = 'Choose who is signing.';
	else if (role === 'patient' && context.minor) errors.signer = 'The patient is under 18: a parent or guardian must sign.';

	if (name === '') errors.fullName = 'Type your full name to sign.';
	else if (name.length > MAX_NAME_LENGTH) errors.fullName = `Type at most ${MAX_NAME_LENGTH} characters.`;
	else if (/[<>{}\\/\p{Cc}]/u.test(name)) errors.fullName = 'Type your name in letters only (no <, >, {, }, slashes or control characters).';
	else if (normalizeName(name).split(' ').length < 2) errors.fullName = 'Type your first and last name.';
	else if (role === 'patient' && !nameMatches(name, context.patient.firstName, context.patient.lastName)) {
		errors.fullName = `Type the patient’s full name as the clinic has it: first name ${context.patient.firstName}, last name ${context.patient.lastName}.`;
	} else if (role === 'guardian' && nameMatches(name, context.patient.firstName, context.patient.lastName)) {
		errors.fullName = 'Type your own name (the parent or guardian), not the patient’s.';
	}

	const relationship = form.relationship.trim();
	if (role === 'guardian' && !(GUARDIAN_RELATIONSHIPS as readonly string[]).includes(relationship)) {
		errors.relationship = 'Choose how you are related to the patient.';
	}

	if (form.agree !== 'yes' && form.agree !== 'on') errors.agree = 'Tick “I agree” to sign.';

	// The typed date must be today's: in the clinic's zone, or one day either side for someone
	// signing from a different time zone.
	const allowed = [addDays(context.today, -1), context.today, addDays(context.today, 1)];
	if (!/^\d{4}-\d{2}-\d{2}$/.test(form.date)) errors.date = 'Enter today’s date (YYYY-MM-DD).';
	else if (!allowed.includes(form.date)) errors.date = `Enter today’s date, ${context.today}.`;

	const stale = form.version !== String(context.document.version) || form.hash !== context.document.hash;
	if (stale) errors.document = 'The clinic has published a new version of this document since this page was opened. Please read it below and sign again.';

	if (Object.keys(errors).length > 0 || !role) return { ok: false, errors, stale };
	return { ok: true, value: { signerName: name, signerRole: role, guardianRelationship: role === 'guardian' ? relationship : null, signedOn: form.date } };
}
