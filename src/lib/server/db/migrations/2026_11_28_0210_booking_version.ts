import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.

export async function up(db: Kysely<any>): Promise<void> {
	// Availability reads every live appointment of a few providers over weeks: with the busy span
	// and status in the index, SQLite answers from the index alone instead of visiting each row.
	await db.schema
		.createIndex('appointment_busy_idx')
		.on('appointment')
		.columns(['provider_id', 'blocked_from', 'blocked_until', 'status'])
		.execute();
	await db.schema.dropIndex('appointment_provider_time_idx').execute();

	// A counter bumped in the same transaction as every change that can free or take a slot, so an
	// app instance may reuse an availability answer for as long as the counter has not moved.
	await db.schema
		.createTable('booking_version')
		.addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
		.addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
		.execute();
	await db.insertInto('booking_version').values({ id: 1, version: 0 }).execute();

	// Idempotency records are kept for two days, then deleted by age.
	await db.schema.createIndex('idempotency_record_created_idx').on('idempotency_record').column('created_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('idempotency_record_created_idx').execute();
	await db.schema.dropTable('booking_version').execute();
	await db.schema.createIndex('appointment_provider_time_idx').on('appointment').columns(['provider_id', 'blocked_from']).execute();
	await db.schema.dropIndex('appointment_busy_idx').execute();
}
