import { redirect } from '@sveltejs/kit';
import { resetLinkIsUsable, resetPasswordWithLink } from '$lib/server/auth/password.service';
import { formFailure } from '$lib/server/http';
import { formObject } from '$lib/server/form-data';

export async function load({ locals, params }) {
	return { usable: await resetLinkIsUsable(locals.ctx, params.token) };
}

export const actions = {
	default: async ({ request, locals, params }) => {
		const values = formObject(await request.formData());
		try {
			await resetPasswordWithLink(locals.ctx, params.token, values);
		} catch (caught) {
			return formFailure(caught, {}, ['password', 'confirm']);
		}
		redirect(303, '/staff/sign-in?reset=1');
	}
};
