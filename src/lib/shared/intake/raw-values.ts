import type { AnswerValue, Answers } from './form-definition';

/** What a form field holds: text, or a list for checkboxes. */
export type RawValue = string | readonly string[];

/** A stored answer as the form field shows it again (yes/no radios, numbers as text). */
export function toRaw(value: AnswerValue | undefined): RawValue {
	if (value === undefined) return '';
	if (typeof value === 'boolean') return value ? 'yes' : 'no';
	if (typeof value === 'number') return String(value);
	return value;
}

export function rawAnswers(answers: Answers): Record<string, RawValue> {
	return Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, toRaw(v)]));
}

export function rawList(value: unknown): string[] {
	if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
	return typeof value === 'string' && value !== '' ? [value] : [];
}

export function rawText(value: unknown): string {
	return typeof value === 'string' ? value : '';
}
