import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../auth/actor';
import { fixedClock } from '../clock';
import { seedDemoClinic } from '../demo/demo-clinic';
import { describeEachEngine } from '../testing/engines';
import { testCtx, TEST_NOW } from '../testing/test-context';
import { insertClinic } from './clinic.repository';
import { findClinicService, insertClinicService, listClinicServices, updateClinicService } from './clinic-service.repository';
import { insertStaff, type StaffWrite } from '../staff/staff.repository';
import { findServiceOffers } from './qualified-providers';

const CLINIC = 'demo-boston-spine';
const DN = { certifiedOn: '2023-01-01', hours: 40, course: 'Test course' };

function member(name: string, overrides: Partial<StaffWrite> = {}): StaffWrite {
	return {
		name,
		email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@test.example`,
		role: 'clinician',
		bio: '',
		active: true,
		credentials: ['DPT'],
		dryNeedling: DN,
		...overrides
	};
}

describeEachEngine('qualified providers', (handle) => {
	const ctx = () => testCtx(handle.db, anonymous);
	const names = async (slug: string) => (await findServiceOffers(ctx(), [slug]))[0]?.providers.map((p) => p.name);

	beforeAll(() => seedDemoClinic(handle.db, fixedClock(TEST_NOW)));

	describe('with the demo clinic', () => {
		it('gives the services in the order asked, with price, duration and providers', async () => {
			const offers = await findServiceOffers(ctx(), ['dry-needling', 'initial-consultation', 'acupuncture']);
			expect(offers.map((o) => [o.slug, o.name, o.durationMinutes, o.priceCents])).toEqual([
				['dry-needling', 'Dry needling session', 30, 9500],
				['initial-consultation', 'Initial consultation', 45, 15000],
				['acupuncture', 'Acupuncture session', 60, 12000]
			]);
			expect(offers[0]!.providers).toEqual([
				{ id: expect.any(String), name: 'Dr. Alex Chen', credentials: ['DPT'], dryNeedlingCertified: true },
				{ id: expect.any(String), name: 'Dr. Priya Nair', credentials: ['DPT'], dryNeedlingCertified: true },
				{ id: expect.any(String), name: 'Dr. Sam O’Brien', credentials: ['DC'], dryNeedlingCertified: true }
			]);
			expect(offers[1]!.providers.map((p) => p.name)).toEqual(['Dr. Alex Chen', 'Dr. Priya Nair', 'Dr. Sam O’Brien', 'Lin Zhao']);
			expect(offers[2]!.providers).toEqual([
				{ id: expect.any(String), name: 'Lin Zhao', credentials: ['DiplOM', 'LAc'], dryNeedlingCertified: false }
			]);
		});

		it('shows the public nothing internal about a provider', async () => {
			const [offer] = await findServiceOffers(ctx(), ['initial-consultation']);
			for (const provider of offer!.providers) expect(Object.keys(provider).sort()).toEqual(['credentials', 'dryNeedlingCertified', 'id', 'name']);
		});

		it('leaves out unknown slugs and repeats', async () => {
			const offers = await findServiceOffers(ctx(), ['no-such-service', 'acupuncture', 'acupuncture']);
			expect(offers.map((o) => o.slug)).toEqual(['acupuncture']);
			expect(await findServiceOffers(ctx(), [])).toEqual([]);
		});
	});

	describe('the qualification rule', () => {
		beforeAll(async () => {
			const now = TEST_NOW;
			const add = (write: StaffWrite, clinicId = CLINIC) =>
				insertStaff(handle.db, { ...write, id: randomUUID(), clinicId, passwordHash: null, now });
			await add(member('Casey Uncertified', { dryNeedling: null }));
			await add(member('Drew Inactive', { active: false }));
			await add(member('Avery Admin', { role: 'admin' }));
			await add(member('Frankie Desk', { role: 'front_desk', credentials: ['LAc'] }));
			await add(member('Glen Massage', { credentials: ['LMT'] }));
			await insertClinic(handle.db, {
				id: 'other-clinic',
				name: 'Other',
				timeZone: 'America/Chicago',
				street: 's',
				city: 'c',
				region: 'r',
				postalCode: 'p',
				country: 'US',
				phone: '1',
				email: 'o@example.com',
				isDemo: false,
				now: new Date(now.getTime() + 1000)
			});
			await add(member('Elsewhere Acupuncturist', { credentials: ['LAc'], dryNeedling: null }), 'other-clinic');
		});

		it('requires a dry-needling certification only where the service does', async () => {
			expect(await names('dry-needling')).not.toContain('Casey Uncertified');
			expect(await names('initial-consultation')).toContain('Casey Uncertified');
		});

		it('includes only active clinicians of this clinic holding one of the credentials', async () => {
			const consultation = await names('initial-consultation');
			for (const name of ['Drew Inactive', 'Avery Admin', 'Frankie Desk', 'Glen Massage', 'Elsewhere Acupuncturist']) {
				expect(consultation, name).not.toContain(name);
			}
			expect(await names('acupuncture')).toEqual(['Lin Zhao']);
		});

		it('follows changes to the service: a new credential, and switching it off', async () => {
			const services = await listClinicServices(handle.db, CLINIC);
			const acupuncture = services.find((s) => s.slug === 'acupuncture')!;
			const { id, clinicId, sortOrder, ...write } = acupuncture;
			await updateClinicService(handle.db, id, { ...write, credentials: ['LAc', 'LMT'] }, TEST_NOW);
			expect(await names('acupuncture')).toEqual(['Glen Massage', 'Lin Zhao']);
			await updateClinicService(handle.db, id, { ...write, active: false }, TEST_NOW);
			expect(await findServiceOffers(ctx(), ['acupuncture'])).toEqual([]);
			expect((await findClinicService(handle.db, clinicId, id))?.active).toBe(false);
			await updateClinicService(handle.db, id, write, TEST_NOW);
			expect(sortOrder).toBeGreaterThan(0);
		});

		it('gives a service with no qualified provider an empty list rather than dropping it', async () => {
			const id = randomUUID();
			await insertClinicService(handle.db, {
				id,
				clinicId: CLINIC,
				sortOrder: 99,
				now: TEST_NOW,
				name: 'Cupping',
				slug: 'cupping',
				kind: 'other',
				description: '',
				durationMinutes: 30,
				bufferBeforeMinutes: 0,
				bufferAfterMinutes: 0,
				priceCents: 5000,
				bookableOnline: true,
				requiresDryNeedlingCertification: false,
				credentials: ['ATC'],
				active: true
			});
			expect(await findServiceOffers(ctx(), ['cupping'])).toMatchObject([{ slug: 'cupping', providers: [] }]);
		});
	});
});
