import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { screenAnswers } from './screening-api';

function refusal(raw: unknown): DomainError {
	try {
		screenAnswers(raw);
	} catch (error) {
		if (error instanceof DomainError) return error;
		throw error;
	}
	throw new Error('expected a refusal');
}

describe('screenAnswers', () => {
	it('evaluates valid answers', () => {
		const result = screenAnswers({ concerns: ['sleep'], redFlags: [], preference: 'tcm' });
		expect(result).toMatchObject({ recommendation: 'acupuncture', suggestedServices: ['initial-consultation', 'acupuncture'] });
	});

	it('refuses bad answers with one message per field, as a validation error', () => {
		const error = refusal({ concerns: 'sleep', redFlags: ['x', 'x'], extra: true });
		expect(error.code).toBe('validation_failed');
		expect(Object.keys(error.fieldErrors).sort()).toEqual(['concerns', 'extra', 'redFlags']);
		expect(error.message).toBe('Some answers are not valid. Each problem is listed under errors.');
	});

	it('refuses a body that is not an object under "form"', () => {
		expect(refusal([]).fieldErrors).toEqual({ form: expect.stringContaining('JSON object') });
	});
});
