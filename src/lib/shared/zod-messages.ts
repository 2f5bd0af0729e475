import type { z } from 'zod';

/**
 * Plain words for the errors zod would otherwise word for programmers ("Invalid input: expected
 * string, received undefined", "Too small: expected string to have >=1 characters"). Field names
 * are the ones the client sent (query parameters and JSON fields), so "from is required
 * (YYYY-MM-DD)." tells an API user what to add. Messages a schema writes itself always win.
 */

const EXPECTED: Record<string, string> = {
	string: 'text',
	number: 'a number',
	int: 'a whole number',
	bigint: 'a whole number',
	boolean: 'true or false',
	array: 'a list',
	object: 'an object',
	date: 'a date'
};

function described(input: unknown): string {
	if (input === null) return 'null';
	if (Array.isArray(input)) return 'a list';
	switch (typeof input) {
		case 'string':
			return 'text';
		case 'number':
		case 'bigint':
			return 'a number';
		case 'boolean':
			return 'true or false';
		default:
			return typeof input === 'object' ? 'an object' : typeof input;
	}
}

function fieldName(path: readonly PropertyKey[] | undefined): string {
	return (path ?? []).filter((key) => typeof key !== 'symbol').map(String).join('.') || 'The body';
}

const plural = (n: number | bigint, one: string) => `${n} ${one}${Number(n) === 1 ? '' : 's'}`;

/** A size limit in words: "be at least 3 characters", "have at most 1 item", "be at least 2". */
function limit(origin: string, bound: number | bigint, side: 'least' | 'most'): string {
	if (origin === 'string') return `be at ${side} ${plural(bound, 'character')}`;
	if (origin === 'array' || origin === 'set') return `have at ${side} ${plural(bound, 'item')}`;
	return `be at ${side} ${bound}`;
}

/**
 * Plain words for zod's generic issues: "<field> is required.", "<field> must be text, not a
 * list.", sizes, choices and unknown fields. Undefined for anything else (custom checks carry
 * their own messages).
 */
export function plainTypeMessage(issue: z.core.$ZodRawIssue, hint?: string): string | undefined {
	const field = fieldName(issue.path);
	const format = hint ? ` (${hint})` : '';
	switch (issue.code) {
		case 'invalid_type': {
			if (issue.input === undefined) return `${field} is required${format}.`;
			const expected = EXPECTED[String(issue.expected)] ?? String(issue.expected);
			return `${field} must be ${expected}${format}, not ${described(issue.input)}.`;
		}
		case 'too_small':
			if (issue.origin === 'string' && Number(issue.minimum) === 1) return `${field} must not be empty.`;
			return `${field} must ${limit(issue.origin, issue.minimum, 'least')}.`;
		case 'too_big':
			return `${field} must ${limit(issue.origin, issue.maximum, 'most')}.`;
		case 'invalid_value':
			return `${field} must be one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
		case 'unrecognized_keys':
			return `${issue.keys.join(', ')} ${issue.keys.length === 1 ? 'is not a known field' : 'are not known fields'}.`;
		default:
			return undefined;
	}
}

/** A schema-level error map that adds the expected format, e.g. z.string({ error: expecting('YYYY-MM-DD') }). */
export const expecting = (hint: string) => (issue: z.core.$ZodRawIssue) => plainTypeMessage(issue, hint);
