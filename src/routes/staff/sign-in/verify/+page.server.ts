import { redirect } from '@sveltejs/kit';
import { verifySecondFactor } from '$lib/server/auth/mfa.service';
import { safeReturnPath } from '$lib/server/auth/return-to';
import { formFailure } from '$lib/server/http';
import { formObject } from '$lib/server/form-data';
import { writeSessionCookie } from '$lib/server/session-cookie';

export function load({ locals }) {
	if (locals.pending?.stage !== 'pending_mfa') redirect(303, '/staff/sign-in');
	return {};
}

export const actions = {
	default: async ({ request, locals, cookies, url }) => {
		const values = formObject(await request.formData());
		const pending = locals.pending;
		if (pending?.stage !== 'pending_mfa') redirect(303, '/staff/sign-in');
		let left: number | undefined;
		try {
			const session = await verifySecondFactor(locals.ctx, pending, String(values.code ?? ''));
			writeSessionCookie(cookies, locals.ctx.config, session.token, session.expiresAt);
			left = session.recoveryCodesLeft;
		} catch (caught) {
			return formFailure(caught, {}, ['code']);
		}
		// Running low on recovery codes comes first: the account page says how to make new ones.
		redirect(303, left !== undefined && left <= 3 ? '/staff/account?codes-low=1' : (safeReturnPath(url.searchParams.get('next')) ?? '/staff'));
	}
};
