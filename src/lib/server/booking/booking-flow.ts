import { randomUUID } from 'node:crypto';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import type { Clinic } from '../clinic/clinic';
import { getClinic } from '../clinic/clinic.service';
import type { AvailableSlot } from '../scheduling/availability';
import { parseInstant } from '../scheduling/rfc3339';
import { verifyResultToken } from '../screening/result-token';
import { patientDetailsSchema } from '../../shared/booking.schema';
import { fullTime, zoneName } from '../../shared/booking-time';
import type { BookingView, Carried, ProviderOption, ServiceOption, Summary } from '../../shared/booking-view';
import { firstMessages } from '../../shared/form-values';
import { manageUrlFor } from './booking-api';
import { bookableCatalog, type CatalogService } from './booking-catalog.service';
import { ConsultationFirstError, SlotTakenError } from './booking-errors';
import { bookOnline } from './booking.service';
import { findAppointment } from './appointment.repository';
import { withNames } from './appointment-view';
import { timeOption, timesPage } from './time-pages';

/**
 * Online booking as plain form posts, for phones and browsers without JavaScript: service →
 * provider (or first available) → day and time → details → review → confirmation. Nothing is
 * stored until the last step; each page posts every earlier choice as hidden fields, so no
 * patient detail ever travels in a URL. The last post carries a one-time token used as the
 * idempotency key, so a double click books once.
 */

export const DETAIL_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'dateOfBirth', 'note'] as const;

type Form = Record<string, string>;

function pick(form: Form, names: readonly string[]): Carried {
	const carried: Carried = {};
	for (const name of names) if (form[name]) carried[name] = form[name]!;
	return carried;
}

const toOption = (s: CatalogService): ServiceOption => ({
	slug: s.slug,
	name: s.name,
	description: s.description,
	durationMinutes: s.rules.durationMinutes,
	priceCents: s.priceCents,
	consultationFirst: s.newPatientsNeedConsultation
});

const providerOptions = (s: CatalogService): ProviderOption[] =>
	s.providers.map((p) => ({ id: p.id, name: p.name, credentials: p.credentials, dryNeedlingCertified: p.dryNeedlingCertified }));

type Context = { ctx: Ctx; clinic: Clinic; catalog: CatalogService[]; form: Form; origin: string; assessmentNotice?: string };

function providerName(c: Context, service: CatalogService, id: string): string {
	if (id === 'any') return 'First available';
	return service.providers.find((p) => p.id === id)?.name ?? 'First available';
}

function summary(c: Context, service: CatalogService, provider: string, startMs: number): Summary {
	return {
		serviceName: service.name,
		providerName: providerName(c, service, provider),
		timeLabel: fullTime(startMs, c.clinic.timeZone),
		zoneLabel: `${zoneName(startMs, c.clinic.timeZone)} (${c.clinic.timeZone})`
	};
}

function serviceStep(c: Context, error?: string, message?: string): BookingView {
	return {
		kind: 'service',
		services: c.catalog.map(toOption),
		carried: pick(c.form, ['assessment', ...DETAIL_FIELDS]),
		fromAssessment: Boolean(c.form.assessment),
		...(c.form.service ? { selected: c.form.service } : {}),
		...(error ? { error } : {}),
		...((message ?? c.assessmentNotice) ? { message: message ?? c.assessmentNotice } : {})
	};
}

function providerStep(c: Context, service: CatalogService, error?: string): BookingView {
	return {
		kind: 'provider',
		service: toOption(service),
		providers: providerOptions(service),
		carried: pick(c.form, ['service', 'assessment', ...DETAIL_FIELDS]),
		...(c.form.provider ? { selected: c.form.provider } : {}),
		...(error ? { error } : {})
	};
}

