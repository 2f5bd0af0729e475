import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { readInstant } from '../db/values';

/** A notice whose send was interrupted over SMTP: it may or may not have reached the patient. */
export type UncertainDelivery = { key: string; kind: string; appointmentId: string | null; at: Date };

export async function listUncertainDeliveries(db: Kysely<DB>, limit = 100): Promise<UncertainDelivery[]> {
	const rows = await db
		.selectFrom('notificationDelivery')
		.select(['key', 'kind', 'appointmentId', 'updatedAt'])
		.where('state', '=', 'unknown')
		.orderBy('updatedAt', 'desc')
		.limit(limit)
		.execute();
	return rows.map((r) => ({ key: r.key, kind: r.kind, appointmentId: r.appointmentId, at: readInstant(r.updatedAt) }));
}
