import { sql, type Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Frozen in time: this file must never import application code.
const ARTICLE_STATUSES = ['draft', 'published', 'scheduled'];
const MODERATION_MODES = ['hold_all', 'hold_first', 'publish'];
const SLUG_CHECK = (column: string) => sql`${sql.ref(column)} <> '' and length(${sql.ref(column)}) <= 80`;

export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(db);

	await db.schema
		.createTable('article')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('clinic_id', 'text', (c) => c.notNull().references('clinic.id').onDelete('cascade'))
		.addColumn('slug', 'text', (c) => c.notNull().check(SLUG_CHECK('slug')))
		.addColumn('title', 'text', (c) => c.notNull().check(sql`length(title) between 1 and 200`))
		.addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('body_markdown', 'text', (c) => c.notNull())
		.addColumn('word_count', 'integer', (c) => c.notNull().defaultTo(0).check(sql`word_count >= 0`))
		.addColumn('status', 'text', (c) =>
			c.notNull().check(sql`status in (${sql.join(ARTICLE_STATUSES.map((v) => sql.lit(v)))})`)
		)
		// For 'published' the moment it went out; for 'scheduled' the moment it will. Public pages
		// show an article once published_at has passed, so a schedule needs no background job.
		.addColumn('published_at', t.instant)
		.addColumn('author_id', 'text', (c) => c.notNull().references('staff.id'))
		.addColumn('service_id', 'text', (c) => c.references('service.id').onDelete('set null'))
		.addColumn('cover_image_id', 'text', (c) => c.references('image.id').onDelete('set null'))
		.addColumn('cover_alt', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.addColumn('updated_at', t.instant, (c) => c.notNull())
		.addUniqueConstraint('article_slug_unique', ['clinic_id', 'slug'])
		.addCheckConstraint('article_published_has_date', sql`status = 'draft' or published_at is not null`)
		// A cover without a description would be an image screen-reader users cannot know about.
		.addCheckConstraint('article_cover_has_alt', sql`cover_image_id is null or length(cover_alt) > 0`)
		.execute();
	await db.schema
		.createIndex('article_public_idx')
		.on('article')
		.columns(['clinic_id', 'status', 'published_at'])
		.execute();

	// Old slugs of renamed articles; the public page answers them with a 301 to the current slug.
	await db.schema
		.createTable('article_slug_redirect')
		.addColumn('clinic_id', 'text', (c) => c.notNull().references('clinic.id').onDelete('cascade'))
		.addColumn('old_slug', 'text', (c) => c.notNull().check(SLUG_CHECK('old_slug')))
		.addColumn('article_id', 'text', (c) => c.notNull().references('article.id').onDelete('cascade'))
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.addPrimaryKeyConstraint('article_slug_redirect_pk', ['clinic_id', 'old_slug'])
		.execute();

	await db.schema
		.createTable('article_tag')
		.addColumn('article_id', 'text', (c) => c.notNull().references('article.id').onDelete('cascade'))
		.addColumn('tag', 'text', (c) => c.notNull().check(sql`length(tag) between 1 and 40 and tag = lower(tag)`))
		.addPrimaryKeyConstraint('article_tag_pk', ['article_id', 'tag'])
		.execute();
	await db.schema.createIndex('article_tag_tag_idx').on('article_tag').columns(['tag', 'article_id']).execute();

	// One row per clinic: settings of the public site, and a counter bumped in the same transaction
	// as every change to published content. Each app instance compares it with its render cache, so
	// an edit on one instance is visible on all of them at once.
	await db.schema
		.createTable('site_settings')
		.addColumn('clinic_id', 'text', (c) => c.primaryKey().references('clinic.id').onDelete('cascade'))
		.addColumn('comment_moderation', 'text', (c) =>
			c
				.notNull()
				.defaultTo('hold_first')
				.check(sql`comment_moderation in (${sql.join(MODERATION_MODES.map((v) => sql.lit(v)))})`)
		)
		.addColumn('content_version', 'integer', (c) => c.notNull().defaultTo(1).check(sql`content_version >= 1`))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['site_settings', 'article_tag', 'article_slug_redirect', 'article']) {
		await db.schema.dropTable(table).execute();
	}
}
