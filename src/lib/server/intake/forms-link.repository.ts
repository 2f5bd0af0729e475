import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { readInstant, writeInstant } from '../db/values';

export type FormsLink = {
	id: string;
	clinicId: string;
	patientId: string;
	appointmentId: string;
	via: 'email' | 'tablet';
	expiresAt: Date;
	endedAt: Date | null;
};

export async function insertFormsLink(
	db: Kysely<DB>,
	l: { clinicId: string; patientId: string; appointmentId: string; tokenHash: string; via: 'email' | 'tablet'; expiresAt: Date; createdBy: string | null; now: Date }
): Promise<void> {
	await db
		.insertInto('formsLink')
		.values({
			id: randomUUID(),
			clinicId: l.clinicId,
			patientId: l.patientId,
			appointmentId: l.appointmentId,
			tokenHash: l.tokenHash,
			via: l.via,
			expiresAt: writeInstant(l.expiresAt),
			createdBy: l.createdBy,
			createdAt: writeInstant(l.now)
		})
		.execute();
}

export async function findFormsLinkByHash(db: Kysely<DB>, tokenHash: string): Promise<FormsLink | undefined> {
	const row = await db
		.selectFrom('formsLink')
		.select(['id', 'clinicId', 'patientId', 'appointmentId', 'via', 'expiresAt', 'endedAt'])
		.where('tokenHash', '=', tokenHash)
		.executeTakeFirst();
	return row && { ...row, expiresAt: readInstant(row.expiresAt), endedAt: row.endedAt === null ? null : readInstant(row.endedAt) };
}

export async function endFormsLink(db: Kysely<DB>, id: string, now: Date): Promise<void> {
	await db.updateTable('formsLink').set({ endedAt: writeInstant(now) }).where('id', '=', id).where('endedAt', 'is', null).execute();
}

export async function insertTabletCode(db: Kysely<DB>, c: { clinicId: string; appointmentId: string; codeHash: string; expiresAt: Date; createdBy: string; now: Date }): Promise<void> {
	await db
		.insertInto('tabletCode')
		.values({ id: randomUUID(), clinicId: c.clinicId, appointmentId: c.appointmentId, codeHash: c.codeHash, expiresAt: writeInstant(c.expiresAt), createdBy: c.createdBy, createdAt: writeInstant(c.now) })
		.execute();
}

/** Marks an unused, unexpired code used; returns its appointment, or undefined (wrong, used or stale). */
export async function consumeTabletCode(db: Kysely<DB>, codeHash: string, now: Date): Promise<{ appointmentId: string; clinicId: string } | undefined> {
	const row = await db
		.selectFrom('tabletCode')
		.select(['id', 'appointmentId', 'clinicId', 'expiresAt'])
		.where('codeHash', '=', codeHash)
		.where('usedAt', 'is', null)
		.executeTakeFirst();
	if (!row || readInstant(row.expiresAt).getTime() <= now.getTime()) return undefined;
	const used = await db.updateTable('tabletCode').set({ usedAt: writeInstant(now) }).where('id', '=', row.id).where('usedAt', 'is', null).executeTakeFirst();
	if (Number(used.numUpdatedRows) !== 1) return undefined;
	return { appointmentId: row.appointmentId, clinicId: row.clinicId };
}
