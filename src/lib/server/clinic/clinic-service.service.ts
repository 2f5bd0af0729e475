import { randomUUID } from 'node:crypto';
import type { Ctx } from '../context';
import { authorize } from '../auth/policy';
import { notFound, validationFailed } from '../errors';
import { isUniqueViolation } from '../db/constraint-errors';
import { parseInput } from '../validation';
import { writeTransaction } from '../db/write-transaction';
import { recordAudit } from '../audit/audit.service';
import { serviceInput, type ServiceInput } from '../../shared/clinic.schema';
import { slugify, type ClinicService } from './clinic';
import { getClinic } from './clinic.service';
import * as services from './clinic-service.repository';
import { bumpBookingVersion } from '../booking/booking-version';
import { startsWithConsultation } from '../scheduling/bookable-service';

const NEEDLING_KINDS = new Set(['dry_needling', 'acupuncture']);

export async function listServices(ctx: Ctx): Promise<ClinicService[]> {
	const clinic = await getClinic(ctx);
	return services.listClinicServices(ctx.db, clinic.id);
}

export async function getService(ctx: Ctx, id: string): Promise<ClinicService> {
	authorize(ctx.actor, 'service:manage');
	const clinic = await getClinic(ctx);
	const service = await services.findClinicService(ctx.db, clinic.id, id);
	if (!service) throw notFound('service');
	return service;
}

export async function createService(ctx: Ctx, input: unknown): Promise<ClinicService> {
	authorize(ctx.actor, 'service:manage');
	const write = toWrite(parseInput(serviceInput, input));
	const clinic = await getClinic(ctx);
	const id = randomUUID();
	await writeTransaction(ctx.db, async (trx) => {
		await ensureSlugFree(() => services.slugTaken(trx, clinic.id, write.slug));
		const sortOrder = await services.nextSortOrder(trx, clinic.id);
		await saveOrExplain(() =>
			services.insertClinicService(trx, { ...write, id, clinicId: clinic.id, sortOrder, now: ctx.clock.now() })
		);
		await recordAudit({ ...ctx, db: trx }, { action: 'settings.service_created', entityType: 'service', entityId: id });
	});
	return getService(ctx, id);
}

export async function updateService(ctx: Ctx, id: string, input: unknown): Promise<ClinicService> {
	const existing = await getService(ctx, id);
	const write = toWrite(parseInput(serviceInput, input));
	await writeTransaction(ctx.db, async (trx) => {
		await ensureSlugFree(() => services.slugTaken(trx, existing.clinicId, write.slug, existing.id));
		await saveOrExplain(() => services.updateClinicService(trx, existing.id, write, ctx.clock.now()));
		// Duration, buffers and booking rules change which times are free: cached availability is stale.
		await bumpBookingVersion(trx);
		await recordAudit({ ...ctx, db: trx }, { action: 'settings.service_updated', entityType: 'service', entityId: existing.id });
	});
	return getService(ctx, id);
}

function toWrite(input: ServiceInput): services.ClinicServiceWrite {
	const slug = input.slug || slugify(input.name);
	if (!slug) throw validationFailed({ slug: 'Enter a slug: the name has no letters or digits to make one from.' });
	if (NEEDLING_KINDS.has(input.kind) && input.credentials.length === 0) {
		throw validationFailed({
			credentials: 'Needling services must name the credentials that may deliver them.'
		});
	}
	const { slug: _typed, price, minNoticeHours, ...rest } = input;
	// A follow-up is stored as consultation-first whatever the box says, as booking treats it.
	const newPatientsNeedConsultation = startsWithConsultation(input.kind, input.newPatientsNeedConsultation);
	return { ...rest, slug, priceCents: price, minNoticeMinutes: minNoticeHours * 60, newPatientsNeedConsultation };
}

async function ensureSlugFree(taken: () => Promise<boolean>): Promise<void> {
	if (await taken()) throw validationFailed({ slug: 'Another service already uses this slug.' });
}

async function saveOrExplain(save: () => Promise<void>): Promise<void> {
	try {
		await save();
	} catch (error) {
		if (isUniqueViolation(error)) throw validationFailed({ slug: 'Another service already uses this slug.' });
		throw error;
	}
}
