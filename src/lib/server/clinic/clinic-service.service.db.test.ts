import { beforeAll, expect, it } from 'vitest';
import { anonymous } from '../auth/actor';
import { domainError } from '../testing/domain-error';
import { seedDemoClinic } from '../demo/demo-clinic';
import { fixedClock } from '../clock';
import { describeEachEngine } from '../testing/engines';
import { staffActor, testCtx, TEST_NOW } from '../testing/test-context';
import { createService, getService, listServices, updateService } from './clinic-service.service';

const formOf = (overrides: Record<string, unknown> = {}) => ({
	name: 'Cupping',
	slug: '',
	kind: 'other',
	description: 'Suction cups on the skin.',
	durationMinutes: '30',
	bufferBeforeMinutes: '0',
	bufferAfterMinutes: '5',
	price: '60',
	credentials: ['LAc'],
	bookableOnline: 'on',
	active: 'on',
	...overrides
});

describeEachEngine('clinic services', (handle) => {
	beforeAll(() => seedDemoClinic(handle.db, fixedClock(TEST_NOW)));

	const asAdmin = async () => testCtx(handle.db, await staffActor(handle.db, 'admin'));

	it('lists the demo services with their credentials, in order', async () => {
		const services = await listServices(await asAdmin());
		expect(services.map((s) => [s.slug, s.durationMinutes])).toEqual([
			['initial-consultation', 45],
			['dry-needling', 30],
			['acupuncture', 60],
			['follow-up', 30]
		]);
		const dryNeedling = services.find((s) => s.slug === 'dry-needling')!;
		expect(dryNeedling).toMatchObject({ kind: 'dry_needling', requiresDryNeedlingCertification: true, bookableOnline: true });
		expect(dryNeedling.credentials).toEqual(['DC', 'DPT', 'PT']);
	});

	it('lets an admin create and edit a service, making the slug from the name', async () => {
		const ctx = await asAdmin();
		const created = await createService(ctx, formOf());
		expect(created).toMatchObject({ slug: 'cupping', priceCents: 6000, bufferAfterMinutes: 5, credentials: ['LAc'] });
		const edited = await updateService(ctx, created.id, formOf({ name: 'Cupping therapy', slug: 'cupping', price: '65.50', credentials: ['LAc', 'DC'], active: undefined }));
		expect(edited).toMatchObject({ name: 'Cupping therapy', priceCents: 6550, active: false, credentials: ['DC', 'LAc'] });
		expect(await getService(ctx, created.id)).toEqual(edited);
	});

	it('stores every follow-up as consultation-first, the demo one and a new one with the box unticked', async () => {
		const ctx = await asAdmin();
		expect((await listServices(ctx)).find((s) => s.slug === 'follow-up')).toMatchObject({ newPatientsNeedConsultation: true });
		const created = await createService(ctx, formOf({ name: 'Review visit', kind: 'follow_up' }));
		expect(created).toMatchObject({ kind: 'follow_up', newPatientsNeedConsultation: true });
		expect(await createService(ctx, formOf({ name: 'Cupping taster' }))).toMatchObject({ newPatientsNeedConsultation: false });
	});

	it('refuses a negative duration and an unknown credential at their fields, changing nothing', async () => {
		const ctx = await asAdmin();
		const before = await listServices(ctx);
		const target = before[0]!;
		const error = await domainError(updateService(ctx, target.id, formOf({ durationMinutes: '-15', credentials: ['DPT', 'Shaman'] })));
		expect(error.code).toBe('validation_failed');
		expect(error.fieldErrors).toEqual({ durationMinutes: 'Duration must be at least 5.', credentials: 'Unknown credential.' });
		expect(await listServices(ctx)).toEqual(before);
	});

	it('refuses a slug another service uses', async () => {
		const error = await domainError(createService(await asAdmin(), formOf({ slug: 'acupuncture' })));
		expect(error.fieldErrors).toEqual({ slug: 'Another service already uses this slug.' });
	});

	it('refuses a needling service that names no credential', async () => {
		const error = await domainError(createService(await asAdmin(), formOf({ kind: 'dry_needling', credentials: [] })));
		expect(Object.keys(error.fieldErrors)).toEqual(['credentials']);
	});

	it('refuses front-desk staff, clinicians and anonymous visitors', async () => {
		const services = await listServices(await asAdmin());
		for (const actor of [await staffActor(handle.db, 'front_desk'), await staffActor(handle.db, 'clinician'), anonymous]) {
			const ctx = testCtx(handle.db, actor);
			expect((await domainError(updateService(ctx, services[0]!.id, formOf()))).code).toBe('forbidden');
			expect((await domainError(createService(ctx, formOf({ slug: 'sneaky' })))).code).toBe('forbidden');
		}
	});

	it('answers not found for an unknown id', async () => {
		expect((await domainError(getService(await asAdmin(), 'no-such-id'))).code).toBe('not_found');
	});
});
