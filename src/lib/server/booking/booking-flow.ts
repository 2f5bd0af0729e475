import { randomUUID } from 'node:crypto';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import type { Clinic } from '../clinic/clinic';
import { cancellationNoticeHours } from '../clinic/clinic.repository';
import { getClinic } from '../clinic/clinic.service';
import type { AvailableSlot } from '../scheduling/availability';
import { searchSlots } from '../scheduling/availability.service';
import { parseInstant } from '../scheduling/rfc3339';
import { localDateOf } from '../scheduling/zoned-time';
import { verifyResultToken } from '../screening/result-token';
import { dateOfBirthProblem, patientDetailsSchema } from '../../shared/booking.schema';
import { fullTime, zoneLabel } from '../../shared/booking-time';
import { credentialAbbreviation } from '../../shared/credentials';
import type { BookingStep, BookingView, ProviderOption, ServiceOption, Summary } from '../../shared/booking-view';
import { firstMessages } from '../../shared/form-values';
import { manageUrlFor } from './booking-api';
import { bookableCatalog, type CatalogService } from './booking-catalog.service';
import { ConsultationFirstError, SlotTakenError } from './booking-errors';
import { bookOnline, nearestSlots } from './booking.service';
import { findAppointment } from './appointment.repository';
import { withNames } from './appointment-view';
import { timeOption, timesPage } from './time-pages';

/**
 * Online booking as plain form posts that each end in a redirect (post/redirect/get), for phones
 * and browsers without JavaScript: service → (first visit?) → provider or first available → day
 * and time → details → review → confirmation. What was chosen so far lives in a server-side draft
 * (drafts/flow-draft.service.ts), so every step is a GET of /book?step=… that Back and Forward can
 * show again, and no patient detail ever travels in a URL. The confirm post carries a one-time
 * token used as the idempotency key, so a double click books once.
 */

export const DETAIL_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'dateOfBirth', 'note'] as const;

export type BookingState = {
	service?: string;
	/**
	 * The service a first-time patient is heading for while booking its consultation: "first
	 * available" then means a clinician who offers both.
	 */
	intended?: string;
	/** Said they have been here before, for a service that starts with a consultation. */
	returning?: boolean;
	provider?: string;
	week?: string;
	start?: string;
	details?: Record<string, string>;
	/** The signed self-assessment result, when booking from it. */
	assessment?: string;
	/** Confirm found a first-time patient for a consultation-first service. */
	needsConsultation?: boolean;
	/** Kept only until the confirmation page has been shown once. */
	confirmed?: Extract<BookingView, { kind: 'confirmed' }>;
};

/** A rendered page: `status` is 200 unless the post was refused. */
export type Rendered = { kind: 'render'; view: BookingView; status: number; state: BookingState };
export type Redirected = { kind: 'redirect'; step: BookingStep; state: BookingState };

type Form = Record<string, string>;

type Context = { ctx: Ctx; clinic: Clinic; catalog: CatalogService[]; state: BookingState; origin: string; notice?: string };

const toOption = (s: CatalogService): ServiceOption => ({
	slug: s.slug,
	name: s.name,
	description: s.description,
	durationMinutes: s.rules.durationMinutes,
	priceCents: s.priceCents,
	consultationFirst: s.newPatientsNeedConsultation
});

const providerOption = (p: CatalogService['providers'][number]): ProviderOption => ({
	id: p.id,
	name: p.name,
	credentials: p.credentials.map(credentialAbbreviation),
	dryNeedlingCertified: p.dryNeedlingCertified
});

async function context(ctx: Ctx, state: BookingState, origin: string): Promise<Context> {
	const clinic = await getClinic(ctx);
	const catalog = await bookableCatalog(ctx);
	const c: Context = { ctx, clinic, catalog, state: { ...state }, origin };
	if (c.state.assessment && !verifyResultToken(c.state.assessment, ctx.config.appSecret, ctx.clock.now()).valid) {
		delete c.state.assessment;
		c.notice = 'Your self-assessment result has expired, so it will not be attached. You can still book.';
	}
	return c;
}

