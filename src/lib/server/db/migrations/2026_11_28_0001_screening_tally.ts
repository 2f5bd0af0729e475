import { sql, type Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Frozen in time: this file must never import application code.
const RECOMMENDATIONS = ['physician_first', 'not_suitable_for_needling', 'dry_needling', 'acupuncture', 'either'];

/**
 * Anonymous counts of finished self-assessments: one row per clinic, calendar day (in the
 * clinic's zone) and outcome. Deliberately nothing else — no answers, no times of day, no request
 * details — so the table can never identify anyone.
 */
export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(db);
	await db.schema
		.createTable('screening_tally')
		.addColumn('clinic_id', 'text', (c) => c.notNull().references('clinic.id').onDelete('cascade'))
		.addColumn('day', t.date, (c) => c.notNull())
		.addColumn('recommendation', 'text', (c) =>
			c.notNull().check(sql`recommendation in (${sql.join(RECOMMENDATIONS.map((r) => sql.lit(r)))})`)
		)
		.addColumn('count', 'integer', (c) => c.notNull().check(sql`count >= 1`))
		.addPrimaryKeyConstraint('screening_tally_pk', ['clinic_id', 'day', 'recommendation'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('screening_tally').execute();
}
