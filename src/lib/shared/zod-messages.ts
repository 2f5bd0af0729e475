import type { z } from 'zod';

/**
 * Plain words for the type errors zod would otherwise word for programmers ("Invalid input:
 * expected string, received undefined"). Field names are the ones the client sent (query
 * parameters and JSON fields), so "from is required (YYYY-MM-DD)." tells an API user what to add.
 * Messages a schema writes itself always win over these.
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

/** For `invalid_type` issues: "<field> is required." or "<field> must be text, not a list."; else undefined. */
export function plainTypeMessage(issue: z.core.$ZodRawIssue, hint?: string): string | undefined {
	if (issue.code !== 'invalid_type') return undefined;
	const field = fieldName(issue.path);
	const format = hint ? ` (${hint})` : '';
	if (issue.input === undefined) return `${field} is required${format}.`;
	const expected = EXPECTED[String(issue.expected)] ?? String(issue.expected);
	return `${field} must be ${expected}${format}, not ${described(issue.input)}.`;
}

/** A schema-level error map that adds the expected format, e.g. z.string({ error: expecting('YYYY-MM-DD') }). */
export const expecting = (hint: string) => (issue: z.core.$ZodRawIssue) => plainTypeMessage(issue, hint);
