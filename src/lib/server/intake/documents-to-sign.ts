import { pendingConsents } from '../consent/consent.service';
import type { DocumentsToSign } from './intake.service';

/**
 * The consents the forms hub offers: those the patient's coming visits need (and the optional
 * electrical-stimulation one) that are not validly on file. A signed document drops off the list.
 */
export const documentsToSign: DocumentsToSign = async (ctx, access, hubPath) => {
	const pending = await pendingConsents(ctx, access.patientId);
	return pending.map((p) => ({
		title: p.required ? p.title : `${p.title} (only if your clinician suggests it)`,
		href: `${hubPath}/consent/${p.modality}`,
		done: false
	}));
};
