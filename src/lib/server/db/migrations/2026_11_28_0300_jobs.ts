import { sql, type Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Frozen in time: this file must never import application code.
const JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'];
const DELIVERY_STATES = ['sending', 'sent', 'skipped', 'unknown'];

export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(db);

	// Durable background work (emails, reminders). `key` makes enqueueing idempotent: one row per
	// piece of work, however often a caller retries. A claimed job holds a lease (locked_by,
	// locked_until); when its process dies, the lease runs out and another worker takes it over.
	await db.schema
		.createTable('job')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('key', 'text', (c) => c.notNull().unique())
		// JSON text on both engines; cleared when the job finishes (it may hold a bearer link).
		.addColumn('payload', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) =>
			c.notNull().defaultTo('queued').check(sql`status in (${sql.join(JOB_STATUSES.map((s) => sql.lit(s)))})`)
		)
		.addColumn('run_at', t.instant, (c) => c.notNull())
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0).check(sql`attempts >= 0`))
		.addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(8).check(sql`max_attempts >= 1`))
		.addColumn('locked_by', 'text')
		.addColumn('locked_until', t.instant)
		// An error class or code only: messages can carry addresses or other patient details.
		.addColumn('last_error', 'text')
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.addColumn('updated_at', t.instant, (c) => c.notNull())
		.addCheckConstraint('job_lease_shape', sql`(status = 'running') = (locked_by is not null and locked_until is not null)`)
		.execute();
	await db.schema.createIndex('job_due_idx').on('job').columns(['status', 'run_at']).execute();

	// One row per email the application decided to send, keyed like its job. Written as 'sending'
	// and committed BEFORE the message leaves, so a second attempt can tell that a first one began.
	await db.schema
		.createTable('notification_delivery')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('appointment_id', 'text', (c) => c.references('appointment.id').onDelete('cascade'))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('state', 'text', (c) =>
			c.notNull().check(sql`state in (${sql.join(DELIVERY_STATES.map((s) => sql.lit(s)))})`)
		)
		// Why a notice was skipped or left unknown: a code such as 'cancelled' or 'moved'.
		.addColumn('reason', 'text')
		.addColumn('message_id', 'text', (c) => c.notNull())
		.addColumn('job_id', 'text')
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.addColumn('updated_at', t.instant, (c) => c.notNull())
		.execute();
	await db.schema.createIndex('notification_delivery_appointment_idx').on('notification_delivery').column('appointment_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('notification_delivery').execute();
	await db.schema.dropTable('job').execute();
}
