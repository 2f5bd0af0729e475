import { describe, expect, it } from 'vitest';
import { STEP_COUNT, STEP_FIELDS, emptyDraft, type AssessmentDraft } from '../../shared/screening/assessment-view';
import { advance, readAssessmentForm, stepError, type FlowStep, type PostedAssessment } from './assessment-flow';

function form(fields: Record<string, string | string[]>): FormData {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) {
		for (const item of Array.isArray(value) ? value : [value]) data.append(name, item);
	}
	return data;
}

const post = (fields: Record<string, string | string[]>): FlowStep => advance(readAssessmentForm(form(fields)));

function question(step: FlowStep) {
	if (step.kind !== 'question') throw new Error(`expected a question, got ${step.kind}`);
	return step;
}

const answered: AssessmentDraft = {
	...emptyDraft(),
	regions: ['low_back'],
	concerns: ['sciatica'],
	duration: 'chronic',
	redFlagsNone: true,
	precautionsNone: true,
	preference: 'western'
};

/** The hidden and visible fields a page posts for a draft. */
function fieldsOf(draft: AssessmentDraft): Record<string, string | string[]> {
	return {
		regions: draft.regions,
		concerns: draft.concerns,
		duration: draft.duration,
		redFlags: draft.redFlags,
		precautions: draft.precautions,
		preference: draft.preference,
		...(draft.redFlagsNone ? { redFlagsNone: 'yes' } : {}),
		...(draft.precautionsNone ? { precautionsNone: 'yes' } : {})
	};
}

describe('readAssessmentForm', () => {
	it('reads lists, single answers, the none ticks and the navigation', () => {
		const posted = readAssessmentForm(
			form({ regions: ['knee_left', 'knee_right'], duration: 'acute', redFlagsNone: 'yes', at: 'duration', nav: 'back', counted: '1' })
		);
		expect(posted).toEqual<PostedAssessment>({
			draft: { ...emptyDraft(), regions: ['knee_left', 'knee_right'], duration: 'acute', redFlagsNone: true },
			at: 'duration',
			nav: { kind: 'back' },
			review: false,
			counted: true
		});
	});

	it('treats an unknown step or navigation as "start" and "next"', () => {
		const posted = readAssessmentForm(form({ at: 'favouriteColour', nav: 'goto:favouriteColour' }));
		expect(posted.at).toBeNull();
		expect(posted.nav).toEqual({ kind: 'next' });
		expect(readAssessmentForm(form({ nav: 'goto:redFlags' })).nav).toEqual({ kind: 'goto', field: 'redFlags' });
	});
});

