import type { Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Frozen in time: this file must never import application code.

export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(db);
	// One row per limit, key and fixed window. Taking a hit is a single INSERT … ON CONFLICT DO
	// UPDATE … RETURNING, so two instances can never both see "one left" and both go ahead.
	await db.schema
		.createTable('rate_limit_counter')
		.addColumn('scope', 'text', (c) => c.notNull())
		.addColumn('key_hash', 'text', (c) => c.notNull())
		.addColumn('window_start', t.instant, (c) => c.notNull())
		.addColumn('hits', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('rate_limit_counter_pk', ['scope', 'key_hash', 'window_start'])
		.execute();
	await db.schema.createIndex('rate_limit_counter_window_idx').on('rate_limit_counter').column('window_start').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('rate_limit_counter').execute();
}
