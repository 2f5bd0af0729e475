import { questionsOf, type AnswerValue, type Answers, type FormDefinition, type FormItem } from '../../shared/intake/form-definition';

/**
 * Answers stored as a FHIR R4 QuestionnaireResponse (the parts we fill), naming the exact form
 * version they answered: `questionnaire` is "<slug>|<version>".
 */

type FhirAnswer = { valueString?: string; valueInteger?: number; valueBoolean?: boolean; valueCoding?: { code: string } };
export type QuestionnaireResponseJson = {
	resourceType: 'QuestionnaireResponse';
	questionnaire: string;
	status: 'in-progress' | 'completed';
	item: Array<{ linkId: string; answer: FhirAnswer[] }>;
};

function fhirAnswers(item: FormItem | undefined, value: AnswerValue): FhirAnswer[] {
	if (Array.isArray(value)) return value.map((code) => ({ valueCoding: { code } }));
	if (typeof value === 'boolean') return [{ valueBoolean: value }];
	if (typeof value === 'number') return [{ valueInteger: value }];
	return item?.type === 'choice' ? [{ valueCoding: { code: value as string } }] : [{ valueString: value as string }];
}

export function toQuestionnaireResponse(
	form: { slug: string; version: number; definition: FormDefinition },
	answers: Answers,
	status: 'in_progress' | 'submitted'
): QuestionnaireResponseJson {
	const items = new Map(questionsOf(form.definition).map((q) => [q.linkId, q]));
	return {
		resourceType: 'QuestionnaireResponse',
		questionnaire: `${form.slug}|${form.version}`,
		status: status === 'submitted' ? 'completed' : 'in-progress',
		item: Object.entries(answers).map(([linkId, value]) => {
			const item = items.get(linkId);
			return { linkId, answer: fhirAnswers(item, item?.type === 'choice' && item.repeats && !Array.isArray(value) ? [String(value)] : value) };
		})
	};
}

/** Reads answers back; the answered version's definition says which items are lists. */
export function answersFromResponse(json: QuestionnaireResponseJson, definition: FormDefinition): Answers {
	const lists = new Set(questionsOf(definition).filter((q) => q.type === 'choice' && q.repeats).map((q) => q.linkId));
	const answers: Record<string, AnswerValue> = {};
	for (const { linkId, answer } of json.item ?? []) {
		const first = answer[0];
		if (!first) continue;
		if (lists.has(linkId)) answers[linkId] = answer.map((a) => a.valueCoding?.code ?? '');
		else if (first.valueBoolean !== undefined) answers[linkId] = first.valueBoolean;
		else if (first.valueInteger !== undefined) answers[linkId] = first.valueInteger;
		else if (first.valueCoding) answers[linkId] = first.valueCoding.code;
		else answers[linkId] = first.valueString ?? '';
	}
	return answers;
}
