import PDFDocument from 'pdfkit';
import { consentBlocks } from '../../shared/consent';
import { formatInstant } from '../../shared/time-display';
import { GUARDIAN_RELATIONSHIP_LABELS, type GuardianRelationship } from '../../shared/consent';

/** Everything printed on a patient's copy of a signed consent. */
export type ConsentCopy = {
	clinic: { name: string; phone: string; email: string; address: string; timeZone: string };
	patient: { name: string; dateOfBirth: string };
	document: { title: string; body: string; notice: string; version: number; hash: string; publishedAt: Date };
	signature: {
		id: string;
		signerName: string;
		signerRole: 'patient' | 'guardian';
		guardianRelationship: string | null;
		signedOn: string;
		signedAt: Date;
		via: 'email' | 'tablet' | 'staff';
		witnessName: string | null;
		ip: string | null;
	};
};

const VIA_LABELS = { email: 'online, from the link the clinic emailed', tablet: 'on the clinic’s tablet', staff: 'in the clinic' } as const;

/**
 * The patient's copy as a PDF: real text (searchable and copyable, built-in Helvetica), with the
 * clinic, the patient, the document's version and SHA-256, and the signature's time in UTC and in
 * the clinic's zone. Deterministic for the same input (fixed creation date), so copies can be
 * compared byte for byte.
 */
export function renderConsentPdf(copy: ConsentCopy): Promise<Buffer> {
	const pdf = new PDFDocument({
		size: 'LETTER',
		margin: 54,
		info: {
			Title: `${copy.document.title} (version ${copy.document.version})`,
			Author: copy.clinic.name,
			Subject: 'Signed consent',
			CreationDate: copy.signature.signedAt
		}
	});
	const chunks: Buffer[] = [];
	pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
	const done = new Promise<Buffer>((resolve, reject) => {
		pdf.on('end', () => resolve(Buffer.concat(chunks)));
		pdf.on('error', reject);
	});

	const width = pdf.page.width - 108;
	pdf.font('Helvetica-Bold').fontSize(10).text(copy.clinic.name, { width });
	pdf.font('Helvetica').fontSize(9).text([copy.clinic.address, copy.clinic.phone, copy.clinic.email].filter(Boolean).join(' · '), { width });
	pdf.moveDown(1.2);
	pdf.font('Helvetica-Bold').fontSize(16).text(copy.document.title, { width });
	pdf.moveDown(0.3);
	pdf.font('Helvetica').fontSize(9);
	pdf.text(`Patient: ${copy.patient.name} (born ${copy.patient.dateOfBirth})`, { width });
	pdf.text(`Document version: ${copy.document.version}, published ${isoUtc(copy.document.publishedAt)}`, { width });
	pdf.text(`Document SHA-256: ${copy.document.hash}`, { width });
	pdf.moveDown(1);

	for (const block of consentBlocks(copy.document.body)) {
		if (block.kind === 'heading') {
			pdf.moveDown(0.4).font('Helvetica-Bold').fontSize(12).text(block.text, { width });
		} else if (block.kind === 'paragraph') {
			pdf.font('Helvetica').fontSize(10.5).text(block.text, { width, paragraphGap: 4 });
		} else {
			pdf.font('Helvetica').fontSize(10.5).list(block.items, { width: width - 12, bulletRadius: 1.8, textIndent: 10, paragraphGap: 2 });
		}
	}
	if (copy.document.notice) {
		pdf.moveDown(0.6).font('Helvetica-Bold').fontSize(10.5).text(copy.document.notice, { width });
	}

	const s = copy.signature;
	pdf.moveDown(1.2).font('Helvetica-Bold').fontSize(12).text('Signature', { width });
	pdf.font('Helvetica').fontSize(10.5);
	const signer =
		s.signerRole === 'guardian'
			? `${s.signerName}, ${(GUARDIAN_RELATIONSHIP_LABELS[s.guardianRelationship as GuardianRelationship] ?? s.guardianRelationship ?? '').toLowerCase()} of ${copy.patient.name}`
			: s.signerName;
	pdf.text(`Signed by: ${signer}, by typing their name and ticking “I agree”`, { width });
	pdf.text(`Date typed by the signer: ${s.signedOn}`, { width });
	pdf.text(`Signed at: ${isoUtc(s.signedAt)} (${formatInstant(s.signedAt, copy.clinic.timeZone)})`, { width });
	pdf.text(`Signed ${VIA_LABELS[s.via]}${s.witnessName ? `, witnessed by ${s.witnessName}` : ''}`, { width });
	if (s.ip) pdf.text(`From address: ${s.ip}`, { width });
	pdf.text(`Record: ${s.id}`, { width });
	pdf.moveDown(1).fontSize(8.5).fillColor('#444444');
	pdf.text(
		'Keep this copy. You may withdraw this consent at any time by telling the clinic; it takes effect at once. ' +
			'The SHA-256 above is computed over the document’s title, text and statement exactly as shown to you.',
		{ width }
	);
	pdf.end();
	return done;
}

function isoUtc(date: Date): string {
	return `${date.toISOString().replace(/\.\d{3}Z$/, 'Z')} UTC`;
}
