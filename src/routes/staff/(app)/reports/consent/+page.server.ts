import { needlingVisitsWithoutConsent } from '$lib/server/consent/consent.service';
import { pageError } from '$lib/server/http';
import { isLocalDate } from '$lib/server/scheduling/zoned-time';
import { fullTime } from '$lib/shared/booking-time';
import { CONSENT_MODALITY_LABELS } from '$lib/shared/consent';

/** Needling visits on a day (tomorrow by default) whose patient has no valid consent on file. */
export async function load({ locals, url }) {
	const asked = url.searchParams.get('date') ?? '';
	try {
		const report = await needlingVisitsWithoutConsent(locals.ctx, isLocalDate(asked) ? asked : undefined);
		return {
			date: report.date,
			badDate: asked !== '' && !isLocalDate(asked),
			visits: report.visits.map((v) => ({
				appointmentId: v.appointmentId,
				when: fullTime(v.startsAt.getTime(), report.zone),
				serviceName: v.serviceName,
				providerName: v.providerName,
				patientId: v.patientId,
				patientName: v.patientName,
				modality: v.modality,
				label: CONSENT_MODALITY_LABELS[v.modality],
				status: v.status
			}))
		};
	} catch (caught) {
		pageError(caught);
	}
}
