/**
 * What the slot engine is given: working hours, exceptions, appointments and the service's rules.
 * Wall-clock fields ('HH:MM', 'YYYY-MM-DD') are in the clinic's zone; appointments are instants.
 * The zod schemas are for boundaries (forms, repositories, imports); the engine itself only does
 * cheap checks so a 2,000-appointment computation is not spent re-validating trusted rows.
 */
import { z } from 'zod';
import { expecting } from '../../shared/zod-messages';
import { isLocalDate, isWallTime, parseWallTime } from './zoned-time';

export const DEFAULT_MIN_NOTICE_MINUTES = 12 * 60;
export const DEFAULT_HORIZON_DAYS = 60;
/** Used when a service has no interval of its own: a quarter-hour grid is what clinics book on. */
export const DEFAULT_SLOT_INTERVAL_MINUTES = 15;
/** The longest from…to span (inclusive) one availability request may ask for. */
export const MAX_QUERY_DAYS = 62;

const id = z.string().min(1).max(100);
const weekday = z.number().int().min(1).max(7);
export const localDateSchema = z.string({ error: expecting('YYYY-MM-DD') }).refine(isLocalDate, 'Use a real date like 2026-03-08.');
const wallTime = z.string().refine(isWallTime, 'Use a time like 08:00 or 17:30 (24:00 for midnight).');

function startBeforeEnd(range: { start?: string | undefined; end?: string | undefined }, ctx: z.RefinementCtx) {
	if (range.start === undefined || range.end === undefined) return;
	if (!isWallTime(range.start) || !isWallTime(range.end)) return;
	if (parseWallTime(range.start) >= parseWallTime(range.end)) {
		ctx.addIssue({ code: 'custom', path: ['end'], message: 'The end must be after the start.' });
	}
}

function bothTimesOrNeither(range: { start?: string | undefined; end?: string | undefined }, ctx: z.RefinementCtx) {
	if ((range.start === undefined) !== (range.end === undefined)) {
		ctx.addIssue({ code: 'custom', path: ['end'], message: 'Give both a start and an end, or neither for the whole day.' });
	}
}

/** One weekly working range of a provider at a location. Several per day are fine. */
export const weeklyHoursSchema = z
	.object({ providerId: id, locationId: id, weekday, start: wallTime, end: wallTime })
	.superRefine(startBeforeEnd);
export type WeeklyHours = z.infer<typeof weeklyHoursSchema>;

/** A recurring break (lunch), removed from the provider's ranges at every location that weekday. */
export const recurringBreakSchema = z
	.object({ providerId: id, weekday, start: wallTime, end: wallTime })
	.superRefine(startBeforeEnd);
export type RecurringBreak = z.infer<typeof recurringBreakSchema>;

/**
 * A change for one date. Time off without times is the whole day and beats everything else that
 * day, extra hours included: when in doubt, do not offer a slot the provider will not be there for.
 * Extra hours add to (do not replace) the weekly ranges. Multi-day absences are one row per date.
 */
export const dateOverrideSchema = z.discriminatedUnion('kind', [
	z
		.object({
			kind: z.literal('time_off'),
			providerId: id,
			date: localDateSchema,
			start: wallTime.optional(),
			end: wallTime.optional()
		})
		.superRefine(bothTimesOrNeither)
		.superRefine(startBeforeEnd),
	z
		.object({
			kind: z.literal('extra_hours'),
			providerId: id,
			locationId: id,
			date: localDateSchema,
			start: wallTime,
			end: wallTime
		})
		.superRefine(startBeforeEnd)
]);
export type DateOverride = z.infer<typeof dateOverrideSchema>;

/** Closed for everyone (holiday, building works); only one location when locationId is given. */
export const clinicClosureSchema = z
	.object({
		date: localDateSchema,
		start: wallTime.optional(),
		end: wallTime.optional(),
		locationId: id.optional()
	})
	.superRefine(bothTimesOrNeither)
	.superRefine(startBeforeEnd);
export type ClinicClosure = z.infer<typeof clinicClosureSchema>;

export type Schedule = {
	readonly weeklyHours: readonly WeeklyHours[];
	readonly breaks?: readonly RecurringBreak[];
	readonly overrides?: readonly DateOverride[];
	readonly closures?: readonly ClinicClosure[];
};

/**
 * An existing, non-cancelled appointment (cancelled ones are simply not passed in). It blocks
 * [startMs − its buffer before, endMs + its buffer after), at every location.
 */
export type BusyAppointment = {
	readonly providerId: string;
	readonly startMs: number;
	readonly endMs: number;
	readonly bufferBeforeMinutes: number;
	readonly bufferAfterMinutes: number;
};

const minutes = (max: number) => z.number().int().min(0).max(max);

/** Field names follow ClinicService so a service row can be spread in. */
export const serviceRulesSchema = z.object({
	durationMinutes: z.number().int().min(1).max(24 * 60),
	bufferBeforeMinutes: minutes(24 * 60),
	bufferAfterMinutes: minutes(24 * 60),
	slotIntervalMinutes: z.number().int().min(1).max(24 * 60).optional(),
	minNoticeMinutes: minutes(366 * 24 * 60).optional(),
	horizonDays: z.number().int().min(0).max(3660).optional()
});
export type ServiceRules = z.input<typeof serviceRulesSchema>;
export type ResolvedServiceRules = Required<ServiceRules>;

/** Defaults applied, then checked against the schema (one small object per call, so cheap). */
export function resolveServiceRules(rules: ServiceRules): ResolvedServiceRules {
	const resolved: ResolvedServiceRules = {
		durationMinutes: rules.durationMinutes,
		bufferBeforeMinutes: rules.bufferBeforeMinutes,
		bufferAfterMinutes: rules.bufferAfterMinutes,
		slotIntervalMinutes: rules.slotIntervalMinutes ?? DEFAULT_SLOT_INTERVAL_MINUTES,
		minNoticeMinutes: rules.minNoticeMinutes ?? DEFAULT_MIN_NOTICE_MINUTES,
		horizonDays: rules.horizonDays ?? DEFAULT_HORIZON_DAYS
	};
	const result = serviceRulesSchema.safeParse(resolved);
	if (!result.success) {
		const issue = result.error.issues[0];
		throw new RangeError(`Invalid service rules: ${issue?.path.join('.')} ${issue?.message}`);
	}
	return resolved;
}
