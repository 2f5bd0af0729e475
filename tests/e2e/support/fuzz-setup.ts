/**
 * The concrete addresses and valid bodies the fuzzers start from, for one running server with the
 * demo clinic: real ids (read from its SQLite database) and one booked appointment.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import SqliteDatabase from 'better-sqlite3';
import { freeSlots, patient, postJson } from './booking';
import { ADMIN, PASSWORD } from './demo';
import { signIn } from './http';
import type { ApiTarget } from './fuzz';

export type FuzzWorld = {
	cookie: string;
	formPaths: Record<string, string>;
	apiTargets: ApiTarget[];
	/** Operations in the OpenAPI document that got no target (must be empty). */
	missingOperations: string[];
};

export async function prepareFuzzWorld(baseUrl: string, databaseFile: string): Promise<FuzzWorld> {
	const { cookie } = await signIn(baseUrl, ADMIN, PASSWORD);
	const [slot, next] = await freeSlots(baseUrl, 'initial-consultation', undefined, 4, 12);
	if (!slot || !next) throw new Error('no free consultation slots for the fuzz set-up');
	const appointmentBody = { service: 'initial-consultation', providerId: slot.providerId, start: slot.start, patient: patient(`fuzz-${randomUUID().slice(0, 8)}`), note: '' };
	const booked = await (await postJson(`${baseUrl}/api/v1/appointments`, appointmentBody)).json();
	const token = String(booked.manageUrl).split('/').at(-1)!;

	const db = new SqliteDatabase(databaseFile, { readonly: true });
	const one = (sql: string) => (db.prepare(sql).get() as { id: string } | undefined)?.id;
	const ids = {
		service: one("select id from service where slug = 'dry-needling'"),
		location: one('select id from location limit 1'),
		frontDesk: one("select id from staff where role = 'front_desk' limit 1"),
		clinician: one("select id from staff where role = 'clinician' limit 1"),
		article: one('select id from article limit 1'),
		slug: (db.prepare("select slug from article where status = 'published' limit 1").get() as { slug: string } | undefined)?.slug,
		patient: one(`select patient_id as id from appointment where id = '${booked.id}'`),
		message: one('select id from contact_message limit 1') ?? randomUUID()
	};
	db.close();

	const formsToken = randomBytes(32).toString('base64url');
	const formPaths: Record<string, string> = {
		'/(public)/appointments/manage/[token]': `/appointments/manage/${token}`,
		'/(public)/articles/[slug]/comment': `/articles/${ids.slug}/comment`,
		'/(public)/assessment/questions': '/assessment/questions',
		'/(public)/assessment/result': '/assessment/result',
		'/(public)/book': '/book',
		'/(public)/contact': '/contact',
		'/staff/(app)/account': '/staff/account',
		'/staff/(app)/admin/clinic': '/staff/admin/clinic',
		'/staff/(app)/admin/locations/[id]': `/staff/admin/locations/${ids.location}`,
		'/staff/(app)/admin/locations/new': '/staff/admin/locations/new',
		'/staff/(app)/admin/services/[id]': `/staff/admin/services/${ids.service}`,
		'/staff/(app)/admin/services/new': '/staff/admin/services/new',
		'/staff/(app)/admin/staff/[id]': `/staff/admin/staff/${ids.frontDesk}`,
		'/staff/(app)/admin/staff/[id]/photo': `/staff/admin/staff/${ids.frontDesk}/photo`,
		'/staff/(app)/admin/staff/new': '/staff/admin/staff/new',
		'/staff/(app)/appointments/[id]': `/staff/appointments/${booked.id}`,
		'/staff/(app)/appointments/new': '/staff/appointments/new',
		'/staff/(app)/articles/[id]': `/staff/articles/${ids.article}`,
		'/staff/(app)/articles/new': '/staff/articles/new',
		'/staff/(app)/comments': '/staff/comments',
		'/staff/(app)/inbox/[id]': `/staff/inbox/${ids.message}`,
		'/staff/(app)/patients': '/staff/patients',
		'/staff/(app)/patients/[id]': `/staff/patients/${ids.patient}`,
		'/staff/(app)/schedule': '/staff/schedule',
		'/staff/(app)/schedule/[id]': `/staff/schedule/${ids.clinician}`,
		'/staff/forgot-password': '/staff/forgot-password',
		'/staff/reset-password/[token]': `/staff/reset-password/${randomBytes(32).toString('base64url')}`,
		'/staff/sign-in': '/staff/sign-in',
		'/staff/sign-in/setup-mfa': '/staff/sign-in/setup-mfa',
		'/staff/sign-in/verify': '/staff/sign-in/verify',
		'/(public)/[...rest]': '/no-such-page',
		// Forms links: a well-formed token that opens nothing (every body must still get a clear 4xx).
		'/(public)/forms/[token]': `/forms/${formsToken}`,
		'/(public)/forms/[token]/consent/[modality]': `/forms/${formsToken}/consent/dry_needling`,
		'/(public)/forms/[token]/intake/[page]': `/forms/${formsToken}/intake/visit`,
		'/(public)/forms/[token]/intake/review': `/forms/${formsToken}/intake/review`,
		'/(public)/forms/tablet': '/forms/tablet',
		'/staff/(app)/admin/consent': '/staff/admin/consent',
		'/staff/(app)/admin/consent/[modality]': '/staff/admin/consent/dry_needling',
		'/staff/(app)/appointments/[id]/intake': `/staff/appointments/${booked.id}/intake`,
		'/staff/(app)/patients/[id]/consent/[modality]': `/staff/patients/${ids.patient}/consent/dry_needling`
	};

	const document = (await (await fetch(`${baseUrl}/api/v1/openapi.json`)).json()) as {
		paths: Record<string, Record<string, unknown>>;
		components: { schemas: { ScreeningAnswers?: { examples?: Record<string, unknown>[] } } };
	};
	const bearer = { authorization: `Bearer ${token}` };
	const known: Record<string, Omit<ApiTarget, 'method' | 'path'>> = {
		'get /openapi.json': {},
		'get /screening/questionnaire': {},
		'post /screening': { base: document.components.schemas.ScreeningAnswers?.examples?.[0] ?? {} },
		'get /services': {},
		'get /providers': {},
		'get /availability': { query: { service: 'follow-up', from: slot.start.slice(0, 10), to: next.start.slice(0, 10), provider: slot.providerId } },
		'post /appointments': { base: { ...appointmentBody, start: next.start } },
		'get /appointments/{id}': { headers: bearer },
		'post /appointments/{id}/cancel': { base: { token }, headers: bearer },
		'post /appointments/{id}/reschedule': { base: { start: next.start, providerId: next.providerId, token }, headers: bearer },
		'get /forms/{slug}': {},
		'get /consent-documents': {},
		'get /atlas/muscles': { query: { q: 'trapezius' } },
		'get /atlas/acupoints': { query: { meridian: 'LI' } }
	};
	const apiTargets: ApiTarget[] = [];
	const missingOperations: string[] = [];
	for (const [path, item] of Object.entries(document.paths)) {
		for (const method of Object.keys(item)) {
			const key = `${method} ${path}`;
			const extra = known[key];
			if (!extra) missingOperations.push(key);
			else apiTargets.push({ method: method.toUpperCase(), path: `/api/v1${path.replace('{id}', String(booked.id)).replace('{slug}', 'health-history')}`, ...extra });
		}
	}
	return { cookie, formPaths, apiTargets, missingOperations };
}

/** Form targets in an order that keeps the admin's session usable: sign-in and its steps (which lock after failures) last. */
export const formOrder = (route: string) => (route.startsWith('/staff/(app)') ? 0 : route.startsWith('/(public)') ? 1 : 2);
