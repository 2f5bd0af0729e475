import { bookingStep } from '$lib/server/booking/booking-flow';
import { formObject } from '$lib/server/form-data';
import { pageError } from '$lib/server/http';

export async function load({ locals, url, setHeaders }) {
	setHeaders({ 'cache-control': 'no-store' });
	try {
		// "Book" buttons on service pages name the service; the flow then starts at the clinician.
		const service = url.searchParams.get('service');
		return { view: await bookingStep(locals.ctx, service ? { service } : {}, url.origin) };
	} catch (caught) {
		pageError(caught);
	}
}

export const actions = {
	default: async ({ request, locals, url }) => {
		// Each step posts every earlier answer; nothing is kept on the server between steps.
		const form = formObject(await request.formData()) as Record<string, string>;
		try {
			return { view: await bookingStep(locals.ctx, form, url.origin) };
		} catch (caught) {
			pageError(caught);
		}
	}
};
