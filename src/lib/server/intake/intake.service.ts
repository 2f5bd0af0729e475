import type { Ctx } from '../context';
import { readInstant } from '../db/values';
import { writeTransaction } from '../db/write-transaction';
import { DomainError, notFound, validationFailed } from '../errors';
import { authorize, can } from '../auth/policy';
import { recordAudit } from '../audit/audit.service';
import {
	answerText,
	isEnabled,
	missingRequired,
	pageComplete,
	type Answers,
	type FormItem
} from '../../shared/intake/form-definition';
import { BUILT_IN_FORMS, HEALTH_HISTORY } from '../../shared/intake/health-history';
import { getClinic } from '../clinic/clinic.service';
import { RED_FLAG_LABELS } from '../../shared/screening/labels';
import type { RedFlag } from '../../shared/screening/codes';
import { finishTabletSession, openFormsLink, type FormsAccess } from './forms-link.service';
import {
	alertedAppointments,
	findAlert,
	findResponse,
	findResponsesOfPatient,
	publishedVersionOf,
	raiseAlert,
	saveResponse,
	type IntakeAlert,
	type IntakeResponse,
	type StoredForm
} from './intake.repository';
import { listFields, mergePage, parsePage, redFlagsOf } from './page-answers';
import { precautionsFor, type IntakePrecaution } from './precautions';
import { redFlagView, type RedFlagView } from './red-flag-view';
import { enqueueIntakeAlert } from './intake-jobs';
import { INTAKE_SOURCES } from './intake-sources';

/**
 * The health-history intake: patients fill it page by page through their forms link; staff see
 * its status (everyone) and answers (clinicians), and can type in a paper copy. Every read and
 * write is audited with the patient's id.
 */

const SLUG = HEALTH_HISTORY.slug;
export type IntakeStatus = 'not_started' | 'in_progress' | 'submitted';

/** A consent (or other) document the hub lists; supplied by the consent module at merge. */
export type DocumentToSign = { title: string; href: string; done: boolean };
/** `hubPath` is the link's own `/forms/<token>`, under which each document's page lives. */
export type DocumentsToSign = (ctx: Ctx, access: FormsAccess, hubPath: string) => Promise<DocumentToSign[]>;

export type PageSummary = { id: string; title: string; done: boolean };

export type FormsHub = {
	via: 'email' | 'tablet';
	clinicName: string;
	startsAt: Date;
	timeZone: string;
	intake: { title: string; description: string; status: IntakeStatus; pages: PageSummary[]; resumeAt: string };
	documents: DocumentToSign[];
};

async function currentForm(ctx: Ctx, clinicId: string): Promise<StoredForm> {
	return publishedVersionOf(ctx.db, clinicId, HEALTH_HISTORY, ctx.clock.now());
}

/** The visit's answers and the form version they belong to (the current one if none yet). */
async function loadIntake(ctx: Ctx, access: Pick<FormsAccess, 'appointmentId' | 'clinicId'>) {
	const response = await findResponse(ctx.db, access.appointmentId, SLUG);
	const form = response?.form ?? (await currentForm(ctx, access.clinicId));
	return { response, form, answers: response?.answers ?? {} };
}

function statusOf(response: IntakeResponse | undefined): IntakeStatus {
	return response ? (response.status === 'submitted' ? 'submitted' : 'in_progress') : 'not_started';
}

function pageSummaries(form: StoredForm, answers: Answers, response: IntakeResponse | undefined): PageSummary[] {
	return form.definition.item.map((page) => ({
		id: page.linkId,
		title: page.text,
		done: response !== undefined && (page.item ?? []).some((q) => answers[q.linkId] !== undefined) && pageComplete(page, answers)
	}));
}

