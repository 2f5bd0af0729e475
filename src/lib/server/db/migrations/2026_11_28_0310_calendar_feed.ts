import { sql, type Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Frozen in time: this file must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(db);

	// Private iCalendar feed URLs of staff calendars. The URL holds a 256-bit token; only its
	// SHA-256 is stored, so a copy of the database does not let anyone read the feeds.
	await db.schema
		.createTable('calendar_feed')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id').onDelete('cascade'))
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.addColumn('revoked_at', t.instant)
		.addColumn('last_fetched_at', t.instant)
		.execute();
	// At most one live feed per person: a new link replaces the old one.
	await db.schema
		.createIndex('calendar_feed_one_active')
		.on('calendar_feed')
		.column('staff_id')
		.unique()
		.where(sql.ref('revoked_at'), 'is', null)
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('calendar_feed').execute();
}
