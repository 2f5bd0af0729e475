import { QUESTIONNAIRE_TITLE, QUESTIONNAIRE_VERSION, QUESTIONS, type Question } from './questionnaire';
import type { ScreeningField } from './input.schema';

/**
 * The self-assessment rendered as a FHIR R4 Questionnaire, for GET /api/v1/screening/questionnaire.
 *
 * Only the elements we fill are typed here (no FHIR package needed for one resource). All items are
 * `choice`, not `open-choice`: the API accepts listed codes only, so offering free text would
 * invite answers we then refuse. Help text uses the SDC "help" item control, which common
 * renderers show as a help button.
 */

export interface FhirCoding {
	readonly system: string;
	readonly code: string;
	readonly display: string;
}

export interface FhirExtension {
	readonly url: string;
	readonly valueCodeableConcept: { readonly coding: readonly FhirCoding[] };
}

export interface FhirQuestionnaireItem {
	readonly linkId: string;
	readonly text: string;
	readonly type: 'choice' | 'open-choice' | 'display';
	readonly required?: boolean;
	readonly repeats?: boolean;
	readonly extension?: readonly FhirExtension[];
	readonly answerOption?: readonly { readonly valueCoding: FhirCoding }[];
	readonly item?: readonly FhirQuestionnaireItem[];
}

export interface FhirQuestionnaire {
	readonly resourceType: 'Questionnaire';
	readonly id: string;
	readonly url?: string;
	readonly version: string;
	readonly name: string;
	readonly title: string;
	readonly status: 'draft' | 'active' | 'retired' | 'unknown';
	readonly subjectType: readonly string[];
	readonly publisher: string;
	readonly description: string;
	readonly item: readonly FhirQuestionnaireItem[];
}

const ITEM_CONTROL_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl';
const ITEM_CONTROL_SYSTEM = 'http://hl7.org/fhir/questionnaire-item-control';

/**
 * The code system of each answer list. These are identifiers, not web addresses, so they stay the
 * same whichever domain a clinic runs on.
 */
export function screeningCodeSystem(field: ScreeningField): string {
	return `urn:needlepoint:screening:${field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

function itemControl(code: string, display: string): FhirExtension {
	return {
		url: ITEM_CONTROL_EXTENSION,
		valueCodeableConcept: { coding: [{ system: ITEM_CONTROL_SYSTEM, code, display }] }
	};
}

function toItem(question: Question): FhirQuestionnaireItem {
	const system = screeningCodeSystem(question.id);
	return {
		linkId: question.id,
		text: question.text,
		type: 'choice',
		required: false,
		repeats: question.repeats,
		extension: [
			question.repeats ? itemControl('check-box', 'Check-box') : itemControl('radio-button', 'Radio Button')
		],
		answerOption: question.options.map((option) => ({
			valueCoding: { system, code: option.code, display: option.label }
		})),
		item: [
			{
				linkId: `${question.id}.help`,
				text: question.help,
				type: 'display',
				extension: [itemControl('help', 'Help-Button')]
			}
		]
	};
}

export interface FhirQuestionnaireOptions {
	/** Canonical URL of this Questionnaire, e.g. the clinic's own API address for it. */
	readonly url?: string;
}

export function toFhirQuestionnaire(options: FhirQuestionnaireOptions = {}): FhirQuestionnaire {
	return {
		resourceType: 'Questionnaire',
		id: 'needlepoint-screening',
		...(options.url === undefined ? {} : { url: options.url }),
		version: QUESTIONNAIRE_VERSION,
		name: 'NeedlepointScreening',
		title: QUESTIONNAIRE_TITLE,
		status: 'active',
		subjectType: ['Patient'],
		publisher: 'Needlepoint',
		description:
			'Self-assessment that suggests dry needling, acupuncture, either, or seeing a physician first, ' +
			'with a safety screen. It does not replace assessment by a clinician.',
		item: QUESTIONS.map(toItem)
	};
}
