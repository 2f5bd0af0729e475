import type { ScreeningField } from './input.schema';
import { QUESTIONS, questionFor } from './questionnaire';
import type { Reason, ScreeningResult } from './result';

/**
 * What the self-assessment pages render. The answers so far live in a short-lived server-side draft
 * (deleted once the result is shown), so each page is a GET that Back and Forward can show again.
 */

/** The answers so far exactly as posted (not yet validated), plus the two "None of these" ticks. */
export type AssessmentDraft = {
	regions: string[];
	concerns: string[];
	duration: string;
	redFlags: string[];
	precautions: string[];
	preference: string;
	/** "None of these apply to me" ticked on the red-flag question. */
	redFlagsNone: boolean;
	/** "None of these apply to me" ticked on the precautions question. */
	precautionsNone: boolean;
};

export const STEP_FIELDS: readonly ScreeningField[] = QUESTIONS.map((q) => q.id);
export const STEP_COUNT = STEP_FIELDS.length;

/** The two questions where skipping is not allowed: the person must tick something or "None". */
export const CONFIRMED_FIELDS = ['redFlags', 'precautions'] as const;
export type ConfirmedField = (typeof CONFIRMED_FIELDS)[number];

export function noneFieldName(field: ConfirmedField): 'redFlagsNone' | 'precautionsNone' {
	return field === 'redFlags' ? 'redFlagsNone' : 'precautionsNone';
}

export function emptyDraft(): AssessmentDraft {
	return {
		regions: [],
		concerns: [],
		duration: '',
		redFlags: [],
		precautions: [],
		preference: '',
		redFlagsNone: false,
		precautionsNone: false
	};
}

/** The codes given for one question, as a list whether it takes one answer or several. */
export function draftCodes(draft: AssessmentDraft, field: ScreeningField): string[] {
	const value = draft[field];
	return Array.isArray(value) ? value : value === '' ? [] : [value];
}

export type QuestionView = {
	readonly kind: 'question';
	readonly field: ScreeningField;
	/** 1-based, for "Question 2 of 6". */
	readonly number: number;
	readonly draft: AssessmentDraft;
	readonly error: string | null;
	/** Reached from the result page to change one answer: "Next" goes straight back to the result. */
	readonly review: boolean;
	/** This person's result was already counted, so showing it again must not count it twice. */
	readonly counted: boolean;
};

export type ProviderView = {
	readonly name: string;
	/** Display abbreviations, e.g. "DPT" or "L.Ac.". */
	readonly credentials: readonly string[];
	readonly dryNeedlingCertified: boolean;
};

export type OfferView = {
	readonly slug: string;
	readonly name: string;
	readonly description: string;
	readonly durationMinutes: number;
	readonly priceCents: number;
	readonly bookableOnline: boolean;
	readonly providers: readonly ProviderView[];
};

export type ResultView = {
	readonly kind: 'result';
	readonly result: ScreeningResult;
	/** The suggested services the clinic offers; always empty for physician_first. */
	readonly offers: readonly OfferView[];
	/** Signed answers for the Book form (see server/screening/result-token.ts). POST bodies only. */
	readonly token: string;
	readonly draft: AssessmentDraft;
};

/**
 * Shown straight after the safety question when an urgent red flag is ticked: emergency advice
 * only, with no suggestion to wait for a doctor's appointment and no questions left to answer.
 */
export type UrgentView = {
	readonly kind: 'urgent';
	readonly summary: string;
	readonly reasons: readonly Reason[];
	readonly draft: AssessmentDraft;
};

export type AssessmentView = QuestionView | ResultView | UrgentView;

/** The words the person saw for an answer code ("" for an unanswered single choice). */
export function answerLabel(field: ScreeningField, code: string): string {
	return questionFor(field).options.find((o) => o.code === code)?.label ?? code;
}
