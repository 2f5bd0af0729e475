import type { FormItem } from '../../shared/intake/form-definition';
import type { StoredForm } from './intake.repository';

/**
 * A stored form version as a FHIR R4 Questionnaire (the elements we fill). Groups are pages;
 * help text is a display item with the SDC "help" control; enableWhen is FHIR's own; numbers
 * carry minValue/maxValue extensions; a repeating choice's "none of these" is an extra option
 * with the code "__none".
 */

const ITEM_CONTROL = 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl';
const CONTROL_SYSTEM = 'http://hl7.org/fhir/questionnaire-item-control';
const MIN_VALUE = 'http://hl7.org/fhir/StructureDefinition/minValue';
const MAX_VALUE = 'http://hl7.org/fhir/StructureDefinition/maxValue';

export const intakeCodeSystem = (slug: string, linkId: string) => `urn:needlepoint:form:${slug}:${linkId}`;

type Json = Record<string, unknown>;

function control(code: string): Json {
	return { url: ITEM_CONTROL, valueCodeableConcept: { coding: [{ system: CONTROL_SYSTEM, code }] } };
}

function enableWhen(slug: string, condition: NonNullable<FormItem['enableWhen']>[number]): Json {
	const base = { question: condition.question, operator: condition.operator };
	if (typeof condition.answer === 'boolean') return { ...base, answerBoolean: condition.answer };
	if (typeof condition.answer === 'number') return { ...base, answerInteger: condition.answer };
	return { ...base, answerCoding: { system: intakeCodeSystem(slug, condition.question), code: condition.answer } };
}

function toItem(slug: string, item: FormItem): Json {
	const extension: Json[] = [];
	if (item.minValue !== undefined) extension.push({ url: MIN_VALUE, valueInteger: item.minValue });
	if (item.maxValue !== undefined) extension.push({ url: MAX_VALUE, valueInteger: item.maxValue });
	if (item.control === 'radio') extension.push(control('radio-button'));
	if (item.control === 'check-box' || item.control === 'body-map') extension.push(control('check-box'));
	if (item.control === 'pain-scale') extension.push(control('slider'));
	const system = intakeCodeSystem(slug, item.linkId);
	const options = [...(item.answerOption ?? []), ...(item.noneLabel ? [{ code: '__none', display: item.noneLabel }] : [])];
	const children = [
		...(item.help ? [{ linkId: `${item.linkId}.help`, text: item.help, type: 'display', extension: [control('help')] }] : []),
		...(item.item ?? []).map((child) => toItem(slug, child))
	];
	return {
		linkId: item.linkId,
		text: item.text,
		type: item.type,
		...(item.type !== 'group' ? { required: item.required ?? false } : {}),
		...(item.type === 'choice' ? { repeats: item.repeats ?? false } : {}),
		...(item.maxLength !== undefined ? { maxLength: item.maxLength } : {}),
		...(extension.length ? { extension } : {}),
		...(item.enableWhen ? { enableWhen: item.enableWhen.map((c) => enableWhen(slug, c)) } : {}),
		...(options.length ? { answerOption: options.map((o) => ({ valueCoding: { system, code: o.code, display: o.display } })) } : {}),
		...(children.length ? { item: children } : {})
	};
}

export function toFhirQuestionnaire(form: StoredForm, url?: string): Json {
	return {
		resourceType: 'Questionnaire',
		id: `${form.slug}-${form.version}`,
		...(url ? { url } : {}),
		version: String(form.version),
		name: form.slug.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase()),
		title: form.definition.title,
		status: 'active',
		subjectType: ['Patient'],
		publisher: 'Needlepoint',
		description: form.definition.description,
		meta: { tag: [{ system: 'urn:needlepoint:content-hash', code: form.contentHash }] },
		item: form.definition.item.map((item) => toItem(form.slug, item))
	};
}
