import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { advance, readAssessmentForm, type StoredAssessment } from '$lib/server/screening/assessment-flow';
import { countFinishedAssessment } from '$lib/server/screening/assessment.service';
import { evaluateScreening } from '$lib/server/screening/evaluate';
import { readDraft, saveDraft } from '$lib/server/drafts/flow-draft.service';
import { readDraftCookie, writeDraftCookie } from '$lib/server/draft-cookie';

/**
 * The one form action behind every self-assessment page (post/redirect/get): merge the posted
 * answer into the draft, then redirect to the next question or the result, so Back and Forward
 * never meet "Confirm Form Resubmission". A refused answer shows the same question with a 400.
 * Answers travel only in POST bodies and the draft, never in the URL.
 */
export async function answer({ request, locals, cookies }: RequestEvent) {
	const ctx = locals.ctx;
	const draft = await readDraft<StoredAssessment>(ctx, 'assessment', readDraftCookie(cookies, 'assessment'));
	const posted = readAssessmentForm(await request.formData(), draft?.state);
	const step = advance(posted);
	const finished = step.kind !== 'question';
	if (finished && !posted.counted) {
		await countFinishedAssessment(ctx, step.kind === 'urgent' ? 'physician_first' : evaluateScreening(step.input).recommendation);
	}
	const state: StoredAssessment = {
		draft: posted.draft,
		review: step.kind === 'question' ? step.review : posted.review,
		counted: posted.counted || finished
	};
	writeDraftCookie(cookies, ctx.config, 'assessment', await saveDraft(ctx, 'assessment', draft?.id ?? null, state));
	if (step.kind === 'question' && step.error) return fail(400, { view: step });
	if (step.kind === 'question') redirect(303, `/assessment/questions?step=${step.field}`);
	redirect(303, '/assessment/result');
}
