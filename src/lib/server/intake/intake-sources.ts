/**
 * Where each intake precaution comes from. Facts are taken from the documents below (read
 * through the reproductions named in `accessedVia` where the original was not at hand); the
 * precaution wording in ./precautions.ts is our own. `evidence` follows ../screening/sources.ts:
 * 'confirmed' = checked in the cited text, 'unconfirmed' = general clinical knowledge to verify.
 */

export const INTAKE_SOURCE_IDS = ['apta-dn-2013', 'munoz-2022', 'sierpina-frenkel-2005', 'implant-lists', 'dn-screening-form'] as const;
export type IntakeSourceId = (typeof INTAKE_SOURCE_IDS)[number];

export interface IntakeSource {
	readonly id: IntakeSourceId;
	readonly citation: string;
	readonly url?: string;
	readonly accessedVia?: readonly string[];
	readonly evidence: 'confirmed' | 'unconfirmed';
	readonly usedFor: string;
}

export const INTAKE_SOURCES: Readonly<Record<IntakeSourceId, IntakeSource>> = {
	'apta-dn-2013': {
		id: 'apta-dn-2013',
		citation:
			'American Physical Therapy Association (APTA). Description of Dry Needling in Clinical Practice. 2013 ' +
			'(contraindication lists derived from the ASAP 2007 and ISCP 2012 guidelines).',
		accessedVia: ['physioman.in, "Dry Needling" (Treatment/16)', 'physilife.in, "To needle or not to needle"', 'blogdefisioterapia.com (Spanish summary)'],
		evidence: 'confirmed',
		usedFor:
			'Absolute: needle phobia, unable to consent, needling a limb with lymphoedema. Relative: bleeding tendency, weakened ' +
			'immune system, diabetes, pregnancy, epilepsy, allergies (nickel, chromium, latex), medications.'
	},
	'munoz-2022': {
		id: 'munoz-2022',
		citation: 'Muñoz, Dommerholt, et al. Dry Needling and Antithrombotic Drugs. Pain Research and Management. 2022. doi:10.1155/2022/1363477',
		url: 'https://www.hindawi.com/journals/prm/2022/1363477/',
		evidence: 'confirmed',
		usedFor:
			'Blood thinners and antiplatelets are not an absolute contraindication; weigh technique and site; deep muscles that ' +
			'cannot be compressed to stop bleeding may need to be avoided.'
	},
	'sierpina-frenkel-2005': {
		id: 'sierpina-frenkel-2005',
		citation: 'Sierpina VS, Frenkel MA. Acupuncture: a clinical review. Southern Medical Journal. 2005.',
		accessedVia: ['medscape.com/viewarticle/501973_6'],
		evidence: 'confirmed',
		usedFor: 'No electrical stimulation across the heart or brain, or near a pacemaker or an implanted stimulator or pump.'
	},
	'implant-lists': {
		id: 'implant-lists',
		citation: 'Clinic screening lists naming pacemakers, implants and joint replacements (e.g. ictmjc.com); ASAP-derived safety summaries.',
		evidence: 'confirmed',
		usedFor: 'Do not needle into a prosthesis such as a breast implant (risk of a leak); take care around implants.'
	},
	'dn-screening-form': {
		id: 'dn-screening-form',
		citation: 'Dry needling training-course screening form (form.jotform.com/210343599959066).',
		evidence: 'confirmed',
		usedFor:
			'Additional screening items: recent surgery, peripheral neuropathy, skin conditions at the site, recurrent infections, ' +
			'cosmetic or surgical implants (breast, buttock, pectoral).'
	}
};
