import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.

/** Questions and answers shown on a service's public page, in order. */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('service_faq')
		.addColumn('service_id', 'text', (c) => c.notNull().references('service.id').onDelete('cascade'))
		.addColumn('position', 'integer', (c) => c.notNull().check(sql`position >= 0`))
		.addColumn('question', 'text', (c) => c.notNull().check(sql`length(question) between 1 and 300`))
		.addColumn('answer', 'text', (c) => c.notNull().check(sql`length(answer) between 1 and 4000`))
		.addPrimaryKeyConstraint('service_faq_pk', ['service_id', 'position'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('service_faq').execute();
}
