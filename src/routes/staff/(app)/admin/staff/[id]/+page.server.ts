import { fail, redirect } from '@sveltejs/kit';
import { resetMfa } from '$lib/server/auth/mfa.service';
import { endAllSessionsOf, endSessionOf, listSessionsOf } from '$lib/server/auth/session-admin.service';
import { formFailure, pageError } from '$lib/server/http';
import { formObject } from '$lib/server/form-data';
import { staffFormInput, staffFormValues } from '$lib/server/forms/staff-form';
import { getStaffMember, updateStaffMember } from '$lib/server/staff/staff.service';
import { mfaStatus } from '$lib/server/auth/mfa.service';
import { getClinic } from '$lib/server/clinic/clinic.service';
import { feedStatusOf, revokeFeedOf } from '$lib/server/calendar-feed/calendar-feed.service';

export async function load({ locals, params, url }) {
	try {
		const member = await getStaffMember(locals.ctx, params.id);
		const [sessions, mfa, clinic, feed] = await Promise.all([
			listSessionsOf(locals.ctx, params.id),
			mfaStatus(locals.ctx, params.id),
			getClinic(locals.ctx),
			feedStatusOf(locals.ctx, params.id)
		]);
		return {
			id: member.id,
			name: member.name,
			values: staffFormValues(member),
			saved: url.searchParams.has('saved'),
			sessions: sessions.map((s) => ({ ...s, createdAt: s.createdAt.toISOString(), lastSeenAt: s.lastSeenAt.toISOString() })),
			mfaEnabled: mfa.enabled,
			feed: { active: feed.active, createdAt: feed.createdAt?.toISOString() },
			timeZone: clinic.timeZone
		};
	} catch (caught) {
		pageError(caught);
	}
}

export const actions = {
	save: async ({ request, locals, params }) => {
		const values = staffFormInput(await request.formData());
		try {
			await updateStaffMember(locals.ctx, params.id, values);
		} catch (caught) {
			return formFailure(caught, values);
		}
		redirect(303, `/staff/admin/staff/${params.id}?saved=1`);
	},
	endSession: async ({ request, locals, params }) => {
		const values = formObject(await request.formData());
		try {
			await endSessionOf(locals.ctx, params.id, String(values.session ?? ''));
		} catch (caught) {
			return formFailure(caught, {});
		}
		return { sessionsMessage: 'Session ended.' };
	},
	endAllSessions: async ({ locals, params }) => {
		try {
			const count = await endAllSessionsOf(locals.ctx, params.id);
			return { sessionsMessage: `${count} ${count === 1 ? 'session' : 'sessions'} ended.` };
		} catch (caught) {
			return formFailure(caught, {});
		}
	},
	resetMfa: async ({ request, locals, params }) => {
		const values = formObject(await request.formData());
		try {
			await resetMfa(locals.ctx, params.id, String(values.currentPassword ?? ''));
		} catch (caught) {
			const failure = formFailure(caught, {}, ['currentPassword']);
			return fail(failure.status, { ...failure.data, section: 'mfa' });
		}
		return { mfaMessage: 'Two-step sign-in was reset; this person sets it up again at the next sign-in.' };
	},
	revokeFeed: async ({ locals, params }) => {
		try {
			const revoked = await revokeFeedOf(locals.ctx, params.id);
			return { feedMessage: revoked ? 'Calendar feed revoked: its link no longer works.' : 'There was no calendar feed to revoke.' };
		} catch (caught) {
			return formFailure(caught, {});
		}
	}
};
