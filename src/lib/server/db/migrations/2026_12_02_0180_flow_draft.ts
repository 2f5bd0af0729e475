import { type Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Frozen in time: this file must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(db);

	// Short-lived state of a multi-page public form (booking, self-assessment), so each page can be
	// a GET that Back and Forward can show again. The id is a 256-bit random value held only in an
	// HttpOnly cookie; rows expire after hours and are deleted when the flow completes.
	await db.schema
		.createTable('flow_draft')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('state', 'text', (c) => c.notNull())
		.addColumn('expires_at', t.instant, (c) => c.notNull())
		.execute();
	await db.schema.createIndex('flow_draft_expires_idx').on('flow_draft').column('expires_at').execute();

}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('flow_draft').execute();
}
