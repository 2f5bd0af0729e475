import type { Kysely } from 'kysely';
import type { DB, DeliveryState } from '../db/schema';
import { writeInstant } from '../db/values';

export type Delivery = { key: string; state: DeliveryState; reason: string | null; messageId: string; appointmentId: string | null; kind: string };

export async function findDelivery(db: Kysely<DB>, key: string): Promise<Delivery | undefined> {
	return db
		.selectFrom('notificationDelivery')
		.select(['key', 'state', 'reason', 'messageId', 'appointmentId', 'kind'])
		.where('key', '=', key)
		.executeTakeFirst();
}

export async function insertDelivery(
	db: Kysely<DB>,
	row: { key: string; state: DeliveryState; reason?: string; messageId: string; appointmentId: string | null; kind: string; jobId: string; now: Date }
): Promise<void> {
	const now = writeInstant(row.now);
	await db
		.insertInto('notificationDelivery')
		.values({
			key: row.key,
			state: row.state,
			reason: row.reason ?? null,
			messageId: row.messageId,
			appointmentId: row.appointmentId,
			kind: row.kind,
			jobId: row.jobId,
			createdAt: now,
			updatedAt: now
		})
		.execute();
}

export async function settleDelivery(
	db: Kysely<DB>,
	key: string,
	to: { state: 'sent' | 'unknown'; reason?: string },
	now: Date
): Promise<void> {
	await db
		.updateTable('notificationDelivery')
		.set({ state: to.state, reason: to.reason ?? null, updatedAt: writeInstant(now) })
		.where('key', '=', key)
		.where('state', 'in', ['sending', 'unknown'])
		.execute();
}

/** Removes a 'sending' mark once it is certain that the message did not leave. */
export async function dropSendingMark(db: Kysely<DB>, key: string): Promise<void> {
	await db.deleteFrom('notificationDelivery').where('key', '=', key).where('state', '=', 'sending').execute();
}

export async function deliveriesOf(db: Kysely<DB>, appointmentId: string): Promise<Delivery[]> {
	return db
		.selectFrom('notificationDelivery')
		.select(['key', 'state', 'reason', 'messageId', 'appointmentId', 'kind'])
		.where('appointmentId', '=', appointmentId)
		.orderBy('createdAt')
		.orderBy('key')
		.execute();
}