const serviceOf = (c: Context, slug: string | undefined) => c.catalog.find((s) => s.slug === slug);
const consultationOf = (c: Context) => c.catalog.find((s) => s.kind === 'consultation');

/** Who may be booked: for a consultation on the way to another service, only those who offer both. */
function providersFor(c: Context, service: CatalogService): CatalogService['providers'] {
	const intended = serviceOf(c, c.state.intended);
	if (!intended || intended.slug === service.slug) return service.providers;
	const both = service.providers.filter((p) => intended.providers.some((q) => q.id === p.id));
	return both.length > 0 ? both : service.providers;
}

function providerName(c: Context, service: CatalogService, id: string): string {
	return providersFor(c, service).find((p) => p.id === id)?.name ?? 'First available';
}

function summary(c: Context, service: CatalogService, provider: string, startMs: number): Summary {
	return {
		serviceName: service.name,
		providerName: providerName(c, service, provider),
		timeLabel: fullTime(startMs, c.clinic.timeZone),
		zoneLabel: zoneLabel(startMs, c.clinic.timeZone)
	};
}

const render = (c: Context, view: BookingView, status = 200): Rendered => ({ kind: 'render', view, status, state: c.state });
const redirectTo = (c: Context, step: BookingStep): Redirected => ({ kind: 'redirect', step, state: c.state });

function serviceView(c: Context, error?: string): BookingView {
	const selected = c.state.intended ?? c.state.service;
	return {
		kind: 'service',
		services: c.catalog.map(toOption),
		fromAssessment: Boolean(c.state.assessment),
		...(selected ? { selected } : {}),
		...(error ? { error } : {}),
		...(c.notice ? { message: c.notice } : {})
	};
}

function visitView(c: Context, service: CatalogService, error?: string): BookingView {
	const consultation = consultationOf(c);
	const selected = c.state.intended ? 'new' : c.state.returning ? 'returning' : undefined;
	return {
		kind: 'visit',
		service: toOption(service),
		consultation: consultation ? toOption(consultation) : null,
		...(selected ? { selected } : {}),
		...(error ? { error } : {})
	};
}

function providerView(c: Context, service: CatalogService, error?: string): BookingView {
	const intended = serviceOf(c, c.state.intended);
	return {
		kind: 'provider',
		service: toOption(service),
		...(intended && intended.slug !== service.slug ? { intended: toOption(intended) } : {}),
		providers: providersFor(c, service).map(providerOption),
		...(c.state.provider ? { selected: c.state.provider } : {}),
		...(error ? { error } : {})
	};
}

async function timeView(
	c: Context,
	service: CatalogService,
	provider: string,
	extra: { message?: string; alternatives?: AvailableSlot[] } = {}
): Promise<BookingView> {
	const candidates = provider === 'any' ? providersFor(c, service).map((p) => p.id) : [provider];
	const page = await timesPage(c.ctx, c.clinic, service.rules, candidates, c.state.week);
	return {
		kind: 'time',
		service: toOption(service),
		providerName: providerName(c, service, provider),
		...page,
		zone: c.clinic.timeZone,
		...(extra.message ? { message: extra.message } : {}),
		...(extra.alternatives ? { alternatives: extra.alternatives.map((s) => timeOption(s, c.clinic.timeZone)) } : {})
	};
}

const today = (c: Context) => localDateOf(c.ctx.clock.now().getTime(), c.clinic.timeZone);

function detailsView(c: Context, service: CatalogService, provider: string, startMs: number, errors: Record<string, string> = {}, message?: string): BookingView {
	const shown = message ?? c.notice;
	return {
		kind: 'details',
		summary: summary(c, service, provider, startMs),
		values: { ...c.state.details },
		errors,
		today: today(c),
		...(shown ? { message: shown } : {})
	};
}

function reviewView(c: Context, service: CatalogService, provider: string, startMs: number, message?: string): BookingView {
	return {
		kind: 'review',
		summary: summary(c, service, provider, startMs),
		details: { ...c.state.details },
		// A fresh one-time token per review page: the confirm post uses it as its idempotency key.
		submission: randomUUID(),
		...(message ? { message } : {})
	};
}

