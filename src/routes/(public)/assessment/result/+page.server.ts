import { redirect } from '@sveltejs/kit';
import { finishStored, type StoredAssessment } from '$lib/server/screening/assessment-flow';
import { completeAssessment } from '$lib/server/screening/assessment.service';
import { urgentFindings } from '$lib/server/screening/evaluate';
import { CURRENT_RULESET } from '$lib/server/screening/rules';
import { discardDraft, readDraft } from '$lib/server/drafts/flow-draft.service';
import { clearDraftCookie, readDraftCookie } from '$lib/server/draft-cookie';
import type { AssessmentView } from '$lib/shared/screening/assessment-view';
import { answer } from '../answer';

export async function load({ locals, cookies, request, setHeaders }) {
	setHeaders({ 'cache-control': 'no-store' });
	// After a refused post the page shows the action's question; the draft is left alone.
	if (request.method === 'POST') return { view: undefined };
	const ctx = locals.ctx;
	const draft = await readDraft<StoredAssessment>(ctx, 'assessment', readDraftCookie(cookies, 'assessment'));
	if (!draft) redirect(303, '/assessment');
	const step = finishStored(draft.state);
	if (step.kind === 'question') redirect(303, `/assessment/questions?step=${step.field}`);
	const view: AssessmentView =
		step.kind === 'urgent'
			? { kind: 'urgent', summary: CURRENT_RULESET.urgentSummary, reasons: urgentFindings(step.draft.redFlags), draft: step.draft }
			: await completeAssessment(ctx, step.input, { draft: step.draft, count: false });
	// The answers are health data: once the result is on screen, the draft is deleted. The page
	// itself keeps them (in its "change your answer" form) for as long as it is open.
	await discardDraft(ctx, 'assessment', draft.id);
	clearDraftCookie(cookies, ctx.config, 'assessment');
	return { view: view as AssessmentView | undefined };
}

// Older pages posted their last answer here; the same action answers them.
export const actions = { default: answer };
