import type { FieldErrors } from '../errors';
import {
	isEnabled,
	NONE_MARK,
	questionsOf,
	type AnswerValue,
	type Answers,
	type FormDefinition,
	type FormItem
} from '../../shared/intake/form-definition';

/** Fields a page form may send besides its questions. */
const CONTROL_FIELDS = new Set(['nav']);
const DEFAULT_MAX_LENGTH = 2000;

export type ParsedPage = { answers: Record<string, AnswerValue>; errors: FieldErrors };

/** Repeating choices arrive as lists (formObject needs their names). */
export function listFields(page: FormItem): string[] {
	return (page.item ?? []).filter((q) => q.type === 'choice' && q.repeats).map((q) => q.linkId);
}

/**
 * One page's posted fields → typed answers, or one message per bad field. Unknown fields (a
 * linkId this page does not ask) are refused by name rather than silently dropped, so a client
 * posting to the wrong version or page learns it.
 */
export function parsePage(page: FormItem, raw: Record<string, unknown>): ParsedPage {
	const answers: Record<string, AnswerValue> = {};
	const errors: FieldErrors = {};
	const questions = page.item ?? [];
	const known = new Set(questions.map((q) => q.linkId));
	const unknown = Object.keys(raw).filter((key) => !known.has(key) && !CONTROL_FIELDS.has(key));
	if (unknown.length > 0) errors.form = `This page has no question called ${unknown.slice(0, 3).map((k) => `"${k.slice(0, 40)}"`).join(', ')}.`;

	for (const q of questions) {
		const value = raw[q.linkId];
		if (value === undefined) continue;
		const parsed = parseOne(q, value);
		if ('error' in parsed) errors[q.linkId] = parsed.error;
		else if (parsed.value !== undefined) answers[q.linkId] = parsed.value;
	}
	return { answers, errors };
}

function parseOne(q: FormItem, value: unknown): { value: AnswerValue | undefined } | { error: string } {
	const texts = (Array.isArray(value) ? value : [value]).map((v) => (typeof v === 'string' ? v : ''));
	const single = texts[0]?.trim() ?? '';
	switch (q.type) {
		case 'string':
		case 'text': {
			const max = q.maxLength ?? DEFAULT_MAX_LENGTH;
			if (single.length > max) return { error: `Please keep this under ${max} characters (it has ${single.length}).` };
			return { value: single === '' ? undefined : single };
		}
		case 'integer': {
			if (single === '') return { value: undefined };
			if (!/^\d{1,4}$/.test(single)) return { error: 'Please enter a whole number.' };
			const n = Number(single);
			if ((q.minValue !== undefined && n < q.minValue) || (q.maxValue !== undefined && n > q.maxValue)) {
				return { error: `Please enter a number from ${q.minValue ?? 0} to ${q.maxValue ?? 9999}.` };
			}
			return { value: n };
		}
		case 'boolean': {
			if (single === '') return { value: undefined };
			if (single !== 'yes' && single !== 'no') return { error: 'Please choose yes or no.' };
			return { value: single === 'yes' };
		}
		case 'choice': {
			const codes = new Set((q.answerOption ?? []).map((o) => o.code));
			const given = q.repeats ? texts.filter((t) => t !== '') : single === '' ? [] : [single];
			if (given.length > codes.size + 1) return { error: 'Too many answers were sent.' };
			const allowed = (code: string) => codes.has(code) || (q.repeats === true && q.noneLabel !== undefined && code === NONE_MARK);
			if (!given.every(allowed)) return { error: 'Please choose from the list.' };
			if (given.includes(NONE_MARK) && given.length > 1) return { error: `Tick “${q.noneLabel}” or the ones that apply, not both.` };
			if (new Set(given).size !== given.length) return { error: 'Each answer can be ticked once.' };
			if (!q.repeats) return { value: given[0] };
			return { value: given.length === 0 ? undefined : given };
		}
		case 'group':
			return { error: 'Not a question.' };
	}
}

/**
 * The form's answers after saving a page: that page's questions replaced by what was sent, then
 * every answer to a question that is no longer shown (its condition now fails) dropped, so "weeks
 * pregnant" does not outlive a changed "pregnant" answer.
 */
export function mergePage(definition: FormDefinition, before: Answers, page: FormItem, sent: Answers): Record<string, AnswerValue> {
	const onPage = new Set((page.item ?? []).map((q) => q.linkId));
	const merged: Record<string, AnswerValue> = {};
	for (const [key, value] of Object.entries(before)) if (!onPage.has(key)) merged[key] = value;
	Object.assign(merged, sent);
	for (const q of questionsOf(definition)) if (!isEnabled(q, merged)) delete merged[q.linkId];
	return merged;
}

/** Red-flag codes ticked on the safety page (the none mark is not a code). */
export function redFlagsOf(answers: Answers): string[] {
	const value = answers['red-flags'];
	return Array.isArray(value) ? value.filter((code) => code !== NONE_MARK) : [];
}
