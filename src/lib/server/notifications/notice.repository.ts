import type { Kysely } from 'kysely';
import type { AppointmentStatus, DB } from '../db/schema';
import { readInstant } from '../db/values';
import type { NoticeView } from './notice';
import { greetingName } from './greeting-name';

export type NoticeFacts = Omit<NoticeView, 'kind' | 'manageUrl' | 'formsUrl'>;

/**
 * The appointment as it is now, with everything a notice shows. Read at send time, never from
 * the job's payload, so a notice can only show the current time, place and status.
 */
export async function loadNoticeFacts(db: Kysely<DB>, appointmentId: string): Promise<NoticeFacts | undefined> {
	const row = await db
		.selectFrom('appointment as a')
		.innerJoin('clinic as c', 'c.id', 'a.clinicId')
		.innerJoin('location as l', 'l.id', 'a.locationId')
		.innerJoin('service as s', 's.id', 'a.serviceId')
		.innerJoin('staff as p', 'p.id', 'a.providerId')
		.innerJoin('patient as pt', 'pt.id', 'a.patientId')
		.select([
			'a.id',
			'a.startsAt',
			'a.endsAt',
			'a.sequence',
			'a.status',
			'c.name as clinicName',
			'c.phone as clinicPhone',
			'c.email as clinicEmail',
			'c.timeZone',
			'c.cancellationNoticeHours',
			'c.street as clinicStreet',
			'c.city as clinicCity',
			'c.region as clinicRegion',
			'c.postalCode as clinicPostalCode',
			'c.country as clinicCountry',
			'l.name as locationName',
			'l.phone as locationPhone',
			'l.street as locationStreet',
			'l.city as locationCity',
			'l.region as locationRegion',
			'l.postalCode as locationPostalCode',
			'l.country as locationCountry',
			's.name as serviceName',
			'p.name as providerName',
			'pt.firstName',
			'pt.email'
		])
		.where('a.id', '=', appointmentId)
		.executeTakeFirst();
	if (!row) return undefined;
	return {
		appointment: {
			id: row.id,
			startsAt: readInstant(row.startsAt),
			endsAt: readInstant(row.endsAt),
			sequence: row.sequence,
			status: row.status as AppointmentStatus
		},
		clinic: {
			name: row.clinicName,
			phone: row.clinicPhone,
			email: row.clinicEmail,
			timeZone: row.timeZone,
			cancellationNoticeHours: row.cancellationNoticeHours,
			address: { street: row.clinicStreet, city: row.clinicCity, region: row.clinicRegion, postalCode: row.clinicPostalCode, country: row.clinicCountry }
		},
		location: {
			name: row.locationName,
			phone: row.locationPhone,
			address: {
				street: row.locationStreet,
				city: row.locationCity,
				region: row.locationRegion,
				postalCode: row.locationPostalCode,
				country: row.locationCountry
			}
		},
		service: { name: row.serviceName },
		provider: { name: row.providerName },
		patient: { firstName: greetingName(row.firstName), email: row.email }
	};
}
