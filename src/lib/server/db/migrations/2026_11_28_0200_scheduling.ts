import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Frozen in time: this file must never import application code.
const APPOINTMENT_STATUSES = ['booked', 'arrived', 'completed', 'cancelled', 'no_show'];

export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(db);
	const flag = (name: string, fallback: 0 | 1) => (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(fallback).check(sql`${sql.ref(name)} in (0, 1)`);

	// Per-service booking rules.
	await db.schema.alterTable('service').addColumn('slot_interval_minutes', 'integer', (c) => c.notNull().defaultTo(15)).execute();
	await db.schema.alterTable('service').addColumn('min_notice_minutes', 'integer', (c) => c.notNull().defaultTo(720)).execute();
	await db.schema.alterTable('service').addColumn('horizon_days', 'integer', (c) => c.notNull().defaultTo(60)).execute();
	await db.schema
		.alterTable('service')
		.addColumn('new_patients_need_consultation', 'integer', flag('new_patients_need_consultation', 0))
		.execute();
	// Clinic-wide policies: late cancellation window and reminders (hours before the start).
	await db.schema.alterTable('clinic').addColumn('cancellation_notice_hours', 'integer', (c) => c.notNull().defaultTo(24)).execute();
	await db.schema.alterTable('clinic').addColumn('first_reminder_hours', 'integer', (c) => c.notNull().defaultTo(24)).execute();
	await db.schema.alterTable('clinic').addColumn('second_reminder_hours', 'integer').execute();

	// Weekly working hours per provider and location (wall-clock times in the clinic's zone).
	await db.schema
		.createTable('provider_hours')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id').onDelete('cascade'))
		.addColumn('location_id', 'text', (c) => c.notNull().references('location.id').onDelete('cascade'))
		.addColumn('weekday', 'integer', (c) => c.notNull().check(sql`weekday between 1 and 7`))
		.addColumn('starts', 'text', (c) => c.notNull())
		.addColumn('ends', 'text', (c) => c.notNull())
		.addCheckConstraint('provider_hours_order', sql`starts < ends`)
		.execute();
	await db.schema.createIndex('provider_hours_staff_idx').on('provider_hours').columns(['staff_id', 'weekday']).execute();

	// Recurring breaks (lunch), removed from the provider's hours at every location.
	await db.schema
		.createTable('provider_break')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id').onDelete('cascade'))
		.addColumn('weekday', 'integer', (c) => c.notNull().check(sql`weekday between 1 and 7`))
		.addColumn('starts', 'text', (c) => c.notNull())
		.addColumn('ends', 'text', (c) => c.notNull())
		.addCheckConstraint('provider_break_order', sql`starts < ends`)
		.execute();

	// Dated exceptions: time off (whole day when no times) or extra hours at a location.
	await db.schema
		.createTable('schedule_exception')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id').onDelete('cascade'))
		.addColumn('date', t.date, (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('time_off', 'extra_hours')`))
		.addColumn('starts', 'text')
		.addColumn('ends', 'text')
		.addColumn('location_id', 'text', (c) => c.references('location.id').onDelete('cascade'))
		.addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
		.addCheckConstraint(
			'schedule_exception_shape',
			sql`(starts is null and ends is null and kind = 'time_off') or (starts is not null and ends is not null and starts < ends)`
		)
		.addCheckConstraint('schedule_exception_extra_location', sql`kind <> 'extra_hours' or location_id is not null`)
		.execute();
	await db.schema.createIndex('schedule_exception_staff_date_idx').on('schedule_exception').columns(['staff_id', 'date']).execute();

	// Closures for everyone (holidays, snow days), optionally one location or part of a day.
	await db.schema
		.createTable('clinic_closure')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('clinic_id', 'text', (c) => c.notNull().references('clinic.id').onDelete('cascade'))
		.addColumn('date', t.date, (c) => c.notNull())
		.addColumn('starts', 'text')
		.addColumn('ends', 'text')
		.addColumn('location_id', 'text', (c) => c.references('location.id').onDelete('cascade'))
		.addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
		.addCheckConstraint('clinic_closure_shape', sql`(starts is null and ends is null) or (starts is not null and ends is not null and starts < ends)`)
		.execute();
	await db.schema.createIndex('clinic_closure_date_idx').on('clinic_closure').columns(['clinic_id', 'date']).execute();

	// Patients: matched by email and date of birth; a merged duplicate points at the survivor.
	await db.schema
		.createTable('patient')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('clinic_id', 'text', (c) => c.notNull().references('clinic.id').onDelete('cascade'))
		.addColumn('first_name', 'text', (c) => c.notNull())
		.addColumn('last_name', 'text', (c) => c.notNull())
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('phone', 'text', (c) => c.notNull())
		.addColumn('date_of_birth', t.date, (c) => c.notNull())
		.addColumn('merged_into_id', 'text', (c) => c.references('patient.id'))
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.addColumn('updated_at', t.instant, (c) => c.notNull())
		.addCheckConstraint('patient_email_lowercase', sql`email = lower(email)`)
		.execute();
	await db.schema
		.createIndex('patient_identity_unique')
		.on('patient')
		.columns(['clinic_id', 'email', 'date_of_birth'])
		.unique()
		.where(sql.ref('merged_into_id'), 'is', null)
		.execute();
	await db.schema.createIndex('patient_name_idx').on('patient').columns(['clinic_id', 'last_name', 'first_name']).execute();

	await db.schema
		.createTable('appointment')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('clinic_id', 'text', (c) => c.notNull().references('clinic.id').onDelete('cascade'))
		.addColumn('service_id', 'text', (c) => c.notNull().references('service.id'))
		.addColumn('provider_id', 'text', (c) => c.notNull().references('staff.id'))
		.addColumn('location_id', 'text', (c) => c.notNull().references('location.id'))
		.addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id'))
		.addColumn('starts_at', t.instant, (c) => c.notNull())
		.addColumn('ends_at', t.instant, (c) => c.notNull())
		// The span the provider is busy: the appointment widened by its service's buffers.
		.addColumn('blocked_from', t.instant, (c) => c.notNull())
		.addColumn('blocked_until', t.instant, (c) => c.notNull())
		.addColumn('status', 'text', (c) =>
			c.notNull().defaultTo('booked').check(sql`status in (${sql.join(APPOINTMENT_STATUSES.map((s) => sql.lit(s)))})`)
		)
		.addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('online', 'staff', 'api')`))
		.addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('screening', 'text')
		.addColumn('manage_token_hash', 'text', (c) => c.unique())
		// RFC 5545 SEQUENCE of the calendar invite: grows with every change.
		.addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('late_cancellation', 'integer', flag('late_cancellation', 0))
		.addColumn('cancelled_at', t.instant)
		.addColumn('created_by', 'text', (c) => c.references('staff.id'))
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.addColumn('updated_at', t.instant, (c) => c.notNull())
		.addCheckConstraint('appointment_order', sql`starts_at < ends_at and blocked_from <= starts_at and ends_at <= blocked_until`)
		.execute();
	await db.schema.createIndex('appointment_provider_time_idx').on('appointment').columns(['provider_id', 'blocked_from']).execute();
	await db.schema.createIndex('appointment_clinic_time_idx').on('appointment').columns(['clinic_id', 'starts_at']).execute();
	await db.schema.createIndex('appointment_patient_idx').on('appointment').columns(['patient_id', 'starts_at']).execute();

	// The database's own guard against double booking: no two live appointments of one provider
	// may have overlapping busy spans, whatever the application does.
	if (t.postgres) {
		await sql`create extension if not exists btree_gist`.execute(db);
		await sql`alter table appointment add constraint appointment_no_overlap
			exclude using gist (provider_id with =, tstzrange(blocked_from, blocked_until, '[)') with &&)
			where (status <> 'cancelled')`.execute(db);
	} else {
		for (const event of ['insert', 'update']) {
			await sql`create trigger ${sql.raw(`appointment_no_overlap_${event}`)} before ${sql.raw(event)} on appointment
				when new.status <> 'cancelled'
				begin
					select raise(abort, 'appointment_no_overlap')
					where exists (
						select 1 from appointment a
						where a.provider_id = new.provider_id
							and a.id <> new.id
							and a.status <> 'cancelled'
							and a.blocked_from < new.blocked_until
							and new.blocked_from < a.blocked_until
					);
				end`.execute(db);
		}
	}

	// Replays of an API call with the same Idempotency-Key, or a form posted twice, get the first answer.
	await db.schema
		.createTable('idempotency_record')
		.addColumn('key_hash', 'text', (c) => c.primaryKey())
		.addColumn('scope', 'text', (c) => c.notNull())
		.addColumn('request_hash', 'text', (c) => c.notNull())
		.addColumn('status', 'integer', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('idempotency_record').execute();
	await db.schema.dropTable('appointment').execute();
	await db.schema.dropTable('patient').execute();
	await db.schema.dropTable('clinic_closure').execute();
	await db.schema.dropTable('schedule_exception').execute();
	await db.schema.dropTable('provider_break').execute();
	await db.schema.dropTable('provider_hours').execute();
	for (const column of ['second_reminder_hours', 'first_reminder_hours', 'cancellation_notice_hours']) {
		await db.schema.alterTable('clinic').dropColumn(column).execute();
	}
	for (const column of ['new_patients_need_consultation', 'horizon_days', 'min_notice_minutes', 'slot_interval_minutes']) {
		await db.schema.alterTable('service').dropColumn(column).execute();
	}
}
