import { createHash } from 'node:crypto';
import type { ConsentModality } from '../../shared/consent';

/** A published, never-changing version of one modality's consent text. */
export type ConsentDocumentVersion = {
	id: string;
	clinicId: string;
	modality: ConsentModality;
	version: number;
	title: string;
	body: string;
	notice: string;
	hash: string;
	publishedAt: Date;
	publishedBy: string | null;
};

/**
 * The text a signature covers, in one canonical form: line endings normalised to \n, trailing
 * spaces and surrounding blank lines removed, then title, body and notice separated by a blank line
 * (the notice only when there is one). Anyone holding the PDF can recompute the hash from it.
 */
export function canonicalConsentText(doc: { title: string; body: string; notice: string }): string {
	const clean = (text: string) =>
		text
			.replace(/\r\n?/g, '\n')
			.split('\n')
			.map((line) => line.trimEnd())
			.join('\n')
			.trim();
	return [clean(doc.title), clean(doc.body), clean(doc.notice)].filter((part) => part !== '').join('\n\n');
}

/** SHA-256 (hex) of the canonical UTF-8 text. */
export function consentHash(doc: { title: string; body: string; notice: string }): string {
	return createHash('sha256').update(canonicalConsentText(doc), 'utf8').digest('hex');
}
