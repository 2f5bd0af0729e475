import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Ctx } from '../context';
import type { DB } from '../db/schema';
import { readInstant } from '../db/values';
import { writeTransaction } from '../db/write-transaction';
import { DomainError, notFound } from '../errors';
import { authorize } from '../auth/policy';
import { recordAudit } from '../audit/audit.service';
import { keyedHash, hashClientAddress } from '../anti-spam/keyed-hash';
import { giveBackCounterHit, takeCounterHit } from '../anti-spam/rate-limit.repository';
import { consumeTabletCode, endFormsLink, findFormsLinkByHash, insertFormsLink, insertTabletCode } from './forms-link.repository';

/**
 * Links to a patient's pre-visit forms. The email link holds a 256-bit random token; a clinic
 * tablet gets its own link after the front desk's one-time short code is typed in. Only hashes
 * are stored; a link opens that one patient's forms for that one appointment and dies when the
 * appointment ends (a tablet link also when the patient finishes). URLs carry nothing else.
 */

export type FormsAccess = { patientId: string; appointmentId: string; clinicId: string; via: 'email' | 'tablet'; linkId: string };

const TABLET_CODE_MINUTES = 15;
const TABLET_SESSION_MINUTES = 120;
const TABLET_ATTEMPTS = 10;
/** No 0/O, 1/I/L: read aloud or copied from a screen without mistakes. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;

/** Purpose-bound hash: a manage-link token or any other secret never matches a forms link. */
function hashFormsToken(token: string): string {
	return createHash('sha256').update(`forms-link:${token}`).digest('hex');
}

function isFormsTokenShape(token: unknown): token is string {
	return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);
}

export function formsUrlFor(origin: string, token: string): string {
	return `${origin}/forms/${token}`;
}

/** Creates a link inside the caller's transaction; returns the raw token (shown once). */
export async function issueFormsLink(
	trx: Kysely<DB>,
	l: { clinicId: string; patientId: string; appointmentId: string; via: 'email' | 'tablet'; expiresAt: Date; createdBy: string | null; now: Date }
): Promise<string> {
	const token = randomBytes(32).toString('base64url');
	await insertFormsLink(trx, { ...l, tokenHash: hashFormsToken(token) });
	return token;
}

function linkGone(): DomainError {
	return new DomainError(
		'not_found',
		'This forms link is not valid any more. It may have expired, been finished on a clinic tablet, or been copied wrongly. Please call the clinic for a new one.'
	);
}

/**
 * The patient, appointment and clinic a forms link opens. Wrong, expired, ended and malformed
 * tokens, and a cancelled appointment, all answer the same not-found error.
 */
export async function openFormsLink(ctx: Ctx, rawToken: unknown): Promise<FormsAccess> {
	if (!isFormsTokenShape(rawToken)) throw linkGone();
	const link = await findFormsLinkByHash(ctx.db, hashFormsToken(rawToken));
	const now = ctx.clock.now().getTime();
	if (!link || link.endedAt !== null || link.expiresAt.getTime() <= now) throw linkGone();
	const appointment = await ctx.db.selectFrom('appointment').select(['status', 'endsAt']).where('id', '=', link.appointmentId).executeTakeFirst();
	if (!appointment || appointment.status === 'cancelled' || readInstant(appointment.endsAt).getTime() <= now) throw linkGone();
	return { patientId: link.patientId, appointmentId: link.appointmentId, clinicId: link.clinicId, via: link.via, linkId: link.id };
}

/** Ends a tablet session (the tablet goes back to the desk); email links live until the visit. */
export async function finishTabletSession(ctx: Ctx, access: FormsAccess): Promise<boolean> {
	if (access.via !== 'tablet') return false;
	await endFormsLink(ctx.db, access.linkId, ctx.clock.now());
	return true;
}

