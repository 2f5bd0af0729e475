import { describe, expect, it } from 'vitest';
import { CONCERNS, DURATIONS, PRECAUTIONS, PREFERENCES, RED_FLAGS } from './codes';
import { SCREENING_FIELDS, parseScreeningInput, type ScreeningField } from './input.schema';
import { QUESTIONS, questionFor } from './questionnaire';
import { readingGrade, sentencesOf } from './reading-level';
import { REGIONS } from './regions';

const CODES_BY_FIELD: Record<ScreeningField, readonly string[]> = {
	regions: REGIONS,
	concerns: CONCERNS,
	duration: DURATIONS,
	redFlags: RED_FLAGS,
	precautions: PRECAUTIONS,
	preference: PREFERENCES
};

describe('the questionnaire', () => {
	it('asks one question per answer field, in the order of the answers', () => {
		expect(QUESTIONS.map((q) => q.id)).toEqual(SCREENING_FIELDS);
	});

	it.each(SCREENING_FIELDS)('offers exactly the codes the schema accepts for %s', (field) => {
		const question = questionFor(field);
		expect(question.options.map((o) => o.code)).toEqual(CODES_BY_FIELD[field]);
		for (const option of question.options) {
			const answer = question.repeats ? [option.code] : option.code;
			expect(parseScreeningInput({ [field]: answer }).success, option.code).toBe(true);
		}
	});

	it('gives every option a distinct, non-empty label', () => {
		for (const question of QUESTIONS) {
			const labels = question.options.map((o) => o.label);
			expect(labels.every((label) => label.trim().length > 0)).toBe(true);
			expect(new Set(labels).size, question.id).toBe(labels.length);
		}
	});

	it('lets several answers be ticked only where the schema takes a list', () => {
		expect(QUESTIONS.filter((q) => q.repeats).map((q) => q.id)).toEqual([
			'regions',
			'concerns',
			'redFlags',
			'precautions'
		]);
		expect(questionFor('regions').display).toBe('body-map');
	});

	it('asks for an explicit "none of these" on both safety questions', () => {
		expect(questionFor('redFlags').noneLabel).toBe('None of these apply to me');
		expect(questionFor('precautions').noneLabel).toBe('None of these apply to me');
	});

	it('reassures people before the red-flag list', () => {
		expect(questionFor('redFlags').help).toMatch(/ask everyone/);
		expect(questionFor('redFlags').help).toMatch(/does not mean something is wrong/);
	});

	it('groups concerns and precautions for the page', () => {
		const groups = (field: ScreeningField) => [...new Set(questionFor(field).options.map((o) => o.group))];
		expect(groups('concerns')).toEqual(['Muscles and joints', 'Whole body']);
		expect(groups('precautions')).toEqual(['About needles and agreeing to treatment', 'Health conditions and medicines']);
		expect(groups('regions')).toEqual(['Front of the body', 'Back of the body']);
	});

	it('keeps the preference choices neutral between the two professions', () => {
		const text = [questionFor('preference').help, ...questionFor('preference').options.map((o) => o.label)].join(' ');
		expect(text).not.toMatch(/\b(better|best|superior|proven|real|only)\b/i);
		expect(text).toMatch(/no wrong answer/i);
	});

	it('reads at about age 12 (Flesch–Kincaid grade 7 or below overall)', () => {
		const sentences = QUESTIONS.flatMap((q) => [
			...sentencesOf(q.text),
			...sentencesOf(q.help),
			...q.options.map((o) => o.label)
		]);
		expect(readingGrade(sentences)).toBeLessThanOrEqual(7);
		for (const question of QUESTIONS) {
			expect(readingGrade([...sentencesOf(question.text), ...sentencesOf(question.help)]), question.id).toBeLessThanOrEqual(9);
		}
	});
});
