import { z } from 'zod';
import {
	ABSOLUTE_PRECAUTIONS,
	CONCERN_PROFILES,
	RECOMMENDATIONS,
	RED_FLAGS,
	RELATIVE_PRECAUTIONS,
	SERVICE_SLUGS
} from './codes';
import { SCREENING_FIELDS } from './input.schema';
import { THERAPY_REASON_CODES } from './result';

/**
 * The self-assessment result as a zod schema: it documents POST /api/v1/screening in the OpenAPI
 * document, and tests parse real engine output with it so the documentation cannot drift from
 * what the API sends.
 */

const field = z.enum(SCREENING_FIELDS as [string, ...string[]]);

function finding<C extends z.ZodType>(code: C, what: string) {
	return z.strictObject({
		code: code.meta({ description: `Stable code of the ${what}.` }),
		text: z.string().meta({ description: 'Plain-language explanation for the person.' }),
		ruleId: z.string().meta({ description: 'The rule that produced this, for audit.' }),
		answers: z
			.array(z.strictObject({ field, code: z.string() }))
			.meta({ description: 'The answers that made the rule fire (field name and answer code).' }),
		sources: z.array(z.string()).meta({ description: 'Ids of the sources the rule cites.' })
	});
}

export const screeningResultSchema = z
	.strictObject({
		recommendation: z.enum(RECOMMENDATIONS).meta({
			description:
				'physician_first: see a doctor before any needling. not_suitable_for_needling: a consultation without ' +
				'needles. dry_needling, acupuncture or either: the therapy that fits the answers.'
		}),
		reasons: z.array(finding(z.enum([...RED_FLAGS, ...ABSOLUTE_PRECAUTIONS, ...THERAPY_REASON_CODES]), 'reason')),
		precautions: z.array(finding(z.enum(RELATIVE_PRECAUTIONS), 'precaution')),
		clinicianReview: z.boolean().meta({ description: 'True when a clinician must review the answers before any needling.' }),
		suggestedServices: z.array(z.enum(SERVICE_SLUGS)).meta({ description: 'Slugs of the clinic services that fit.' }),
		rulesetVersion: z.string().meta({ description: 'Version of the rules that produced this result.' }),
		urgent: z.boolean().meta({ description: 'True when the person should get emergency care now.' }),
		summary: z.string().meta({ description: 'One sentence to lead the result with.' }),
		concernProfile: z.enum(CONCERN_PROFILES),
		firedRules: z.array(z.string()).meta({ description: 'Ids of every rule that fired, in order.' })
	})
	.meta({ description: 'A self-assessment result. It is not a diagnosis: the clinician confirms it at the first visit.' });
