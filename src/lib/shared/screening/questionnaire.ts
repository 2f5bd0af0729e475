import {
	CONCERNS,
	DURATIONS,
	PRECAUTIONS,
	PREFERENCES,
	RED_FLAGS,
	concernKind,
	isAbsolutePrecaution
} from './codes';
import {
	CONCERN_LABELS,
	DURATION_LABELS,
	PRECAUTION_LABELS,
	PREFERENCE_LABELS,
	RED_FLAG_LABELS
} from './labels';
import { REGION_INFO, REGIONS } from './regions';
import type { ScreeningField } from './input.schema';

/**
 * The self-assessment as data: one question per screen, in the order asked.
 *
 * Each question's id is the field name in the answers the API accepts, so a page can post the
 * answers without any mapping. Wording aims at a reading age of about 12. Every question may be
 * skipped; for the two safety lists, the page should still ask the person to tick "None of these"
 * so that skipping by accident is not read as "no".
 */

export const QUESTIONNAIRE_VERSION = '1.0.0';
export const QUESTIONNAIRE_TITLE = 'Which therapy fits me?';

export interface AnswerOption {
	readonly code: string;
	readonly label: string;
	/** Optional sub-heading the page may group options under. */
	readonly group?: string;
}

export interface Question {
	readonly id: ScreeningField;
	/** Short name for a progress bar. */
	readonly title: string;
	readonly text: string;
	readonly help: string;
	/** True when several answers may be ticked. */
	readonly repeats: boolean;
	/** How the page should ask it; 'body-map' draws body-map.ts with a checkbox list as fallback. */
	readonly display: 'body-map' | 'checkboxes' | 'radio';
	readonly options: readonly AnswerOption[];
	/** Label of an extra "none of these" choice. It is not an answer code: ticking it sends []. */
	readonly noneLabel?: string;
}

const MUSCLES_AND_JOINTS = 'Muscles and joints';
const WHOLE_BODY = 'Whole body';
const STOP_NEEDLING = 'About needles and agreeing to treatment';
const TAKE_CARE = 'Health conditions and medicines';

export const QUESTIONS: readonly Question[] = [
	{
		id: 'regions',
		title: 'Where',
		text: 'Where do you feel it? Tap every area that bothers you.',
		help: 'You can skip this if your concern is not about one part of your body.',
		repeats: true,
		display: 'body-map',
		options: REGIONS.map((code) => ({
			code,
			label: REGION_INFO[code].label,
			group: REGION_INFO[code].side === 'front' ? 'Front of the body' : 'Back of the body'
		}))
	},
	{
		id: 'concerns',
		title: 'What',
		text: 'What would you like help with? Choose all that fit.',
		help: 'Pick as many as you like. If none of them fit, you can skip this.',
		repeats: true,
		display: 'checkboxes',
		options: CONCERNS.map((code) => ({
			code,
			label: CONCERN_LABELS[code],
			group: concernKind(code) === 'musculoskeletal' ? MUSCLES_AND_JOINTS : WHOLE_BODY
		}))
	},
	{
		id: 'duration',
		title: 'How long',
		text: 'How long has this been going on?',
		help: 'A rough guess is fine. You can skip this.',
		repeats: false,
		display: 'radio',
		options: DURATIONS.map((code) => ({ code, label: DURATION_LABELS[code] }))
	},
	{
		id: 'redFlags',
		title: 'Safety check',
		text: 'Do any of these apply to you right now?',
		help:
			'We ask everyone these questions. Ticking one does not mean something is wrong. ' +
			'It means a doctor should check you first, to keep you safe.',
		repeats: true,
		display: 'checkboxes',
		options: RED_FLAGS.map((code) => ({ code, label: RED_FLAG_LABELS[code] })),
		noneLabel: 'None of these apply to me'
	},
	{
		id: 'precautions',
		title: 'Your health',
		text: 'Are any of these true for you?',
		help:
			'This helps your clinician plan safe treatment. ' +
			'Many people with these can still have treatment, with some extra care.',
		repeats: true,
		display: 'checkboxes',
		options: PRECAUTIONS.map((code) => ({
			code,
			label: PRECAUTION_LABELS[code],
			group: isAbsolutePrecaution(code) ? STOP_NEEDLING : TAKE_CARE
		})),
		noneLabel: 'None of these apply to me'
	},
	{
		id: 'preference',
		title: 'Your choice',
		text: 'Would you like a certain kind of approach?',
		help:
			'Both use very thin, single-use needles. Dry needling comes from Western anatomy. ' +
			'Acupuncture comes from traditional Chinese medicine. There is no wrong answer.',
		repeats: false,
		display: 'radio',
		options: PREFERENCES.map((code) => ({ code, label: PREFERENCE_LABELS[code] }))
	}
];

/** Looks a question up by its field name; every field has exactly one question. */
export function questionFor(field: ScreeningField): Question {
	const question = QUESTIONS.find((q) => q.id === field);
	if (!question) throw new Error(`No question for field ${field}`);
	return question;
}
