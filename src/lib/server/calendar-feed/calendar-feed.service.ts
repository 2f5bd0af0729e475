import { randomUUID } from 'node:crypto';
import type { Ctx } from '../context';
import { authorize } from '../auth/policy';
import { recordAudit } from '../audit/audit.service';
import { writeTransaction } from '../db/write-transaction';
import { forbidden, notFound } from '../errors';
import { findStaff } from '../staff/staff.repository';
import { noticeHost } from '../notifications/notice-host';
import { feedEvents, findActiveFeedByTokenHash, findActiveFeedOf, insertFeed, markFetched, revokeActiveFeed } from './calendar-feed.repository';
import { providerFeedIcs } from './feed-ics';
import { feedUrl, hashFeedToken, looksLikeFeedToken, newFeedToken } from './feed-token';

const DAY = 86_400_000;
/** The feed covers the recent past (for looking back) and the booking horizon ahead. */
export const FEED_DAYS_BACK = 30;
export const FEED_DAYS_AHEAD = 180;

export type FeedStatus = { active: boolean; createdAt?: Date; lastFetchedAt?: Date | null };

function staffOf(ctx: Ctx) {
	if (ctx.actor.kind !== 'staff') throw forbidden();
	return ctx.actor;
}

function statusOf(feed: Awaited<ReturnType<typeof findActiveFeedOf>>): FeedStatus {
	return feed ? { active: true, createdAt: feed.createdAt, lastFetchedAt: feed.lastFetchedAt } : { active: false };
}

export async function ownFeedStatus(ctx: Ctx): Promise<FeedStatus> {
	authorize(ctx.actor, 'calendar_feed:own');
	return statusOf(await findActiveFeedOf(ctx.db, staffOf(ctx).staffId));
}

/**
 * A new private feed URL for the signed-in person, replacing any earlier one (which stops working
 * at once). The URL is returned this one time; only the token's hash is stored.
 */
export async function createOwnFeed(ctx: Ctx, origin: string): Promise<{ url: string }> {
	authorize(ctx.actor, 'calendar_feed:own');
	const me = staffOf(ctx);
	const token = newFeedToken();
	const id = randomUUID();
	await writeTransaction(ctx.db, async (trx) => {
		const now = ctx.clock.now();
		const replaced = await revokeActiveFeed(trx, me.staffId, now);
		await insertFeed(trx, { id, staffId: me.staffId, tokenHash: hashFeedToken(token), now });
		await recordAudit({ ...ctx, db: trx }, { action: 'calendar_feed.created', entityType: 'calendar_feed', entityId: id, detail: { replaced: replaced ?? null } });
	});
	return { url: feedUrl(origin, token) };
}

export async function revokeOwnFeed(ctx: Ctx): Promise<boolean> {
	authorize(ctx.actor, 'calendar_feed:own');
	return revoke(ctx, staffOf(ctx).staffId);
}

/** Admins: the feed of anyone in the clinic (a lost phone, someone leaving). */
export async function feedStatusOf(ctx: Ctx, staffId: string): Promise<FeedStatus> {
	authorize(ctx.actor, 'calendar_feed:manage');
	if (!(await findStaff(ctx.db, staffOf(ctx).clinicId, staffId))) throw notFound('staff member');
	return statusOf(await findActiveFeedOf(ctx.db, staffId));
}

export async function revokeFeedOf(ctx: Ctx, staffId: string): Promise<boolean> {
	authorize(ctx.actor, 'calendar_feed:manage');
	if (!(await findStaff(ctx.db, staffOf(ctx).clinicId, staffId))) throw notFound('staff member');
	return revoke(ctx, staffId);
}

async function revoke(ctx: Ctx, staffId: string): Promise<boolean> {
	return writeTransaction(ctx.db, async (trx) => {
		const id = await revokeActiveFeed(trx, staffId, ctx.clock.now());
		if (id) await recordAudit({ ...ctx, db: trx }, { action: 'calendar_feed.revoked', entityType: 'calendar_feed', entityId: id, detail: { staffId } });
		return id !== undefined;
	});
}

/**
 * The feed behind a token, for calendar apps (no session: the token is the credential). Unknown,
 * revoked and malformed tokens, and feeds of disabled accounts, are all "not found". Every fetch
 * is audited against the feed's owner: the feed shows when patients are seen.
 */
export async function renderCalendarFeed(ctx: Ctx, token: string, origin: string): Promise<string> {
	if (!looksLikeFeedToken(token)) throw notFound('calendar');
	const feed = await findActiveFeedByTokenHash(ctx.db, hashFeedToken(token));
	if (!feed) throw notFound('calendar');
	const owner = await ctx.db
		.selectFrom('staff')
		.innerJoin('clinic', 'clinic.id', 'staff.clinicId')
		.select(['staff.name', 'staff.role', 'staff.active', 'clinic.name as clinicName'])
		.where('staff.id', '=', feed.staffId)
		.executeTakeFirst();
	if (!owner || owner.active !== 1) throw notFound('calendar');
	const now = ctx.clock.now();
	const events = await feedEvents(ctx.db, feed.staffId, new Date(now.getTime() - FEED_DAYS_BACK * DAY), new Date(now.getTime() + FEED_DAYS_AHEAD * DAY));
	const ics = providerFeedIcs(events, {
		calendarName: `${owner.clinicName} — ${owner.name}`,
		host: noticeHost(ctx.config.origin ?? origin),
		staffUrl: `${origin.replace(/\/+$/, '')}/staff`
	});
	await writeTransaction(ctx.db, async (trx) => {
		await markFetched(trx, feed.id, now);
		await recordAudit(
			{ ...ctx, db: trx },
			{ action: 'calendar_feed.fetched', entityType: 'calendar_feed', entityId: feed.id, actor: { id: feed.staffId, role: owner.role }, detail: { events: events.length } }
		);
	});
	return ics;
}
