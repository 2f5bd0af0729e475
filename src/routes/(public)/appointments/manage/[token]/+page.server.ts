import { formObject } from '$lib/server/form-data';
import { pageError } from '$lib/server/http';
import { manageStep } from '$lib/server/booking/manage-flow';

export async function load({ locals, params, setHeaders }) {
	setHeaders({ 'cache-control': 'no-store' });
	try {
		return { view: await manageStep(locals.ctx, params.token) };
	} catch (caught) {
		pageError(caught);
	}
}

export const actions = {
	default: async ({ request, locals, params }) => {
		const form = formObject(await request.formData()) as Record<string, string>;
		try {
			return { view: await manageStep(locals.ctx, params.token, form) };
		} catch (caught) {
			pageError(caught);
		}
	}
};
