import { questionView, type StoredAssessment } from '$lib/server/screening/assessment-flow';
import { readDraft } from '$lib/server/drafts/flow-draft.service';
import { readDraftCookie } from '$lib/server/draft-cookie';
import { STEP_FIELDS } from '$lib/shared/screening/assessment-view';
import type { ScreeningField } from '$lib/shared/screening/input.schema';
import { answer } from '../answer';

export async function load({ locals, url, cookies, setHeaders }) {
	// Pages after the first show health answers; no cache may keep them.
	setHeaders({ 'cache-control': 'no-store' });
	const draft = await readDraft<StoredAssessment>(locals.ctx, 'assessment', readDraftCookie(cookies, 'assessment'));
	const asked = url.searchParams.get('step');
	const field = STEP_FIELDS.find((f) => f === asked) ?? STEP_FIELDS[0]!;
	if (!draft) return { start: questionView(STEP_FIELDS[0]!), ended: asked !== null && asked !== STEP_FIELDS[0] };
	const state = draft.state;
	return { start: questionView(field as ScreeningField, state.draft, { review: state.review ?? false, counted: state.counted ?? false }), ended: false };
}

export const actions = { default: answer };
