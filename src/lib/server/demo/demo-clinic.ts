import { writeTransaction } from '../db/write-transaction';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock';
import type { DB } from '../db/schema';
import { hashPassword } from '../auth/password';
import { insertClinic, replaceOpeningHours } from '../clinic/clinic.repository';
import { insertLocation } from '../clinic/location.repository';
import { insertClinicService } from '../clinic/clinic-service.repository';
import { insertStaff, type StaffWrite } from '../staff/staff.repository';
import type { ClinicServiceWrite } from '../clinic/clinic-service.repository';
import { seedDemoArticles } from './demo-articles';
import { seedDemoSchedules } from './demo-schedules';

/**
 * Boston Spine: a fictional clinic so a new install has something to click through. Every person,
 * address and phone number here is made up (555-01xx numbers are reserved for fiction, .example
 * domains for documentation).
 */
export const DEMO_PASSWORD = 'needlepoint-demo-2026';

export const DEMO_STAFF: Array<StaffWrite & { key: string }> = [
	{
		key: 'admin',
		name: 'Morgan Reyes',
		email: 'admin@boston-spine.example',
		role: 'admin',
		bio: 'Practice manager. Looks after the schedule, the team and the clinic’s systems.',
		active: true,
		credentials: [],
		dryNeedling: null
	},
	{
		key: 'pt1',
		name: 'Dr. Alex Chen',
		email: 'alex.chen@boston-spine.example',
		role: 'clinician',
		bio: 'Physical therapist focused on neck and low-back pain, combining manual therapy, exercise and dry needling.',
		active: true,
		credentials: ['DPT'],
		dryNeedling: { certifiedOn: '2021-05-14', hours: 54, course: 'Two-level dry needling course (fictional)' }
	},
	{
		key: 'pt2',
		name: 'Dr. Priya Nair',
		email: 'priya.nair@boston-spine.example',
		role: 'clinician',
		bio: 'Physical therapist for runners and desk workers; shoulder and hip rehabilitation.',
		active: true,
		credentials: ['DPT'],
		dryNeedling: { certifiedOn: '2022-10-02', hours: 60, course: 'Dry needling certification (fictional)' }
	},
	{
		key: 'dc',
		name: 'Dr. Sam O’Brien',
		email: 'sam.obrien@boston-spine.example',
		role: 'clinician',
		bio: 'Chiropractor treating spine and sports injuries with adjustments, soft-tissue work and dry needling.',
		active: true,
		credentials: ['DC'],
		dryNeedling: { certifiedOn: '2020-03-20', hours: 100, course: 'Dry needling for chiropractors (fictional)' }
	},
	{
		key: 'lac',
		name: 'Lin Zhao',
		email: 'lin.zhao@boston-spine.example',
		role: 'clinician',
		bio: 'Licensed acupuncturist practising Traditional Chinese Medicine for pain, stress and sleep.',
		active: true,
		credentials: ['LAc', 'DiplOM'],
		dryNeedling: null
	},
	{
		key: 'desk',
		name: 'Jordan Lee',
		email: 'frontdesk@boston-spine.example',
		role: 'front_desk',
		bio: 'First voice you hear when you call; handles bookings and questions.',
		active: true,
		credentials: [],
		dryNeedling: null
	}
];

