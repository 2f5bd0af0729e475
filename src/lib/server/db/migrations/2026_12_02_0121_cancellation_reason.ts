import type { Kysely } from 'kysely';

// Frozen in time: this file must never import application code.

export async function up(db: Kysely<any>): Promise<void> {
	// Who asked for a cancellation ('patient' or 'clinic') and, when staff cancel, why.
	await db.schema.alterTable('appointment').addColumn('cancelled_by', 'text').execute();
	await db.schema.alterTable('appointment').addColumn('cancellation_reason', 'text').execute();
	// Cancellations made before this migration came from the patient's link or a patient's call.
	await db.updateTable('appointment').set({ cancelled_by: 'patient' }).where('status', '=', 'cancelled').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('appointment').dropColumn('cancellation_reason').execute();
	await db.schema.alterTable('appointment').dropColumn('cancelled_by').execute();
}
