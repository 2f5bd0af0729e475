import { z } from 'zod';
import { bookingNote, patientDetailsSchema, providerChoice, serviceSlug } from '../../shared/booking.schema';
import { rfc3339Instant } from '../scheduling/rfc3339';

/** POST /api/v1/appointments (and the booking form, which posts the same fields). */
export const appointmentRequest = z.object({
	service: serviceSlug.meta({ description: 'Service slug, from GET /services.', example: 'dry-needling' }),
	providerId: providerChoice.meta({ description: 'A provider id from GET /availability; "any" books the first free qualified provider.' }),
	start: rfc3339Instant.meta({ description: 'Start of a slot from GET /availability, with its offset.', example: '2026-12-03T09:00:00-05:00' }),
	patient: patientDetailsSchema,
	note: bookingNote.meta({ description: 'Anything the clinic should know (at most 1,000 characters).' }),
	assessment: z
		.string()
		.max(8192)
		.optional()
		.meta({ description: 'The signed result token of the self-assessment, when the booking starts from it.' })
});
export type AppointmentRequest = z.output<typeof appointmentRequest>;

/** POST /api/v1/appointments/{id}/reschedule. */
export const rescheduleRequest = z.object({
	start: rfc3339Instant,
	providerId: providerChoice,
	token: z.string().max(100).optional()
});

export const cancelRequest = z.object({ token: z.string().max(100).optional() });
