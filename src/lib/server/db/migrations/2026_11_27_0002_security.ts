import { sql, type Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Frozen in time: this file must never import application code.
export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(db);

	// Append-only audit trail; each row's hash covers the previous row's hash.
	await db.schema
		.createTable('audit_event')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('at', t.instant, (c) => c.notNull())
		.addColumn('actor_type', 'text', (c) => c.notNull().check(sql`actor_type in ('staff', 'anonymous', 'system')`))
		.addColumn('actor_id', 'text')
		.addColumn('actor_role', 'text')
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('entity_type', 'text')
		.addColumn('entity_id', 'text')
		.addColumn('patient_id', 'text')
		.addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('success', 'failure', 'denied')`))
		.addColumn('ip', 'text')
		.addColumn('user_agent', 'text')
		.addColumn('request_id', 'text')
		.addColumn('detail', 'text')
		.addColumn('prev_hash', 'text', (c) => c.notNull())
		.addColumn('hash', 'text', (c) => c.notNull().unique())
		.execute();
	await db.schema.createIndex('audit_event_at_idx').on('audit_event').column('at').execute();
	await db.schema.createIndex('audit_event_actor_idx').on('audit_event').columns(['actor_id', 'at']).execute();
	await db.schema.createIndex('audit_event_patient_idx').on('audit_event').columns(['patient_id', 'at']).execute();

	if (t.postgres) {
		await sql`
			create function audit_event_append_only() returns trigger language plpgsql as $$
			begin
				raise exception 'audit_event is append-only';
			end;
			$$`.execute(db);
		await sql`create trigger audit_event_no_update before update or delete on audit_event
			for each statement execute function audit_event_append_only()`.execute(db);
		await sql`create trigger audit_event_no_truncate before truncate on audit_event
			for each statement execute function audit_event_append_only()`.execute(db);
	} else {
		await sql`create trigger audit_event_no_update before update on audit_event
			begin select raise(abort, 'audit_event is append-only'); end`.execute(db);
		await sql`create trigger audit_event_no_delete before delete on audit_event
			begin select raise(abort, 'audit_event is append-only'); end`.execute(db);
	}

	// Session metadata for the admin's session list, and the second factor's progress.
	await db.schema.alterTable('session').addColumn('ip', 'text').execute();
	await db.schema.alterTable('session').addColumn('user_agent', 'text').execute();
	// 'pending_mfa': password checked, second factor not yet; 'enrol_mfa': must set up MFA first.
	await db.schema
		.alterTable('session')
		.addColumn('stage', 'text', (c) => c.notNull().defaultTo('full').check(sql`stage in ('full', 'pending_mfa', 'enrol_mfa')`))
		.execute();

	// TOTP: the secret is encrypted with a key derived from APP_SECRET; last_step refuses replays.
	await db.schema.alterTable('staff').addColumn('mfa_secret', 'text').execute();
	await db.schema.alterTable('staff').addColumn('mfa_enabled_at', t.instant).execute();
	await db.schema.alterTable('staff').addColumn('mfa_last_step', 'integer').execute();
	await db.schema.alterTable('staff').addColumn('password_changed_at', t.instant).execute();

	await db.schema
		.createTable('mfa_recovery_code')
		.addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id').onDelete('cascade'))
		.addColumn('code_hash', 'text', (c) => c.notNull())
		.addColumn('used_at', t.instant)
		.addPrimaryKeyConstraint('mfa_recovery_code_pk', ['staff_id', 'code_hash'])
		.execute();

	// Failed sign-in counters per account and per address (both stored as keyed hashes).
	await db.schema
		.createTable('sign_in_throttle')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('failures', 'integer', (c) => c.notNull().check(sql`failures >= 0`))
		.addColumn('last_failure_at', t.instant, (c) => c.notNull())
		.addColumn('locked_until', t.instant)
		.execute();

	await db.schema
		.createTable('password_reset')
		.addColumn('token_hash', 'text', (c) => c.primaryKey())
		.addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id').onDelete('cascade'))
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.addColumn('expires_at', t.instant, (c) => c.notNull())
		.addColumn('used_at', t.instant)
		.execute();
	await db.schema.createIndex('password_reset_staff_idx').on('password_reset').column('staff_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	const t = columnTypes(db);
	await db.schema.dropTable('password_reset').execute();
	await db.schema.dropTable('sign_in_throttle').execute();
	await db.schema.dropTable('mfa_recovery_code').execute();
	for (const column of ['password_changed_at', 'mfa_last_step', 'mfa_enabled_at', 'mfa_secret']) {
		await db.schema.alterTable('staff').dropColumn(column).execute();
	}
	for (const column of ['stage', 'user_agent', 'ip']) {
		await db.schema.alterTable('session').dropColumn(column).execute();
	}
	await db.schema.dropTable('audit_event').execute();
	if (t.postgres) await sql`drop function if exists audit_event_append_only()`.execute(db);
}
