import type { Ruleset } from './ruleset';

/**
 * Screening ruleset 1.0.0: the clinical content of "which therapy fits me?".
 *
 * All wording is ours and aimed at a reading age of about 12. The therapy texts describe what each
 * service is for at this clinic; they make no claim that one profession's approach is better.
 * Urgent texts name 911 because the demo clinic is in the US, and add "or your local emergency
 * number" for clinics elsewhere.
 *
 * Changing anything here means bumping `version` (rules.test.ts pins a fingerprint to enforce it).
 */

const EMERGENCY_NOW =
	'Please get emergency care now. Call 911 (or your local emergency number), or go to an emergency room.';

export const RULESET_V1: Ruleset = {
	version: '1.0.0',
	rules: [
		// Stage 1: red flags. Any one means a physician first; three need emergency care now.
		{
			id: 'red_flag.chest_pain_or_breathless',
			stage: 'red_flag',
			redFlag: 'chest_pain_or_breathless',
			urgent: true,
			text:
				'You told us about chest pain, or trouble breathing that came on suddenly. This needs a doctor straight away, ' +
				`even if it started after a needling session. ${EMERGENCY_NOW}`,
			sources: ['needlepoint-intake-logic', 'dn-aftercare-warnings']
		},
		{
			id: 'red_flag.saddle_numbness',
			stage: 'red_flag',
			redFlag: 'saddle_numbness',
			urgent: true,
			text:
				'You told us about numbness between your legs or around your bottom. This can be a sign of pressure on the ' +
				`nerves at the base of the spine, which needs treatment quickly. ${EMERGENCY_NOW}`,
			sources: ['ahcpr-low-back-1994']
		},
		{
			id: 'red_flag.bladder_bowel_change',
			stage: 'red_flag',
			redFlag: 'bladder_bowel_change',
			urgent: true,
			text:
				'You told us about new trouble with your bladder or bowels. This can be a sign of pressure on the nerves at ' +
				`the base of the spine or in the neck, which needs treatment quickly. ${EMERGENCY_NOW}`,
			sources: ['ahcpr-low-back-1994', 'neck-red-flags']
		},
		{
			id: 'red_flag.fever_or_unwell',
			stage: 'red_flag',
			redFlag: 'fever_or_unwell',
			urgent: false,
			text:
				'You told us you have a fever or feel unwell all over. Needling is not done during an illness like this, and ' +
				'a doctor should find out what is causing it first.',
			sources: ['ahcpr-low-back-1994', 'apta-dn-2013', 'neck-red-flags']
		},
		{
			id: 'red_flag.unexplained_weight_loss',
			stage: 'red_flag',
			redFlag: 'unexplained_weight_loss',
			urgent: false,
			text:
				'You told us you have lost weight without trying. A doctor should find the cause first, before any ' +
				'needling.',
			sources: ['ahcpr-low-back-1994', 'neck-red-flags', 'kearns-2019']
		},
		{
			id: 'red_flag.cancer_history',
			stage: 'red_flag',
			redFlag: 'cancer_history',
			urgent: false,
			text:
				'You told us you have had cancer. After cancer, new symptoms should be checked by a doctor first. Your ' +
				'doctor can also tell you if needling is safe for you later.',
			sources: ['ahcpr-low-back-1994', 'neck-red-flags', 'kearns-2019']
		},
		{
			id: 'red_flag.progressive_weakness',
			stage: 'red_flag',
			redFlag: 'progressive_weakness',
			urgent: false,
			text:
				'You told us about weakness in an arm or leg that is getting worse. A doctor should check your nerves soon, ' +
				'before any needling. If the weakness came on suddenly, or is on one side of your face or body, call 911 ' +
				'(or your local emergency number) now.',
			sources: ['ahcpr-low-back-1994', 'neck-red-flags']
		},
		{
			id: 'red_flag.major_trauma',
			stage: 'red_flag',
			redFlag: 'major_trauma',
			urgent: false,
			text:
				'You told us about a recent serious injury. A doctor should check for a broken bone or other injury before ' +
				'any needling.',
			sources: ['ahcpr-low-back-1994', 'neck-red-flags']
		},
		{
			id: 'red_flag.severe_night_pain',
			stage: 'red_flag',
			redFlag: 'severe_night_pain',
			urgent: false,
			text:
				'You told us about bad pain at night that does not ease with rest. A doctor should check this first, because ' +
				'it can have causes that need different care.',
			sources: ['ahcpr-low-back-1994', 'neck-red-flags']
		},
		{
			id: 'red_flag.dizziness_vision_speech',
			stage: 'red_flag',
			redFlag: 'dizziness_vision_speech',
			urgent: false,
			text:
				'You told us about dizzy spells, fainting, double vision, or trouble speaking or swallowing. These can come ' +
				'from blood vessels or nerves in the neck and head, so a doctor should check you first. If this started ' +
				'suddenly or is happening now, call 911 (or your local emergency number).',
			sources: ['neck-red-flags', 'cervical-arterial-screen']
		},

		// Stage 2: absolute contraindications. No needling; hands-on care and exercise instead.
		{
			id: 'contraindication.needle_phobia',
			stage: 'contraindication',
			precaution: 'needle_phobia',
			text:
				'You told us you are very afraid of needles. Needling should never be pushed on anyone. You are welcome to ' +
				'book a consultation to talk about hands-on therapy and exercise instead.',
			sources: ['apta-dn-2013', 'acupuncture-clinic-lists']
		},
		{
			id: 'contraindication.unable_to_consent',
			stage: 'contraindication',
			precaution: 'unable_to_consent',
			text:
				'You told us you cannot agree to treatment yourself. Needling needs the informed agreement of the person ' +
				'being treated. A consultation can look at hands-on therapy and exercise instead.',
			sources: ['apta-dn-2013']
		},

		// Stage 3: the concerns × preference table. Each rule covers the cells listed in `preferences`.
		{
			id: 'therapy.musculoskeletal.none_or_western',
			stage: 'therapy',
			concerns: 'musculoskeletal',
			preferences: ['none', 'western'],
			recommendation: 'dry_needling',
			code: 'musculoskeletal_concerns',
			text:
				'You told us about muscle or joint concerns. Dry needling is aimed at tight, sore spots in muscles and at ' +
				'stiffness, which is why we suggest it. Acupuncture is also offered for these if you would rather.',
			sources: ['needlepoint-triage', 'apta-dn-scope', 'selvaratnam-2016']
		},
		{
			id: 'therapy.musculoskeletal.tcm',
			stage: 'therapy',
			concerns: 'musculoskeletal',
			preferences: ['tcm'],
			recommendation: 'either',
			code: 'musculoskeletal_concerns_tcm_preference',
			text:
				'You told us about muscle or joint concerns, which dry needling is aimed at, and you would like a ' +
				'traditional Chinese medicine approach, which acupuncture offers. Either could suit you. Your clinician can ' +
				'help you choose.',
			sources: ['needlepoint-triage', 'selvaratnam-2016']
		},
		{
			id: 'therapy.whole_body.none_or_tcm',
			stage: 'therapy',
			concerns: 'whole_body',
			preferences: ['none', 'tcm'],
			recommendation: 'acupuncture',
			code: 'whole_body_concerns',
			text:
				'You told us about whole-body concerns, like sleep, stress or digestion. Of our services, acupuncture is the ' +
				'one used for concerns like these.',
			sources: ['needlepoint-triage', 'selvaratnam-2016']
		},
		{
			id: 'therapy.whole_body.western',
			stage: 'therapy',
			concerns: 'whole_body',
			preferences: ['western'],
			recommendation: 'acupuncture',
			code: 'whole_body_concerns_western_preference',
			text:
				'You would like a Western approach, but dry needling is aimed at muscles and joints. It is not used for ' +
				'whole-body concerns like sleep, stress or digestion. For those, acupuncture is the service we offer. You ' +
				'can ask your clinician how it works before you decide.',
			sources: ['needlepoint-triage', 'apta-dn-scope', 'selvaratnam-2016']
		},
		{
			id: 'therapy.mixed.none',
			stage: 'therapy',
			concerns: 'mixed',
			preferences: ['none'],
			recommendation: 'either',
			code: 'mixed_concerns',
			text:
				'You told us about muscle or joint concerns and whole-body concerns. Dry needling is aimed at the first kind; ' +
				'acupuncture is used for both kinds. Either could suit you, and your clinician can help you choose.',
			sources: ['needlepoint-triage', 'selvaratnam-2016']
		},
		{
			id: 'therapy.mixed.western',
			stage: 'therapy',
			concerns: 'mixed',
			preferences: ['western'],
			recommendation: 'dry_needling',
			code: 'mixed_concerns_western_preference',
			text:
				'You told us about both muscle or joint concerns and whole-body concerns, and you would like a Western ' +
				'approach. Dry needling fits your muscle and joint concerns. It is not used for whole-body concerns, so ask ' +
				'about those at your consultation.',
			sources: ['needlepoint-triage', 'apta-dn-scope']
		},
		{
			id: 'therapy.mixed.tcm',
			stage: 'therapy',
			concerns: 'mixed',
			preferences: ['tcm'],
			recommendation: 'acupuncture',
			code: 'mixed_concerns_tcm_preference',
			text:
				'You told us about both muscle or joint concerns and whole-body concerns. You would also like a traditional ' +
				'Chinese medicine approach. Acupuncture offers that, and it is used for both kinds of concern.',
			sources: ['needlepoint-triage', 'selvaratnam-2016']
		},
		{
			id: 'therapy.no_concerns',
			stage: 'therapy',
			concerns: 'none',
			preferences: ['none', 'western', 'tcm'],
			recommendation: 'either',
			code: 'no_concerns_given',
			text:
				'You did not choose a concern, so we cannot point to one therapy. Either could be right. At a consultation, ' +
				'your clinician can help you choose.',
			sources: ['needlepoint-triage']
		},

		// Stage 4: relative precautions. They never change the therapy; each adds a note and clinician review.
		{
			id: 'precaution.anticoagulants',
			stage: 'precaution',
			precaution: 'anticoagulants',
			text:
				'You take blood thinners. Please tell your clinician which medicine you take. Needling is often still ' +
				'possible, but deep spots that cannot be pressed to stop bleeding may be avoided.',
			sources: ['munoz-2022', 'apta-dn-2013']
		},
		{
			id: 'precaution.bleeding_disorder',
			stage: 'precaution',
			precaution: 'bleeding_disorder',
			text:
				'You bleed or bruise easily. Your clinician will talk this through with you first, and may avoid deep spots ' +
				'that cannot be pressed to stop bleeding.',
			sources: ['apta-dn-2013', 'who-acupuncture-safety-1999', 'acupuncture-clinic-lists']
		},
		{
			id: 'precaution.pregnant',
			stage: 'precaution',
			precaution: 'pregnant',
			text:
				'You are pregnant, or might be. Some acupuncture points are avoided during pregnancy, and dry needling needs ' +
				'extra caution. Your clinician will go through this with you, and ask for your written consent, before any ' +
				'treatment.',
			sources: ['who-acupuncture-safety-1999', 'aacp-safe-practice-2012', 'apta-dn-2013', 'asap-safety-summary']
		},
		{
			id: 'precaution.lymphedema',
			stage: 'precaution',
			precaution: 'lymphedema',
			text:
				'You have lymphedema. The swollen arm or leg is not needled, because it is harder for that limb to fight ' +
				'an infection. Other areas can still be treated.',
			sources: ['apta-dn-2013', 'asap-safety-summary', 'acupuncture-clinic-lists']
		},
		{
			id: 'precaution.immunocompromised',
			stage: 'precaution',
			precaution: 'immunocompromised',
			text:
				'Your immune system is weak. Your clinician will take extra care to prevent infection, and may ask you to ' +
				'check with your doctor first.',
			sources: ['apta-dn-2013']
		},
		{
			id: 'precaution.diabetes',
			stage: 'precaution',
			precaution: 'diabetes',
			text:
				'You have diabetes. Your clinician will ask how well it is controlled, and will take extra care with your ' +
				'skin where needles go.',
			sources: ['apta-dn-2013']
		},
		{
			id: 'precaution.epilepsy',
			stage: 'precaution',
			precaution: 'epilepsy',
			text:
				'You have epilepsy or seizures. Your clinician will ask how well your seizures are controlled and plan your ' +
				'treatment so you stay safe.',
			sources: ['apta-dn-2013', 'acupuncture-clinic-lists']
		},
		{
			id: 'precaution.metal_allergy',
			stage: 'precaution',
			precaution: 'metal_allergy',
			text:
				'You are allergic to some metals. Needles are usually made of stainless steel, which contains nickel and ' +
				'chromium. Tell your clinician so they can plan around it.',
			sources: ['apta-dn-2013', 'acupuncture-clinic-lists']
		},
		{
			id: 'precaution.pacemaker_or_implant',
			stage: 'precaution',
			precaution: 'pacemaker_or_implant',
			text:
				'You have a pacemaker or another implant. No electrical stimulation is used near it. Needles are not put ' +
				'into an implant or right next to it.',
			sources: ['sierpina-frenkel-2005', 'implant-screening-lists', 'acupuncture-clinic-lists']
		},
		{
			id: 'precaution.skin_infection_at_site',
			stage: 'precaution',
			precaution: 'skin_infection_at_site',
			text:
				'You have a skin infection, wound or rash where it hurts. That area is not needled until the skin has ' +
				'healed.',
			sources: ['asap-safety-summary', 'acupuncture-clinic-lists']
		}
	],
	outcomes: {
		physician_first: {
			summary: 'Please see a doctor before you book any needling.',
			services: []
		},
		not_suitable_for_needling: {
			summary: 'Needling is not the right choice for you for now. A consultation can offer hands-on therapy and exercise instead.',
			services: ['initial-consultation']
		},
		dry_needling: {
			summary: 'Dry needling looks like a good fit. Your first visit starts with a consultation.',
			services: ['initial-consultation', 'dry-needling']
		},
		acupuncture: {
			summary: 'Acupuncture looks like a good fit. Your first visit starts with a consultation.',
			services: ['initial-consultation', 'acupuncture']
		},
		either: {
			summary: 'Dry needling or acupuncture could both suit you. Your first visit starts with a consultation.',
			services: ['initial-consultation', 'dry-needling', 'acupuncture']
		}
	},
	urgentSummary: EMERGENCY_NOW,
	reviewSummary: 'A clinician will go through your answers with you before any needling.',
	noMatch: {
		id: 'therapy.no_matching_rule',
		recommendation: 'either',
		text:
			'We could not match your answers to a suggestion. A clinician will look at your answers and help you choose ' +
			'at a consultation.',
		sources: ['needlepoint-triage']
	}
};

/** The ruleset the engine uses unless told otherwise. */
export const CURRENT_RULESET: Ruleset = RULESET_V1;
