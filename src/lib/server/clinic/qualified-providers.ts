import type { Ctx } from '../context';
import { getClinic } from './clinic.service';
import {
	findActiveServicesBySlug,
	findQualifiedProviders,
	type OfferedService,
	type PublicProvider
} from './qualified-providers.repository';

export type ServiceOffer = OfferedService & { providers: PublicProvider[] };

/**
 * The clinic's active services with these slugs, in the order asked for, each with the providers
 * qualified to deliver it. Public information (it is what the services page shows), so there is no
 * policy check; unknown or inactive slugs are left out.
 */
export async function findServiceOffers(ctx: Ctx, slugs: readonly string[]): Promise<ServiceOffer[]> {
	const clinic = await getClinic(ctx);
	const services = await findActiveServicesBySlug(ctx.db, clinic.id, slugs);
	const providers = await findQualifiedProviders(ctx.db, services.map((s) => s.id));
	const bySlug = new Map(services.map((s) => [s.slug, s]));
	return [...new Set(slugs)].flatMap((slug) => {
		const service = bySlug.get(slug);
		return service ? [{ ...service, providers: providers.get(service.id) ?? [] }] : [];
	});
}
