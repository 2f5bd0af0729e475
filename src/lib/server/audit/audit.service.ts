import type { Ctx } from '../context';
import { writeInstant } from '../db/values';
import { writeTransaction } from '../db/write-transaction';
import { auditChainKey, auditHash, GENESIS_HASH, type AuditAction, type AuditOutcome, type AuditRecord } from './audit';
import { insertAuditRow, lastLink, lockChain } from './audit.repository';

export type AuditEntry = {
	action: AuditAction;
	outcome?: AuditOutcome;
	entityType?: string;
	entityId?: string;
	patientId?: string;
	/** Ids, codes and counts only (a list of ids, e.g. the patients a search showed). */
	detail?: Record<string, string | number | boolean | null | string[]>;
	/** Who the event is about when the request is not (yet) signed in, e.g. a sign-in. */
	actor?: { id: string; role: string };
};

const keys = new Map<string, Buffer>();
function keyFor(appSecret: string): Buffer {
	let key = keys.get(appSecret);
	if (!key) keys.set(appSecret, (key = auditChainKey(appSecret)));
	return key;
}

/**
 * The one way to write the audit trail. Runs inside the caller's transaction when there is one,
 * so an audited change and its audit row commit or roll back together.
 */
export async function recordAudit(ctx: Ctx, entry: AuditEntry): Promise<void> {
	const actor = ctx.actor;
	const staff = actor.kind === 'staff' ? { id: actor.staffId, role: actor.role } : entry.actor;
	const key = keyFor(ctx.config.appSecret);
	await writeTransaction(ctx.db, async (trx) => {
		await lockChain(trx);
		const previous = await lastLink(trx);
		const record: AuditRecord = {
			id: (previous?.id ?? 0) + 1,
			at: writeInstant(ctx.clock.now()),
			actorType: staff ? 'staff' : actor.kind === 'system' ? 'system' : 'anonymous',
			actorId: staff?.id ?? null,
			actorRole: staff?.role ?? null,
			action: entry.action,
			entityType: entry.entityType ?? null,
			entityId: entry.entityId ?? null,
			patientId: entry.patientId ?? null,
			outcome: entry.outcome ?? 'success',
			ip: ctx.client.ip,
			userAgent: ctx.client.userAgent,
			requestId: ctx.requestId,
			detail: entry.detail ? JSON.stringify(entry.detail) : null,
			prevHash: previous?.hash ?? GENESIS_HASH
		};
		await insertAuditRow(trx, record, auditHash(key, record));
	});
}
