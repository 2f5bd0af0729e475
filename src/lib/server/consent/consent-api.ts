import { z } from 'zod';
import { CONSENT_MODALITIES } from '../../shared/consent';
import type { ConsentDocumentVersion } from './consent-document';

/** GET /api/v1/consent-documents: the latest published version of each modality's document. */
export const consentDocumentResponse = z
	.object({
		modality: z.enum(CONSENT_MODALITIES),
		version: z.number().int().min(1).meta({ description: 'Grows by one with every published edit.' }),
		hash: z
			.string()
			.regex(/^[0-9a-f]{64}$/)
			.meta({ description: 'SHA-256 (hex) of the canonical text: title, body and clinic statement, separated by blank lines.' }),
		title: z.string()
	})
	.meta({ description: 'A published consent document (latest version of its modality).' });

export type ConsentDocumentResponse = z.output<typeof consentDocumentResponse>;

export function toConsentDocumentResponse(doc: ConsentDocumentVersion): ConsentDocumentResponse {
	return { modality: doc.modality, version: doc.version, hash: doc.hash, title: doc.title };
}
