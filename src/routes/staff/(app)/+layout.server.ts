import { error } from '@sveltejs/kit';
import { getApp } from '$lib/server/app-instance';
import { can } from '$lib/server/auth/policy';

export function load({ locals }) {
	const actor = locals.actor;
	// hooks.server.ts already sent anonymous visitors to sign-in; this is the second lock.
	if (actor.kind !== 'staff') error(401, 'Please sign in.');
	return {
		me: { name: actor.name, role: actor.role },
		demo: getApp().demo,
		canAdminister: can(actor, 'clinic:manage'),
		canReadReports: can(actor, 'screening_stats:read'),
		canWriteArticles: can(actor, 'article:write'),
		canModerateComments: can(actor, 'comment:moderate'),
		canReadInbox: can(actor, 'contact:read')
	};
}
