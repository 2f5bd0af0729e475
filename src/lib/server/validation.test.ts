import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { appointmentRequest } from './booking/booking-input';
import { DomainError } from './errors';
import { availabilityParams } from './scheduling/availability-api';
import { parseInput } from './validation';

function fieldErrorsOf(schema: z.ZodType, input: unknown): Record<string, string> {
	try {
		parseInput(schema, input);
	} catch (caught) {
		if (caught instanceof DomainError) return caught.fieldErrors;
		throw caught;
	}
	throw new Error('expected a validation failure');
}

describe('parseInput messages', () => {
	it('names missing query parameters in plain words, with the expected format', () => {
		expect(fieldErrorsOf(availabilityParams, {})).toEqual({
			service: 'service is required.',
			from: 'from is required (YYYY-MM-DD).',
			to: 'to is required (YYYY-MM-DD).'
		});
	});

	it('says what type was expected instead of zod’s internal wording', () => {
		const errors = fieldErrorsOf(appointmentRequest, { service: ['dry-needling'], providerId: 7, start: null, patient: 'me', note: {} });
		for (const message of Object.values(errors)) expect(message).not.toMatch(/Invalid input|expected \w+, received/);
		expect(errors.patient).toBe('patient must be an object, not text.');
		expect(errors.start).toBe('start must be text, not null.');
	});

	it('keeps the messages a schema writes itself', () => {
		expect(fieldErrorsOf(appointmentRequest, {}).service).toBe('Choose a service.');
	});

	it('words sizes, choices and unknown fields plainly too', () => {
		const schema = z.strictObject({ provider: z.string().min(1).max(5), kind: z.enum(['a', 'b']), list: z.array(z.string()).max(1), n: z.number().min(2) });
		expect(fieldErrorsOf(schema, { provider: '', kind: 'c', list: ['x', 'y'], n: 1, extra: 1 })).toEqual({
			provider: 'provider must not be empty.',
			kind: 'kind must be one of: "a", "b".',
			list: 'list must have at most 1 item.',
			n: 'n must be at least 2.',
			form: 'extra is not a known field.'
		});
		expect(fieldErrorsOf(schema, { provider: 'toolong', kind: 'a', list: [], n: 2 }).provider).toBe('provider must be at most 5 characters.');
	});
});