export const DEMO_SERVICES: ClinicServiceWrite[] = [
	{
		name: 'Initial consultation',
		slug: 'initial-consultation',
		kind: 'consultation',
		description:
			'A first visit: history, examination and a plan. Your clinician explains the options, including whether needling suits you.',
		durationMinutes: 45,
		bufferBeforeMinutes: 0,
		bufferAfterMinutes: 15,
		priceCents: 15000,
		bookableOnline: true,
		requiresDryNeedlingCertification: false,
		credentials: ['DC', 'DPT', 'LAc', 'PT'],
		active: true
	},
	{
		name: 'Dry needling session',
		slug: 'dry-needling',
		kind: 'dry_needling',
		description:
			'Treatment of muscle trigger points with thin filament needles, as part of a plan with manual therapy and exercise. Delivered by a physical therapist or chiropractor with dry-needling certification.',
		durationMinutes: 30,
		bufferBeforeMinutes: 0,
		bufferAfterMinutes: 10,
		priceCents: 9500,
		bookableOnline: true,
		requiresDryNeedlingCertification: true,
		credentials: ['DC', 'DPT', 'PT'],
		active: true
	},
	{
		name: 'Acupuncture session',
		slug: 'acupuncture',
		kind: 'acupuncture',
		description:
			'Acupuncture by a licensed acupuncturist, based on Traditional Chinese Medicine assessment.',
		durationMinutes: 60,
		bufferBeforeMinutes: 0,
		bufferAfterMinutes: 15,
		priceCents: 12000,
		bookableOnline: true,
		requiresDryNeedlingCertification: false,
		credentials: ['LAc'],
		active: true
	},
	{
		name: 'Follow-up visit',
		slug: 'follow-up',
		kind: 'follow_up',
		description: 'A return visit to continue your care plan and check progress.',
		durationMinutes: 30,
		bufferBeforeMinutes: 0,
		bufferAfterMinutes: 10,
		priceCents: 9000,
		bookableOnline: true,
		requiresDryNeedlingCertification: false,
		credentials: ['DC', 'DPT', 'LAc', 'PT'],
		active: true
	}
];

/** Fixed, so two instances seeding an empty database at once collide on the key instead of both seeding. */
export const DEMO_CLINIC_ID = 'demo-boston-spine';

/**
 * Demo comments need a content fingerprint, but seeding has no app secret at hand; the demo's
 * fingerprints only have to differ from each other.
 */
const DEMO_CONTENT_SECRET = 'needlepoint-demo-content';

const WEEKDAY_HOURS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '07:30', closes: '19:00' }));
const SATURDAY_MORNING = { weekday: 6, opens: '08:00', closes: '12:00' };

export async function isEmpty(db: Kysely<DB>): Promise<boolean> {
	return (await db.selectFrom('clinic').select('id').executeTakeFirst()) === undefined;
}

/** Any demo clinic, not only the first: its logins are public, so production must not serve it. */
export async function holdsDemoClinic(db: Kysely<DB>): Promise<boolean> {
	return (await db.selectFrom('clinic').select('id').where('isDemo', '=', 1).executeTakeFirst()) !== undefined;
}

/** Writes the demo clinic into an empty database, in one transaction. */
export async function seedDemoClinic(db: Kysely<DB>, clock: Clock): Promise<void> {
	const now = clock.now();
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	await writeTransaction(db, async (trx) => {
		const clinicId = DEMO_CLINIC_ID;
		await insertClinic(trx, {
			id: clinicId,
			name: 'Boston Spine',
			timeZone: 'America/New_York',
			street: '120 Example Avenue, Suite 300',
			city: 'Boston',
			region: 'MA',
			postalCode: '02116',
			country: 'US',
			phone: '(617) 555-0142',
			email: 'hello@boston-spine.example',
			isDemo: true,
			now
		});
		await replaceOpeningHours(trx, clinicId, [...WEEKDAY_HOURS, SATURDAY_MORNING]);
		await insertLocation(trx, {
			id: randomUUID(),
			clinicId,
			name: 'Back Bay',
			street: '120 Example Avenue, Suite 300',
			city: 'Boston',
			region: 'MA',
			postalCode: '02116',
			country: 'US',
			phone: '(617) 555-0142',
			active: true,
			now
		});
		const serviceIdBySlug = new Map<string, string>();
		for (const [index, service] of DEMO_SERVICES.entries()) {
			const id = randomUUID();
			serviceIdBySlug.set(service.slug, id);
			await insertClinicService(trx, { ...service, id, clinicId, sortOrder: (index + 1) * 10, now });
		}
		const staffIdByKey = new Map<string, string>();
		for (const { key, ...member } of DEMO_STAFF) {
			const id = randomUUID();
			staffIdByKey.set(key, id);
			await insertStaff(trx, { ...member, id, clinicId, passwordHash, now });
		}
		await seedDemoArticles(trx, clinicId, staffIdByKey, serviceIdBySlug, now, DEMO_CONTENT_SECRET);
		await seedDemoSchedules(trx, clinicId);
	});
}
