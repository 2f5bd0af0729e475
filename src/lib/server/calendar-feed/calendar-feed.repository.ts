import type { Kysely } from 'kysely';
import type { AppointmentStatus, DB } from '../db/schema';
import { readInstant, writeInstant } from '../db/values';
import type { FeedEvent } from './feed-ics';

export type FeedRecord = { id: string; staffId: string; createdAt: Date; lastFetchedAt: Date | null };

function toRecord(row: { id: string; staffId: string; createdAt: Date | string; lastFetchedAt: Date | string | null }): FeedRecord {
	return { id: row.id, staffId: row.staffId, createdAt: readInstant(row.createdAt), lastFetchedAt: row.lastFetchedAt ? readInstant(row.lastFetchedAt) : null };
}

export async function findActiveFeedOf(db: Kysely<DB>, staffId: string): Promise<FeedRecord | undefined> {
	const row = await db
		.selectFrom('calendarFeed')
		.select(['id', 'staffId', 'createdAt', 'lastFetchedAt'])
		.where('staffId', '=', staffId)
		.where('revokedAt', 'is', null)
		.executeTakeFirst();
	return row ? toRecord(row) : undefined;
}

export async function findActiveFeedByTokenHash(db: Kysely<DB>, tokenHash: string): Promise<FeedRecord | undefined> {
	const row = await db
		.selectFrom('calendarFeed')
		.select(['id', 'staffId', 'createdAt', 'lastFetchedAt'])
		.where('tokenHash', '=', tokenHash)
		.where('revokedAt', 'is', null)
		.executeTakeFirst();
	return row ? toRecord(row) : undefined;
}

/** Revokes the person's live feed, if any; returns its id. */
export async function revokeActiveFeed(db: Kysely<DB>, staffId: string, now: Date): Promise<string | undefined> {
	const row = await db
		.updateTable('calendarFeed')
		.set({ revokedAt: writeInstant(now) })
		.where('staffId', '=', staffId)
		.where('revokedAt', 'is', null)
		.returning('id')
		.executeTakeFirst();
	return row?.id;
}

export async function insertFeed(db: Kysely<DB>, row: { id: string; staffId: string; tokenHash: string; now: Date }): Promise<void> {
	await db
		.insertInto('calendarFeed')
		.values({ id: row.id, staffId: row.staffId, tokenHash: row.tokenHash, createdAt: writeInstant(row.now), revokedAt: null, lastFetchedAt: null })
		.execute();
}

export async function markFetched(db: Kysely<DB>, id: string, now: Date): Promise<void> {
	await db.updateTable('calendarFeed').set({ lastFetchedAt: writeInstant(now) }).where('id', '=', id).execute();
}

/** The provider's live appointments that start inside [from, to). */
export async function feedEvents(db: Kysely<DB>, staffId: string, from: Date, to: Date): Promise<FeedEvent[]> {
	const rows = await db
		.selectFrom('appointment as a')
		.innerJoin('service as s', 's.id', 'a.serviceId')
		.innerJoin('location as l', 'l.id', 'a.locationId')
		.select(['a.id', 'a.startsAt', 'a.endsAt', 'a.sequence', 'a.updatedAt', 'a.status', 's.name as serviceName', 'l.name as locationName'])
		.where('a.providerId', '=', staffId)
		.where('a.status', '<>', 'cancelled')
		.where('a.startsAt', '>=', writeInstant(from))
		.where('a.startsAt', '<', writeInstant(to))
		.orderBy('a.startsAt')
		.execute();
	return rows.map((r) => ({
		appointmentId: r.id,
		startsAt: readInstant(r.startsAt),
		endsAt: readInstant(r.endsAt),
		sequence: r.sequence,
		updatedAt: readInstant(r.updatedAt),
		status: r.status as Exclude<AppointmentStatus, 'cancelled'>,
		serviceName: r.serviceName,
		locationName: r.locationName
	}));
}