export async function getFormsHub(ctx: Ctx, rawToken: unknown, documentsToSign?: DocumentsToSign): Promise<FormsHub> {
	const access = await openFormsLink(ctx, rawToken);
	const { response, form, answers } = await loadIntake(ctx, access);
	const facts = await ctx.db
		.selectFrom('appointment as a')
		.innerJoin('clinic as c', 'c.id', 'a.clinicId')
		.select(['a.startsAt', 'c.name', 'c.timeZone'])
		.where('a.id', '=', access.appointmentId)
		.executeTakeFirstOrThrow();
	await recordAudit(ctx, { action: 'intake.viewed', entityType: 'appointment', entityId: access.appointmentId, patientId: access.patientId, detail: { via: access.via, page: 'hub' } });
	const pages = pageSummaries(form, answers, response);
	return {
		via: access.via,
		clinicName: facts.name,
		startsAt: readInstant(facts.startsAt),
		timeZone: facts.timeZone,
		intake: {
			title: form.definition.title,
			description: form.definition.description,
			status: statusOf(response),
			pages,
			resumeAt: pages.find((p) => !p.done)?.id ?? 'review'
		},
		documents: documentsToSign ? await documentsToSign(ctx, access, `/forms/${String(rawToken)}`) : []
	};
}

export type IntakePage = {
	page: FormItem;
	index: number;
	count: number;
	previous: string | undefined;
	answers: Answers;
	status: IntakeStatus;
	redFlag: RedFlagView | undefined;
	version: number;
};

function pageOrMissing(form: StoredForm, pageId: string): { page: FormItem; index: number } {
	const index = form.definition.item.findIndex((p) => p.linkId === pageId);
	const page = form.definition.item[index];
	if (!page) throw notFound('page');
	return { page, index };
}

export async function getIntakePage(ctx: Ctx, rawToken: unknown, pageId: string): Promise<IntakePage> {
	const access = await openFormsLink(ctx, rawToken);
	const { response, form, answers } = await loadIntake(ctx, access);
	const { page, index } = pageOrMissing(form, pageId);
	await recordAudit(ctx, { action: 'intake.viewed', entityType: 'appointment', entityId: access.appointmentId, patientId: access.patientId, detail: { via: access.via, page: pageId } });
	const onPage = new Set((page.item ?? []).map((q) => q.linkId));
	return {
		page,
		index,
		count: form.definition.item.length,
		previous: form.definition.item[index - 1]?.linkId,
		answers,
		status: statusOf(response),
		redFlag: onPage.has('red-flags') ? redFlagView(redFlagsOf(answers)) : undefined,
		version: form.version
	};
}

export function alreadySent(): DomainError {
	return new DomainError('conflict', 'These forms were already sent to the clinic, so they cannot be changed here. If something has changed, please tell your clinician at your visit.');
}

/** Where to go after saving: the same page (a new red flag), the next or previous page, the hub. */
export type SaveOutcome = { go: { page: string } | { review: true } | { hub: true } };

/**
 * Saves one page. A red flag that was not there before keeps the patient on this page, which
 * then shows the urgent wording, marks the visit "physician first" and queues the clinician's
 * alert, all in the same transaction as the answers.
 */
export async function saveIntakePage(ctx: Ctx, rawToken: unknown, pageId: string, raw: Record<string, unknown>): Promise<SaveOutcome> {
	const access = await openFormsLink(ctx, rawToken);
	return savePage(ctx, access, pageId, raw);
}

