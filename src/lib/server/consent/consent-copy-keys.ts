/** The job that emails a signed consent's PDF copy: one per signature, forever. */
export const CONSENT_COPY_JOB_KIND = 'consent.copy';

export function consentCopyKey(signatureId: string): string {
	return `consent-copy:${signatureId}`;
}
