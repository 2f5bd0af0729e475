import {
	CONFIRMED_FIELDS,
	STEP_FIELDS,
	emptyDraft,
	type AssessmentDraft,
	type ConfirmedField,
	type QuestionView
} from '../../shared/screening/assessment-view';
import { parseScreeningInput, type ScreeningField, type ScreeningInput } from '../../shared/screening/input.schema';
import { questionFor } from '../../shared/screening/questionnaire';
import { urgentFindings } from './evaluate';

/**
 * The self-assessment as a series of plain HTML form posts. Each page posts its own question's
 * answer; the answers so far are kept in a short-lived server-side draft (the route merges the post
 * into it with readAssessmentForm) and this module decides which page comes next. Pure, so every
 * path through the questions is tested without a browser.
 */

export type Navigation =
	| { readonly kind: 'next' }
	| { readonly kind: 'back' }
	| { readonly kind: 'goto'; readonly field: ScreeningField };

export type PostedAssessment = {
	readonly draft: AssessmentDraft;
	/** The question the person was looking at; null when they come from the start page. */
	readonly at: ScreeningField | null;
	readonly nav: Navigation;
	readonly review: boolean;
	readonly counted: boolean;
};

export type FlowStep =
	| QuestionView
	| { readonly kind: 'complete'; readonly input: ScreeningInput; readonly draft: AssessmentDraft; readonly counted: boolean }
	/** An urgent red flag was ticked: emergency advice now, no more questions. */
	| { readonly kind: 'urgent'; readonly draft: AssessmentDraft; readonly counted: boolean };

const FIELDS: ReadonlySet<string> = new Set(STEP_FIELDS);
const isField = (value: unknown): value is ScreeningField => typeof value === 'string' && FIELDS.has(value);

function text(data: FormData, name: string): string {
	const value = data.get(name);
	return typeof value === 'string' ? value : '';
}

function list(data: FormData, name: string): string[] {
	return data.getAll(name).filter((value): value is string => typeof value === 'string');
}

/** What the draft holds between pages besides the answers. */
export type StoredAssessment = { readonly draft: AssessmentDraft; readonly review?: boolean; readonly counted?: boolean };

/**
 * Reads a posted assessment page over the answers stored so far: the question the page showed
 * (`at`) always takes the posted answer (an unticked group posts nothing), and any other question
 * posted (the result page posts every answer) does too. Anything unexpected is kept as posted for
 * validation to name.
 */
export function readAssessmentForm(data: FormData, stored: StoredAssessment = { draft: emptyDraft() }): PostedAssessment {
	const navValue = text(data, 'nav');
	const gotoField = navValue.startsWith('goto:') ? navValue.slice('goto:'.length) : undefined;
	const atValue = text(data, 'at');
	const at = isField(atValue) ? atValue : null;
	const posted = (name: string, field: ScreeningField) => at === field || data.has(name);
	const pick = <K extends keyof AssessmentDraft>(name: K, field: ScreeningField, value: AssessmentDraft[K]): AssessmentDraft[K] =>
		posted(name, field) ? value : stored.draft[name];
	return {
		draft: {
			regions: pick('regions', 'regions', list(data, 'regions')),
			concerns: pick('concerns', 'concerns', list(data, 'concerns')),
			duration: pick('duration', 'duration', text(data, 'duration')),
			redFlags: pick('redFlags', 'redFlags', list(data, 'redFlags')),
			precautions: pick('precautions', 'precautions', list(data, 'precautions')),
			preference: pick('preference', 'preference', text(data, 'preference')),
			redFlagsNone: pick('redFlagsNone', 'redFlags', text(data, 'redFlagsNone') === 'yes'),
			precautionsNone: pick('precautionsNone', 'precautions', text(data, 'precautionsNone') === 'yes')
		},
		at,
		nav: isField(gotoField) ? { kind: 'goto', field: gotoField } : navValue === 'back' ? { kind: 'back' } : { kind: 'next' },
		review: text(data, 'review') === '1' || (stored.review ?? false),
		counted: text(data, 'counted') === '1' || (stored.counted ?? false)
	};
}

