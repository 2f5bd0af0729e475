import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { anonymous, systemActor } from '../auth/actor';
import { isPostgres } from '../db/write-transaction';
import { describeEachEngine } from '../testing/engines';
import { testCtx } from '../testing/test-context';
import { recordAudit } from './audit.service';
import { verifyAuditChain } from './verify';

describeEachEngine('audit trail', (handle) => {
	const secret = () => testCtx(handle.db, anonymous).config.appSecret;

	it('chains every event and verifies', async () => {
		const ctx = testCtx(handle.db, systemActor('test'));
		for (let i = 0; i < 5; i++) {
			await recordAudit(ctx, { action: 'settings.service_updated', entityType: 'service', entityId: `s${i}`, detail: { field: 'price' } });
		}
		await recordAudit(testCtx(handle.db, anonymous), { action: 'auth.sign_in_failed', outcome: 'failure' });
		expect(await verifyAuditChain(handle.db, secret())).toEqual({ ok: true, checked: 6 });
		const rows = await handle.db.selectFrom('auditEvent').select(['id', 'actorType', 'outcome', 'ip']).orderBy('id').execute();
		expect(rows.map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6]);
		expect(rows.at(-1)).toMatchObject({ actorType: 'anonymous', outcome: 'failure', ip: '127.0.0.1' });
	});

	it('keeps one unbroken chain under concurrent appends (from two instances on PostgreSQL)', async () => {
		// Two SQLite connections in one process would block each other's thread while waiting for
		// the lock, so there the concurrency comes from one connection, as in a real single-instance
		// deployment.
		const other = isPostgres(handle.db) ? handle.openAnother() : undefined;
		try {
			const writers = [handle.db, other?.db ?? handle.db].map((db) => testCtx(db, systemActor('test')));
			await Promise.all(
				Array.from({ length: 40 }, (_, i) => recordAudit(writers[i % 2]!, { action: 'access.denied', outcome: 'denied', detail: { n: i } }))
			);
			expect(await verifyAuditChain(handle.db, secret())).toEqual({ ok: true, checked: 46 });
		} finally {
			await other?.close();
		}
	});

	it('refuses updates and deletes from the application', async () => {
		await expect(handle.db.updateTable('auditEvent').set({ action: 'auth.sign_in' }).where('id', '=', 1).execute()).rejects.toThrow(/append-only/);
		await expect(handle.db.deleteFrom('auditEvent').where('id', '=', 1).execute()).rejects.toThrow(/append-only/);
	});

	it('names the first row edited by hand behind the triggers', async () => {
		// Someone with direct access to the database file or server switches the guard off.
		if (isPostgres(handle.db)) {
			await sql`alter table audit_event disable trigger user`.execute(handle.db);
		} else {
			await sql`drop trigger audit_event_no_update`.execute(handle.db);
		}
		await handle.db.updateTable('auditEvent').set({ outcome: 'success' }).where('id', '=', 6).execute();
		const report = await verifyAuditChain(handle.db, secret());
		expect(report).toMatchObject({ ok: false, brokenId: 6, checked: 5, reason: 'its contents do not match its hash' });

		// Recomputing the hash without APP_SECRET does not help: the key is not in the database.
		expect((await verifyAuditChain(handle.db, 'another secret of at least 32 characters!')).ok).toBe(false);
	});
});
