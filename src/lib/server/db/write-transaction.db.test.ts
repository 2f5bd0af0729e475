import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { DomainError } from '../errors';
import { describeEachEngine } from '../testing/engines';
import { isPostgres, writeTransaction } from './write-transaction';

/** A driver error as pg reports it. */
const pgError = (code: string) => Object.assign(new Error(code === '40P01' ? 'deadlock detected' : 'could not serialize access'), { code });

describeEachEngine('writeTransaction', (handle) => {
	it('runs a transaction that met a deadlock or serialization failure again, rolling back the failed attempt', async () => {
		let runs = 0;
		const result = await writeTransaction(handle.db, async (trx) => {
			runs++;
			await trx.updateTable('bookingVersion').set({ version: sql`version + 1` }).where('id', '=', 1).execute();
			if (runs === 1) throw pgError('40P01');
			if (runs === 2) throw pgError('40001');
			return 'done';
		});
		expect(result).toBe('done');
		expect(runs).toBe(3);
		const row = await handle.db.selectFrom('bookingVersion').select('version').executeTakeFirstOrThrow();
		expect(Number(row.version)).toBe(1);
	});

	it('gives up after a bounded number of attempts with a 503-coded error saying when to retry', async () => {
		let runs = 0;
		const caught = await writeTransaction(handle.db, async () => {
			runs++;
			throw pgError('40P01');
		}).catch((error: unknown) => error);
		expect(caught).toBeInstanceOf(DomainError);
		expect((caught as DomainError).code).toBe('unavailable');
		expect((caught as DomainError).retryAfterSeconds).toBeGreaterThan(0);
		expect(runs).toBe(5);
	});

	it('does not retry other errors, nor inside an outer transaction (the outer one retries)', async () => {
		let runs = 0;
		await expect(
			writeTransaction(handle.db, async () => {
				runs++;
				throw new Error('boom');
			})
		).rejects.toThrow('boom');
		expect(runs).toBe(1);
		let inner = 0;
		let outer = 0;
		await writeTransaction(handle.db, async (trx) => {
			outer++;
			await writeTransaction(trx, async () => {
				inner++;
				if (outer === 1) throw pgError('40P01');
			});
		});
		expect([outer, inner]).toEqual([2, 2]);
	});

	it('survives a real PostgreSQL deadlock between two connections: both transactions commit', async () => {
		if (!isPostgres(handle.db)) return;
		await sql`create table deadlock_probe (id integer primary key, n integer not null)`.execute(handle.db);
		await sql`insert into deadlock_probe values (1, 0), (2, 0)`.execute(handle.db);
		const other = handle.openAnother();
		try {
			let ready = 0;
			const bothHoldOne = () =>
				new Promise<void>((resolve) => {
					ready++;
					const wait = () => (ready >= 2 ? resolve() : setTimeout(wait, 5));
					wait();
				});
			let firstAttempt = true;
			const cross = (db: typeof handle.db, a: number, b: number) =>
				writeTransaction(db, async (trx) => {
					await sql`update deadlock_probe set n = n + 1 where id = ${a}`.execute(trx);
					if (firstAttempt) await bothHoldOne();
					await sql`update deadlock_probe set n = n + 1 where id = ${b}`.execute(trx);
				});
			const outcomes = await Promise.allSettled([cross(handle.db, 1, 2), cross(other.db, 2, 1).finally(() => (firstAttempt = false))]);
			firstAttempt = false;
			expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled']);
			const rows = await sql<{ n: number }>`select n from deadlock_probe order by id`.execute(handle.db);
			expect(rows.rows.map((r) => Number(r.n))).toEqual([2, 2]);
		} finally {
			await other.close();
		}
	});
});
