/** Consent vocabulary shared by the staff pages, the signing form and the API. */

export const CONSENT_MODALITIES = ['dry_needling', 'acupuncture', 'electrical_stimulation', 'general_treatment', 'privacy_notice'] as const;
export type ConsentModality = (typeof CONSENT_MODALITIES)[number];

export const CONSENT_MODALITY_LABELS: Record<ConsentModality, string> = {
	dry_needling: 'Dry needling',
	acupuncture: 'Acupuncture',
	electrical_stimulation: 'Electrical stimulation',
	general_treatment: 'General treatment',
	privacy_notice: 'Privacy notice'
};

export function isConsentModality(value: unknown): value is ConsentModality {
	return typeof value === 'string' && (CONSENT_MODALITIES as readonly string[]).includes(value);
}

/** The one answer to "may we treat this patient with this modality?" (see consentStatus). */
export type ConsentStatus = 'valid' | 'missing' | 'outdated' | 'withdrawn';

export const CONSENT_STATUS_LABELS: Record<ConsentStatus, string> = {
	valid: 'Signed',
	missing: 'Not signed',
	outdated: 'Needs signing again',
	withdrawn: 'Withdrawn'
};

export const GUARDIAN_RELATIONSHIPS = ['parent', 'legal_guardian', 'other_legal_representative'] as const;
export type GuardianRelationship = (typeof GUARDIAN_RELATIONSHIPS)[number];
export const GUARDIAN_RELATIONSHIP_LABELS: Record<GuardianRelationship, string> = {
	parent: 'Parent',
	legal_guardian: 'Legal guardian',
	other_legal_representative: 'Other person legally allowed to consent'
};

/** Age of legal consent for treatment used by the clinic (US states: 18). */
export const AGE_OF_CONSENT = 18;

/** A published document as the signing page shows it. */
export type ConsentDocumentView = {
	modality: ConsentModality;
	version: number;
	hash: string;
	title: string;
	body: string;
	notice: string;
	publishedAt: string;
};

/** What the signing form needs besides the document. */
export type ConsentSigningView = {
	document: ConsentDocumentView;
	/** Blocks of the body for display: headings, paragraphs and bullet lists (never HTML). */
	blocks: ConsentBlock[];
	patientName: string;
	/** Under 18 in the clinic's zone today: a parent or guardian signs. */
	minor: boolean;
	/** Today's date in the clinic's zone, 'YYYY-MM-DD' (the date field's default). */
	today: string;
	status: ConsentStatus;
	/** The witness's name when signed in the clinic. */
	witnessName?: string;
};

export type ConsentBlock = { kind: 'heading'; text: string } | { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

/**
 * The body's light markup: "## " starts a heading, "- " a list item, a blank line ends a
 * paragraph. Anything else is plain text, rendered escaped.
 */
export function consentBlocks(body: string): ConsentBlock[] {
	const blocks: ConsentBlock[] = [];
	let paragraph: string[] = [];
	let list: string[] | undefined;
	const flush = () => {
		if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
		paragraph = [];
		if (list) blocks.push({ kind: 'list', items: list });
		list = undefined;
	};
	for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
		const line = raw.trim();
		if (line === '') flush();
		else if (line.startsWith('## ')) {
			flush();
			blocks.push({ kind: 'heading', text: line.slice(3).trim() });
		} else if (line.startsWith('- ')) {
			if (paragraph.length > 0) {
				blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
				paragraph = [];
			}
			(list ??= []).push(line.slice(2).trim());
		} else if (list) list[list.length - 1] += ` ${line}`;
		else paragraph.push(line);
	}
	flush();
	return blocks;
}
