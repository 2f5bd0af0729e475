import { z } from 'zod';
import { calendarDate, emailAddress, phoneNumber, requiredText, trimmed } from './form-values';

/**
 * What a patient types when booking, shared by the booking form and the JSON API so both give
 * the same messages. The date of birth is checked against "today" by the service (it needs the
 * clock); here it only has to be a real date.
 */
export const patientDetailsSchema = z.object({
	firstName: requiredText(100, 'First name'),
	lastName: requiredText(100, 'Last name'),
	email: emailAddress,
	phone: phoneNumber,
	dateOfBirth: calendarDate('Date of birth')
});
export type PatientDetailsInput = z.output<typeof patientDetailsSchema>;

export const NOTE_MAX = 1000;
export const bookingNote = trimmed(NOTE_MAX, 'Note').optional().default('');

/** A service slug as it appears in links and the API. */
export const serviceSlug = z
	.string({ error: 'Choose a service.' })
	.max(80, 'Choose a service from the list.')
	.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Choose a service from the list.');

/** A provider id, or "any" for the first available qualified provider. */
export const providerChoice = z
	.string({ error: 'Choose a provider, or "first available".' })
	.min(1, 'Choose a provider, or "first available".')
	.max(100, 'Choose a provider from the list.');

/** Nobody booking was born before this day; an earlier date is a typing slip in the year. */
export const EARLIEST_BIRTH_DATE = '1900-01-01';

/**
 * What is wrong with a date of birth given "today" in the clinic's zone (both YYYY-MM-DD), or
 * null. Shared by the booking page, which says it at the field, and the booking service.
 */
export function dateOfBirthProblem(dateOfBirth: string, today: string): string | null {
	if (dateOfBirth > today) return 'Date of birth cannot be in the future.';
	if (dateOfBirth < EARLIEST_BIRTH_DATE) return 'Check the year of your date of birth.';
	return null;
}
