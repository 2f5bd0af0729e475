/**
 * Professional credentials a staff member can hold and a service can require: the one list of
 * codes, names and abbreviations. Codes are for storage and the API; people see the abbreviation
 * (after a name) or "name (abbreviation)" (when choosing). The database has the same codes and
 * names in its `credential` table (a foreign key refuses any other code); a test keeps them equal.
 */
export const CREDENTIALS = [
	{ code: 'DPT', label: 'Doctor of Physical Therapy', abbreviation: 'DPT' },
	{ code: 'PT', label: 'Physical Therapist', abbreviation: 'PT' },
	{ code: 'PTA', label: 'Physical Therapist Assistant', abbreviation: 'PTA' },
	{ code: 'DC', label: 'Doctor of Chiropractic', abbreviation: 'DC' },
	{ code: 'LAc', label: 'Licensed Acupuncturist', abbreviation: 'L.Ac.' },
	{ code: 'DiplOM', label: 'Diplomate of Oriental Medicine', abbreviation: 'Dipl. O.M.' },
	{ code: 'MD', label: 'Doctor of Medicine', abbreviation: 'MD' },
	{ code: 'DO', label: 'Doctor of Osteopathic Medicine', abbreviation: 'DO' },
	{ code: 'NP', label: 'Nurse Practitioner', abbreviation: 'NP' },
	{ code: 'PA', label: 'Physician Assistant', abbreviation: 'PA' },
	{ code: 'ATC', label: 'Certified Athletic Trainer', abbreviation: 'ATC' },
	{ code: 'LMT', label: 'Licensed Massage Therapist', abbreviation: 'LMT' }
] as const;

export type CredentialCode = (typeof CREDENTIALS)[number]['code'];

export const CREDENTIAL_CODES = CREDENTIALS.map((c) => c.code) as [CredentialCode, ...CredentialCode[]];

export function credentialAbbreviation(code: string): string {
	return CREDENTIALS.find((c) => c.code === code)?.abbreviation ?? code;
}

/** "L.Ac., Dipl. O.M." for a person's codes, in the order given. */
export function credentialList(codes: readonly string[]): string {
	return codes.map(credentialAbbreviation).join(', ');
}

/** Choices for a form: every credential as "Licensed Acupuncturist (L.Ac.)". */
export const CREDENTIAL_OPTIONS = CREDENTIALS.map((c) => ({ value: c.code, label: `${c.label} (${c.abbreviation})` }));
