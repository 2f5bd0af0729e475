import { sql, type Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Frozen in time: this file must never import application code.
const COMMENT_STATUSES = ['pending', 'published', 'rejected', 'spam'];

export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(db);

	await db.schema
		.createTable('comment')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('article_id', 'text', (c) => c.notNull().references('article.id').onDelete('cascade'))
		.addColumn('parent_id', 'text')
		// 0 for a comment, 1 for a reply. With parent_depth and the composite key below, the database
		// itself allows one level of replies only, and only within the same article.
		.addColumn('depth', 'integer', (c) => c.notNull())
		.addColumn('parent_depth', 'integer')
		.addColumn('author_name', 'text', (c) => c.notNull().check(sql`length(author_name) between 1 and 80`))
		.addColumn('author_email', 'text', (c) => c.check(sql`author_email is null or author_email = lower(author_email)`))
		.addColumn('body', 'text', (c) => c.notNull().check(sql`length(body) between 1 and 5000`))
		.addColumn('status', 'text', (c) =>
			c.notNull().check(sql`status in (${sql.join(COMMENT_STATUSES.map((v) => sql.lit(v)))})`)
		)
		.addColumn('by_clinic', 'integer', (c) => c.notNull().defaultTo(0).check(sql`by_clinic in (0, 1)`))
		.addColumn('staff_id', 'text', (c) => c.references('staff.id').onDelete('set null'))
		.addColumn('mentions_health', 'integer', (c) => c.notNull().defaultTo(0).check(sql`mentions_health in (0, 1)`))
		// HMAC of the sender's address (never the address itself) and of the normalised text.
		.addColumn('ip_hash', 'text')
		.addColumn('body_hash', 'text', (c) => c.notNull())
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.addColumn('moderated_at', t.instant)
		.addColumn('moderated_by', 'text', (c) => c.references('staff.id').onDelete('set null'))
		.addUniqueConstraint('comment_thread_key', ['id', 'depth', 'article_id'])
		.addForeignKeyConstraint(
			'comment_parent_fk',
			['parent_id', 'parent_depth', 'article_id'],
			'comment',
			['id', 'depth', 'article_id'],
			(fk) => fk.onDelete('cascade')
		)
		.addCheckConstraint(
			'comment_one_level',
			sql`(parent_id is null and parent_depth is null and depth = 0) or (parent_id is not null and parent_depth = 0 and depth = 1)`
		)
		.execute();
	await db.schema
		.createIndex('comment_article_idx')
		.on('comment')
		.columns(['article_id', 'status', 'created_at'])
		.execute();
	await db.schema.createIndex('comment_queue_idx').on('comment').columns(['status', 'created_at']).execute();
	await db.schema.createIndex('comment_email_idx').on('comment').columns(['author_email', 'status']).execute();
	await db.schema.createIndex('comment_body_hash_idx').on('comment').columns(['body_hash', 'created_at']).execute();

	await db.schema
		.createTable('contact_message')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('clinic_id', 'text', (c) => c.notNull().references('clinic.id').onDelete('cascade'))
		.addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) between 1 and 120`))
		.addColumn('email', 'text', (c) => c.notNull().check(sql`email = lower(email) and length(email) between 3 and 254`))
		.addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('message', 'text', (c) => c.notNull().check(sql`length(message) between 1 and 5000`))
		.addColumn('preferred_contact', 'text', (c) => c.notNull().check(sql`preferred_contact in ('email', 'phone')`))
		.addColumn('ip_hash', 'text')
		.addColumn('body_hash', 'text', (c) => c.notNull())
		.addColumn('mail_sent', 'integer', (c) => c.notNull().defaultTo(0).check(sql`mail_sent in (0, 1)`))
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.addColumn('handled_at', t.instant)
		.addColumn('handled_by', 'text', (c) => c.references('staff.id').onDelete('set null'))
		// Asking to be called back needs a number to call.
		.addCheckConstraint('contact_phone_when_preferred', sql`preferred_contact <> 'phone' or phone <> ''`)
		.execute();
	await db.schema
		.createIndex('contact_inbox_idx')
		.on('contact_message')
		.columns(['clinic_id', 'handled_at', 'created_at'])
		.execute();
	await db.schema
		.createIndex('contact_body_hash_idx')
		.on('contact_message')
		.columns(['body_hash', 'created_at'])
		.execute();

	// Anti-spam state shared by every app instance: one row per accepted submission, counted over a
	// sliding window and pruned as it ages.
	await db.schema
		.createTable('rate_limit_hit')
		.addColumn('scope', 'text', (c) => c.notNull())
		.addColumn('key_hash', 'text', (c) => c.notNull())
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('rate_limit_hit_idx')
		.on('rate_limit_hit')
		.columns(['scope', 'key_hash', 'created_at'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['rate_limit_hit', 'contact_message', 'comment']) {
		await db.schema.dropTable(table).execute();
	}
}
