import { fail, redirect } from '@sveltejs/kit';
import { bookingPage, bookingPost, type BookingState, type Rendered, type Redirected } from '$lib/server/booking/booking-flow';
import { discardDraft, readDraft, saveDraft } from '$lib/server/drafts/flow-draft.service';
import { clearDraftCookie, readDraftCookie, writeDraftCookie } from '$lib/server/draft-cookie';
import { formObject } from '$lib/server/form-data';
import { pageError } from '$lib/server/http';
import type { BookingStep, BookingView } from '$lib/shared/booking-view';

// Post/redirect/get: every post saves into the draft and redirects to /book?step=…, so Back and
// Forward show earlier steps without "Confirm Form Resubmission". Only the step name is in the URL.
const stepUrl = (step: BookingStep) => (step === 'service' ? '/book' : `/book?step=${step}`);

export async function load({ locals, url, cookies, request, setHeaders }) {
	setHeaders({ 'cache-control': 'no-store' });
	// After a refused post the page shows the action's view; nothing more to load or save.
	if (request.method === 'POST') return { view: null, ended: false };
	const ctx = locals.ctx;
	const draft = await readDraft<BookingState>(ctx, 'booking', readDraftCookie(cookies, 'booking'));
	const state = draft?.state ?? {};
	let result: Rendered | Redirected;
	try {
		// "Book" buttons on service pages name the service; the flow then goes on from that choice.
		const service = url.searchParams.get('service');
		result = service
			? await bookingPost(ctx, state, { step: 'service', service }, url.origin)
			: await bookingPage(ctx, state, url.searchParams.get('step') ?? '', url.origin);
	} catch (caught) {
		pageError(caught);
	}
	if (result.kind === 'redirect') {
		writeDraftCookie(cookies, ctx.config, 'booking', await saveDraft(ctx, 'booking', draft?.id ?? null, result.state));
		redirect(303, stepUrl(result.step));
	}
	if (result.view.kind === 'confirmed') {
		// The flow is complete: the draft goes as soon as the confirmation has been shown.
		await discardDraft(ctx, 'booking', draft?.id);
		clearDraftCookie(cookies, ctx.config, 'booking');
	} else if (draft && JSON.stringify(result.state) !== JSON.stringify(state)) {
		await saveDraft(ctx, 'booking', draft.id, result.state);
	}
	return { view: result.view as BookingView | null, ended: !draft && (url.searchParams.get('step') ?? '') !== '' };
}

export const actions = {
	default: async ({ request, locals, url, cookies }) => {
		const ctx = locals.ctx;
		const form = formObject(await request.formData()) as Record<string, string>;
		const draft = await readDraft<BookingState>(ctx, 'booking', readDraftCookie(cookies, 'booking'));
		let result: Rendered | Redirected;
		try {
			result = await bookingPost(ctx, draft?.state ?? {}, form, url.origin);
		} catch (caught) {
			pageError(caught);
		}
		writeDraftCookie(cookies, ctx.config, 'booking', await saveDraft(ctx, 'booking', draft?.id ?? null, result.state));
		if (result.kind === 'redirect') redirect(303, stepUrl(result.step));
		return fail(result.status, { view: result.view });
	}
};
