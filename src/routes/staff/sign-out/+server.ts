import { redirect } from '@sveltejs/kit';
import { endSession } from '$lib/server/auth/session.service';
import { clearSessionCookie } from '$lib/server/session-cookie';

/** POST only: signing out changes state, and SvelteKit's origin check guards POSTs. */
export async function POST({ locals, cookies }) {
	await endSession(locals.ctx.db, locals.sessionToken);
	clearSessionCookie(cookies, locals.ctx.config);
	locals.ctx.log.info({ event: 'sign_out', requestId: locals.requestId });
	redirect(303, '/staff/sign-in');
}
