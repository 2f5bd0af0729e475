import { sql, type Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Frozen in time: this file must never import application code.
const SERVICE_KINDS = ['consultation', 'dry_needling', 'acupuncture', 'follow_up', 'other'];
const STAFF_ROLES = ['admin', 'clinician', 'front_desk'];
const CREDENTIALS: Array<[string, string]> = [
	['DPT', 'Doctor of Physical Therapy'],
	['PT', 'Physical Therapist'],
	['PTA', 'Physical Therapist Assistant'],
	['DC', 'Doctor of Chiropractic'],
	['LAc', 'Licensed Acupuncturist (L.Ac.)'],
	['DiplOM', 'Diplomate of Oriental Medicine (NCCAOM)'],
	['MD', 'Doctor of Medicine'],
	['DO', 'Doctor of Osteopathic Medicine'],
	['NP', 'Nurse Practitioner'],
	['PA', 'Physician Assistant'],
	['ATC', 'Certified Athletic Trainer'],
	['LMT', 'Licensed Massage Therapist']
];

function inList(column: string, values: string[]) {
	return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}

export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(db);

	await db.schema
		.createTable('clinic')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('time_zone', 'text', (c) => c.notNull())
		.addColumn('street', 'text', (c) => c.notNull())
		.addColumn('city', 'text', (c) => c.notNull())
		.addColumn('region', 'text', (c) => c.notNull())
		.addColumn('postal_code', 'text', (c) => c.notNull())
		.addColumn('country', 'text', (c) => c.notNull())
		.addColumn('phone', 'text', (c) => c.notNull())
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0).check(sql`is_demo in (0, 1)`))
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.addColumn('updated_at', t.instant, (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('clinic_hours')
		.addColumn('clinic_id', 'text', (c) => c.notNull().references('clinic.id').onDelete('cascade'))
		.addColumn('weekday', 'integer', (c) => c.notNull().check(sql`weekday between 1 and 7`))
		.addColumn('opens', 'text', (c) => c.notNull())
		.addColumn('closes', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('clinic_hours_pk', ['clinic_id', 'weekday', 'opens'])
		.addCheckConstraint('clinic_hours_order', sql`opens < closes`)
		.execute();

	await db.schema
		.createTable('location')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('clinic_id', 'text', (c) => c.notNull().references('clinic.id').onDelete('cascade'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('street', 'text', (c) => c.notNull())
		.addColumn('city', 'text', (c) => c.notNull())
		.addColumn('region', 'text', (c) => c.notNull())
		.addColumn('postal_code', 'text', (c) => c.notNull())
		.addColumn('country', 'text', (c) => c.notNull())
		.addColumn('phone', 'text', (c) => c.notNull())
		.addColumn('active', 'integer', (c) => c.notNull().defaultTo(1).check(sql`active in (0, 1)`))
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.addColumn('updated_at', t.instant, (c) => c.notNull())
		.addUniqueConstraint('location_name_unique', ['clinic_id', 'name'])
		.execute();

	await db.schema
		.createTable('credential')
		.addColumn('code', 'text', (c) => c.primaryKey())
		.addColumn('label', 'text', (c) => c.notNull())
		.execute();
	await db
		.insertInto('credential')
		.values(CREDENTIALS.map(([code, label]) => ({ code, label })))
		.execute();

	await db.schema
		.createTable('service')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('clinic_id', 'text', (c) => c.notNull().references('clinic.id').onDelete('cascade'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('slug', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull().check(inList('kind', SERVICE_KINDS)))
		.addColumn('description', 'text', (c) => c.notNull())
		.addColumn('duration_minutes', 'integer', (c) =>
			c.notNull().check(sql`duration_minutes between 5 and 480`)
		)
		.addColumn('buffer_before_minutes', 'integer', (c) =>
			c.notNull().defaultTo(0).check(sql`buffer_before_minutes between 0 and 240`)
		)
		.addColumn('buffer_after_minutes', 'integer', (c) =>
			c.notNull().defaultTo(0).check(sql`buffer_after_minutes between 0 and 240`)
		)
		.addColumn('price_cents', 'integer', (c) => c.notNull().check(sql`price_cents >= 0`))
		.addColumn('bookable_online', 'integer', (c) =>
			c.notNull().defaultTo(1).check(sql`bookable_online in (0, 1)`)
		)
		.addColumn('requires_dry_needling_certification', 'integer', (c) =>
			c.notNull().defaultTo(0).check(sql`requires_dry_needling_certification in (0, 1)`)
		)
		.addColumn('active', 'integer', (c) => c.notNull().defaultTo(1).check(sql`active in (0, 1)`))
		.addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.addColumn('updated_at', t.instant, (c) => c.notNull())
		.addUniqueConstraint('service_slug_unique', ['clinic_id', 'slug'])
		.execute();

	await db.schema
		.createTable('service_credential')
		.addColumn('service_id', 'text', (c) => c.notNull().references('service.id').onDelete('cascade'))
		.addColumn('credential_code', 'text', (c) => c.notNull().references('credential.code'))
		.addPrimaryKeyConstraint('service_credential_pk', ['service_id', 'credential_code'])
		.execute();

	await db.schema
		.createTable('staff')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('clinic_id', 'text', (c) => c.notNull().references('clinic.id').onDelete('cascade'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('role', 'text', (c) => c.notNull().check(inList('role', STAFF_ROLES)))
		.addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('active', 'integer', (c) => c.notNull().defaultTo(1).check(sql`active in (0, 1)`))
		.addColumn('password_hash', 'text')
		.addColumn('dn_certified_on', t.date)
		.addColumn('dn_hours', 'integer', (c) => c.check(sql`dn_hours is null or dn_hours between 1 and 2000`))
		.addColumn('dn_course', 'text')
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.addColumn('updated_at', t.instant, (c) => c.notNull())
		// A dry-needling certification is a date and a number of hours, or nothing at all.
		.addCheckConstraint(
			'staff_dn_certification_complete',
			sql`(dn_certified_on is null and dn_hours is null) or (dn_certified_on is not null and dn_hours is not null)`
		)
		// Emails are stored lower-cased so the unique key is case-insensitive on both engines.
		.addCheckConstraint('staff_email_lowercase', sql`email = lower(email)`)
		.execute();

	await db.schema
		.createTable('staff_credential')
		.addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id').onDelete('cascade'))
		.addColumn('credential_code', 'text', (c) => c.notNull().references('credential.code'))
		.addPrimaryKeyConstraint('staff_credential_pk', ['staff_id', 'credential_code'])
		.execute();

	await db.schema
		.createTable('session')
		.addColumn('token_hash', 'text', (c) => c.primaryKey())
		.addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id').onDelete('cascade'))
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.addColumn('last_seen_at', t.instant, (c) => c.notNull())
		.addColumn('expires_at', t.instant, (c) => c.notNull())
		.execute();
	await db.schema.createIndex('session_staff_idx').on('session').column('staff_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'session',
		'staff_credential',
		'staff',
		'service_credential',
		'service',
		'credential',
		'location',
		'clinic_hours',
		'clinic'
	]) {
		await db.schema.dropTable(table).execute();
	}
}
