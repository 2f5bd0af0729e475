import { z } from 'zod';
import { CONCERNS, DURATIONS, PRECAUTIONS, PREFERENCES, RED_FLAGS } from './codes';
import { REGIONS } from './regions';
import { plainTypeMessage } from '../zod-messages';

/**
 * The answers to the self-assessment, as the API and the form send them:
 *   {"regions":[],"concerns":[],"duration":"","redFlags":[],"precautions":[],"preference":""}
 *
 * Decisions, so API clients and the form behave the same:
 * - Every field may be left out. A missing list means "none of these" ([]).
 * - preference: missing or "" means "none" (no preference).
 * - duration: missing or "" means "not answered" (null). Duration is asked to help the clinician;
 *   the current rules do not use it, so an unanswered duration must not block a result.
 * - null is refused everywhere. It is ambiguous (unknown? none?) and the form never sends it;
 *   clients leave a field out or send [] / "" instead.
 * - A code listed twice is refused, not silently de-duplicated: a repeated answer usually means a
 *   client bug, and we would rather say so than guess.
 * - Unknown fields are refused, each named, so a misspelt "redflags" is not silently ignored —
 *   that would drop safety answers.
 */

/** More answers than this in one list can only be a broken client; stop before scanning it. */
const MAX_LIST_LENGTH = 100;
/** How many bad values one message quotes, so a huge bad list does not make a huge message. */
const MAX_QUOTED = 5;

/** Quotes a value the client sent, shortened and escaped, for use inside a message. */
function quote(value: unknown): string {
	// Lists and objects are named, not printed: String() on a deeply nested list recurses until the
	// stack runs out, and a 16 KB body can nest 8,000 levels deep.
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object' && value !== null) return 'an object';
	const text = typeof value === 'string' ? value : String(value);
	return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

function quoteAll(values: readonly unknown[]): string {
	const shown = values.slice(0, MAX_QUOTED).map(quote).join(', ');
	return values.length > MAX_QUOTED ? `${shown} and ${values.length - MAX_QUOTED} more` : shown;
}

/**
 * A list of answer codes from `codes`. Any problems in the list become ONE message on the field
 * itself, because the form shows one message per question.
 */
function codeList<const C extends readonly [string, ...string[]]>(codes: C, field: string, noun: string) {
	const known: ReadonlySet<unknown> = new Set(codes);
	return z
		.array(z.unknown(), {
			error: (issue) =>
				issue.input === null
					? `${field} cannot be null. Leave it out or send an empty list [] if none apply.`
					: `${field} must be a list of ${noun} codes, like ["${codes[0]}"].`
		})
		.superRefine((items, ctx) => {
			if (items.length > MAX_LIST_LENGTH) {
				ctx.addIssue({ code: 'custom', message: `${field} has too many answers.` });
				return;
			}
			const problems: string[] = [];
			const notText = items.filter((item) => typeof item !== 'string');
			if (notText.length > 0) {
				problems.push(`Each ${noun} must be a code written as text; got ${quoteAll(notText)}.`);
			}
			const unknown = items.filter((item) => typeof item === 'string' && !known.has(item));
			if (unknown.length > 0) {
				const many = unknown.length > 1;
				problems.push(
					`${quoteAll(unknown)} ${many ? 'are not' : 'is not a'} known ${noun} code${many ? 's' : ''}.`
				);
			}
			const seen = new Set<unknown>();
			const repeated = new Set<unknown>();
			for (const item of items) {
				if (typeof item === 'string' && known.has(item) && seen.has(item)) repeated.add(item);
				seen.add(item);
			}
			if (repeated.size > 0) {
				const many = repeated.size > 1;
				problems.push(
					`${quoteAll([...repeated])} ${many ? 'are' : 'is'} listed more than once. List each answer only once.`
				);
			}
			if (problems.length > 0) ctx.addIssue({ code: 'custom', message: problems.join(' ') });
		})
		.transform((items) => items as C[number][])
		.default(() => []);
}

/** A single optional code where "" means "not answered". */
function optionalCode<const C extends readonly [string, ...string[]]>(codes: C, field: string) {
	return z
		.enum(['', ...codes] as const, {
			error: (issue) =>
				issue.input === null
					? `${field} cannot be null. Leave it out or send "" if not answered.`
					: `${field} must be one of: ${codes.join(', ')} (or left out).`
		})
		.optional();
}

export const screeningInput = z.strictObject(
	{
		regions: codeList(REGIONS, 'Regions', 'body area'),
		concerns: codeList(CONCERNS, 'Concerns', 'concern'),
		duration: optionalCode(DURATIONS, 'Duration').transform((value) => value || null),
		redFlags: codeList(RED_FLAGS, 'Red flags', 'symptom'),
		precautions: codeList(PRECAUTIONS, 'Precautions', 'precaution'),
		preference: optionalCode(PREFERENCES, 'Preference').transform((value) => value || 'none')
	},
	{
		error: (issue) =>
			issue.code === 'invalid_type'
				? 'The answers must be a JSON object with the fields regions, concerns, duration, redFlags, precautions and preference.'
				: undefined
	}
);

/** Answers after validation: lists always present, preference defaulted, duration null if unanswered. */
export type ScreeningInput = z.output<typeof screeningInput>;
/** What a client may send. */
export type ScreeningAnswers = z.input<typeof screeningInput>;
export type ScreeningField = keyof ScreeningInput;
export const SCREENING_FIELDS = Object.keys(screeningInput.shape) as ScreeningField[];

/** One message per bad field, keyed by field name; "form" when the body itself is not an object. */
export type ScreeningFieldErrors = Record<string, string>;

/**
 * Turns a validation error into messages keyed by field. An unknown field gets its own entry
 * under its own name, so every bad field is named.
 */
export function screeningFieldErrors(error: z.ZodError): ScreeningFieldErrors {
	const messages = new Map<string, string>();
	const add = (field: string, message: string) => {
		if (!messages.has(field)) messages.set(field, message);
	};
	for (const issue of error.issues) {
		if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys) add(key, `${quote(key)} is not a question in this self-assessment. Remove it.`);
		} else {
			add(issue.path.length > 0 ? String(issue.path[0]) : 'form', issue.message);
		}
	}
	// fromEntries defines own properties, so a client key like "__proto__" stays plain data.
	return Object.fromEntries(messages);
}

export type ScreeningParseResult =
	| { readonly success: true; readonly data: ScreeningInput }
	| { readonly success: false; readonly errors: ScreeningFieldErrors };

/** Validates raw answers (parsed JSON or form values) in one call. */
export function parseScreeningInput(raw: unknown): ScreeningParseResult {
	const result = screeningInput.safeParse(raw, { error: (issue) => plainTypeMessage(issue) });
	return result.success
		? { success: true, data: result.data }
		: { success: false, errors: screeningFieldErrors(result.error) };
}
