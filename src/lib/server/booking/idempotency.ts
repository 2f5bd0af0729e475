import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { open, seal } from '../auth/secret-box';
import type { DB } from '../db/schema';
import { isPostgres } from '../db/write-transaction';
import { writeInstant } from '../db/values';
import { validationFailed } from '../errors';

/**
 * Idempotency-Key handling (and the one-time token of the booking form): the first request with
 * a key does the work and stores its answer in the same transaction; a repeat with the same key
 * and the same request gets that answer back instead of a second appointment. The stored answer
 * holds the manage token, so it is sealed with a key derived from APP_SECRET.
 */

const SEAL_PURPOSE = 'idempotency-record';

/** Visible ASCII, as HTTP header values are; long enough for a UUID or a hash, short enough to index. */
export function isIdempotencyKey(key: string): boolean {
	return /^[\x21-\x7e]{8,200}$/.test(key);
}

export function idempotencyKeyHash(scope: string, key: string): string {
	return createHash('sha256').update(`${scope}\n${key}`).digest('hex');
}

/** Stable JSON (sorted keys), so the same request sent with its fields in another order matches. */
export function requestFingerprint(value: unknown): string {
	const stable = (v: unknown): unknown =>
		Array.isArray(v)
			? v.map(stable)
			: v && typeof v === 'object'
				? Object.fromEntries(Object.keys(v).sort().map((k) => [k, stable((v as Record<string, unknown>)[k])]))
				: v;
	return createHash('sha256').update(JSON.stringify(stable(value))).digest('hex');
}

export type IdempotencyClaim = { scope: string; keyHash: string; fingerprint: string };

/**
 * The stored answer for this key, if there is one. Called first outside any transaction (a replay
 * needs no validation and no lock), then again inside the booking transaction, where on
 * PostgreSQL it first waits for any other transaction holding the same key (SQLite's BEGIN
 * IMMEDIATE already runs one writer at a time). The same key with a different request is the
 * client's mistake: 422, as the Idempotency-Key draft asks.
 */
export async function replayFor<T>(trx: Kysely<DB>, claim: IdempotencyClaim, appSecret: string): Promise<{ status: number; body: T } | undefined> {
	if (isPostgres(trx) && trx.isTransaction) await sql`select pg_advisory_xact_lock(hashtextextended(${claim.keyHash}, 7))`.execute(trx);
	const row = await trx
		.selectFrom('idempotencyRecord')
		.select(['scope', 'requestHash', 'status', 'body'])
		.where('keyHash', '=', claim.keyHash)
		.executeTakeFirst();
	if (!row) return undefined;
	if (row.scope !== claim.scope || row.requestHash !== claim.fingerprint) {
		throw validationFailed(
			{ 'Idempotency-Key': 'This key was already used for a different request. Use a new key for a new request.' },
			'Idempotency-Key reused with a different request.'
		);
	}
	const text = open(appSecret, SEAL_PURPOSE, row.body);
	if (text === undefined) throw new Error('idempotency record cannot be opened (APP_SECRET changed?)');
	return { status: row.status, body: JSON.parse(text) as T };
}

/** Keys are honoured for two days (Stripe keeps them 24 hours); older records are deleted. */
export const RETENTION_MS = 48 * 3_600_000;

export async function deleteExpiredAnswers(db: Kysely<DB>, now: Date): Promise<number> {
	const result = await db.deleteFrom('idempotencyRecord').where('createdAt', '<', writeInstant(new Date(now.getTime() - RETENTION_MS))).executeTakeFirst();
	return Number(result.numDeletedRows);
}

let saves = 0;

export async function saveAnswer(trx: Kysely<DB>, claim: IdempotencyClaim, status: number, body: unknown, appSecret: string, now: Date): Promise<void> {
	// Every 50th save, not every one: the delete walks the created_at index.
	if (++saves % 50 === 0) await deleteExpiredAnswers(trx, now);
	await trx
		.insertInto('idempotencyRecord')
		.values({
			keyHash: claim.keyHash,
			scope: claim.scope,
			requestHash: claim.fingerprint,
			status,
			body: seal(appSecret, SEAL_PURPOSE, JSON.stringify(body)),
			createdAt: writeInstant(now)
		})
		.execute();
}