async function savePage(ctx: Ctx, access: FormsAccess, pageId: string, raw: Record<string, unknown>): Promise<SaveOutcome> {
	const now = ctx.clock.now();
	return writeTransaction(ctx.db, async (trx) => {
		const tctx = { ...ctx, db: trx };
		const { response, form, answers } = await loadIntake(tctx, access);
		if (response?.status === 'submitted') throw alreadySent();
		const { page, index } = pageOrMissing(form, pageId);
		const parsed = parsePage(page, raw);
		if (Object.keys(parsed.errors).length > 0) throw validationFailed(parsed.errors, 'Please correct the marked answers. Nothing on this page was saved yet.');
		const merged = mergePage(form.definition, answers, page, parsed.answers);
		await saveResponse(trx, response, {
			clinicId: access.clinicId,
			patientId: access.patientId,
			appointmentId: access.appointmentId,
			form,
			answers: merged,
			status: 'in_progress',
			enteredBy: 'patient',
			enteredByStaffId: null,
			now
		});
		await recordAudit(tctx, { action: 'intake.saved', entityType: 'appointment', entityId: access.appointmentId, patientId: access.patientId, detail: { via: access.via, page: pageId, version: form.version } });
		const before = new Set(redFlagsOf(answers));
		const newFlags = redFlagsOf(merged).filter((f) => !before.has(f));
		if (newFlags.length > 0) {
			await flagVisit(tctx, access, redFlagsOf(merged), now);
			return { go: { page: pageId } };
		}
		const nav = raw.nav;
		if (nav === 'later') return { go: { hub: true } };
		const target = nav === 'back' ? form.definition.item[index - 1] : form.definition.item[index + 1];
		if (nav === 'back' && !target) return { go: { hub: true } };
		return { go: target ? { page: target.linkId } : { review: true } };
	});
}

async function flagVisit(ctx: Ctx, access: Pick<FormsAccess, 'appointmentId' | 'clinicId' | 'patientId'>, redFlags: string[], now: Date): Promise<void> {
	const view = redFlagView(redFlags);
	const fresh = await raiseAlert(ctx.db, { ...access, redFlags, urgent: view?.urgent ?? false, now });
	await recordAudit(ctx, { action: 'intake.red_flag', entityType: 'appointment', entityId: access.appointmentId, patientId: access.patientId, detail: { urgent: view?.urgent ?? false, count: redFlags.length } });
	if (fresh) await enqueueIntakeAlert(ctx.db, access.appointmentId, now);
}

export type IntakeReview = { answers: Answers; pages: Array<{ page: FormItem; rows: Array<{ linkId: string; text: string; answer: string }> }>; missing: Array<{ linkId: string; text: string; pageId: string }>; status: IntakeStatus; lastPage: string };

function reviewRows(form: StoredForm, answers: Answers) {
	return form.definition.item.map((page) => ({
		page,
		rows: (page.item ?? []).filter((q) => isEnabled(q, answers)).map((q) => ({ linkId: q.linkId, text: q.text, answer: answerText(q, answers[q.linkId]) }))
	}));
}

function missingOf(form: StoredForm, answers: Answers) {
	return missingRequired(form.definition, answers).map((q) => ({
		linkId: q.linkId,
		text: q.text,
		pageId: form.definition.item.find((p) => (p.item ?? []).includes(q))?.linkId ?? ''
	}));
}

export async function getIntakeReview(ctx: Ctx, rawToken: unknown): Promise<IntakeReview> {
	const access = await openFormsLink(ctx, rawToken);
	const { response, form, answers } = await loadIntake(ctx, access);
	await recordAudit(ctx, { action: 'intake.viewed', entityType: 'appointment', entityId: access.appointmentId, patientId: access.patientId, detail: { via: access.via, page: 'review' } });
	return { answers, pages: reviewRows(form, answers), missing: missingOf(form, answers), status: statusOf(response), lastPage: form.definition.item.at(-1)?.linkId ?? '' };
}

/** Sends the forms to the clinic. On a clinic tablet this also ends the tablet session. */
export async function submitIntake(ctx: Ctx, rawToken: unknown): Promise<{ tabletEnded: boolean }> {
	const access = await openFormsLink(ctx, rawToken);
	const now = ctx.clock.now();
	return writeTransaction(ctx.db, async (trx) => {
		const tctx = { ...ctx, db: trx };
		const { response, form, answers } = await loadIntake(tctx, access);
		if (response?.status === 'submitted') throw alreadySent();
		const missing = missingOf(form, answers);
		if (missing.length > 0) {
			throw validationFailed(Object.fromEntries(missing.map((m) => [m.linkId, 'Please answer this question.'])), 'Some questions still need an answer.');
		}
		await saveResponse(trx, response, { clinicId: access.clinicId, patientId: access.patientId, appointmentId: access.appointmentId, form, answers, status: 'submitted', enteredBy: 'patient', enteredByStaffId: null, now });
		await recordAudit(tctx, { action: 'intake.submitted', entityType: 'appointment', entityId: access.appointmentId, patientId: access.patientId, detail: { via: access.via, version: form.version } });
		return { tabletEnded: await finishTabletSession(tctx, access) };
	});
}

