import { fail, redirect } from '@sveltejs/kit';
import { completeEnrolment, offerEnrolment, reofferEnrolment } from '$lib/server/auth/mfa.service';
import { safeReturnPath } from '$lib/server/auth/return-to';
import { getClinic } from '$lib/server/clinic/clinic.service';
import { formFailure } from '$lib/server/http';
import { formObject } from '$lib/server/form-data';
import { writeSessionCookie } from '$lib/server/session-cookie';

export async function load({ locals, url }) {
	const pending = locals.pending;
	if (pending?.stage !== 'enrol_mfa') redirect(303, '/staff/sign-in');
	const clinic = await getClinic(locals.ctx);
	// The page asked for before signing in: the enrol form posts back with it, so it survives.
	const next = safeReturnPath(url.searchParams.get('next'));
	return { offer: await offerEnrolment(locals.ctx, { email: pending.email }, clinic.name), next };
}

export const actions = {
	enrol: async ({ request, locals, cookies }) => {
		const values = formObject(await request.formData());
		const pending = locals.pending;
		if (pending?.stage !== 'enrol_mfa') redirect(303, '/staff/sign-in');
		try {
			const done = await completeEnrolment(locals.ctx, pending, String(values.sealedSecret ?? ''), String(values.code ?? ''));
			writeSessionCookie(cookies, locals.ctx.config, done.session.token, done.session.expiresAt);
			return { recoveryCodes: done.recoveryCodes };
		} catch (caught) {
			const failure = formFailure(caught, {}, ['code', 'sealedSecret']);
			const clinic = await getClinic(locals.ctx);
			const offer = await reofferEnrolment(locals.ctx, String(values.sealedSecret ?? ''), { email: pending.email }, clinic.name);
			return fail(failure.status, { ...failure.data, offer });
		}
	}
};
