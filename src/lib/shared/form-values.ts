import { z } from 'zod';

/**
 * Helpers for schemas fed from HTML forms, where every value arrives as a string and an unticked
 * checkbox arrives as nothing.
 */
export const trimmed = (max: number, label = 'This field') =>
	z
		.string({ error: `${label} is required.` })
		.trim()
		.max(max, `${label} must be at most ${max} characters.`);

export const requiredText = (max: number, label = 'This field') =>
	trimmed(max, label).min(1, `${label} is required.`);

export const checkbox = z
	.union([z.literal('on'), z.literal('true'), z.literal('1'), z.boolean()], { error: 'Tick the box or leave it empty.' })
	.optional()
	.transform((value) => value === true || value === 'on' || value === 'true' || value === '1');

const blankToUndefined = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value;

export const numberInRange = (label: string, min: number, max: number) =>
	z.coerce
		.number({ error: `${label} must be a number.` })
		.refine(Number.isFinite, `${label} must be a number.`)
		.int(`${label} must be a whole number.`)
		.min(min, `${label} must be at least ${min}.`)
		.max(max, `${label} must be at most ${max}.`);

/** A required whole number; an empty field says "required" rather than silently becoming 0. */
export const wholeNumber = (label: string, min: number, max: number) =>
	z.preprocess(
		blankToUndefined,
		z.custom<unknown>((value) => value !== undefined, `${label} is required.`).pipe(numberInRange(label, min, max))
	);

/** Any field that may be left empty: blank becomes undefined before `schema` sees it. */
export const blankAsMissing = <S extends z.ZodType>(schema: S) => z.preprocess(blankToUndefined, schema.optional());

/** A whole number that may be left empty, meaning `fallback`. */
export const optionalWholeNumber = (label: string, min: number, max: number, fallback: number) =>
	z.preprocess((value) => blankToUndefined(value) ?? fallback, numberInRange(label, min, max));

/** A calendar date typed as YYYY-MM-DD (what <input type="date"> sends), checked for existence. */
export const calendarDate = (label: string) =>
	z
		.string()
		.trim()
		.regex(/^\d{4}-\d{2}-\d{2}$/, `${label} must be a date (YYYY-MM-DD).`)
		.refine((value) => {
			const [y, m, d] = value.split('-').map(Number) as [number, number, number];
			const date = new Date(Date.UTC(y, m - 1, d));
			return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
		}, `${label} is not a real date.`);

export const emailAddress = z
	.string({ error: 'Email is required.' })
	.trim()
	.toLowerCase()
	.max(254, 'Email must be at most 254 characters.')
	.pipe(z.email('Enter a valid email address, like name@example.com.'));

export const phoneNumber = z
	.string({ error: 'Phone is required.' })
	.trim()
	.max(40, 'Phone must be at most 40 characters.')
	.regex(/^\+?[0-9 ().-]{7,}$/, 'Enter a phone number, like (617) 555-0100.');

/** "Price" typed in dollars ("95", "95.5", "95.50") → integer cents. */
export const priceInCents = z
	.string({ error: 'Price is required.' })
	.trim()
	.regex(/^\d{1,6}(\.\d{1,2})?$/, 'Price must be an amount in dollars, like 95 or 95.50.')
	.transform((value) => Math.round(Number(value) * 100));

/** The first message for each field, the shape forms display next to inputs. */
export type FieldMessages = Record<string, string>;

export function firstMessages(error: z.ZodError): FieldMessages {
	const messages: FieldMessages = {};
	for (const issue of error.issues) {
		// An element of a list of values (credentials.2) is reported on the list itself.
		const path = typeof issue.path.at(-1) === 'number' ? issue.path.slice(0, -1) : issue.path;
		const key = path.map(String).join('.') || 'form';
		messages[key] ??= issue.message;
	}
	return messages;
}
