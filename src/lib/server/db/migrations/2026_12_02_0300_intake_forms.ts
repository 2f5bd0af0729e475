import { sql, type Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Frozen in time: this file must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(db);

	// A clinic's forms as data (FHIR Questionnaire-shaped JSON), one row per published version.
	// A version never changes: a new definition is a new row with the next version number.
	await db.schema
		.createTable('form_definition')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('clinic_id', 'text', (c) => c.notNull().references('clinic.id'))
		.addColumn('slug', 'text', (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('content_hash', 'text', (c) => c.notNull())
		.addColumn('definition', 'text', (c) => c.notNull())
		.addColumn('published_at', t.instant, (c) => c.notNull())
		.addUniqueConstraint('form_definition_version', ['clinic_id', 'slug', 'version'])
		.addUniqueConstraint('form_definition_content', ['clinic_id', 'slug', 'content_hash'])
		.execute();

	// Answers (QuestionnaireResponse-shaped JSON) to one exact form version, for one appointment.
	await db.schema
		.createTable('form_response')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('clinic_id', 'text', (c) => c.notNull().references('clinic.id'))
		.addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id'))
		.addColumn('appointment_id', 'text', (c) => c.notNull().references('appointment.id'))
		.addColumn('form_id', 'text', (c) => c.notNull().references('form_definition.id'))
		.addColumn('slug', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('in_progress', 'submitted')`))
		.addColumn('answers', 'text', (c) => c.notNull())
		.addColumn('entered_by', 'text', (c) => c.notNull().check(sql`entered_by in ('patient', 'staff')`))
		.addColumn('entered_by_staff_id', 'text', (c) => c.references('staff.id'))
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.addColumn('updated_at', t.instant, (c) => c.notNull())
		.addColumn('submitted_at', t.instant)
		.addUniqueConstraint('form_response_one_per_visit', ['appointment_id', 'slug'])
		.execute();
	await db.schema.createIndex('form_response_patient').on('form_response').column('patient_id').execute();

	// Bearer links to one patient's forms for one appointment: 256-bit tokens, only SHA-256 stored.
	await db.schema
		.createTable('forms_link')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('clinic_id', 'text', (c) => c.notNull().references('clinic.id'))
		.addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id'))
		.addColumn('appointment_id', 'text', (c) => c.notNull().references('appointment.id'))
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('via', 'text', (c) => c.notNull().check(sql`via in ('email', 'tablet')`))
		.addColumn('expires_at', t.instant, (c) => c.notNull())
		.addColumn('ended_at', t.instant)
		.addColumn('created_by', 'text', (c) => c.references('staff.id'))
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.execute();
	await db.schema.createIndex('forms_link_appointment').on('forms_link').column('appointment_id').execute();

	// One-time short codes the front desk gives with a clinic tablet; only a keyed hash is stored.
	await db.schema
		.createTable('tablet_code')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('clinic_id', 'text', (c) => c.notNull().references('clinic.id'))
		.addColumn('appointment_id', 'text', (c) => c.notNull().references('appointment.id'))
		.addColumn('code_hash', 'text', (c) => c.notNull().unique())
		.addColumn('expires_at', t.instant, (c) => c.notNull())
		.addColumn('used_at', t.instant)
		.addColumn('created_by', 'text', (c) => c.notNull().references('staff.id'))
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.execute();

	// A red flag at intake: the appointment is "physician first" until a clinician clears it.
	await db.schema
		.createTable('intake_alert')
		.addColumn('appointment_id', 'text', (c) => c.primaryKey().references('appointment.id'))
		.addColumn('clinic_id', 'text', (c) => c.notNull().references('clinic.id'))
		.addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id'))
		.addColumn('red_flags', 'text', (c) => c.notNull())
		.addColumn('urgent', 'integer', (c) => c.notNull())
		.addColumn('raised_at', t.instant, (c) => c.notNull())
		.addColumn('cleared_at', t.instant)
		.addColumn('cleared_by', 'text', (c) => c.references('staff.id'))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['intake_alert', 'tablet_code', 'forms_link', 'form_response', 'form_definition']) {
		await db.schema.dropTable(table).execute();
	}
}
