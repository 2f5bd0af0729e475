import type { Answers } from '../../shared/intake/form-definition';
import type { IntakeSourceId } from './intake-sources';

/**
 * Intake answers → precautions for the clinician, each with its source. Pure. The wording is
 * ours; the facts come from ./intake-sources.ts. 'stop' means do not needle until a clinician has
 * resolved it (an absolute contraindication in the sources); 'caution' means needle with the care
 * named in the text.
 */

export type PrecautionLevel = 'stop' | 'caution';

export interface IntakePrecaution {
	readonly code: string;
	readonly label: string;
	readonly level: PrecautionLevel;
	readonly text: string;
	/** The linkId whose answer raised it. */
	readonly linkId: string;
	readonly sources: readonly IntakeSourceId[];
}

type Rule = Omit<IntakePrecaution, 'text'> & { readonly when: (answers: Answers) => boolean; readonly text: (answers: Answers) => string };

const yes = (linkId: string) => (answers: Answers) => answers[linkId] === true;

const RULES: readonly Rule[] = [
	{
		code: 'bleeding',
		label: 'Bleeding precaution',
		level: 'caution',
		linkId: 'blood-thinners',
		when: yes('blood-thinners'),
		text: () => 'Takes a blood thinner or antiplatelet: firm pressure after needling; avoid deep muscles that cannot be pressed to stop bleeding.',
		sources: ['munoz-2022', 'apta-dn-2013']
	},
	{
		code: 'bleeding_disorder',
		label: 'Bleeding precaution',
		level: 'caution',
		linkId: 'bleeding-disorder',
		when: yes('bleeding-disorder'),
		text: () => 'Bleeding disorder or easy bruising: needle with caution, press firmly afterwards; medical advice first if severe.',
		sources: ['apta-dn-2013', 'munoz-2022']
	},
	{
		code: 'pregnancy',
		label: 'Pregnancy',
		level: 'caution',
		linkId: 'pregnant',
		when: (a) => a.pregnant === 'yes' || a.pregnant === 'unsure',
		text: (a) =>
			`${a.pregnant === 'unsure' ? 'May be pregnant' : typeof a['pregnancy-weeks'] === 'number' ? `Pregnant, about ${a['pregnancy-weeks']} weeks` : 'Pregnant'}: ` +
			'a relative precaution; written consent and points chosen for pregnancy.',
		sources: ['apta-dn-2013']
	},
	{
		code: 'implanted_device',
		label: 'No electrical stimulation',
		level: 'caution',
		linkId: 'implanted-device',
		when: yes('implanted-device'),
		text: () => 'Pacemaker or implanted electrical device: no electrical stimulation near the device or across the chest.',
		sources: ['sierpina-frenkel-2005', 'implant-lists']
	},
	{
		code: 'metal_allergy',
		label: 'Metal allergy',
		level: 'caution',
		linkId: 'metal-allergy',
		when: yes('metal-allergy'),
		text: () => 'Metal (nickel) allergy: check the needle material before needling.',
		sources: ['apta-dn-2013']
	},
	{
		code: 'diabetes',
		label: 'Diabetes or neuropathy',
		level: 'caution',
		linkId: 'diabetes-neuropathy',
		when: yes('diabetes-neuropathy'),
		text: () => 'Diabetes or neuropathy: slower healing and less feeling; take care with skin and feet.',
		sources: ['apta-dn-2013', 'dn-screening-form']
	},
	{
		code: 'immunosuppressed',
		label: 'Infection risk',
		level: 'caution',
		linkId: 'immunosuppressed',
		when: yes('immunosuppressed'),
		text: () => 'Weakened immune system: higher infection risk; strict clean technique, medical advice first if unsure.',
		sources: ['apta-dn-2013']
	},
	{
		code: 'lymphoedema',
		label: 'Do not needle the affected limb',
		level: 'stop',
		linkId: 'lymphoedema',
		when: yes('lymphoedema'),
		text: (a) => {
			const side = a['lymphoedema-side'];
			const where = side === 'left' || side === 'right' ? ` (${side} side)` : side === 'both' ? ' (both sides)' : '';
			return `Lymphoedema or lymph nodes removed${where}: never needle the affected area or limb.`;
		},
		sources: ['apta-dn-2013']
	},
	{
		code: 'epilepsy',
		label: 'Epilepsy',
		level: 'caution',
		linkId: 'epilepsy',
		when: yes('epilepsy'),
		text: () => 'Epilepsy: treat lying down; ask about recent seizures and triggers.',
		sources: ['apta-dn-2013']
	},
	{
		code: 'fainting',
		label: 'Faints with needles',
		level: 'caution',
		linkId: 'fainting',
		when: yes('fainting'),
		text: () => 'Has fainted around needles or blood: treat lying down and watch closely.',
		sources: ['apta-dn-2013']
	},
	{
		code: 'needle_fear',
		label: 'Fear of needles',
		level: 'stop',
		linkId: 'needle-fear',
		when: yes('needle-fear'),
		text: () => 'Very afraid of needles: needle phobia is a reason not to needle; discuss other treatment first.',
		sources: ['apta-dn-2013']
	},
	{
		code: 'recent_surgery',
		label: 'Recent surgery',
		level: 'caution',
		linkId: 'recent-surgery',
		when: yes('recent-surgery'),
		text: () => 'Surgery in the last 3 months: avoid the surgical site; check for implants.',
		sources: ['dn-screening-form']
	},
	{
		code: 'skin_infection',
		label: 'Skin infection',
		level: 'stop',
		linkId: 'skin-infection',
		when: yes('skin-infection'),
		text: () => 'Skin infection, rash or wound where treatment is needed: do not needle through it.',
		sources: ['apta-dn-2013', 'dn-screening-form']
	},
	{
		code: 'breast_implants',
		label: 'Breast implants',
		level: 'caution',
		linkId: 'breast-implants',
		when: yes('breast-implants'),
		text: () => 'Breast implants: do not needle into the implant; take care over the chest.',
		sources: ['implant-lists', 'dn-screening-form']
	}
];

export function precautionsFor(answers: Answers): IntakePrecaution[] {
	return RULES.filter((rule) => rule.when(answers)).map(({ when: _when, text, ...rule }) => ({ ...rule, text: text(answers) }));
}

/** The linkIds that raise a precaution: a test checks every one exists in the shipped form. */
export const PRECAUTION_LINK_IDS: readonly string[] = RULES.map((r) => r.linkId);
