import { redirect } from '@sveltejs/kit';
import { signOut } from '$lib/server/auth/session.service';
import { clearSessionCookie } from '$lib/server/session-cookie';

/** POST only: signing out changes state, and SvelteKit's origin check guards POSTs. */
export async function POST({ locals, cookies }) {
	const staffId = locals.actor.kind === 'staff' ? locals.actor.staffId : locals.pending?.staffId;
	await signOut(locals.ctx, locals.sessionToken, staffId);
	clearSessionCookie(cookies, locals.ctx.config);
	redirect(303, '/staff/sign-in');
}
