import { describe, expect, it } from 'vitest';
import { API_MODULES } from './api-modules';
import { buildOpenApiDocument } from './openapi';

const document = buildOpenApiDocument(API_MODULES);

describe('the booking part of the OpenAPI document', () => {
	it('describes the request from the zod schema, with the patient fields', () => {
		const request = document.components.schemas.AppointmentRequest as { required: string[]; properties: Record<string, { required?: string[] }> };
		expect(request.required).toEqual(expect.arrayContaining(['service', 'providerId', 'start', 'patient']));
		expect(request.properties.patient?.required).toEqual(['firstName', 'lastName', 'email', 'phone', 'dateOfBirth']);
	});

	it('answers 201, 409 with alternatives and 422 per field for a booking', () => {
		const post = document.paths['/appointments']!.post!;
		expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['201', '400', '409', '413', '415', '422']));
		const taken = document.components.schemas.SlotTakenProblem as { properties: Record<string, unknown> };
		expect(taken.properties).toHaveProperty('alternatives');
		const appointment = document.components.schemas.Appointment as { required: string[] };
		expect(appointment.required).toEqual(expect.arrayContaining(['id', 'service', 'providerId', 'start', 'end', 'status']));
	});

	it('lists the availability query parameters', () => {
		const get = document.paths['/availability']!.get!;
		expect((get.parameters as { name: string }[]).map((p) => p.name)).toEqual(['service', 'from', 'to', 'provider']);
	});
});