async function timeStep(
	c: Context,
	service: CatalogService,
	provider: string,
	extra: { message?: string; alternatives?: AvailableSlot[] } = {}
): Promise<BookingView> {
	const providerIds = provider === 'any' ? service.providers.map((p) => p.id) : [provider];
	const page = await timesPage(c.ctx, c.clinic, service.rules, providerIds, c.form.week);
	return {
		kind: 'time',
		service: toOption(service),
		providerName: providerName(c, service, provider),
		...page,
		zone: c.clinic.timeZone,
		carried: pick(c.form, ['service', 'provider', 'assessment', ...DETAIL_FIELDS]),
		...(extra.message ? { message: extra.message } : {}),
		...(extra.alternatives ? { alternatives: extra.alternatives.map((s) => timeOption(s, c.clinic.timeZone)) } : {})
	};
}

function detailsStep(c: Context, service: CatalogService, provider: string, startMs: number, errors: Record<string, string> = {}, message?: string): BookingView {
	return {
		kind: 'details',
		summary: summary(c, service, provider, startMs),
		values: pick(c.form, DETAIL_FIELDS),
		errors,
		carried: pick(c.form, ['service', 'provider', 'start', 'assessment']),
		...((message ?? c.assessmentNotice) ? { message: message ?? c.assessmentNotice } : {})
	};
}

function reviewStep(c: Context, service: CatalogService, provider: string, startMs: number, message?: string): BookingView {
	return {
		kind: 'review',
		summary: summary(c, service, provider, startMs),
		details: pick(c.form, DETAIL_FIELDS),
		// A fresh one-time token per review page: the confirm post uses it as its idempotency key.
		submission: randomUUID(),
		carried: pick(c.form, ['service', 'provider', 'start', 'assessment', ...DETAIL_FIELDS]),
		...(message ? { message } : {})
	};
}

const PREVIOUS: Record<string, string> = { provider: 'service', time: 'provider', details: 'time', confirm: 'details' };

/**
 * Decides the next page from a posted form. `step` names the page that was posted and `nav`
 * the button pressed on it ("back", or "week:YYYY-MM-DD" on the times page); earlier choices
 * are re-checked on every post, and a bad one sends the person back to that step.
 */
export async function bookingStep(ctx: Ctx, form: Form, origin: string): Promise<BookingView> {
	const clinic = await getClinic(ctx);
	const catalog = await bookableCatalog(ctx);
	const c: Context = { ctx, clinic, catalog, form: { ...form }, origin };

	if (c.form.assessment) {
		const check = verifyResultToken(c.form.assessment, ctx.config.appSecret, ctx.clock.now());
		if (!check.valid) {
			delete c.form.assessment;
			c.assessmentNotice = 'Your self-assessment result has expired, so it will not be attached. You can still book.';
		}
	}

	let step = c.form.step ?? '';
	const nav = c.form.nav ?? '';
	if (nav === 'back') step = `back:${PREVIOUS[step] ?? 'service'}`;
	if (nav.startsWith('week:')) {
		c.form.week = nav.slice('week:'.length);
		step = 'back:time';
	}

	// Step 1: the service.
	if (step === 'back:service' || (step === '' && !c.form.service)) return serviceStep(c);
	const service = catalog.find((s) => s.slug === c.form.service);
	if (!service) return serviceStep(c, 'Choose one of the services.');
	if (step === '' || step === 'service') return providerStep(c, service);

	// Step 2: the provider, or "any".
	const provider = c.form.provider ?? '';
	if (step === 'back:provider') return providerStep(c, service);
	if (provider !== 'any' && !service.providers.some((p) => p.id === provider)) {
		return providerStep(c, service, 'Choose a provider, or "First available".');
	}
	if (step === 'provider' || step === 'back:time') return timeStep(c, service, provider);

	// Step 3: the time, a published slot (re-checked for real when booking).
	const startMs = c.form.start ? parseInstant(c.form.start) : null;
	if (startMs === null) return timeStep(c, service, provider, { message: 'Choose a time.' });
	if (step === 'time' || step === 'back:details') return detailsStep(c, service, provider, startMs);

	// Step 4: the patient's details.
	const details = patientDetailsSchema.safeParse(c.form);
	const note = (c.form.note ?? '').trim();
	if (!details.success || note.length > 1000) {
		const errors = details.success ? {} : firstMessages(details.error);
		if (note.length > 1000) errors.note = 'Note must be at most 1000 characters.';
		return detailsStep(c, service, provider, startMs, errors, 'Please correct the marked fields.');
	}
	if (step === 'details' || step === 'back:review') return reviewStep(c, service, provider, startMs);

	// Step 5: confirm.
	if (step !== 'confirm') return serviceStep(c);
	return confirm(c, service, provider, startMs, details.data, note);
}

