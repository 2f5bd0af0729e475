import { sql, type Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Frozen in time: this file must never import application code.
const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'];

/**
 * Uploaded images live in the database (not on local disk) so that every app instance on a shared
 * PostgreSQL serves the same files. The content hash is the public name: a changed image gets a new
 * URL, so responses can be cached forever.
 */
export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(db);
	await db.schema
		.createTable('image')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('clinic_id', 'text', (c) => c.notNull().references('clinic.id').onDelete('cascade'))
		.addColumn('sha256', 'text', (c) => c.notNull().check(sql`length(sha256) = 64`))
		.addColumn('content_type', 'text', (c) =>
			c.notNull().check(sql`content_type in (${sql.join(IMAGE_TYPES.map((v) => sql.lit(v)))})`)
		)
		.addColumn('width', 'integer', (c) => c.notNull().check(sql`width between 1 and 10000`))
		.addColumn('height', 'integer', (c) => c.notNull().check(sql`height between 1 and 10000`))
		.addColumn('byte_size', 'integer', (c) => c.notNull().check(sql`byte_size between 1 and 2097152`))
		.addColumn('bytes', t.bytes, (c) => c.notNull())
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.addUniqueConstraint('image_sha256_unique', ['sha256'])
		.execute();

	// A side table rather than a new staff column: SQLite cannot drop a column that has a foreign
	// key, and the down migration must work on both engines.
	await db.schema
		.createTable('staff_photo')
		.addColumn('staff_id', 'text', (c) => c.primaryKey().references('staff.id').onDelete('cascade'))
		.addColumn('image_id', 'text', (c) => c.notNull().references('image.id').onDelete('cascade'))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('staff_photo').execute();
	await db.schema.dropTable('image').execute();
}
