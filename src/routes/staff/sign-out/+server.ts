import { redirect } from '@sveltejs/kit';
import { recordAudit } from '$lib/server/audit/audit.service';
import { endSession } from '$lib/server/auth/session.service';
import { clearSessionCookie } from '$lib/server/session-cookie';

/** POST only: signing out changes state, and SvelteKit's origin check guards POSTs. */
export async function POST({ locals, cookies }) {
	const staffId = locals.actor.kind === 'staff' ? locals.actor.staffId : locals.pending?.staffId;
	await endSession(locals.ctx.db, locals.sessionToken);
	clearSessionCookie(cookies, locals.ctx.config);
	if (staffId) await recordAudit(locals.ctx, { action: 'auth.sign_out', entityType: 'staff', entityId: staffId });
	redirect(303, '/staff/sign-in');
}
