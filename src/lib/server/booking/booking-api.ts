import { z } from 'zod';
import type { AppointmentStatus } from '../db/schema';
import { formatInstant } from '../scheduling/rfc3339';
import type { AvailableSlot } from '../scheduling/availability';
import type { CatalogProvider, CatalogService } from './booking-catalog.service';
import type { BookingConfirmation } from './booking.service';
import type { ManagedAppointment } from './manage.service';

/**
 * Response shapes of the booking API, as zod schemas (for the OpenAPI document) and the
 * functions that fill them, so the document and the answers come from one place.
 */

export const serviceResponse = z.object({
	slug: z.string(),
	name: z.string(),
	kind: z.string(),
	description: z.string(),
	durationMinutes: z.number().int(),
	priceCents: z.number().int(),
	slotIntervalMinutes: z.number().int(),
	minNoticeMinutes: z.number().int(),
	horizonDays: z.number().int(),
	newPatientsNeedConsultation: z.boolean().meta({ description: 'First-time patients must book the initial consultation first.' }),
	providers: z.array(z.string()).meta({ description: 'Ids of the providers qualified to deliver it.' })
});

export const providerResponse = z.object({
	id: z.string(),
	displayName: z.string(),
	credentials: z.array(z.string()),
	dryNeedlingCertified: z.boolean(),
	services: z.array(z.string()).meta({ description: 'Slugs of the services this provider may deliver.' })
});

export const slotResponse = z.object({
	start: z.string().meta({ description: 'RFC 3339 with the clinic’s offset at that instant.' }),
	end: z.string(),
	providerId: z.string(),
	locationId: z.string()
});

export const availabilityResponse = z.object({
	timeZone: z.string().meta({ description: 'The clinic’s IANA time zone; from and to are days in it.' }),
	slots: z.array(slotResponse)
});

export const appointmentResponse = z.object({
	id: z.string(),
	service: z.string(),
	providerId: z.string(),
	locationId: z.string(),
	start: z.string(),
	end: z.string(),
	status: z.enum(['booked', 'arrived', 'completed', 'cancelled', 'no_show']),
	manageUrl: z
		.string()
		.optional()
		.meta({ description: 'The patient’s link to view, cancel or reschedule. Its last segment is the manage token: keep it secret.' })
});

export function toServiceResponse(s: CatalogService): z.infer<typeof serviceResponse> {
	return {
		slug: s.slug,
		name: s.name,
		kind: s.kind,
		description: s.description,
		durationMinutes: s.rules.durationMinutes,
		priceCents: s.priceCents,
		slotIntervalMinutes: s.rules.slotIntervalMinutes,
		minNoticeMinutes: s.rules.minNoticeMinutes,
		horizonDays: s.rules.horizonDays,
		newPatientsNeedConsultation: s.newPatientsNeedConsultation,
		providers: s.providers.map((p) => p.id)
	};
}

export function toProviderResponse(p: CatalogProvider): z.infer<typeof providerResponse> {
	return { id: p.id, displayName: p.name, credentials: p.credentials, dryNeedlingCertified: p.dryNeedlingCertified, services: p.services };
}

export const manageUrlFor = (origin: string, token: string) => `${origin}/appointments/manage/${token}`;

export function confirmationResponse(c: BookingConfirmation, zone: string, origin: string): z.infer<typeof appointmentResponse> {
	return {
		id: c.id,
		service: c.service,
		providerId: c.providerId,
		locationId: c.locationId,
		start: formatInstant(c.startMs, zone),
		end: formatInstant(c.endMs, zone),
		status: c.status,
		...(c.manageToken ? { manageUrl: manageUrlFor(origin, c.manageToken) } : {})
	};
}

export function managedResponse(m: ManagedAppointment): z.infer<typeof appointmentResponse> {
	const a = m.appointment;
	return {
		id: a.id,
		service: a.serviceSlug,
		providerId: a.providerId,
		locationId: a.locationId,
		start: formatInstant(a.startsAt.getTime(), m.clinic.timeZone),
		end: formatInstant(a.endsAt.getTime(), m.clinic.timeZone),
		status: a.status as AppointmentStatus
	};
}

export function slotsResponse(slots: readonly AvailableSlot[], zone: string): z.infer<typeof slotResponse>[] {
	return slots.map((s) => ({ start: formatInstant(s.startMs, zone), end: formatInstant(s.endMs, zone), providerId: s.providerId, locationId: s.locationId }));
}
