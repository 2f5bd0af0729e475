import { error } from '@sveltejs/kit';
import { can } from '$lib/server/auth/policy';

export function load({ locals }) {
	// Services check again; this refuses the whole admin area up front for other roles.
	if (!can(locals.actor, 'clinic:manage')) error(403, 'Only administrators can open the admin pages.');
	return {};
}