function newCode(): string {
	return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

function normaliseCode(raw: unknown): string {
	return typeof raw === 'string' ? raw.toUpperCase().replace(/[\s-]/g, '').slice(0, 32) : '';
}

/** Front desk: a one-time code for a clinic tablet, valid for 15 minutes, for this visit only. */
export async function createTabletCode(ctx: Ctx, appointmentId: string): Promise<{ code: string; expiresAt: Date }> {
	authorize(ctx.actor, 'intake:tablet');
	if (ctx.actor.kind !== 'staff') throw notFound('appointment');
	const { staffId, clinicId } = ctx.actor;
	const now = ctx.clock.now();
	const appointment = await ctx.db
		.selectFrom('appointment')
		.select(['id', 'patientId', 'status', 'endsAt'])
		.where('id', '=', appointmentId)
		.where('clinicId', '=', clinicId)
		.executeTakeFirst();
	if (!appointment) throw notFound('appointment');
	if (appointment.status === 'cancelled' || readInstant(appointment.endsAt).getTime() <= now.getTime()) {
		throw new DomainError('conflict', 'This appointment is over or cancelled: its forms can no longer be opened.');
	}
	const code = newCode();
	const expiresAt = new Date(now.getTime() + TABLET_CODE_MINUTES * 60_000);
	await writeTransaction(ctx.db, async (trx) => {
		await insertTabletCode(trx, { clinicId, appointmentId, codeHash: keyedHash(ctx.config.appSecret, 'tablet-code', code), expiresAt, createdBy: staffId, now });
		await recordAudit({ ...ctx, db: trx }, { action: 'intake.tablet_code_created', entityType: 'appointment', entityId: appointmentId, patientId: appointment.patientId });
	});
	return { code, expiresAt };
}

/**
 * The tablet: a valid code becomes a tablet forms link (raw token returned). Wrong codes are
 * counted per address; after ten in 15 minutes the page refuses for a while.
 */
export async function startTabletSession(ctx: Ctx, rawCode: unknown): Promise<string> {
	const now = ctx.clock.now();
	const who = hashClientAddress(ctx.config.appSecret, ctx.client.ip ?? 'unknown');
	// Every attempt is counted before the code is checked (one atomic statement, so parallel
	// guesses cannot slip past the limit); a right code gives its count back.
	const windowMs = TABLET_CODE_MINUTES * 60_000;
	const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
	if ((await takeCounterHit(ctx.db, 'tablet-code', who, windowStart)) > TABLET_ATTEMPTS) {
		throw new DomainError('rate_limited', 'Too many wrong codes. Please ask the front desk for help.');
	}
	const code = normaliseCode(rawCode);
	if (code.length !== CODE_LENGTH) throw new DomainError('validation_failed', 'Please type the 8-character code from the front desk.', { code: 'Please type the 8-character code from the front desk.' });
	const token = await writeTransaction(ctx.db, async (trx) => {
		const found = await consumeTabletCode(trx, keyedHash(ctx.config.appSecret, 'tablet-code', code), now);
		if (!found) return undefined;
		const appointment = await trx.selectFrom('appointment').select(['patientId', 'endsAt']).where('id', '=', found.appointmentId).executeTakeFirstOrThrow();
		const endsAt = readInstant(appointment.endsAt);
		const expiresAt = new Date(Math.min(endsAt.getTime(), now.getTime() + TABLET_SESSION_MINUTES * 60_000));
		const raw = await issueFormsLink(trx, { clinicId: found.clinicId, patientId: appointment.patientId, appointmentId: found.appointmentId, via: 'tablet', expiresAt, createdBy: null, now });
		await recordAudit({ ...ctx, db: trx }, { action: 'intake.tablet_started', entityType: 'appointment', entityId: found.appointmentId, patientId: appointment.patientId });
		return raw;
	});
	if (token) {
		await giveBackCounterHit(ctx.db, 'tablet-code', who, windowStart);
		return token;
	}
	throw new DomainError('validation_failed', 'That code is not valid. It may be mistyped, used already or older than 15 minutes.', { code: 'That code is not valid.' });
}