export function questionView(
	field: ScreeningField,
	draft: AssessmentDraft = emptyDraft(),
	options: { error?: string | null; review?: boolean; counted?: boolean } = {}
): QuestionView {
	return {
		kind: 'question',
		field,
		number: STEP_FIELDS.indexOf(field) + 1,
		draft,
		error: options.error ?? null,
		review: options.review ?? false,
		counted: options.counted ?? false
	};
}

function answersOf(draft: AssessmentDraft): Record<ScreeningField, unknown> {
	const { redFlagsNone: _r, precautionsNone: _p, ...answers } = draft;
	return answers;
}

function isConfirmedField(field: ScreeningField): field is ConfirmedField {
	return (CONFIRMED_FIELDS as readonly string[]).includes(field);
}

/** What is wrong with the answer to one question, in words for the person; null when it is fine. */
export function stepError(field: ScreeningField, draft: AssessmentDraft): string | null {
	const parsed = parseScreeningInput({ [field]: answersOf(draft)[field] });
	if (!parsed.success) return parsed.errors[field] ?? Object.values(parsed.errors)[0] ?? 'Please check this answer.';
	if (isConfirmedField(field)) {
		const none = field === 'redFlags' ? draft.redFlagsNone : draft.precautionsNone;
		const ticked = draft[field].length > 0;
		const noneLabel = questionFor(field).noneLabel ?? 'None of these';
		if (!ticked && !none) return `Please tick any that apply to you. If none do, tick “${noneLabel}”.`;
		if (ticked && none) {
			return `You ticked “${noneLabel}” and something in the list as well. Please untick one of them.`;
		}
	}
	return null;
}

/**
 * Checks every question (not just the last one), so a result is never shown for a safety question
 * that was skipped, whatever was posted.
 */
function finish(posted: PostedAssessment): FlowStep {
	const { draft, review, counted } = posted;
	// An urgent red flag outranks every question still unanswered.
	if (stepError('redFlags', draft) === null && urgentFindings(draft.redFlags).length > 0) return { kind: 'urgent', draft, counted };
	for (const field of STEP_FIELDS) {
		const error = stepError(field, draft);
		if (error) return questionView(field, draft, { error, review, counted });
	}
	const parsed = parseScreeningInput(answersOf(draft));
	if (!parsed.success) {
		// Unreachable while stepError checks each field with the same schema; kept as a safe stop.
		const field = STEP_FIELDS.find((f) => parsed.errors[f]) ?? STEP_FIELDS[0]!;
		return questionView(field, draft, { error: parsed.errors[field] ?? 'Please check this answer.', review, counted });
	}
	return { kind: 'complete', input: parsed.data, draft, counted };
}

/** Where stored answers stand when the result page is opened: a result, the urgent advice, or a question still to answer. */
export function finishStored(stored: StoredAssessment): FlowStep {
	return finish({ draft: stored.draft, at: null, nav: { kind: 'next' }, review: stored.review ?? false, counted: stored.counted ?? false });
}

/** The page to show after a post. */
export function advance(posted: PostedAssessment): FlowStep {
	const { draft, at, nav, review, counted } = posted;
	if (nav.kind === 'goto') return questionView(nav.field, draft, { review: true, counted });
	if (at === null) return questionView(STEP_FIELDS[0]!, draft, { review, counted });

	const index = STEP_FIELDS.indexOf(at);
	if (nav.kind === 'back') return questionView(STEP_FIELDS[Math.max(0, index - 1)]!, draft, { review, counted });

	const error = stepError(at, draft);
	if (error) return questionView(at, draft, { error, review, counted });
	if (at === 'redFlags' && urgentFindings(draft.redFlags).length > 0) return finish(posted);
	const next = STEP_FIELDS[index + 1];
	if (next && !review) return questionView(next, draft, { counted });
	return finish(posted);
}