function consultationView(c: Context, service: CatalogService, provider: string, startMs: number): BookingView {
	const consultation = consultationOf(c);
	return { kind: 'consultation', summary: summary(c, service, provider, startMs), consultation: consultation ? toOption(consultation) : null };
}

/** The details as the service will take them, or the message for each bad field. */
function checkDetails(c: Context): { ok: true; patient: Record<string, string>; note: string } | { ok: false; errors: Record<string, string> } {
	const values = c.state.details ?? {};
	const parsed = patientDetailsSchema.safeParse(values);
	const errors = parsed.success ? {} : firstMessages(parsed.error);
	if (parsed.success) {
		const problem = dateOfBirthProblem(parsed.data.dateOfBirth, today(c));
		if (problem) errors.dateOfBirth = problem;
	}
	const note = (values.note ?? '').trim();
	if (note.length > 1000) errors.note = 'Note must be at most 1000 characters.';
	if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
	return { ok: true, patient: parsed.data, note };
}

type Resolved = { service: CatalogService; provider: string; startMs: number | null };

/**
 * How far the draft's choices are valid: the service, then the provider, then the time. Returns
 * the earliest step that still needs an answer, so an old link or a stale draft never shows a
 * page whose earlier choices are missing.
 */
function resolve(c: Context): { step: 'service' } | { step: 'provider'; service: CatalogService } | ({ step: 'time' | 'ready' } & Resolved) {
	const service = serviceOf(c, c.state.service);
	if (!service) return { step: 'service' };
	const provider = c.state.provider ?? '';
	if (provider !== 'any' && !providersFor(c, service).some((p) => p.id === provider)) return { step: 'provider', service };
	const startMs = c.state.start ? parseInstant(c.state.start) : null;
	if (startMs === null) return { step: 'time', service, provider, startMs };
	return { step: 'ready', service, provider, startMs };
}

/** The page for a GET of /book?step=…: that step if the draft has what it needs, else the first step missing something. */
export async function bookingPage(ctx: Ctx, state: BookingState, step: string, origin: string): Promise<Rendered> {
	const c = await context(ctx, state, origin);
	if (step === 'confirmed' && c.state.confirmed) return render(c, c.state.confirmed);
	if (step === 'service' || step === '') return render(c, serviceView(c));
	if (step === 'visit') {
		const chosen = serviceOf(c, c.state.intended ?? c.state.service);
		return render(c, chosen && chosen.newPatientsNeedConsultation ? visitView(c, chosen) : serviceView(c));
	}
	const r = resolve(c);
	if (r.step === 'service') return render(c, serviceView(c));
	if (step === 'provider' || r.step === 'provider') return render(c, providerView(c, r.service));
	if (step === 'time' || r.step === 'time') return render(c, await timeView(c, r.service, r.provider));
	const startMs = r.startMs!;
	if (step === 'consultation' && c.state.needsConsultation) return render(c, consultationView(c, r.service, r.provider, startMs));
	const details = checkDetails(c);
	if (step === 'details' || !details.ok) return render(c, detailsView(c, r.service, r.provider, startMs));
	return render(c, reviewView(c, r.service, r.provider, startMs));
}

const PREVIOUS: Record<string, BookingStep> = { visit: 'service', provider: 'service', time: 'provider', details: 'time', review: 'details' };

function readDetails(form: Form): Record<string, string> {
	const details: Record<string, string> = {};
	for (const name of DETAIL_FIELDS) if (typeof form[name] === 'string') details[name] = form[name].slice(0, 2000);
	return details;
}

/**
 * A post from one of the booking pages: `step` names the page that was posted and `nav` the button
 * pressed on it ("back", or "week:YYYY-MM-DD" on the times page). Answers go into the draft and the
 * browser is sent to the next step; a refused answer shows the same page again with the reason.
 */