// ——— Staff side ———

export type StaffIntakeView = {
	appointmentId: string;
	status: IntakeStatus;
	enteredBy: 'patient' | 'staff' | null;
	submittedAt: Date | null;
	version: number | null;
	/** A red flag: "physician first". Its details only for those who may read answers. */
	alert: { urgent: boolean; raisedAt: Date; redFlags: string[] | null } | null;
	precautions: Array<IntakePrecaution & { sourceCitations: string[] }> | null;
	answers: ReturnType<typeof reviewRows> | null;
};

function staffView(ctx: Ctx, appointmentId: string, response: IntakeResponse | undefined, alert: IntakeAlert | undefined): StaffIntakeView {
	const clinical = can(ctx.actor, 'intake:read_answers');
	return {
		appointmentId,
		status: statusOf(response),
		enteredBy: response?.enteredBy ?? null,
		submittedAt: response?.submittedAt ?? null,
		version: response?.form.version ?? null,
		alert: alert
			? { urgent: alert.urgent, raisedAt: alert.raisedAt, redFlags: clinical ? alert.redFlags.map((c) => RED_FLAG_LABELS[c as RedFlag] ?? c) : null }
			: null,
		precautions:
			clinical && response
				? precautionsFor(response.answers).map((p) => ({ ...p, sourceCitations: p.sources.map((id) => INTAKE_SOURCES[id].citation) }))
				: null,
		answers: clinical && response ? reviewRows(response.form, response.answers) : null
	};
}

async function staffAppointment(ctx: Ctx, appointmentId: string) {
	if (ctx.actor.kind !== 'staff') throw notFound('appointment');
	const row = await ctx.db
		.selectFrom('appointment')
		.select(['id', 'patientId', 'clinicId', 'providerId'])
		.where('id', '=', appointmentId)
		.where('clinicId', '=', ctx.actor.clinicId)
		.executeTakeFirst();
	if (!row) throw notFound('appointment');
	return row;
}

/** The visit's intake for the appointment page: status for all staff, answers for clinicians. */
export async function getVisitIntake(ctx: Ctx, appointmentId: string): Promise<StaffIntakeView> {
	authorize(ctx.actor, 'intake:read_status');
	const appointment = await staffAppointment(ctx, appointmentId);
	const response = await findResponse(ctx.db, appointmentId, SLUG);
	const alert = await findAlert(ctx.db, appointmentId);
	const view = staffView(ctx, appointmentId, response, alert);
	await recordAudit(ctx, { action: 'intake.viewed', entityType: 'appointment', entityId: appointmentId, patientId: appointment.patientId, detail: { answers: view.answers !== null } });
	return view;
}

/** Every intake of one patient, newest first (patient page). */
export async function getPatientIntakes(ctx: Ctx, patientId: string): Promise<StaffIntakeView[]> {
	authorize(ctx.actor, 'intake:read_status');
	if (ctx.actor.kind !== 'staff') throw notFound('patient');
	const responses = await findResponsesOfPatient(ctx.db, ctx.actor.clinicId, patientId);
	const views: StaffIntakeView[] = [];
	for (const response of responses) views.push(staffView(ctx, response.appointmentId, response, await findAlert(ctx.db, response.appointmentId)));
	await recordAudit(ctx, { action: 'intake.viewed', entityType: 'patient', entityId: patientId, patientId, detail: { count: views.length, answers: can(ctx.actor, 'intake:read_answers') } });
	return views;
}

/**
 * The staff intake page: the visit's intake as its reader may see it, plus (for clinicians, while
 * nothing has been sent) the whole form on one page for typing in a paper copy.
 */
