import { randomUUID } from 'node:crypto';
import type { Ctx } from '../context';
import { authorize } from '../auth/policy';
import { notFound, validationFailed } from '../errors';
import { isUniqueViolation } from '../db/constraint-errors';
import { parseInput } from '../validation';
import { writeTransaction } from '../db/write-transaction';
import { recordAudit } from '../audit/audit.service';
import { locationInput } from '../../shared/clinic.schema';
import type { Location } from './clinic';
import { getClinic } from './clinic.service';
import * as locations from './location.repository';

export async function listLocations(ctx: Ctx): Promise<Location[]> {
	const clinic = await getClinic(ctx);
	return locations.listLocations(ctx.db, clinic.id);
}

export async function getLocation(ctx: Ctx, id: string): Promise<Location> {
	authorize(ctx.actor, 'location:manage');
	const clinic = await getClinic(ctx);
	const location = await locations.findLocation(ctx.db, clinic.id, id);
	if (!location) throw notFound('location');
	return location;
}

export async function createLocation(ctx: Ctx, input: unknown): Promise<Location> {
	authorize(ctx.actor, 'location:manage');
	const write = parseInput(locationInput, input);
	const clinic = await getClinic(ctx);
	const id = randomUUID();
	await writeTransaction(ctx.db, async (trx) => {
		await saveUniqueName(() => locations.insertLocation(trx, { ...write, id, clinicId: clinic.id, now: ctx.clock.now() }));
		await recordAudit({ ...ctx, db: trx }, { action: 'settings.location_created', entityType: 'location', entityId: id });
	});
	return getLocation(ctx, id);
}

export async function updateLocation(ctx: Ctx, id: string, input: unknown): Promise<Location> {
	const existing = await getLocation(ctx, id);
	const write = parseInput(locationInput, input);
	await writeTransaction(ctx.db, async (trx) => {
		await saveUniqueName(() => locations.updateLocation(trx, existing.id, write, ctx.clock.now()));
		await recordAudit({ ...ctx, db: trx }, { action: 'settings.location_updated', entityType: 'location', entityId: existing.id });
	});
	return getLocation(ctx, id);
}

async function saveUniqueName(save: () => Promise<void>): Promise<void> {
	try {
		await save();
	} catch (error) {
		if (isUniqueViolation(error)) throw validationFailed({ name: 'Another location already has this name.' });
		throw error;
	}
}
