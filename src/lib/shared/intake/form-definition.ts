/**
 * A clinic form as data, shaped after a FHIR R4 Questionnaire: items with stable linkIds, types,
 * answer options, help text and enableWhen conditions. Top-level items are groups; each group is
 * one page the patient fills and saves before the next. Stored answers name linkIds, so wording
 * can change in a new version without breaking old answers; a linkId never changes meaning.
 */

export type FormItemType = 'group' | 'string' | 'text' | 'integer' | 'boolean' | 'choice';

export interface FormAnswerOption {
	readonly code: string;
	readonly display: string;
}

/** FHIR enableWhen, reduced to what our forms use: equality with a boolean, code or number. */
export interface FormEnableWhen {
	readonly question: string;
	readonly operator: '=';
	readonly answer: boolean | string | number;
}

export interface FormItem {
	readonly linkId: string;
	readonly text: string;
	readonly type: FormItemType;
	readonly help?: string;
	/** Needed before the form can be sent (pages can still be saved half done). */
	readonly required?: boolean;
	/** A choice item whose answer is a list. */
	readonly repeats?: boolean;
	readonly answerOption?: readonly FormAnswerOption[];
	readonly enableWhen?: readonly FormEnableWhen[];
	readonly minValue?: number;
	readonly maxValue?: number;
	readonly maxLength?: number;
	/** How a page draws it; the body map falls back to a checkbox list. */
	readonly control?: 'body-map' | 'radio' | 'check-box' | 'pain-scale';
	/** A repeating choice may offer "none of these", so that skipping is not read as "no". */
	readonly noneLabel?: string;
	readonly item?: readonly FormItem[];
}

export interface FormDefinition {
	readonly slug: string;
	readonly title: string;
	readonly description: string;
	/** Pages, in order. */
	readonly item: readonly FormItem[];
}

/** One answer per linkId: text, number, yes/no, a code, or a list of codes. */
export type AnswerValue = string | number | boolean | readonly string[];
export type Answers = Readonly<Record<string, AnswerValue>>;

/** The marker stored when a patient ticked "none of these" on a repeating choice. */
export const NONE_MARK = '__none';

export function pagesOf(definition: FormDefinition): readonly FormItem[] {
	return definition.item;
}

export function pageById(definition: FormDefinition, pageId: string): FormItem | undefined {
	return definition.item.find((p) => p.linkId === pageId);
}

/** Every question item (not groups) in the form, in order. */
export function questionsOf(definition: FormDefinition): FormItem[] {
	const out: FormItem[] = [];
	const walk = (items: readonly FormItem[]) => {
		for (const item of items) {
			if (item.type === 'group') walk(item.item ?? []);
			else out.push(item);
		}
	};
	walk(definition.item);
	return out;
}

/** True when the item's conditions hold for these answers (all of them: FHIR enableBehavior "all"). */
export function isEnabled(item: FormItem, answers: Answers): boolean {
	return (item.enableWhen ?? []).every((condition) => {
		const given = answers[condition.question];
		return Array.isArray(given) ? given.includes(String(condition.answer)) : given === condition.answer;
	});
}

/** Has a real answer (a "none of these" tick counts as an answer). */
export function isAnswered(value: AnswerValue | undefined): boolean {
	if (value === undefined || value === '') return false;
	if (Array.isArray(value)) return value.length > 0;
	return true;
}

/** Required, enabled questions still without an answer. */
export function missingRequired(definition: FormDefinition, answers: Answers): FormItem[] {
	return questionsOf(definition).filter((q) => q.required && isEnabled(q, answers) && !isAnswered(answers[q.linkId]));
}

/** Pages with every enabled question answered or optional: used for "3 of 4 pages done". */
export function pageComplete(page: FormItem, answers: Answers): boolean {
	return (page.item ?? []).every((q) => !q.required || !isEnabled(q, answers) || isAnswered(answers[q.linkId]));
}

/** The words shown for an answer (codes → their display; yes/no; lists joined). */
export function answerText(item: FormItem, value: AnswerValue | undefined): string {
	if (value === undefined || value === '') return '';
	if (typeof value === 'boolean') return value ? 'Yes' : 'No';
	if (typeof value === 'number') return String(value);
	const label = (code: string) => (code === NONE_MARK ? (item.noneLabel ?? 'None') : (item.answerOption?.find((o) => o.code === code)?.display ?? code));
	if (Array.isArray(value)) return value.map(label).join('; ');
	return item.type === 'choice' ? label(value as string) : (value as string);
}
