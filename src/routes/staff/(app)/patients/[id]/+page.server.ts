import { redirect } from '@sveltejs/kit';
import { STATUS_LABELS } from '$lib/server/booking/appointment';
import { getClinic } from '$lib/server/clinic/clinic.service';
import { formObject } from '$lib/server/form-data';
import { formFailure, pageError } from '$lib/server/http';
import { findPatients, getPatientRecord, mergePatients } from '$lib/server/patients/patient.service';
import { consentOverview } from '$lib/server/consent/consent.service';
import { CONSENT_MODALITY_LABELS } from '$lib/shared/consent';
import { fullTime } from '$lib/shared/booking-time';
import { getPatientIntakes } from '$lib/server/intake/intake.service';

export async function load({ locals, params, url }) {
	try {
		const { patient, appointments } = await getPatientRecord(locals.ctx, params.id);
		const zone = (await getClinic(locals.ctx)).timeZone;
		const consent = await consentOverview(locals.ctx, patient.id);
		return {
			consent: {
				minor: consent.minor,
				lines: consent.lines.map((l) => ({
					modality: l.modality,
					label: CONSENT_MODALITY_LABELS[l.modality],
					status: l.status,
					version: l.signature?.documentVersion ?? null,
					latest: l.latest?.version ?? null
				}))
			},
			patient: { ...patient, createdAt: undefined },
			merged: url.searchParams.has('merged'),
			intakes: await getPatientIntakes(locals.ctx, params.id),
			appointments: appointments.map((a) => ({
				id: a.id,
				when: fullTime(a.startsAt.getTime(), zone),
				serviceName: a.serviceName,
				providerName: a.providerName,
				status: STATUS_LABELS[a.status],
				late: a.lateCancellation
			}))
		};
	} catch (caught) {
		pageError(caught);
	}
}

export const actions = {
	find: async ({ request, locals, params }) => {
		const values = formObject(await request.formData());
		try {
			const found = (await findPatients(locals.ctx, values)).filter((p) => p.id !== params.id);
			return { candidates: found.map((p) => ({ id: p.id, label: `${p.lastName}, ${p.firstName} · born ${p.dateOfBirth} · ${p.email} · ${p.phone}` })), q: String(values.q ?? '') };
		} catch (caught) {
			return formFailure(caught, values);
		}
	},
	merge: async ({ request, locals, params }) => {
		const values = formObject(await request.formData());
		try {
			await mergePatients(locals.ctx, params.id, values);
		} catch (caught) {
			return formFailure(caught, values);
		}
		redirect(303, `/staff/patients/${params.id}?merged=1`);
	}
};
