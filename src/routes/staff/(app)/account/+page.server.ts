import { error, fail } from '@sveltejs/kit';
import { completeEnrolment, mfaStatus, offerEnrolment, regenerateRecoveryCodes, reofferEnrolment, resetMfa } from '$lib/server/auth/mfa.service';
import { changeOwnPassword } from '$lib/server/auth/password.service';
import { hashToken } from '$lib/server/auth/session-token';
import { getClinic } from '$lib/server/clinic/clinic.service';
import { createOwnFeed, ownFeedStatus, revokeOwnFeed } from '$lib/server/calendar-feed/calendar-feed.service';
import { formFailure } from '$lib/server/http';
import { formObject } from '$lib/server/form-data';
import { writeSessionCookie } from '$lib/server/session-cookie';

const SECRET_FIELDS = ['currentPassword', 'password', 'confirm', 'code', 'sealedSecret'];

function me(locals: App.Locals) {
	if (locals.actor.kind !== 'staff' || !locals.sessionToken) error(401, 'Please sign in.');
	return { actor: locals.actor, tokenHash: hashToken(locals.sessionToken) };
}

export async function load({ locals, url }) {
	const { actor } = me(locals);
	const status = await mfaStatus(locals.ctx, actor.staffId);
	const clinic = await getClinic(locals.ctx);
	const offer = status.enabled ? undefined : await offerEnrolment(locals.ctx, actor, clinic.name);
	const feed = await ownFeedStatus(locals.ctx);
	return {
		mfa: status,
		offer,
		codesLow: url.searchParams.has('codes-low'),
		feed: { active: feed.active, createdAt: feed.createdAt?.toISOString(), lastFetchedAt: feed.lastFetchedAt?.toISOString() },
		timeZone: clinic.timeZone
	};
}

export const actions = {
	password: async ({ request, locals }) => {
		const { tokenHash } = me(locals);
		try {
			await changeOwnPassword(locals.ctx, tokenHash, formObject(await request.formData()));
		} catch (caught) {
			return formFailure(caught, {}, SECRET_FIELDS);
		}
		return { done: 'Your password was changed. Your other sessions were signed out.' };
	},
	enrol: async ({ request, locals, cookies }) => {
		const { actor, tokenHash } = me(locals);
		const values = formObject(await request.formData());
		try {
			const pending = { staffId: actor.staffId, email: actor.email, tokenHash };
			const done = await completeEnrolment(locals.ctx, pending, String(values.sealedSecret ?? ''), String(values.code ?? ''));
			writeSessionCookie(cookies, locals.ctx.config, done.session.token, done.session.expiresAt);
			return { recoveryCodes: done.recoveryCodes, done: 'Two-step sign-in is on.' };
		} catch (caught) {
			const failure = formFailure(caught, {}, SECRET_FIELDS);
			const offer = await reofferEnrolment(locals.ctx, String(values.sealedSecret ?? ''), actor, (await getClinic(locals.ctx)).name);
			return fail(failure.status, { ...failure.data, offer, section: 'enrol' });
		}
	},
	codes: async ({ request, locals }) => {
		me(locals);
		const values = formObject(await request.formData());
		try {
			return { recoveryCodes: await regenerateRecoveryCodes(locals.ctx, String(values.currentPassword ?? '')), done: 'New recovery codes made; the old ones no longer work.' };
		} catch (caught) {
			const failure = formFailure(caught, {}, SECRET_FIELDS);
			return fail(failure.status, { ...failure.data, section: 'codes' });
		}
	},
	resetMfa: async ({ request, locals }) => {
		const { actor } = me(locals);
		const values = formObject(await request.formData());
		try {
			await resetMfa(locals.ctx, actor.staffId, String(values.currentPassword ?? ''));
		} catch (caught) {
			const failure = formFailure(caught, {}, SECRET_FIELDS);
			return fail(failure.status, { ...failure.data, section: 'resetMfa' });
		}
		return { done: 'Two-step sign-in is off. If your clinic requires it, you will set it up again at your next sign-in.' };
	},
	createFeed: async ({ locals, url }) => {
		me(locals);
		try {
			const { url: feedUrl } = await createOwnFeed(locals.ctx, url.origin);
			return { feedUrl, section: 'feed' };
		} catch (caught) {
			return formFailure(caught, {});
		}
	},
	revokeFeed: async ({ locals }) => {
		me(locals);
		try {
			await revokeOwnFeed(locals.ctx);
			return { done: 'Your calendar feed is off; its link no longer works.', section: 'feed' };
		} catch (caught) {
			return formFailure(caught, {});
		}
	}
};
