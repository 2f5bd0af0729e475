import { fail, redirect } from '@sveltejs/kit';
import { can } from '$lib/server/auth/policy';
import { getClinic } from '$lib/server/clinic/clinic.service';
import { moderateComment, moderationQueue, replyAsClinic, setModerationMode } from '$lib/server/comments/comment.service';
import { formObject } from '$lib/server/form-data';
import { formFailure, pageError } from '$lib/server/http';
import { COMMENT_STATUSES, type CommentStatus } from '$lib/shared/comment.schema';

function statusOf(url: URL): CommentStatus {
	const status = url.searchParams.get('status');
	return COMMENT_STATUSES.includes(status as CommentStatus) ? (status as CommentStatus) : 'pending';
}

export async function load({ locals, url }) {
	try {
		const status = statusOf(url);
		const view = await moderationQueue(locals.ctx, status);
		const clinic = await getClinic(locals.ctx);
		return { ...view, status, timeZone: clinic.timeZone, canConfigure: can(locals.actor, 'comment:configure'), done: url.searchParams.get('done') };
	} catch (caught) {
		pageError(caught);
	}
}

const back = (url: URL, done: string) => `/staff/comments?status=${statusOf(url)}&done=${done}`;

export const actions = {
	moderate: async ({ request, locals, url }) => {
		const values = formObject(await request.formData());
		try {
			await moderateComment(locals.ctx, String(values.id ?? ''), values.action);
		} catch (caught) {
			return formFailure(caught, values);
		}
		redirect(303, back(url, String(values.action)));
	},
	reply: async ({ request, locals, url }) => {
		const values = formObject(await request.formData());
		try {
			await replyAsClinic(locals.ctx, String(values.id ?? ''), values);
		} catch (caught) {
			const failure = formFailure(caught, values);
			return fail(failure.status, { replyFor: String(values.id ?? ''), ...failure.data });
		}
		redirect(303, back(url, 'replied'));
	},
	settings: async ({ request, locals, url }) => {
		const values = formObject(await request.formData());
		try {
			await setModerationMode(locals.ctx, values.mode);
		} catch (caught) {
			return formFailure(caught, values);
		}
		redirect(303, back(url, 'settings'));
	}
};
