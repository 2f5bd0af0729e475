import type { Ctx } from '../context';
import { notFound, validationFailed } from '../errors';
import { recordAudit } from '../audit/audit.service';
import { writeTransaction } from '../db/write-transaction';
import { authorize } from './policy';
import { deleteSessionOfStaffById, deleteSessionsOfStaff, listSessionsOfStaff, type SessionSummary } from './session.repository';
import { findStaff } from '../staff/staff.repository';

async function target(ctx: Ctx, staffId: string) {
	authorize(ctx.actor, 'staff:manage');
	if (ctx.actor.kind !== 'staff') throw notFound('staff member');
	const member = await findStaff(ctx.db, ctx.actor.clinicId, staffId);
	if (!member) throw notFound('staff member');
	return member;
}

/** An administrator's view of where a staff member is signed in. */
export async function listSessionsOf(ctx: Ctx, staffId: string): Promise<SessionSummary[]> {
	await target(ctx, staffId);
	return listSessionsOfStaff(ctx.db, staffId);
}

export async function endSessionOf(ctx: Ctx, staffId: string, sessionId: string): Promise<void> {
	await target(ctx, staffId);
	// A post without a session is a bad form (400), not a session that has already ended (404).
	if (!sessionId) throw validationFailed({ session: 'Choose the session to end.' });
	await writeTransaction(ctx.db, async (trx) => {
		const ended = await deleteSessionOfStaffById(trx, staffId, sessionId);
		if (ended === 0) throw notFound('session');
		await recordAudit({ ...ctx, db: trx }, { action: 'auth.session_ended', entityType: 'staff', entityId: staffId });
	});
}

export async function endAllSessionsOf(ctx: Ctx, staffId: string): Promise<number> {
	await target(ctx, staffId);
	return writeTransaction(ctx.db, async (trx) => {
		const ended = await deleteSessionsOfStaff(trx, staffId);
		await recordAudit({ ...ctx, db: trx }, { action: 'auth.sessions_ended', entityType: 'staff', entityId: staffId, detail: { count: ended } });
		return ended;
	});
}
