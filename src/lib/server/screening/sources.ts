/**
 * Sources behind the screening rules. Every rule names at least one of these ids.
 *
 * Rule wording is our own; these entries say where each fact comes from. `evidence` is honest
 * about strength: 'confirmed' means the fact was checked in the cited text (or a reproduction of
 * it); 'unconfirmed' means it is general clinical knowledge still to be verified; 'synthesis' means
 * it is Needlepoint's own triage design built on the other sources, for clinician review.
 * Some documents were read through reproductions; `accessedVia` names them because that is what
 * was actually checked.
 */

export const SOURCE_IDS = [
	'apta-dn-2013',
	'apta-dn-scope',
	'munoz-2022',
	'who-acupuncture-safety-1999',
	'aacp-safe-practice-2012',
	'asap-safety-summary',
	'acupuncture-clinic-lists',
	'sierpina-frenkel-2005',
	'implant-screening-lists',
	'ahcpr-low-back-1994',
	'neck-red-flags',
	'cervical-arterial-screen',
	'kearns-2019',
	'dn-aftercare-warnings',
	'selvaratnam-2016',
	'needlepoint-intake-logic',
	'needlepoint-triage'
] as const;
export type SourceId = (typeof SOURCE_IDS)[number];

export interface Source {
	readonly id: SourceId;
	readonly citation: string;
	readonly url?: string;
	readonly doi?: string;
	readonly accessedVia?: readonly string[];
	readonly evidence: 'confirmed' | 'unconfirmed' | 'synthesis';
	/** What we take from it. */
	readonly usedFor: string;
}

