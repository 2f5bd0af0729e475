import { z } from 'zod';
import { appointmentRequest, cancelRequest, rescheduleRequest } from '../booking/booking-input';
import { appointmentResponse, availabilityResponse, providerResponse, serviceResponse, slotResponse } from '../booking/booking-api';
import { MAX_QUERY_DAYS } from '../scheduling/schedule';
import { jsonSchemaOf, problemResponse, schemaRef, type ApiModule } from './openapi';

/** Booking's part of the OpenAPI document: services, providers, free times and appointments. */

const slotTakenProblem = z
	.object({
		type: z.string(),
		title: z.string(),
		status: z.literal(409),
		detail: z.string(),
		errors: z.array(z.object({ field: z.string(), message: z.string() })),
		alternatives: z.array(slotResponse).meta({ description: 'The nearest free times (up to 6) within three days.' })
	})
	.meta({ description: 'The time is not free (any more) for that provider.' });

const json = (schema: string) => ({ 'application/json': { schema: schemaRef(schema) } });
const bodyProblems = {
	'400': problemResponse('The body is empty, not UTF-8 or not valid JSON, or the Idempotency-Key header is malformed.'),
	'413': problemResponse('The body is larger than 16 KB.'),
	'415': problemResponse('The body is not sent as JSON (Content-Type: application/json, UTF-8).'),
	'429': problemResponse('Too many bookings or changes from this client or for this email address; the Retry-After header says when to try again.'),
	'503': problemResponse('The database stayed busy with other changes; nothing was done. Try again after Retry-After seconds.')
};
const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'The appointment id.' };
/** The patient's manage token as an HTTP bearer credential (an Authorization header parameter would be ignored). */
const MANAGE_TOKEN = 'manageToken';
const needsManageToken = [{ [MANAGE_TOKEN]: [] }];
const notFoundWithToken = problemResponse(
	'No appointment with this id for this token (a wrong, missing or malformed token and an unknown id look the same), or it is already over.'
);