export async function getIntakeWorkspace(ctx: Ctx, appointmentId: string): Promise<{ view: StaffIntakeView; transcription: { form: StoredForm; answers: Answers } | null }> {
	const view = await getVisitIntake(ctx, appointmentId);
	if (view.status === 'submitted' || !can(ctx.actor, 'intake:transcribe')) return { view, transcription: null };
	const appointment = await staffAppointment(ctx, appointmentId);
	const { form, answers } = await loadIntake(ctx, { appointmentId, clinicId: appointment.clinicId });
	return { view, transcription: { form, answers } };
}

/** Fields the transcription form sends as lists. */
export function transcriptionListFields(): string[] {
	return HEALTH_HISTORY.item.flatMap(listFields);
}

/** A paper form typed in by staff: saved and sent in one step, recorded as entered by staff. */
export async function transcribeIntake(ctx: Ctx, appointmentId: string, raw: Record<string, unknown>): Promise<void> {
	authorize(ctx.actor, 'intake:transcribe');
	const staffId = ctx.actor.kind === 'staff' ? ctx.actor.staffId : null;
	const appointment = await staffAppointment(ctx, appointmentId);
	const now = ctx.clock.now();
	await writeTransaction(ctx.db, async (trx) => {
		const tctx = { ...ctx, db: trx };
		const { response, form } = await loadIntake(tctx, { appointmentId, clinicId: appointment.clinicId });
		if (response?.status === 'submitted') throw new DomainError('conflict', 'This visit’s intake was already sent; it cannot be typed in again.');
		const { nav: _nav, ...fields } = raw;
		const known = new Set(form.definition.item.flatMap((p) => (p.item ?? []).map((q) => q.linkId)));
		const errors: Record<string, string> = {};
		const unknown = Object.keys(fields).filter((k) => !known.has(k));
		if (unknown.length > 0) errors.form = `This form has no question called ${unknown.slice(0, 3).map((k) => `"${k.slice(0, 40)}"`).join(', ')}.`;
		let answers: Answers = {};
		for (const page of form.definition.item) {
			const onPage = Object.fromEntries(Object.entries(fields).filter(([k]) => (page.item ?? []).some((q) => q.linkId === k)));
			const parsed = parsePage(page, onPage);
			Object.assign(errors, parsed.errors);
			answers = mergePage(form.definition, answers, page, parsed.answers);
		}
		if (Object.keys(errors).length > 0) throw validationFailed(errors, 'Please correct the marked answers. Nothing was saved yet.');
		await saveResponse(trx, response, { clinicId: appointment.clinicId, patientId: appointment.patientId, appointmentId, form, answers, status: 'submitted', enteredBy: 'staff', enteredByStaffId: staffId, now });
		await recordAudit(tctx, { action: 'intake.transcribed', entityType: 'appointment', entityId: appointmentId, patientId: appointment.patientId, detail: { version: form.version } });
		const flags = redFlagsOf(answers);
		if (flags.length > 0) await flagVisit(tctx, { appointmentId, clinicId: appointment.clinicId, patientId: appointment.patientId }, flags, now);
	});
}


/** The current published version of a shipped form, for GET /api/v1/forms/{slug}. Public: no answers. */
export async function getPublishedForm(ctx: Ctx, slug: string): Promise<StoredForm> {
	const definition = BUILT_IN_FORMS.find((f) => f.slug === slug);
	if (!definition) throw notFound('form');
	const clinic = await getClinic(ctx);
	return publishedVersionOf(ctx.db, clinic.id, definition, ctx.clock.now());
}

/**
 * Which of these appointments are "physician first" (an open red flag), for the calendar's
 * badge. A status flag on rows the calendar already shows (its view is audited there), so no
 * event of its own.
 */
export async function physicianFirstAmong(ctx: Ctx, appointmentIds: string[]): Promise<Set<string>> {
	authorize(ctx.actor, 'intake:read_status');
	return alertedAppointments(ctx.db, appointmentIds);
}
