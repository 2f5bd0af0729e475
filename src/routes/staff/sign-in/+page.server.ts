import { redirect } from '@sveltejs/kit';
import { signIn } from '$lib/server/auth/sign-in.service';
import { formFailure } from '$lib/server/http';
import { formObject } from '$lib/server/form-data';
import { writeSessionCookie } from '$lib/server/session-cookie';

export function load({ locals }) {
	if (locals.actor.kind === 'staff') redirect(303, '/staff');
	return {};
}

export const actions = {
	default: async ({ request, locals, cookies }) => {
		const values = formObject(await request.formData());
		try {
			const session = await signIn(locals.ctx, values);
			writeSessionCookie(cookies, locals.ctx.config, session.token, session.expiresAt);
		} catch (caught) {
			return formFailure(caught, values);
		}
		redirect(303, '/staff');
	}
};
