import { redirect } from '@sveltejs/kit';
import { formObject } from '$lib/server/form-data';
import { formFailure, pageError } from '$lib/server/http';
import { getIntakePage, saveIntakePage } from '$lib/server/intake/intake.service';
import { listFields } from '$lib/server/intake/page-answers';
import { rawAnswers } from '$lib/shared/intake/raw-values';
import { HEALTH_HISTORY } from '$lib/shared/intake/health-history';

export async function load({ locals, params, setHeaders }) {
	setHeaders({ 'cache-control': 'no-store' });
	try {
		const view = await getIntakePage(locals.ctx, params.token, params.page);
		return { token: params.token, view: { ...view, answers: undefined, values: rawAnswers(view.answers) } };
	} catch (caught) {
		pageError(caught);
	}
}

export const actions = {
	// Post/redirect/get: a saved page answers 303 to the page to show next, so Back and reload
	// never resubmit. Bad answers come back with everything typed and a message per field.
	default: async ({ request, locals, params }) => {
		const page = HEALTH_HISTORY.item.find((p) => p.linkId === params.page);
		const values = formObject(await request.formData(), page ? listFields(page) : []);
		let outcome;
		try {
			outcome = await saveIntakePage(locals.ctx, params.token, params.page, values);
		} catch (caught) {
			return formFailure(caught, values);
		}
		const base = `/forms/${params.token}`;
		const go = outcome.go;
		redirect(303, 'page' in go ? `${base}/intake/${go.page}${go.page === params.page ? '#alert' : ''}` : 'review' in go ? `${base}/intake/review` : base);
	}
};