async function confirm(
	c: Context,
	service: CatalogService,
	provider: string,
	startMs: number,
	patient: Record<string, string>,
	note: string
): Promise<BookingView> {
	const submission = c.form.submission ?? '';
	try {
		const { confirmation } = await bookOnline(
			c.ctx,
			{ service: service.slug, providerId: provider, start: c.form.start, patient, note, ...(c.form.assessment ? { assessment: c.form.assessment } : {}) },
			{ source: 'online', ...(/^[0-9a-f-]{36}$/.test(submission) ? { idempotency: { scope: 'form:book', key: submission } } : {}) }
		);
		const appointment = await findAppointment(c.ctx.db, c.clinic.id, confirmation.id);
		if (!appointment) throw new Error('booked appointment not found');
		const named = await withNames(c.ctx.db, appointment);
		const noticeRow = await c.ctx.db.selectFrom('clinic').select('cancellationNoticeHours').where('id', '=', c.clinic.id).executeTakeFirstOrThrow();
		return {
			kind: 'confirmed',
			summary: { ...summary(c, service, confirmation.providerId, confirmation.startMs), providerName: named.providerName },
			locationName: named.locationName,
			address: named.locationAddress,
			manageUrl: manageUrlFor(c.origin, confirmation.manageToken ?? ''),
			noticeHours: noticeRow.cancellationNoticeHours,
			firstName: patient.firstName ?? ''
		};
	} catch (caught) {
		if (caught instanceof SlotTakenError) {
			return timeStep(c, service, provider, {
				message: 'Sorry, that time was just booked by someone else. Here are the nearest free times; your details are kept.',
				alternatives: [...caught.alternatives]
			});
		}
		if (caught instanceof ConsultationFirstError) {
			const consultation = c.catalog.find((s) => s.slug === caught.consultationSlug);
			return {
				kind: 'consultation',
				summary: summary(c, service, provider, startMs),
				consultation: consultation ? toOption(consultation) : null,
				carried: pick(c.form, ['assessment', ...DETAIL_FIELDS])
			};
		}
		// Too many bookings from here or for this email: say so on the review page, keeping every answer.
		if (caught instanceof DomainError && caught.code === 'rate_limited') return reviewStep(c, service, provider, startMs, caught.message);
		if (!(caught instanceof DomainError) || caught.code !== 'validation_failed') throw caught;
		const fields = Object.keys(caught.fieldErrors);
		if (fields.includes('start')) return timeStep(c, service, provider, { message: caught.fieldErrors.start! });
		if (fields.includes('providerId')) return providerStep(c, service, caught.fieldErrors.providerId);
		if (fields.includes('service')) return serviceStep(c, caught.fieldErrors.service);
		if (fields.includes('assessment')) {
			delete c.form.assessment;
			return reviewStep(c, service, provider, startMs, caught.fieldErrors.assessment);
		}
		const errors: Record<string, string> = {};
		for (const [field, message] of Object.entries(caught.fieldErrors)) errors[field.replace(/^patient\./, '')] = message;
		return detailsStep(c, service, provider, startMs, errors, caught.message);
	}
}