export const bookingApi: ApiModule = {
	tag: {
		name: 'Booking',
		description:
			'Online booking. Dates are calendar days in the clinic’s time zone; times are RFC 3339 with offsets. Only providers ' +
			'qualified for a service are offered, and only published slots can be booked. The database refuses overlapping ' +
			'appointments of one provider, so two clients racing for one time get one 201 and one 409.'
	},
	securitySchemes: {
		[MANAGE_TOKEN]: {
			type: 'http',
			scheme: 'bearer',
			description:
				'The patient’s manage token: the last segment of manageUrl, returned once by POST /appointments. Send it as ' +
				'Authorization: Bearer <token>. Cancel and reschedule also accept it as "token" in the JSON body.'
		}
	},
	schemas: {
		Service: jsonSchemaOf(serviceResponse),
		Provider: jsonSchemaOf(providerResponse),
		Availability: jsonSchemaOf(availabilityResponse),
		AppointmentRequest: jsonSchemaOf(appointmentRequest, 'input'),
		Appointment: jsonSchemaOf(appointmentResponse),
		RescheduleRequest: jsonSchemaOf(rescheduleRequest, 'input'),
		CancelRequest: jsonSchemaOf(cancelRequest, 'input'),
		SlotTakenProblem: jsonSchemaOf(slotTakenProblem)
	},
	paths: {
		'/services': {
			get: {
				operationId: 'listServices',
				security: [],
				summary: 'Services bookable online',
				responses: { '200': { description: 'The services, in the clinic’s order.', content: { 'application/json': { schema: { type: 'array', items: schemaRef('Service') } } } } }
			}
		},
		'/providers': {
			get: {
				operationId: 'listProviders',
				security: [],
				summary: 'Providers and the services each may deliver',
				responses: { '200': { description: 'The providers, by name.', content: { 'application/json': { schema: { type: 'array', items: schemaRef('Provider') } } } } }
			}
		},
		'/availability': {
			get: {
				operationId: 'getAvailability',
				security: [],
				summary: 'Free times for a service',
				description: `Slots from the first to the last day (both included, at most ${MAX_QUERY_DAYS} days), sorted by start. Days before today and past the service's booking horizon have none; neither do times inside its minimum notice.`,
				parameters: [
					{ name: 'service', in: 'query', required: true, schema: { type: 'string' }, description: 'Service slug.' },
					{ name: 'from', in: 'query', required: true, schema: { type: 'string', format: 'date' }, description: 'First day, YYYY-MM-DD, in the clinic’s zone.' },
					{ name: 'to', in: 'query', required: true, schema: { type: 'string', format: 'date' }, description: 'Last day, YYYY-MM-DD.' },
					{ name: 'provider', in: 'query', required: false, schema: { type: 'string' }, description: 'Only this provider (who must be qualified).' }
				],
				responses: {
					'200': { description: 'The free slots.', content: json('Availability') },
					'422': problemResponse('A parameter is missing or invalid (unknown service or provider, bad dates, too long a range).', 'ValidationProblem')
				}
			}
		},
		'/appointments': {
			post: {
				operationId: 'bookAppointment',
				security: [],
				summary: 'Book an appointment',
				description:
					'Books a published slot. The patient is matched by email and date of birth (or created). Send an Idempotency-Key ' +
					'header (8–200 visible characters, such as a UUID) to make retries safe: the same key with the same body answers ' +
					'with the first result (header Idempotent-Replayed: true); with another body, 422. First-time patients asking ' +
					'for a service that starts with a consultation get 422 naming "service".',
				parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', minLength: 8, maxLength: 200 } }],
				requestBody: { required: true, content: json('AppointmentRequest') },
				responses: {
					'201': { description: 'Booked.', content: json('Appointment') },
					...bodyProblems,
					'409': { description: 'That time is not free for that provider.', content: { 'application/problem+json': { schema: schemaRef('SlotTakenProblem') } } },
					'422': problemResponse('Invalid input, including a start that is not a published slot or a provider not qualified for the service.', 'ValidationProblem')
				}
			}
		},
		'/appointments/{id}': {
			get: {
				operationId: 'getAppointment',
				summary: 'Read an appointment with the manage token',
				description: 'The address in the Location header of a 201 from POST /appointments. Each read is recorded in the clinic’s audit trail.',
				security: needsManageToken,
				parameters: [idParameter],
				responses: {
					'200': { description: 'The appointment as it stands now (without manageUrl).', content: json('Appointment') },
					'404': notFoundWithToken
				}
			}
		},
		'/appointments/{id}/cancel': {
			post: {
				operationId: 'cancelAppointment',
				security: needsManageToken,
				summary: 'Cancel with the manage token',
				description: 'Open until the clinic’s cancellation notice (hours before the start); later, 409 with the clinic’s phone number. Cancelling twice answers 200 again.',
				parameters: [idParameter],
				requestBody: { required: false, content: json('CancelRequest') },
				responses: {
					'200': { description: 'Cancelled.', content: json('Appointment') },
					...bodyProblems,
					'404': notFoundWithToken,
					'409': problemResponse('Too late to cancel online: call the clinic.')
				}
			}
		},
		'/appointments/{id}/reschedule': {
			post: {
				operationId: 'rescheduleAppointment',
				security: needsManageToken,
				summary: 'Move to another free time with the manage token',
				parameters: [idParameter],
				requestBody: { required: true, content: json('RescheduleRequest') },
				responses: {
					'200': { description: 'Moved.', content: json('Appointment') },
					...bodyProblems,
					'404': notFoundWithToken,
					'409': { description: 'The new time is taken, or it is too late to change online.', content: { 'application/problem+json': { schema: schemaRef('SlotTakenProblem') } } },
					'422': problemResponse('Invalid input, or a time that is not a published slot.', 'ValidationProblem')
				}
			}
		}
	}
};
