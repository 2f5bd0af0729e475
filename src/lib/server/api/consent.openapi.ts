import { consentDocumentResponse } from '../consent/consent-api';
import { jsonSchemaOf, schemaRef, type ApiModule } from './openapi';

/** Consent's part of the OpenAPI document. */
export const consentApi: ApiModule = {
	tag: {
		name: 'Consent',
		description:
			'Informed-consent documents per modality. Published versions never change; a signature records the version and its SHA-256, ' +
			'so a client can check that the text it holds is the text that was signed.'
	},
	schemas: { ConsentDocument: jsonSchemaOf(consentDocumentResponse) },
	paths: {
		'/consent-documents': {
			get: {
				operationId: 'listConsentDocuments',
				security: [],
				summary: 'Published consent documents, latest version per modality',
				responses: {
					'200': {
						description: 'One entry per modality: dry_needling, acupuncture, electrical_stimulation, general_treatment, privacy_notice.',
						content: { 'application/json': { schema: { type: 'array', items: schemaRef('ConsentDocument') } } }
					}
				}
			}
		}
	}
};
