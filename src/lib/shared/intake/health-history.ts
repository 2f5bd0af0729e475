import { RED_FLAGS } from '../screening/codes';
import { RED_FLAG_LABELS } from '../screening/labels';
import { REGION_INFO, REGIONS } from '../screening/regions';
import type { FormDefinition, FormItem } from './form-definition';

/**
 * The health-history intake a needling clinic sends before a first visit, in our own words
 * (reading age about 12). Every needling-relevant question maps to a precaution on the server
 * (src/lib/server/intake/precautions.ts) with its source. The safety page re-asks the
 * self-assessment's red-flag questions with the same codes, so the same screening rules apply.
 *
 * Changing anything here publishes a new version the next time the form is opened; answers
 * already given stay tied to the version they answered.
 */

export const HEALTH_HISTORY_SLUG = 'health-history';

const YES_NO = 'boolean' as const;

function yesNo(linkId: string, text: string, help?: string, extra: Partial<FormItem> = {}): FormItem {
	return { linkId, text, type: YES_NO, control: 'radio', ...(help ? { help } : {}), ...extra };
}

const painScale = (linkId: string, text: string): FormItem => ({
	linkId,
	text,
	type: 'integer',
	control: 'pain-scale',
	minValue: 0,
	maxValue: 10,
	help: '0 means no pain at all; 10 means the worst pain you can imagine.'
});

export const HEALTH_HISTORY: FormDefinition = {
	slug: HEALTH_HISTORY_SLUG,
	title: 'Health history',
	description:
		'Questions we ask before your first visit, so your clinician can plan safe treatment. It takes about 10 minutes. ' +
		'You can stop at any time and come back: each page is saved when you continue.',
	item: [
		{
			linkId: 'visit',
			text: 'Why you are coming',
			type: 'group',
			item: [
				{
					linkId: 'reason',
					text: 'What would you like help with?',
					type: 'text',
					required: true,
					maxLength: 2000,
					help: 'In your own words. For example: "Pain in my right shoulder when I reach up, for about two months."'
				},
				{
					linkId: 'pain-areas',
					text: 'Where do you feel it? Tick every area that bothers you.',
					type: 'choice',
					repeats: true,
					control: 'body-map',
					help: 'You can skip this if your concern is not about one part of your body.',
					answerOption: REGIONS.map((code) => ({ code, display: REGION_INFO[code].label }))
				},
				painScale('pain-now', 'How bad is the pain right now?'),
				painScale('pain-worst', 'How bad is it at its worst?'),
				{
					linkId: 'goals',
					text: 'What would you like to be able to do again?',
					type: 'text',
					maxLength: 2000,
					help: 'For example: sleep through the night, lift my child, run 5 km.'
				}
			]
		},
		{
			linkId: 'safety',
			text: 'Safety check',
			type: 'group',
			item: [
				{
					linkId: 'red-flags',
					text: 'Do any of these apply to you right now?',
					type: 'choice',
					repeats: true,
					control: 'check-box',
					required: true,
					help:
						'We ask everyone these questions. Ticking one does not mean something is wrong. ' +
						'It means a doctor should check you first, to keep you safe.',
					answerOption: RED_FLAGS.map((code) => ({ code, display: RED_FLAG_LABELS[code] })),
					noneLabel: 'None of these apply to me'
				}
			]
		},
		{
			linkId: 'health',
			text: 'Your health',
			type: 'group',
			item: [
				yesNo('blood-thinners', 'Do you take a blood thinner or a medicine that stops blood clotting?', 'For example warfarin, apixaban, rivaroxaban, clopidogrel or a daily aspirin.'),
				yesNo('bleeding-disorder', 'Do you have a bleeding disorder, or do you bleed or bruise very easily?'),
				{
					linkId: 'pregnant',
					text: 'Are you pregnant, or could you be?',
					type: 'choice',
					control: 'radio',
					answerOption: [
						{ code: 'yes', display: 'Yes' },
						{ code: 'unsure', display: 'I might be' },
						{ code: 'no', display: 'No' }
					]
				},
				{
					linkId: 'pregnancy-weeks',
					text: 'How many weeks pregnant are you?',
					type: 'integer',
					minValue: 1,
					maxValue: 45,
					help: 'A rough number is fine.',
					enableWhen: [{ question: 'pregnant', operator: '=', answer: 'yes' }]
				},
				yesNo(
					'implanted-device',
					'Do you have a pacemaker or another implanted electrical device?',
					'For example a defibrillator, a nerve stimulator or an insulin pump. This matters for electrical stimulation.'
				),
				yesNo('metal-allergy', 'Are you allergic to metal, such as nickel?'),
				yesNo('diabetes-neuropathy', 'Do you have diabetes, or numbness in your feet or hands (neuropathy)?'),
				yesNo('immunosuppressed', 'Is your immune system weakened by an illness or a medicine?', 'For example chemotherapy, steroid tablets, or medicines after a transplant.'),
				yesNo('lymphoedema', 'Do you have lymphoedema, or have you had lymph nodes removed?', 'Lymphoedema is long-lasting swelling, often in an arm or leg.'),
				{
					linkId: 'lymphoedema-side',
					text: 'Which side?',
					type: 'choice',
					control: 'radio',
					answerOption: [
						{ code: 'left', display: 'Left' },
						{ code: 'right', display: 'Right' },
						{ code: 'both', display: 'Both sides' },
						{ code: 'other', display: 'Somewhere else' }
					],
					enableWhen: [{ question: 'lymphoedema', operator: '=', answer: true }]
				},
				yesNo('epilepsy', 'Do you have epilepsy or seizures?'),
				yesNo('fainting', 'Have you ever fainted or felt faint around needles or blood?'),
				yesNo('needle-fear', 'Are you very afraid of needles?'),
				yesNo('recent-surgery', 'Have you had surgery in the last 3 months?'),
				{
					linkId: 'recent-surgery-details',
					text: 'What surgery, and when?',
					type: 'string',
					maxLength: 200,
					enableWhen: [{ question: 'recent-surgery', operator: '=', answer: true }]
				},
				yesNo('skin-infection', 'Do you have a skin infection, a rash or a wound where you need treatment?'),
				yesNo('breast-implants', 'Do you have breast implants?')
			]
		},
		{
			linkId: 'medicines',
			text: 'Medicines and allergies',
			type: 'group',
			item: [
				{
					linkId: 'medications',
					text: 'Which medicines do you take?',
					type: 'text',
					maxLength: 2000,
					help: 'Include vitamins and supplements. Write "none" if you take none.'
				},
				{
					linkId: 'allergies',
					text: 'Do you have any allergies?',
					type: 'text',
					maxLength: 2000,
					help: 'For example to latex, plasters, medicines or foods. Write "none" if you have none.'
				}
			]
		}
	]
};

/** Forms the application ships; a clinic's database holds their published versions. */
export const BUILT_IN_FORMS: readonly FormDefinition[] = [HEALTH_HISTORY];
