import type { Ctx } from '../context';
import { getClinic } from '../clinic/clinic.service';
import { findQualifiedProviders, type PublicProvider } from '../clinic/qualified-providers.repository';
import { listActiveServices, type BookableService } from '../scheduling/bookable-service';

/** What anyone may see before booking: the services bookable online and who delivers them. */
export type CatalogService = BookableService & { providers: PublicProvider[] };

export async function bookableCatalog(ctx: Ctx): Promise<CatalogService[]> {
	const clinic = await getClinic(ctx);
	const services = (await listActiveServices(ctx.db, clinic.id)).filter((s) => s.bookableOnline);
	const providers = await findQualifiedProviders(ctx.db, services.map((s) => s.id));
	return services.map((s) => ({ ...s, providers: providers.get(s.id) ?? [] }));
}

export type CatalogProvider = PublicProvider & { services: string[] };

/** Every provider who delivers at least one service bookable online, with those services' slugs. */
export function providersOf(catalog: readonly CatalogService[]): CatalogProvider[] {
	const byId = new Map<string, CatalogProvider>();
	for (const service of catalog) {
		for (const provider of service.providers) {
			const entry = byId.get(provider.id) ?? { ...provider, services: [] };
			entry.services.push(service.slug);
			byId.set(provider.id, entry);
		}
	}
	return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id));
}
