import { describe, expect, it } from 'vitest';
import { parseScreeningInput, SCREENING_FIELDS, screeningFieldErrors, screeningInput } from './input.schema';

function errorsFor(raw: unknown) {
	const result = parseScreeningInput(raw);
	if (result.success) throw new Error(`expected errors, got ${JSON.stringify(result.data)}`);
	return result.errors;
}

const full = {
	regions: ['low_back', 'hip_left'],
	concerns: ['sciatica', 'sleep'],
	duration: 'chronic',
	redFlags: [],
	precautions: ['pregnant'],
	preference: 'tcm'
};

describe('screeningInput: valid answers', () => {
	it('accepts an empty object and fills in the defaults', () => {
		expect(parseScreeningInput({})).toEqual({
			success: true,
			data: { regions: [], concerns: [], duration: null, redFlags: [], precautions: [], preference: 'none' }
		});
	});

	it('accepts the documented empty shape with "" for duration and preference', () => {
		const result = parseScreeningInput({
			regions: [],
			concerns: [],
			duration: '',
			redFlags: [],
			precautions: [],
			preference: ''
		});
		expect(result).toMatchObject({ success: true, data: { duration: null, preference: 'none' } });
	});

	it('keeps a full set of answers as given', () => {
		expect(parseScreeningInput(full)).toEqual({ success: true, data: full });
	});

	it('gives every parse its own lists, so one request cannot leak into another', () => {
		const a = screeningInput.parse({});
		a.concerns.push('sleep');
		expect(screeningInput.parse({}).concerns).toEqual([]);
	});

	it('names the six fields in the documented order', () => {
		expect(SCREENING_FIELDS).toEqual(['regions', 'concerns', 'duration', 'redFlags', 'precautions', 'preference']);
	});
});

describe('screeningInput: refused answers, one message per bad field', () => {
	it('names an unknown code in each list', () => {
		expect(
			errorsFor({
				regions: ['low_back', 'tail'],
				concerns: ['hiccups'],
				redFlags: ['headache'],
				precautions: ['vegan']
			})
		).toEqual({
			regions: '"tail" is not a known body area code.',
			concerns: '"hiccups" is not a known concern code.',
			redFlags: '"headache" is not a known symptom code.',
			precautions: '"vegan" is not a known precaution code.'
		});
	});

	it('lists several unknown codes in one message', () => {
		expect(errorsFor({ concerns: ['a', 'sleep', 'b'] })).toEqual({
			concerns: '"a", "b" are not known concern codes.'
		});
	});

	it('refuses unknown duration and preference codes, listing the allowed ones', () => {
		expect(errorsFor({ duration: 'forever', preference: 'ayurveda' })).toEqual({
			duration: 'Duration must be one of: acute, subacute, chronic (or left out).',
			preference: 'Preference must be one of: none, western, tcm (or left out).'
		});
	});

	it('refuses a string where a list belongs', () => {
		expect(errorsFor({ concerns: 'sleep', redFlags: 'none' })).toEqual({
			concerns: 'Concerns must be a list of concern codes, like ["muscle_tightness"].',
			redFlags: 'Red flags must be a list of symptom codes, like ["fever_or_unwell"].'
		});
	});

	it('refuses numbers, in place of a list, inside a list, and as a single answer', () => {
		expect(errorsFor({ regions: 3, precautions: [1, 'pregnant'], preference: 2, duration: 12 })).toEqual({
			regions: 'Regions must be a list of body area codes, like ["head"].',
			precautions: 'Each precaution must be a code written as text; got "1".',
			preference: 'Preference must be one of: none, western, tcm (or left out).',
			duration: 'Duration must be one of: acute, subacute, chronic (or left out).'
		});
	});

	it('refuses duplicate codes rather than quietly dropping them', () => {
		expect(errorsFor({ concerns: ['sleep', 'sciatica', 'sleep'], redFlags: ['major_trauma', 'major_trauma'] })).toEqual({
			concerns: '"sleep" is listed more than once. List each answer only once.',
			redFlags: '"major_trauma" is listed more than once. List each answer only once.'
		});
	});

	it('reports unknown and repeated codes in the same list together', () => {
		expect(errorsFor({ regions: ['knee_left', 'knee_left', 'knee_middle'] })).toEqual({
			regions:
				'"knee_middle" is not a known body area code. "knee_left" is listed more than once. List each answer only once.'
		});
	});

	it('refuses null in every field, saying what to send instead', () => {
		expect(
			errorsFor({ regions: null, concerns: null, duration: null, redFlags: null, precautions: null, preference: null })
		).toEqual({
			regions: 'Regions cannot be null. Leave it out or send an empty list [] if none apply.',
			concerns: 'Concerns cannot be null. Leave it out or send an empty list [] if none apply.',
			duration: 'Duration cannot be null. Leave it out or send "" if not answered.',
			redFlags: 'Red flags cannot be null. Leave it out or send an empty list [] if none apply.',
			precautions: 'Precautions cannot be null. Leave it out or send an empty list [] if none apply.',
			preference: 'Preference cannot be null. Leave it out or send "" if not answered.'
		});
	});

	it('refuses null inside a list', () => {
		expect(errorsFor({ concerns: [null] })).toEqual({
			concerns: 'Each concern must be a code written as text; got "null".'
		});
	});

	it('refuses unknown fields, naming each one, alongside other errors', () => {
		expect(errorsFor({ ...full, redflags: ['fever_or_unwell'], age: 40, concerns: 'sleep' })).toEqual({
			concerns: 'Concerns must be a list of concern codes, like ["muscle_tightness"].',
			redflags: '"redflags" is not a question in this self-assessment. Remove it.',
			age: '"age" is not a question in this self-assessment. Remove it.'
		});
	});

	it('keeps a "__proto__" field as plain data in the error map', () => {
		const errors = errorsFor(JSON.parse('{"__proto__": {"polluted": true}}'));
		expect(Object.getPrototypeOf(errors)).toBe(Object.prototype);
		expect(Object.keys(errors)).toEqual(['__proto__']);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it.each([null, [], 'answers', 42])('refuses a body that is not an object (%j)', (body) => {
		expect(errorsFor(body)).toEqual({
			form: 'The answers must be a JSON object with the fields regions, concerns, duration, redFlags, precautions and preference.'
		});
	});

	it('shortens long or numerous bad values instead of echoing them whole', () => {
		const long = 'x'.repeat(500);
		const message = errorsFor({ concerns: [long, 'a', 'b', 'c', 'd', 'e', 'f'] }).concerns ?? '';
		expect(message.length).toBeLessThan(200);
		expect(message).toContain('and 2 more');
	});

	it('names nested lists and objects instead of printing them, however deep', () => {
		const deep = JSON.parse(`[${'['.repeat(20_000)}${']'.repeat(20_000)}, {"a": 1}, 7]`);
		expect(errorsFor({ regions: deep })).toEqual({
			regions: 'Each body area must be a code written as text; got a list, an object, "7".'
		});
	});

	it('stops early on an absurdly long list', () => {
		expect(errorsFor({ regions: Array.from({ length: 101 }, () => 'head') })).toEqual({
			regions: 'Regions has too many answers.'
		});
	});

	it('turns a zod error from the schema into the same messages', () => {
		const result = screeningInput.safeParse({ concerns: ['nope'], extra: 1 });
		expect(result.success).toBe(false);
		if (!result.success) {
			expect(screeningFieldErrors(result.error)).toEqual({
				concerns: '"nope" is not a known concern code.',
				extra: '"extra" is not a question in this self-assessment. Remove it.'
			});
		}
	});
});