describe('advance', () => {
	it('starts at question 1 of 6 when no step was posted', () => {
		expect(STEP_COUNT).toBe(6);
		expect(question(post({}))).toMatchObject({ field: 'regions', number: 1, error: null, review: false });
	});

	it('walks the questions in order, carrying every answer', () => {
		let draft = emptyDraft();
		const seen: string[] = [];
		let step: FlowStep = post({});
		const give: Partial<AssessmentDraft>[] = [
			{ regions: ['low_back'] },
			{ concerns: ['sciatica'] },
			{ duration: 'chronic' },
			{ redFlagsNone: true },
			{ precautionsNone: true },
			{ preference: 'western' }
		];
		for (const answer of give) {
			const current = question(step);
			seen.push(`${current.number}:${current.field}`);
			draft = { ...current.draft, ...answer };
			step = post({ ...fieldsOf(draft), at: current.field, nav: 'next' });
		}
		expect(seen).toEqual(['1:regions', '2:concerns', '3:duration', '4:redFlags', '5:precautions', '6:preference']);
		expect(step).toEqual({
			kind: 'complete',
			draft: answered,
			counted: false,
			input: { regions: ['low_back'], concerns: ['sciatica'], duration: 'chronic', redFlags: [], precautions: [], preference: 'western' }
		});
	});

	it('lets the optional questions be skipped', () => {
		for (const field of ['regions', 'concerns', 'duration', 'preference'] as const) {
			expect(stepError(field, emptyDraft()), field).toBeNull();
		}
		const step = post({ redFlagsNone: 'yes', precautionsNone: 'yes', at: 'preference' });
		expect(step).toMatchObject({ kind: 'complete', input: { regions: [], duration: null, preference: 'none' } });
	});

	it('asks for an explicit "None of these" on both safety questions, keeping the other answers', () => {
		for (const field of ['redFlags', 'precautions'] as const) {
			const step = question(post({ ...fieldsOf({ ...answered, redFlagsNone: false, precautionsNone: false }), at: field }));
			expect(step.field).toBe(field);
			expect(step.error).toBe('Please tick any that apply to you. If none do, tick “None of these apply to me”.');
			expect(step.draft.concerns).toEqual(['sciatica']);
		}
	});

	it('refuses "None of these" ticked together with an answer', () => {
		const step = question(post({ ...fieldsOf(answered), redFlags: ['major_trauma'], at: 'redFlags' }));
		expect(step).toMatchObject({ field: 'redFlags', number: 4 });
		expect(step.error).toBe('You ticked “None of these apply to me” and something in the list as well. Please untick one of them.');
		expect(step.draft.redFlags).toEqual(['major_trauma']);
	});

	it('names an answer code nobody could have ticked, on its own question', () => {
		const step = question(post({ ...fieldsOf(answered), concerns: ['sciatica', 'hiccups'], at: 'concerns' }));
		expect(step).toMatchObject({ field: 'concerns', error: '"hiccups" is not a known concern code.' });
	});

	it('goes back without checking the question being left, and keeps what was ticked there', () => {
		const step = question(post({ ...fieldsOf(emptyDraft()), redFlags: [], at: 'redFlags', nav: 'back', precautions: ['pregnant'] }));
		expect(step).toMatchObject({ field: 'duration', number: 3, error: null });
		expect(step.draft.precautions).toEqual(['pregnant']);
		expect(question(post({ at: 'regions', nav: 'back' })).field).toBe('regions');
	});

	it('never shows a result when a safety question was jumped over', () => {
		const step = question(post({ ...fieldsOf({ ...answered, redFlagsNone: false }), at: 'preference' }));
		expect(step).toMatchObject({ field: 'redFlags', error: expect.stringContaining('None of these apply to me') });
	});

	it('opens any question from the result page in review mode, and finishes from there', () => {
		const change = question(post({ ...fieldsOf(answered), nav: 'goto:concerns', counted: '1' }));
		expect(change).toMatchObject({ field: 'concerns', number: 2, review: true, counted: true, error: null });
		const done = post({ ...fieldsOf({ ...answered, concerns: ['sleep'] }), at: 'concerns', review: '1', counted: '1' });
		expect(done).toMatchObject({ kind: 'complete', counted: true, input: { concerns: ['sleep'] } });
	});

	it('keeps review mode when going back, and still checks the question on "next"', () => {
		const back = question(post({ ...fieldsOf(answered), at: 'concerns', review: '1', nav: 'back' }));
		expect(back).toMatchObject({ field: 'regions', review: true });
		const broken = question(post({ ...fieldsOf({ ...answered, redFlags: ['fever_or_unwell'] }), at: 'redFlags', review: '1' }));
		expect(broken).toMatchObject({ field: 'redFlags', review: true, error: expect.stringContaining('untick') });
	});

	it('covers every step field', () => {
		expect(STEP_FIELDS).toEqual(['regions', 'concerns', 'duration', 'redFlags', 'precautions', 'preference']);
	});
});

describe('answers kept between pages', () => {
	it('takes the posted question from the post and every other answer from the stored draft', () => {
		const stored = { draft: { ...answered, regions: ['neck'] }, counted: true };
		// A checkbox question posted with nothing ticked clears it; the others are kept.
		const posted = readAssessmentForm(form({ at: 'concerns' }), stored);
		expect(posted.draft).toEqual({ ...answered, regions: ['neck'], concerns: [] });
		expect(posted.counted).toBe(true);
		const none = readAssessmentForm(form({ at: 'redFlags', redFlags: 'fever_or_unwell' }), stored);
		expect(none.draft).toMatchObject({ redFlags: ['fever_or_unwell'], redFlagsNone: false, precautionsNone: true });
	});
});

describe('urgent red flags', () => {
	it('shows the emergency advice on the screen after the safety question, before the remaining questions', () => {
		const upToSafety = { regions: ['chest'], concerns: ['sciatica'], duration: 'acute' };
		for (const flag of ['chest_pain_or_breathless', 'saddle_numbness']) {
			const step = post({ ...upToSafety, redFlags: [flag, 'fever_or_unwell'], at: 'redFlags' });
			expect(step.kind).toBe('urgent');
		}
		// A red flag that is not urgent goes on to the next question as before.
		expect(question(post({ ...upToSafety, redFlags: 'fever_or_unwell', at: 'redFlags' })).field).toBe('precautions');
		// A result asked for with an urgent flag and questions unanswered is the urgent advice too.
		expect(post({ redFlags: 'chest_pain_or_breathless', at: 'preference', review: '1', preference: 'none' }).kind).toBe('urgent');
	});
});
