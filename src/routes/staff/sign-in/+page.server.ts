import { redirect } from '@sveltejs/kit';
import { signIn } from '$lib/server/auth/sign-in.service';
import { formFailure } from '$lib/server/http';
import { formObject } from '$lib/server/form-data';
import { writeSessionCookie } from '$lib/server/session-cookie';

const NEXT_STEP = { full: '/staff', pending_mfa: '/staff/sign-in/verify', enrol_mfa: '/staff/sign-in/setup-mfa' } as const;

export function load({ locals, url }) {
	if (locals.actor.kind === 'staff') redirect(303, '/staff');
	return { reset: url.searchParams.has('reset') };
}

export const actions = {
	default: async ({ request, locals, cookies }) => {
		const values = formObject(await request.formData());
		let stage: keyof typeof NEXT_STEP;
		try {
			const session = await signIn(locals.ctx, values, locals.sessionToken);
			writeSessionCookie(cookies, locals.ctx.config, session.token, session.expiresAt);
			stage = session.stage;
		} catch (caught) {
			return formFailure(caught, values);
		}
		redirect(303, NEXT_STEP[stage]);
	}
};