export async function bookingPost(ctx: Ctx, state: BookingState, form: Form, origin: string): Promise<Rendered | Redirected> {
	const c = await context(ctx, state, origin);
	const step = form.step ?? '';
	// The second post of a double-clicked Confirm, arriving after the first finished.
	if (c.state.confirmed && step === 'confirm') return redirectTo(c, 'confirmed');
	delete c.state.confirmed;
	const nav = form.nav ?? '';
	if (step === 'details') c.state.details = readDetails(form);
	if (nav === 'back') {
		// Back from the clinicians of a service that asked about earlier visits returns to that question.
		const chosen = serviceOf(c, c.state.intended ?? c.state.service);
		return redirectTo(c, step === 'provider' && chosen && chosen.newPatientsNeedConsultation ? 'visit' : (PREVIOUS[step] ?? 'service'));
	}
	if (nav.startsWith('week:')) {
		c.state.week = nav.slice('week:'.length);
		return redirectTo(c, 'time');
	}

	// Step 1: the service. The result page of the self-assessment posts here too, with its token.
	if (step === 'service' || step === '') {
		if (form.assessment) c.state.assessment = form.assessment;
		const service = serviceOf(c, form.service);
		if (!service) return render(c, serviceView(c, 'Choose one of the services.'), 400);
		return redirectTo(c, chooseService(c, service));
	}
	if (step === 'visit') return answerVisit(c, form.visit);

	const r = resolve(c);
	if (r.step === 'service') return redirectTo(c, 'service');

	// Step 2: the provider, or "any".
	if (step === 'provider') {
		const provider = form.provider ?? '';
		if (provider !== 'any' && !providersFor(c, r.service).some((p) => p.id === provider)) {
			return render(c, providerView(c, r.service, 'Choose a provider, or "First available".'), 400);
		}
		c.state.provider = provider;
		return redirectTo(c, 'time');
	}
	if (r.step === 'provider') return redirectTo(c, 'provider');

	// Step 3: the time, a published slot (re-checked for real when booking).
	if (step === 'time') {
		const startMs = form.start ? parseInstant(form.start) : null;
		if (startMs === null) return render(c, await timeView(c, r.service, r.provider, { message: 'Choose a time.' }), 400);
		c.state.start = form.start;
		return redirectTo(c, 'details');
	}
	if (r.step === 'time') return redirectTo(c, 'time');
	const startMs = r.startMs!;

	// Step 4: the patient's details, checked at the field (dates of birth included).
	const details = checkDetails(c);
	if (step === 'details') {
		if (!details.ok) return render(c, detailsView(c, r.service, r.provider, startMs, details.errors, 'Please correct the marked fields.'), 400);
		return redirectTo(c, 'review');
	}
	if (!details.ok) return redirectTo(c, 'details');

	// Step 5: confirm.
	if (step !== 'confirm') return redirectTo(c, 'service');
	return confirm(c, r.service, r.provider, startMs, details.patient, details.note, form.submission ?? '');
}

/** Where choosing `service` leads: a consultation-first service asks about earlier visits first. */
function chooseService(c: Context, service: CatalogService): BookingStep {
	const changed = (c.state.intended ?? c.state.service) !== service.slug;
	if (changed) {
		delete c.state.returning;
		delete c.state.needsConsultation;
	}
	delete c.state.intended;
	c.state.service = service.slug;
	return service.newPatientsNeedConsultation ? 'visit' : 'provider';
}

function answerVisit(c: Context, answer: string | undefined): Rendered | Redirected {
	const chosen = serviceOf(c, c.state.intended ?? c.state.service);
	if (!chosen) return redirectTo(c, 'service');
	const consultation = consultationOf(c);
	if (answer === 'returning') {
		c.state.service = chosen.slug;
		c.state.returning = true;
		delete c.state.intended;
		delete c.state.needsConsultation;
		return redirectTo(c, 'provider');
	}
	if (answer !== 'new' || !consultation) return render(c, visitView(c, chosen, 'Tell us whether you have been to us before.'), 400);
	c.state.intended = chosen.slug;
	c.state.service = consultation.slug;
	delete c.state.returning;
	delete c.state.needsConsultation;
	// A clinician chosen for the therapy may not give consultations: let the person choose again.
	if (c.state.provider && c.state.provider !== 'any' && !consultation.providers.some((p) => p.id === c.state.provider)) delete c.state.provider;
	return redirectTo(c, 'provider');
}

/**
 * "First available" for a consultation on the way to a therapy: the first clinician free at that
 * time who offers both. The booking itself re-checks the slot inside its transaction.
 */
