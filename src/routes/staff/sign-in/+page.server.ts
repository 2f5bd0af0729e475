import { redirect } from '@sveltejs/kit';
import { afterSignIn, safeReturnPath } from '$lib/server/auth/return-to';
import { signIn } from '$lib/server/auth/sign-in.service';
import { formFailure } from '$lib/server/http';
import { formObject } from '$lib/server/form-data';
import { writeSessionCookie } from '$lib/server/session-cookie';

const NEXT_STEP = { full: '/staff', pending_mfa: '/staff/sign-in/verify', enrol_mfa: '/staff/sign-in/setup-mfa' } as const;

export function load({ locals, url }) {
	const next = safeReturnPath(url.searchParams.get('next'));
	if (locals.actor.kind === 'staff') redirect(303, next ?? '/staff');
	return { reset: url.searchParams.has('reset'), ended: url.searchParams.has('ended'), returning: next !== undefined };
}

export const actions = {
	default: async ({ request, locals, cookies, url }) => {
		const values = formObject(await request.formData());
		let stage: keyof typeof NEXT_STEP;
		try {
			const session = await signIn(locals.ctx, values, locals.sessionToken);
			writeSessionCookie(cookies, locals.ctx.config, session.token, session.expiresAt);
			stage = session.stage;
		} catch (caught) {
			return formFailure(caught, values);
		}
		redirect(303, afterSignIn(NEXT_STEP[stage], safeReturnPath(url.searchParams.get('next'))));
	}
};
