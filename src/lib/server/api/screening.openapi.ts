import { z } from 'zod';
import { screeningInput, SCREENING_FIELDS } from '../../shared/screening/input.schema';
import { questionFor } from '../../shared/screening/questionnaire';
import { screeningResultSchema } from '../../shared/screening/result.schema';
import { jsonSchemaOf, problemResponse, schemaRef, type ApiModule, type JsonSchema } from './openapi';

/** The self-assessment's part of the OpenAPI document. */

/**
 * The answers schema from zod, with each list's allowed codes added: the zod schema checks codes in
 * a refinement (to give one friendly message per field), which JSON Schema cannot see.
 */
function answersSchema(): JsonSchema {
	const base = jsonSchemaOf(screeningInput, 'input') as { properties: Record<string, Record<string, unknown>> };
	const properties: Record<string, JsonSchema> = {};
	for (const field of SCREENING_FIELDS) {
		const question = questionFor(field);
		const codes = question.options.map((o) => o.code);
		properties[field] = question.repeats
			? {
					...base.properties[field],
					description: `${question.text} A list of codes; each at most once. Left out means none.`,
					items: { type: 'string', enum: codes },
					uniqueItems: true,
					maxItems: 100
				}
			: {
					...base.properties[field],
					description: `${question.text} One code, or "" (or left out) for no answer.`
				};
	}
	return {
		...base,
		properties,
		description:
			'Answers to the self-assessment. Every field is optional; unknown fields, unknown codes, repeated codes ' +
			'and null are refused with 422. Codes and their wording are in GET /screening/questionnaire.',
		examples: [
			{ regions: ['low_back'], concerns: ['sciatica', 'sleep'], duration: 'chronic', redFlags: [], precautions: ['pregnant'], preference: 'none' }
		]
	};
}

/** The parts of the FHIR R4 Questionnaire resource the endpoint fills (no recursion, so no $defs). */
const coding = z.object({ system: z.string(), code: z.string(), display: z.string() });
const extension = z.object({ url: z.string(), valueCodeableConcept: z.object({ coding: z.array(coding) }) });
const displayItem = z.object({
	linkId: z.string(),
	text: z.string(),
	type: z.literal('display'),
	extension: z.array(extension).optional()
});
const questionItem = z.object({
	linkId: z.string().meta({ description: 'The answer field name in POST /screening.' }),
	text: z.string(),
	type: z.literal('choice'),
	required: z.boolean(),
	repeats: z.boolean(),
	extension: z.array(extension),
	answerOption: z.array(z.object({ valueCoding: coding })),
	item: z.array(displayItem).meta({ description: 'Help text for the question.' })
});
const fhirQuestionnaire = z
	.object({
		resourceType: z.literal('Questionnaire'),
		id: z.string(),
		url: z.string().optional(),
		version: z.string(),
		name: z.string(),
		title: z.string(),
		status: z.literal('active'),
		subjectType: z.array(z.string()),
		publisher: z.string(),
		description: z.string(),
		item: z.array(questionItem)
	})
	.meta({ description: 'A FHIR R4 Questionnaire resource (only the elements used are listed).' });

export const screeningApi: ApiModule = {
	tag: {
		name: 'Self-assessment',
		description:
			'"Which therapy fits me?": suggests dry needling, acupuncture, either, or a physician first, with a safety ' +
			'screen. Not a diagnosis. The API stores nothing, and its use is not counted in the clinic’s statistics.'
	},
	schemas: {
		ScreeningAnswers: answersSchema(),
		ScreeningResult: jsonSchemaOf(screeningResultSchema),
		FhirQuestionnaire: jsonSchemaOf(fhirQuestionnaire)
	},
	paths: {
		'/screening/questionnaire': {
			get: {
				operationId: 'getScreeningQuestionnaire',
				security: [],
				summary: 'The questions and answer codes',
				description:
					'The self-assessment as a FHIR R4 Questionnaire. Each item’s linkId is a field of POST /screening, and ' +
					'its answerOption codes are the codes that field accepts, including the body-map region codes ' +
					'(item "regions"). Sent as application/fhir+json when the Accept header prefers it.',
				responses: {
					'200': {
						description: 'The questionnaire.',
						content: {
							'application/json': { schema: schemaRef('FhirQuestionnaire') },
							'application/fhir+json': { schema: schemaRef('FhirQuestionnaire') }
						}
					}
				}
			}
		},
		'/screening': {
			post: {
				operationId: 'evaluateScreening',
				security: [],
				summary: 'Get a suggestion from answers',
				description:
					'Runs the screening rules on the answers. Red flags lead to physician_first (urgent: true means ' +
					'emergency care now); reasons say which answers caused the suggestion. Send JSON: form-encoded or ' +
					'text/plain bodies without a matching Origin header are refused by the server’s cross-site request ' +
					'check (403, plain text) before they reach this endpoint.',
				requestBody: {
					required: true,
					content: { 'application/json': { schema: schemaRef('ScreeningAnswers') } }
				},
				responses: {
					'200': { description: 'The suggestion.', content: { 'application/json': { schema: schemaRef('ScreeningResult') } } },
					'400': problemResponse('The body is empty, not UTF-8, or not valid JSON.'),
					'413': problemResponse('The body is larger than 16 KB.'),
					'415': problemResponse('The body is not sent as JSON (Content-Type: application/json, UTF-8).'),
					'422': problemResponse('Some answers are not valid; errors names each field.', 'ValidationProblem')
				}
			}
		}
	}
};
