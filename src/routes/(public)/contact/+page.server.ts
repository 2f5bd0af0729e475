import { redirect } from '@sveltejs/kit';
import { issueFormToken } from '$lib/server/anti-spam/form-token';
import { submitContactMessage } from '$lib/server/contact/contact.service';
import { clientAddressOf } from '$lib/server/client-address';
import { formObject } from '$lib/server/form-data';
import { formFailure } from '$lib/server/http';

export function load({ locals, setHeaders }) {
	// The form carries a fresh token (time on page), so no cache may keep this page.
	setHeaders({ 'cache-control': 'private, no-store' });
	return { formToken: issueFormToken(locals.ctx.config.appSecret, locals.ctx.clock.now()) };
}

export const actions = {
	default: async (event) => {
		const values = formObject(await event.request.formData());
		try {
			await submitContactMessage(event.locals.ctx, values, clientAddressOf(event), `${event.url.origin}/staff/inbox`);
		} catch (caught) {
			return formFailure(caught, values, ['leave_empty']);
		}
		// Whatever happened (stored, duplicate, or a bot's post dropped), the visitor sees the same page.
		redirect(303, '/contact/sent');
	}
};