async function providerForBooking(c: Context, service: CatalogService, provider: string, startMs: number): Promise<string> {
	if (provider !== 'any' || !c.state.intended || c.state.intended === service.slug) return provider;
	const candidates = providersFor(c, service).map((p) => p.id);
	const date = localDateOf(startMs, c.clinic.timeZone);
	const slots = await searchSlots(c.ctx.db, {
		clinicId: c.clinic.id,
		zone: c.clinic.timeZone,
		rules: service.rules,
		providerIds: candidates,
		fromDate: date,
		toDate: date,
		nowMs: c.ctx.clock.now().getTime()
	});
	const free = slots.find((s) => s.startMs === startMs);
	if (!free) throw new SlotTakenError(await nearestSlots(c.ctx, { clinic: c.clinic, rules: service.rules, candidates, startMs }));
	return free.providerId;
}

async function confirm(
	c: Context,
	service: CatalogService,
	provider: string,
	startMs: number,
	patient: Record<string, string>,
	note: string,
	submission: string
): Promise<Rendered | Redirected> {
	try {
		const providerId = await providerForBooking(c, service, provider, startMs);
		const { confirmation } = await bookOnline(
			c.ctx,
			{ service: service.slug, providerId, start: c.state.start, patient, note, ...(c.state.assessment ? { assessment: c.state.assessment } : {}) },
			{ source: 'online', ...(/^[0-9a-f-]{36}$/.test(submission) ? { idempotency: { scope: 'form:book', key: submission } } : {}) }
		);
		const appointment = await findAppointment(c.ctx.db, c.clinic.id, confirmation.id);
		if (!appointment) throw new Error('booked appointment not found');
		const named = await withNames(c.ctx.db, appointment);
		// Everything else is dropped now: the draft keeps only this page until it has been shown.
		c.state = {
			confirmed: {
				kind: 'confirmed',
				summary: { ...summary(c, service, confirmation.providerId, confirmation.startMs), providerName: named.providerName },
				locationName: named.locationName,
				address: named.locationAddress,
				manageUrl: manageUrlFor(c.origin, confirmation.manageToken ?? ''),
				noticeHours: await cancellationNoticeHours(c.ctx.db, c.clinic.id),
				firstName: patient.firstName ?? ''
			}
		};
		return redirectTo(c, 'confirmed');
	} catch (caught) {
		return refused(c, service, provider, startMs, caught);
	}
}

/** The page for a refused confirm: the step to fix, with the reason, keeping everything typed. */
async function refused(c: Context, service: CatalogService, provider: string, startMs: number, caught: unknown): Promise<Rendered | Redirected> {
	if (caught instanceof SlotTakenError) {
		const message = 'Sorry, that time was just booked by someone else. Here are the nearest free times; your details are kept.';
		return render(c, await timeView(c, service, provider, { message, alternatives: [...caught.alternatives] }), 409);
	}
	if (caught instanceof ConsultationFirstError) {
		c.state.needsConsultation = true;
		return redirectTo(c, 'consultation');
	}
	if (!(caught instanceof DomainError)) throw caught;
	// Too many bookings from this address or email (see booking.service.ts): say so on the review page.
	if (caught.code === 'rate_limited') return render(c, reviewView(c, service, provider, startMs, caught.message), 429);
	if (caught.code !== 'validation_failed') throw caught;
	const fields = Object.keys(caught.fieldErrors);
	if (fields.includes('start')) return render(c, await timeView(c, service, provider, { message: caught.fieldErrors.start! }), 422);
	if (fields.includes('providerId')) return render(c, providerView(c, service, caught.fieldErrors.providerId), 422);
	if (fields.includes('service')) return render(c, serviceView(c, caught.fieldErrors.service), 422);
	if (fields.includes('assessment')) {
		delete c.state.assessment;
		return render(c, reviewView(c, service, provider, startMs, caught.fieldErrors.assessment), 422);
	}
	const errors: Record<string, string> = {};
	for (const [field, message] of Object.entries(caught.fieldErrors)) errors[field.replace(/^patient\./, '')] = message;
	return render(c, detailsView(c, service, provider, startMs, errors, caught.message), 422);
}
