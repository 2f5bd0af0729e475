import type { ClinicService } from '../clinic/clinic';
import { formObject } from '../form-data';
import { priceInputValue } from '../../shared/money';

/** The service form as posted: every field a string, credentials a list. */
export function serviceFormInput(data: FormData): Record<string, unknown> {
	return formObject(data, ['credentials']);
}

/** A stored service as the form shows it. */
export function serviceFormValues(service: ClinicService): Record<string, unknown> {
	return {
		name: service.name,
		slug: service.slug,
		kind: service.kind,
		description: service.description,
		durationMinutes: service.durationMinutes,
		bufferBeforeMinutes: service.bufferBeforeMinutes,
		bufferAfterMinutes: service.bufferAfterMinutes,
		price: priceInputValue(service.priceCents),
		bookableOnline: service.bookableOnline,
		requiresDryNeedlingCertification: service.requiresDryNeedlingCertification,
		credentials: service.credentials,
		active: service.active,
		slotIntervalMinutes: service.slotIntervalMinutes,
		// Hours on the form; a value set in minutes elsewhere is rounded up so no notice is lost.
		minNoticeHours: Math.ceil(service.minNoticeMinutes / 60),
		horizonDays: service.horizonDays,
		newPatientsNeedConsultation: service.newPatientsNeedConsultation
	};
}
