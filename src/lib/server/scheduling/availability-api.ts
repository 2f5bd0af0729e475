/**
 * The shapes of GET /api/v1/availability, kept beside the engine so the route stays a thin
 * parse → service → map. Dates are the clinic's calendar days; times go out in RFC 3339 with the
 * offset in force at that instant.
 */
import { z } from 'zod';
import type { AvailableSlot } from './availability';
import { createInstantFormatter } from './rfc3339';
import { MAX_QUERY_DAYS, localDateSchema } from './schedule';
import { daysBetween, isLocalDate } from './zoned-time';

/** Query string of the endpoint: ?service=SLUG&from=YYYY-MM-DD&to=YYYY-MM-DD[&provider=ID]. */
export const availabilityParams = z
	.object({
		service: z
			.string()
			.max(80)
			.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Give the service slug, like dry-needling-30-min.'),
		from: localDateSchema,
		to: localDateSchema,
		provider: z.string().min(1).max(100).optional()
	})
	.superRefine((params, ctx) => {
		if (!isLocalDate(params.from) || !isLocalDate(params.to)) return;
		const span = daysBetween(params.from, params.to);
		if (span < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The end date must not be before the start date.' });
		else if (span + 1 > MAX_QUERY_DAYS)
			ctx.addIssue({ code: 'custom', path: ['to'], message: `Ask for at most ${MAX_QUERY_DAYS} days at a time.` });
	});
export type AvailabilityParams = z.infer<typeof availabilityParams>;

export type AvailabilityResponse = {
	timeZone: string;
	slots: { start: string; end: string; providerId: string; locationId: string }[];
};

/** Engine output → response body; order is kept (start, then provider, then location). */
export function toAvailabilityResponse(slots: readonly AvailableSlot[], timeZone: string): AvailabilityResponse {
	const format = createInstantFormatter(timeZone);
	return {
		timeZone,
		slots: slots.map((slot) => ({
			start: format(slot.startMs),
			end: format(slot.endMs),
			providerId: slot.providerId,
			locationId: slot.locationId
		}))
	};
}
