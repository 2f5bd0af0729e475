import type { Kysely } from 'kysely';
import { keyedHash, hashClientAddress } from '../anti-spam/keyed-hash';
import { takeRateLimit, type RateLimit } from '../anti-spam/spam-guard';
import type { Ctx } from '../context';
import type { DB } from '../db/schema';

/**
 * Abuse limits of the public booking writes (the /book form, POST /api/v1/appointments, and the
 * manage link's cancel and reschedule). Each accepted booking creates a patient, an audit row and
 * an email to the address typed in, so they are counted per client address, per email address,
 * and per email address per day across bookings and changes (the cap on mail we send to one
 * inbox). Counters live in the database (all instances share them) and are taken inside the
 * booking's own transaction: a refused, invalid or conflicting request rolls its hits back, so
 * only what went through counts. Staff booking for a caller is not limited.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const BOOKINGS_PER_ADDRESS: RateLimit = { scope: 'booking:address', max: 20, windowMs: HOUR };
export const BOOKINGS_PER_EMAIL: RateLimit = { scope: 'booking:email', max: 5, windowMs: HOUR };
export const CHANGES_PER_ADDRESS: RateLimit = { scope: 'manage:address', max: 30, windowMs: HOUR };
/** Booking confirmations plus change and cancellation emails the public can make us send to one inbox. */
export const EMAILS_PER_DAY: RateLimit = { scope: 'email:day', max: 10, windowMs: DAY };

const addressKey = (ctx: Ctx) => hashClientAddress(ctx.config.appSecret, ctx.client.ip ?? 'unknown');
const emailKey = (ctx: Ctx, email: string) => keyedHash(ctx.config.appSecret, 'email-address', email.trim().toLowerCase()).slice(0, 32);

function message(phone: string): string {
	return `We have received several booking requests from you in a short time, so we cannot take another one online just now. Please try again later, or call us at ${phone}.`;
}

/** Inside the booking transaction of a patient's own booking. */
export async function takeBookingLimits(ctx: Ctx, trx: Kysely<DB>, email: string, phone: string): Promise<void> {
	const now = ctx.clock.now();
	await takeRateLimit(trx, BOOKINGS_PER_ADDRESS, addressKey(ctx), now, message(phone));
	await takeRateLimit(trx, BOOKINGS_PER_EMAIL, emailKey(ctx, email), now, message(phone));
	await takeRateLimit(trx, EMAILS_PER_DAY, emailKey(ctx, email), now, message(phone));
}

/** Inside the transaction of a cancel or move made through the patient's manage link. */
export async function takeChangeLimits(ctx: Ctx, trx: Kysely<DB>, email: string, phone: string): Promise<void> {
	const now = ctx.clock.now();
	const text = `This appointment has been changed several times in a short time, so we cannot take another change online just now. Please try again later, or call us at ${phone}.`;
	await takeRateLimit(trx, CHANGES_PER_ADDRESS, addressKey(ctx), now, text);
	await takeRateLimit(trx, EMAILS_PER_DAY, emailKey(ctx, email), now, text);
}
