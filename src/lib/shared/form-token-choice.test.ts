import { describe, expect, it } from 'vitest';
import { tokenForForm } from './form-token-choice';

describe('tokenForForm', () => {
	it('keeps the first token through corrections, but replaces a refused one', () => {
		expect(tokenForForm('fresh', null)).toBe('fresh');
		expect(tokenForForm('fresh', { values: { formToken: 'first' }, errors: { email: 'bad' } })).toBe('first');
		expect(tokenForForm('fresh', { values: { formToken: 'first' }, errors: { form: 'expired' } })).toBe('fresh');
		expect(tokenForForm('fresh', { values: {}, errors: { email: 'bad' } })).toBe('fresh');
	});
});
