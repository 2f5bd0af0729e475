import { redirect } from '@sveltejs/kit';
import { formObject } from '$lib/server/form-data';
import { formFailure } from '$lib/server/http';
import { startTabletSession } from '$lib/server/intake/forms-link.service';

export function load({ setHeaders }) {
	setHeaders({ 'cache-control': 'no-store' });
	return {};
}

export const actions = {
	default: async ({ request, locals }) => {
		const values = formObject(await request.formData());
		let token;
		try {
			token = await startTabletSession(locals.ctx, values.code);
		} catch (caught) {
			return formFailure(caught, values);
		}
		redirect(303, `/forms/${token}`);
	}
};
