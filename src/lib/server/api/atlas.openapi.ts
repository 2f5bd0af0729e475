import { acupointItem, MAX_REFERS, muscleItem } from '../charting/atlas/atlas-api';
import { MERIDIAN_CODES } from '../charting/atlas/acupoints';
import { BODY_AREAS } from '../charting/atlas/body-areas';
import { jsonSchemaOf, problemResponse, schemaRef, type ApiModule } from './openapi';

/** The atlases' part of the OpenAPI document: reference data, public, no patient data. */

const listOf = (name: string) => ({ 'application/json': { schema: { type: 'array', items: schemaRef(name) } } });

const qParameter = {
	name: 'q',
	in: 'query',
	required: false,
	schema: { type: 'string', minLength: 1, maxLength: 100 },
	description: 'Text to find in the code, the name or the region (case, accents and punctuation ignored). An exact code ranks first.'
};
const regionParameter = {
	name: 'region',
	in: 'query',
	required: false,
	schema: { type: 'string', examples: ['shoulder', 'low_back', 'shoulder_left'] },
	description: `Only rows in this body area (${BODY_AREAS.join(', ')}); a body-map region such as shoulder_left counts as its area.`
};

export const atlasApi: ApiModule = {
	tag: {
		name: 'Atlases',
		description:
			'Trigger-point and acupuncture-point atlases as data. Each row names its sources. Reference material for ' +
			'clinicians, not a diagnosis; rows with verified: false still need checking against the primary source.'
	},
	schemas: { AtlasMuscle: jsonSchemaOf(muscleItem), AtlasAcupoint: jsonSchemaOf(acupointItem) },
	paths: {
		'/atlas/muscles': {
			get: {
				operationId: 'listAtlasMuscles',
				security: [],
				summary: 'Trigger-point atlas',
				description:
					'Muscles with where their trigger points refer pain, typical symptoms and needling cautions. With refers, only ' +
					'muscles that refer to those places, best explanation first ("pain here → which muscles?").',
				parameters: [
					qParameter,
					regionParameter,
					{
						name: 'refers',
						in: 'query',
						required: false,
						schema: { type: 'string', examples: ['head_temporal,jaw_angle', 'shoulder'] },
						description: `Where it hurts: up to ${MAX_REFERS} referral zones or body areas, separated by commas. Results are ranked and carry score and matchedZones.`
					}
				],
				responses: {
					'200': { description: 'The matching muscles.', content: listOf('AtlasMuscle') },
					'422': problemResponse('A query parameter is invalid or unknown; errors name it.', 'ValidationProblem')
				}
			}
		},
		'/atlas/acupoints': {
			get: {
				operationId: 'listAtlasAcupoints',
				security: [],
				summary: 'Acupuncture-point atlas',
				description:
					'The 361 points of the WHO standard with pinyin name, meridian and body area; points traditionally avoided in ' +
					'pregnancy carry the flag and its source. No location text (the WHO location book is copyrighted).',
				parameters: [
					qParameter,
					regionParameter,
					{
						name: 'meridian',
						in: 'query',
						required: false,
						schema: { type: 'string', enum: [...MERIDIAN_CODES] },
						description: 'Only this meridian (abbreviation; lower case is accepted).'
					}
				],
				responses: {
					'200': { description: 'The matching points, in meridian order.', content: listOf('AtlasAcupoint') },
					'422': problemResponse('A query parameter is invalid or unknown; errors name it.', 'ValidationProblem')
				}
			}
		}
	}
};
