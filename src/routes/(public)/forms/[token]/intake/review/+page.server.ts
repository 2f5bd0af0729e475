import { redirect } from '@sveltejs/kit';
import { formFailure, pageError } from '$lib/server/http';
import { getIntakeReview, submitIntake } from '$lib/server/intake/intake.service';

export async function load({ locals, params, setHeaders }) {
	setHeaders({ 'cache-control': 'no-store' });
	try {
		const review = await getIntakeReview(locals.ctx, params.token);
		return { token: params.token, review: { ...review, answers: undefined } };
	} catch (caught) {
		pageError(caught);
	}
}

export const actions = {
	default: async ({ locals, params }) => {
		let outcome;
		try {
			outcome = await submitIntake(locals.ctx, params.token);
		} catch (caught) {
			return formFailure(caught, {});
		}
		redirect(303, outcome.tabletEnded ? '/forms/tablet/done' : `/forms/${params.token}`);
	}
};
