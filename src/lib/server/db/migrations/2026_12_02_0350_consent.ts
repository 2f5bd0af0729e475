import { sql, type Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Frozen in time: this file must never import application code.
const MODALITIES = ['dry_needling', 'acupuncture', 'electrical_stimulation', 'general_treatment', 'privacy_notice'];
const modalityCheck = sql`modality in (${sql.join(MODALITIES.map((m) => sql.lit(m)))})`;

/** Tables whose rows, once written, may never change or disappear (a signed consent is evidence). */
const APPEND_ONLY = ['consent_document_version', 'consent_signature', 'consent_withdrawal'];

export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(db);

	// Published consent texts. A new edit is a new row with version + 1; `hash` is the SHA-256 of
	// the canonical text (title, body, notice), so a signature names exactly what was shown.
	await db.schema
		.createTable('consent_document_version')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('clinic_id', 'text', (c) => c.notNull().references('clinic.id'))
		.addColumn('modality', 'text', (c) => c.notNull().check(modalityCheck))
		.addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		// The clinic's extra statement (e.g. "dry needling is not acupuncture"), '' when none.
		.addColumn('notice', 'text', (c) => c.notNull())
		.addColumn('hash', 'text', (c) => c.notNull())
		.addColumn('published_at', t.instant, (c) => c.notNull())
		// null: the text that ships with Needlepoint.
		.addColumn('published_by', 'text', (c) => c.references('staff.id'))
		.addUniqueConstraint('consent_document_version_unique', ['clinic_id', 'modality', 'version'])
		.execute();

	// One signature: who signed which exact version, when, from where, witnessed by whom.
	await db.schema
		.createTable('consent_signature')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('clinic_id', 'text', (c) => c.notNull().references('clinic.id'))
		.addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id'))
		.addColumn('document_version_id', 'text', (c) => c.notNull().references('consent_document_version.id'))
		.addColumn('modality', 'text', (c) => c.notNull().check(modalityCheck))
		.addColumn('document_version', 'integer', (c) => c.notNull())
		.addColumn('document_hash', 'text', (c) => c.notNull())
		.addColumn('signer_name', 'text', (c) => c.notNull())
		.addColumn('signer_role', 'text', (c) => c.notNull().check(sql`signer_role in ('patient', 'guardian')`))
		.addColumn('guardian_relationship', 'text')
		.addColumn('signed_on', t.date, (c) => c.notNull())
		.addColumn('signed_at', t.instant, (c) => c.notNull())
		.addColumn('via', 'text', (c) => c.notNull().check(sql`via in ('email', 'tablet', 'staff')`))
		.addColumn('witness_staff_id', 'text', (c) => c.references('staff.id'))
		.addColumn('ip', 'text')
		.addColumn('user_agent', 'text')
		.addCheckConstraint('consent_signature_guardian', sql`(signer_role = 'guardian') = (guardian_relationship is not null)`)
		.addCheckConstraint('consent_signature_witness', sql`(via = 'staff') = (witness_staff_id is not null)`)
		.execute();
	await db.schema.createIndex('consent_signature_patient_idx').on('consent_signature').columns(['patient_id', 'modality', 'signed_at']).execute();

	// Withdrawing is a new fact, not an edit of the signature: effective from withdrawn_at.
	await db.schema
		.createTable('consent_withdrawal')
		.addColumn('signature_id', 'text', (c) => c.primaryKey().references('consent_signature.id'))
		.addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id'))
		.addColumn('withdrawn_at', t.instant, (c) => c.notNull())
		.addColumn('via', 'text', (c) => c.notNull().check(sql`via in ('email', 'tablet', 'staff')`))
		.addColumn('recorded_by', 'text', (c) => c.references('staff.id'))
		.addColumn('ip', 'text')
		.addColumn('user_agent', 'text')
		.execute();

	// Per-clinic consent settings (one row per clinic, created on first change).
	await db.schema
		.createTable('consent_setting')
		.addColumn('clinic_id', 'text', (c) => c.primaryKey().references('clinic.id'))
		// Add the statement some states require: dry needling is not acupuncture.
		.addColumn('dry_needling_not_acupuncture', 'integer', (c) => c.notNull().defaultTo(0).check(sql`dry_needling_not_acupuncture in (0, 1)`))
		// A newly published version makes earlier signatures 'outdated' until signed again.
		.addColumn('resign_on_new_version', 'integer', (c) => c.notNull().defaultTo(1).check(sql`resign_on_new_version in (0, 1)`))
		.addColumn('updated_at', t.instant, (c) => c.notNull())
		.execute();

	if (t.postgres) {
		await sql`
			create function consent_append_only() returns trigger language plpgsql as $$
			begin
				raise exception '% is append-only', tg_table_name;
			end;
			$$`.execute(db);
		for (const table of APPEND_ONLY) {
			await sql`create trigger ${sql.raw(`${table}_no_change`)} before update or delete on ${sql.table(table)}
				for each row execute function consent_append_only()`.execute(db);
			await sql`create trigger ${sql.raw(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
				for each statement execute function consent_append_only()`.execute(db);
		}
	} else {
		for (const table of APPEND_ONLY) {
			for (const event of ['update', 'delete']) {
				await sql`create trigger ${sql.raw(`${table}_no_${event}`)} before ${sql.raw(event)} on ${sql.table(table)}
					begin select raise(abort, ${sql.lit(`${table} is append-only`)}); end`.execute(db);
			}
		}
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	const t = columnTypes(db);
	await db.schema.dropTable('consent_setting').execute();
	await db.schema.dropTable('consent_withdrawal').execute();
	await db.schema.dropTable('consent_signature').execute();
	await db.schema.dropTable('consent_document_version').execute();
	if (t.postgres) await sql`drop function if exists consent_append_only()`.execute(db);
}
