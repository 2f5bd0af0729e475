import { problemResponse, type ApiModule } from './openapi';
import { screeningApi } from './screening.openapi';
import { bookingApi } from './booking.openapi';
import { formsApi } from './forms.openapi';
import { consentApi } from './consent.openapi';
import { atlasApi } from './atlas.openapi';

/** The document itself, so clients can find it from any copy of it. */
const documentApi: ApiModule = {
	tag: { name: 'API', description: 'About this API.' },
	paths: {
		'/openapi.json': {
			get: {
				operationId: 'getOpenApiDocument',
				summary: 'This OpenAPI 3.1 document',
				security: [],
				responses: {
					'200': { description: 'The document.', content: { 'application/json': { schema: { type: 'object' } } } },
					'404': problemResponse('Any other path under /api/v1 that does not exist.')
				}
			}
		}
	}
};

/** Every part of /api/v1. A new feature (booking, availability) adds its module here. */
export const API_MODULES: readonly ApiModule[] = [documentApi, screeningApi, bookingApi, formsApi, consentApi, atlasApi];