export const SOURCES: Readonly<Record<SourceId, Source>> = {
	'apta-dn-2013': {
		id: 'apta-dn-2013',
		citation:
			'American Physical Therapy Association (APTA). Description of Dry Needling in Clinical Practice. 2013. ' +
			'Its contraindication lists derive from the Australian Society of Acupuncture Physiotherapists (ASAP, 2007) ' +
			'and Irish Society of Chartered Physiotherapists (ISCP, 2012) guidelines.',
		accessedVia: [
			'physioman.in, "Dry Needling" (Treatment/16)',
			'physilife.in, "To needle or not to needle"',
			'Spanish summary on blogdefisioterapia.com'
		],
		evidence: 'confirmed',
		usedFor:
			'Absolute contraindications (needle phobia, unable to consent, acute illness, needling a lymphedematous limb) ' +
			'and relative precautions (bleeding tendency, weak immune system, diabetes, pregnancy, epilepsy, metal allergy).'
	},
	'apta-dn-scope': {
		id: 'apta-dn-scope',
		citation:
			'APTA resource papers on dry needling (2012, 2014), as quoted by spoonerpt.com; ' +
			'dry needling indications as summarised by physilife.in.',
		accessedVia: ['spoonerpt.com', 'physilife.in'],
		evidence: 'confirmed',
		usedFor:
			'Dry needling rests on Western anatomy and targets trigger points, taut bands and restricted movement ' +
			'(musculoskeletal problems).'
	},
	'munoz-2022': {
		id: 'munoz-2022',
		citation: 'Muñoz, Dommerholt, et al. Dry Needling and Antithrombotic Drugs. Pain Research and Management. 2022.',
		doi: '10.1155/2022/1363477',
		url: 'https://www.hindawi.com/journals/prm/2022/1363477/',
		evidence: 'confirmed',
		usedFor:
			'Blood thinners are not an absolute contraindication; weigh technique and site; deep muscles that cannot ' +
			'be compressed may need to be avoided.'
	},
	'who-acupuncture-safety-1999': {
		id: 'who-acupuncture-safety-1999',
		citation:
			'World Health Organization. Guidelines on Basic Training and Safety in Acupuncture. WHO/EDM/TRM/99.1. 1999. ' +
			'Contraindications: 2.1 pregnancy; 2.2 medical emergencies and surgical conditions; 2.3 malignant tumours; ' +
			'2.4 bleeding disorders.',
		url: 'https://apps.who.int/medicinedocs/en/d/Jwhozip56e/4.2.1.html',
		evidence: 'confirmed',
		usedFor:
			'Pregnancy: certain points (lower abdominal, lumbosacral, strongly stimulating, some ear points) are avoided. ' +
			'Bleeding disorders are listed as a contraindication heading (detailed wording unconfirmed).'
	},
	'aacp-safe-practice-2012': {
		id: 'aacp-safe-practice-2012',
		citation:
			'Acupuncture Association of Chartered Physiotherapists (AACP). Guidelines for Safe Practice, version 2. 2012 ' +
			'(erratum, p. 11).',
		accessedVia: ['documents.pub copy of the AACP guidelines'],
		evidence: 'confirmed',
		usedFor: 'Points avoided in pregnancy: LI4, SP6, BL60, BL67 and the sacral foramen points BL31 to BL34.'
	},
	'asap-safety-summary': {
		id: 'asap-safety-summary',
		citation: 'ASAP-derived needling safety summary, Goldfields Physio Hub.',
		url: 'https://sites.google.com/view/goldfieldsphysiohub',
		evidence: 'confirmed',
		usedFor:
			'Do not needle inflamed, infected or unhealthy tissue or a lymphedematous limb; extra pregnancy cautions ' +
			'(more points avoided, no strong electrical stimulation, written consent strongly recommended).'
	},
	'acupuncture-clinic-lists': {
		id: 'acupuncture-clinic-lists',
		citation:
			'Acupuncture contraindication lists published by clinics (posture-plus.com; advantagehealth.net.au).',
		accessedVia: ['posture-plus.com', 'advantagehealth.net.au'],
		evidence: 'confirmed',
		usedFor:
			'Needle fear, bleeding disorders or blood thinners, infection or skin disease at the site, metal allergy, ' +
			'pacemaker (for electro-acupuncture), uncontrolled epilepsy, lymphedematous limb.'
	},
	'sierpina-frenkel-2005': {
		id: 'sierpina-frenkel-2005',
		citation: 'Sierpina and Frenkel. Acupuncture clinical review. Southern Medical Journal. 2005.',
		url: 'https://www.medscape.com/viewarticle/501973_6',
		evidence: 'confirmed',
		usedFor:
			'No electro-acupuncture or electrical needle stimulation across the heart or brain, or near a pacemaker ' +
			'or implanted stimulator or pump.'
	},
	'implant-screening-lists': {
		id: 'implant-screening-lists',
		citation:
			'Implant cautions in needling screening lists: a dry needling training-course screening form, and a ' +
			'chiropractic clinic list (ictmjc.com) naming pacemakers, implants and joint replacements.',
		url: 'https://form.jotform.com/210343599959066',
		evidence: 'confirmed',
		usedFor:
			'Ask about cosmetic and surgical implants and joint replacements; do not needle into a prosthesis. ' +
			'Exact rules per device type are unconfirmed.'
	},
	'ahcpr-low-back-1994': {
		id: 'ahcpr-low-back-1994',
		citation:
			'Agency for Health Care Policy and Research (AHCPR). Quick Reference Guide for Clinicians on acute low back ' +
			'problems in adults, Table 1 (red flags). 1994.',
		url: 'https://www.ncbi.nlm.nih.gov/books/NBK52120/',
		evidence: 'confirmed',
		usedFor:
			'Red flags: major trauma (fracture); history of cancer, fever or chills, unexplained weight loss, severe ' +
			'night pain (tumour or infection); saddle anaesthesia, new bladder dysfunction, severe or progressive leg ' +
			'weakness (cauda equina syndrome).'
	},
	'neck-red-flags': {
		id: 'neck-red-flags',
		citation:
			'"Neck pain – red flag symptoms", GPonline (gponline.com); with Primary Care Notebook ' +
			'(primarycarenotebook.com).',
		accessedVia: ['gponline.com', 'primarycarenotebook.com'],
		evidence: 'confirmed',
		usedFor:
			'Neck red flags: significant trauma, systemic upset (weight loss, night sweats, fever), severe or night ' +
			'pain, signs of spinal cord compression (including bladder or bowel problems), history of cancer, drop ' +
			'attacks, dizziness and blackouts.'
	},
	'cervical-arterial-screen': {
		id: 'cervical-arterial-screen',
		citation:
			'Cervical arterial dysfunction screen, "5 Ds and 3 Ns" (dizziness, diplopia, dysarthria, dysphagia, drop ' +
			'attacks; nausea, nystagmus, numbness), as summarised in an unanswered.io guide. A critique (swodeam.com) ' +
			'calls the list a simplification.',
		accessedVia: ['unanswered.io', 'swodeam.com'],
		evidence: 'confirmed',
		usedFor: 'Dizziness, double vision, or trouble speaking or swallowing call for a physician before needling.'
	},
	'kearns-2019': {
		id: 'kearns-2019',
		citation:
			'Kearns et al. New perspectives on dry needling following a medical model: are we screening our patients ' +
			'sufficiently? Journal of Manual & Manipulative Therapy. 2019;27(3):172-179.',
		url: 'https://pubmed.ncbi.nlm.nih.gov/30935332/',
		evidence: 'confirmed',
		usedFor:
			'Pain that looks muscular can come from systemic, visceral or metabolic disease; screen for it before ' +
			'dry needling.'
	},
	'dn-aftercare-warnings': {
		id: 'dn-aftercare-warnings',
		citation: 'Dry needling consent form with aftercare warning symptoms (my.onlinechiro.com).',
		accessedVia: ['my.onlinechiro.com'],
		evidence: 'confirmed',
		usedFor:
			'Breathlessness, chest pain, dry cough or fast breathing after needling can signal a collapsed lung and may ' +
			'start hours after treatment.'
	},
	'selvaratnam-2016': {
		id: 'selvaratnam-2016',
		citation: 'Interview with physiotherapy acupuncture educator Selvaratnam, 2016 (raynersmale.com).',
		accessedVia: ['raynersmale.com'],
		evidence: 'confirmed',
		usedFor:
			'Acupuncture is used for chronic pain and whole-body complaints (for example nausea, hormonal problems, ' +
			'headaches and migraine); dry needling for musculoskeletal and nerve-irritation problems; they can be combined.'
	},
	'needlepoint-intake-logic': {
		id: 'needlepoint-intake-logic',
		citation:
			'Needlepoint clinical reference, general intake logic: chest pain or breathlessness, new neurological ' +
			'deficit and similar findings go to a physician. Clinical common sense, not from a single guideline.',
		evidence: 'unconfirmed',
		usedFor: 'Chest pain or sudden breathlessness as a red flag needing emergency care.'
	},
	'needlepoint-triage': {
		id: 'needlepoint-triage',
		citation:
			'Needlepoint clinical reference, "Choosing dry needling vs acupuncture vs physician first": suggested ' +
			'triage logic (our synthesis of the sources above, for clinician review).',
		evidence: 'synthesis',
		usedFor:
			'Order of decisions (red flags, then absolute contraindications, then concerns and preference; precautions ' +
			'trigger clinician review); always allow "either, let the clinician decide".'
	}
};

/** Full citations for the source ids on a result, for a "Where this comes from" section. */
export function citationsFor(ids: readonly string[]): Source[] {
	const wanted = new Set(ids);
	return SOURCE_IDS.filter((id) => wanted.has(id)).map((id) => SOURCES[id]);
}
