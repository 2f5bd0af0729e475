import type { Ctx } from '../context';
import { notFound } from '../errors';
import { listStaffProfiles } from '../staff/staff-profile.repository';
import type { StaffProfile } from '../staff/staff-profile';
import type { ClinicService } from './clinic';
import { listClinicServices } from './clinic-service.repository';
import { getClinic } from './clinic.service';
import { listServiceFaqs, type ServiceFaq } from './service-faq.repository';

/** The public site's view of services: active ones only, with who may deliver them. */

export async function listPublicServices(ctx: Ctx): Promise<ClinicService[]> {
	const clinic = await getClinic(ctx);
	return (await listClinicServices(ctx.db, clinic.id)).filter((s) => s.active);
}

/**
 * Qualified = an active clinician holding one of the service's credentials and, where the service
 * needs it, a dry-needling certification. The same rule booking will use.
 */
export function qualifiedProviders(service: ClinicService, staff: StaffProfile[]): StaffProfile[] {
	return staff.filter(
		(member) =>
			member.role === 'clinician' &&
			member.credentials.some((code) => service.credentials.includes(code)) &&
			(!service.requiresDryNeedlingCertification || member.dryNeedlingCertified)
	);
}

export type ServicePage = { service: ClinicService; providers: StaffProfile[]; faqs: ServiceFaq[] };

export async function getPublicService(ctx: Ctx, slug: string): Promise<ServicePage> {
	const service = (await listPublicServices(ctx)).find((s) => s.slug === slug);
	if (!service) throw notFound('service');
	const clinic = await getClinic(ctx);
	const staff = await listStaffProfiles(ctx.db, clinic.id, { activeOnly: true });
	return { service, providers: qualifiedProviders(service, staff), faqs: await listServiceFaqs(ctx.db, service.id) };
}
