import { problemResponse, schemaRef, type ApiModule } from './openapi';

/** Clinic forms (pre-visit intake) as FHIR R4 Questionnaires. */
export const formsApi: ApiModule = {
	tag: {
		name: 'Forms',
		description:
			'The clinic’s pre-visit forms as FHIR R4 Questionnaires. Answers are collected through the patient’s private forms link, ' +
			'not through this API.'
	},
	schemas: {
		FormQuestionnaire: {
			type: 'object',
			description:
				'A FHIR R4 Questionnaire. version is the clinic’s published version number (answers are stored against it); ' +
				'meta.tag carries the content hash. Top-level items are groups (pages); enableWhen, answerOption, required, ' +
				'repeats, maxLength and the minValue/maxValue extensions follow FHIR R4.',
			required: ['resourceType', 'id', 'version', 'title', 'status', 'item'],
			properties: {
				resourceType: { const: 'Questionnaire' },
				id: { type: 'string' },
				url: { type: 'string' },
				version: { type: 'string' },
				name: { type: 'string' },
				title: { type: 'string' },
				status: { const: 'active' },
				subjectType: { type: 'array', items: { type: 'string' } },
				publisher: { type: 'string' },
				description: { type: 'string' },
				meta: { type: 'object' },
				item: { type: 'array', items: { type: 'object', required: ['linkId', 'text', 'type'] } }
			},
			examples: [{ resourceType: 'Questionnaire', id: 'health-history-1', version: '1', title: 'Health history', status: 'active', item: [] }]
		}
	},
	paths: {
		'/forms/{slug}': {
			get: {
				operationId: 'getFormQuestionnaire',
				security: [],
				summary: 'A form as a FHIR Questionnaire',
				description:
					'The current published version of a form. The shipped health-history intake has the slug "health-history". ' +
					'Sent as application/fhir+json when the Accept header prefers it.',
				parameters: [{ name: 'slug', in: 'path', required: true, schema: { type: 'string', examples: ['health-history'] }, description: 'The form’s slug.' }],
				responses: {
					'200': {
						description: 'The questionnaire.',
						content: {
							'application/json': { schema: schemaRef('FormQuestionnaire') },
							'application/fhir+json': { schema: schemaRef('FormQuestionnaire') }
						}
					},
					'404': problemResponse('No form has this slug.')
				}
			}
		}
	}
};
