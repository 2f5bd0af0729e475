import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Appointment } from './appointment';

/** An appointment with the names a page or an API answer shows. */
export type AppointmentDetails = Appointment & {
	serviceSlug: string;
	serviceName: string;
	providerName: string;
	locationName: string;
	locationAddress: string;
};

export async function withNames(db: Kysely<DB>, appointment: Appointment): Promise<AppointmentDetails> {
	const names = await db
		.selectFrom('service as s')
		.innerJoin('staff as st', (j) => j.on('st.id', '=', appointment.providerId))
		.innerJoin('location as l', (j) => j.on('l.id', '=', appointment.locationId))
		.select(['s.slug', 's.name as serviceName', 'st.name as providerName', 'l.name as locationName', 'l.street', 'l.city', 'l.region', 'l.postalCode'])
		.where('s.id', '=', appointment.serviceId)
		.executeTakeFirstOrThrow();
	return {
		...appointment,
		serviceSlug: names.slug,
		serviceName: names.serviceName,
		providerName: names.providerName,
		locationName: names.locationName,
		locationAddress: `${names.street}, ${names.city}, ${names.region} ${names.postalCode}`
	};
}
