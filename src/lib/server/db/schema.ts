import type { ColumnType } from 'kysely';

/**
 * Table shapes as Kysely sees them (camelCase; CamelCasePlugin maps to snake_case columns).
 * Both engines store flags as integers 0/1, instants as ISO-8601 UTC (text on SQLite, timestamptz
 * on PostgreSQL, which pg returns as Date) and dates as 'YYYY-MM-DD'. Repositories convert rows to
 * domain types with ./values.ts, so nothing above them sees the difference.
 */
type Instant = ColumnType<Date | string, string, string>;
type Flag = ColumnType<number, 0 | 1, 0 | 1>;
type FlagWithDefault = ColumnType<number, 0 | 1 | undefined, 0 | 1>;
/** A column the database fills with its default when an insert leaves it out. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface ClinicTable {
	id: string;
	name: string;
	timeZone: string;
	street: string;
	city: string;
	region: string;
	postalCode: string;
	country: string;
	phone: string;
	email: string;
	isDemo: Flag;
	cancellationNoticeHours: ColumnType<number, number | undefined, number>;
	firstReminderHours: ColumnType<number, number | undefined, number>;
	secondReminderHours: number | null;
	createdAt: Instant;
	updatedAt: Instant;
}

export interface ClinicHoursTable {
	clinicId: string;
	/** ISO weekday: 1 = Monday … 7 = Sunday. */
	weekday: number;
	opens: string;
	closes: string;
}

export interface LocationTable {
	id: string;
	clinicId: string;
	name: string;
	street: string;
	city: string;
	region: string;
	postalCode: string;
	country: string;
	phone: string;
	active: Flag;
	createdAt: Instant;
	updatedAt: Instant;
}

export interface CredentialTable {
	code: string;
	label: string;
}

export interface ServiceTable {
	id: string;
	clinicId: string;
	name: string;
	slug: string;
	kind: string;
	description: string;
	durationMinutes: number;
	bufferBeforeMinutes: number;
	bufferAfterMinutes: number;
	priceCents: number;
	bookableOnline: Flag;
	requiresDryNeedlingCertification: Flag;
	active: Flag;
	sortOrder: number;
	slotIntervalMinutes: ColumnType<number, number | undefined, number>;
	minNoticeMinutes: ColumnType<number, number | undefined, number>;
	horizonDays: ColumnType<number, number | undefined, number>;
	newPatientsNeedConsultation: ColumnType<number, 0 | 1 | undefined, 0 | 1>;
	createdAt: Instant;
	updatedAt: Instant;
}

export interface ServiceCredentialTable {
	serviceId: string;
	credentialCode: string;
}

export interface StaffTable {
	id: string;
	clinicId: string;
	name: string;
	email: string;
	role: string;
	bio: string;
	active: Flag;
	passwordHash: string | null;
	dnCertifiedOn: string | null;
	dnHours: number | null;
	dnCourse: string | null;
	mfaSecret: string | null;
	mfaEnabledAt: Instant | null;
	mfaLastStep: number | null;
	passwordChangedAt: Instant | null;
	createdAt: Instant;
	updatedAt: Instant;
}

export interface StaffCredentialTable {
	staffId: string;
	credentialCode: string;
}

export interface SessionTable {
	tokenHash: string;
	staffId: string;
	createdAt: Instant;
	lastSeenAt: Instant;
	expiresAt: Instant;
	ip: string | null;
	userAgent: string | null;
	stage: ColumnType<SessionStage, SessionStage | undefined, SessionStage>;
}

export type SessionStage = 'full' | 'pending_mfa' | 'enrol_mfa';

export interface AuditEventTable {
	id: number;
	at: Instant;
	actorType: string;
	actorId: string | null;
	actorRole: string | null;
	action: string;
	entityType: string | null;
	entityId: string | null;
	patientId: string | null;
	outcome: string;
	ip: string | null;
	userAgent: string | null;
	requestId: string | null;
	detail: string | null;
	prevHash: string;
	hash: string;
}

export interface MfaRecoveryCodeTable {
	staffId: string;
	codeHash: string;
	usedAt: Instant | null;
}

export interface SignInThrottleTable {
	key: string;
	failures: number;
	lastFailureAt: Instant;
	lockedUntil: Instant | null;
}

export interface PasswordResetTable {
	tokenHash: string;
	staffId: string;
	createdAt: Instant;
	expiresAt: Instant;
	usedAt: Instant | null;
}

/** Anonymous self-assessment counts: no answers and nothing about the person (see its migration). */
export interface ScreeningTallyTable {
	clinicId: string;
	/** The clinic's calendar day, 'YYYY-MM-DD'. */
	day: string;
	recommendation: string;
	count: number;
}

export interface ProviderHoursTable {
	id: string;
	staffId: string;
	locationId: string;
	weekday: number;
	starts: string;
	ends: string;
}

export interface ProviderBreakTable {
	id: string;
	staffId: string;
	weekday: number;
	starts: string;
	ends: string;
}

export interface ScheduleExceptionTable {
	id: string;
	staffId: string;
	date: string;
	kind: 'time_off' | 'extra_hours';
	starts: string | null;
	ends: string | null;
	locationId: string | null;
	note: ColumnType<string, string | undefined, string>;
}

export interface ClinicClosureTable {
	id: string;
	clinicId: string;
	date: string;
	starts: string | null;
	ends: string | null;
	locationId: string | null;
	reason: ColumnType<string, string | undefined, string>;
}

export interface PatientTable {
	id: string;
	clinicId: string;
	firstName: string;
	lastName: string;
	email: string;
	phone: string;
	dateOfBirth: string;
	mergedIntoId: string | null;
	createdAt: Instant;
	updatedAt: Instant;
}

export type AppointmentStatus = 'booked' | 'arrived' | 'completed' | 'cancelled' | 'no_show';

export interface AppointmentTable {
	id: string;
	clinicId: string;
	serviceId: string;
	providerId: string;
	locationId: string;
	patientId: string;
	startsAt: Instant;
	endsAt: Instant;
	blockedFrom: Instant;
	blockedUntil: Instant;
	status: ColumnType<AppointmentStatus, AppointmentStatus | undefined, AppointmentStatus>;
	source: 'online' | 'staff' | 'api';
	note: ColumnType<string, string | undefined, string>;
	screening: string | null;
	manageTokenHash: string | null;
	sequence: ColumnType<number, number | undefined, number>;
	lateCancellation: ColumnType<number, 0 | 1 | undefined, 0 | 1>;
	cancelledAt: Instant | null;
	createdBy: string | null;
	createdAt: Instant;
	updatedAt: Instant;
	cancelledBy: ColumnType<'patient' | 'clinic' | null, 'patient' | 'clinic' | null | undefined, 'patient' | 'clinic' | null>;
	cancellationReason: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface IdempotencyRecordTable {
	keyHash: string;
	scope: string;
	requestHash: string;
	status: number;
	body: string;
	createdAt: Instant;
}

export interface ImageTable {
	id: string;
	clinicId: string;
	sha256: string;
	contentType: string;
	width: number;
	height: number;
	byteSize: number;
	bytes: Buffer;
	createdAt: Instant;
}

export interface StaffPhotoTable {
	staffId: string;
	imageId: string;
}

export interface ArticleTable {
	id: string;
	clinicId: string;
	slug: string;
	title: string;
	summary: Defaulted<string>;
	bodyMarkdown: string;
	wordCount: Defaulted<number>;
	status: string;
	publishedAt: Instant | null;
	authorId: string;
	serviceId: string | null;
	coverImageId: string | null;
	coverAlt: Defaulted<string>;
	createdAt: Instant;
	updatedAt: Instant;
}

export interface ArticleSlugRedirectTable {
	clinicId: string;
	oldSlug: string;
	articleId: string;
	createdAt: Instant;
}

export interface ArticleTagTable {
	articleId: string;
	tag: string;
}

export interface SiteSettingsTable {
	clinicId: string;
	commentModeration: Defaulted<string>;
	contentVersion: Defaulted<number>;
}

export interface CommentTable {
	id: string;
	articleId: string;
	parentId: string | null;
	depth: number;
	parentDepth: number | null;
	authorName: string;
	authorEmail: string | null;
	body: string;
	status: string;
	byClinic: Flag;
	staffId: string | null;
	mentionsHealth: Flag;
	ipHash: string | null;
	bodyHash: string;
	createdAt: Instant;
	moderatedAt: Instant | null;
	moderatedBy: string | null;
}

export interface ContactMessageTable {
	id: string;
	clinicId: string;
	name: string;
	email: string;
	phone: string;
	message: string;
	preferredContact: string;
	ipHash: string | null;
	bodyHash: string;
	mailSent: FlagWithDefault;
	createdAt: Instant;
	handledAt: Instant | null;
	handledBy: string | null;
}

export interface RateLimitHitTable {
	scope: string;
	keyHash: string;
	createdAt: Instant;
}

export interface ServiceFaqTable {
	serviceId: string;
	position: number;
	question: string;
	answer: string;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface JobTable {
	id: string;
	kind: string;
	key: string;
	/** JSON text. */
	payload: string;
	status: ColumnType<JobStatus, JobStatus | undefined, JobStatus>;
	runAt: Instant;
	attempts: ColumnType<number, number | undefined, number>;
	maxAttempts: ColumnType<number, number | undefined, number>;
	lockedBy: string | null;
	lockedUntil: Instant | null;
	lastError: string | null;
	createdAt: Instant;
	updatedAt: Instant;
}

export type DeliveryState = 'sending' | 'sent' | 'skipped' | 'unknown';

export interface NotificationDeliveryTable {
	key: string;
	appointmentId: string | null;
	kind: string;
	state: DeliveryState;
	reason: string | null;
	messageId: string;
	jobId: string | null;
	createdAt: Instant;
	updatedAt: Instant;
}

export interface CalendarFeedTable {
	id: string;
	staffId: string;
	tokenHash: string;
	createdAt: Instant;
	revokedAt: Instant | null;
	lastFetchedAt: Instant | null;
}

/** One row (id 1): bumped by every change that can free or take a slot. */
export interface BookingVersionTable {
	id: number;
	version: ColumnType<number, number | undefined, number>;
}

export type ConsentModalityColumn = 'dry_needling' | 'acupuncture' | 'electrical_stimulation' | 'general_treatment' | 'privacy_notice';
export type ConsentVia = 'email' | 'tablet' | 'staff';

/** Append-only (database triggers on both engines refuse UPDATE and DELETE). */
export interface ConsentDocumentVersionTable {
	id: string;
	clinicId: string;
	modality: ConsentModalityColumn;
	version: number;
	title: string;
	body: string;
	notice: string;
	hash: string;
	publishedAt: Instant;
	publishedBy: string | null;
}

/** Append-only. */
export interface ConsentSignatureTable {
	id: string;
	clinicId: string;
	patientId: string;
	documentVersionId: string;
	modality: ConsentModalityColumn;
	documentVersion: number;
	documentHash: string;
	signerName: string;
	signerRole: 'patient' | 'guardian';
	guardianRelationship: string | null;
	signedOn: string;
	signedAt: Instant;
	via: ConsentVia;
	witnessStaffId: string | null;
	ip: string | null;
	userAgent: string | null;
}

/** Append-only. */
export interface ConsentWithdrawalTable {
	signatureId: string;
	patientId: string;
	withdrawnAt: Instant;
	via: ConsentVia;
	recordedBy: string | null;
	ip: string | null;
	userAgent: string | null;
}

export interface ConsentSettingTable {
	clinicId: string;
	dryNeedlingNotAcupuncture: FlagWithDefault;
	resignOnNewVersion: FlagWithDefault;
	updatedAt: Instant;
}

export interface DB {
	clinic: ClinicTable;
	clinicHours: ClinicHoursTable;
	location: LocationTable;
	credential: CredentialTable;
	service: ServiceTable;
	serviceCredential: ServiceCredentialTable;
	staff: StaffTable;
	staffCredential: StaffCredentialTable;
	session: SessionTable;
	auditEvent: AuditEventTable;
	mfaRecoveryCode: MfaRecoveryCodeTable;
	signInThrottle: SignInThrottleTable;
	passwordReset: PasswordResetTable;
	screeningTally: ScreeningTallyTable;
	providerHours: ProviderHoursTable;
	providerBreak: ProviderBreakTable;
	scheduleException: ScheduleExceptionTable;
	clinicClosure: ClinicClosureTable;
	patient: PatientTable;
	appointment: AppointmentTable;
	idempotencyRecord: IdempotencyRecordTable;
	image: ImageTable;
	staffPhoto: StaffPhotoTable;
	article: ArticleTable;
	articleSlugRedirect: ArticleSlugRedirectTable;
	articleTag: ArticleTagTable;
	siteSettings: SiteSettingsTable;
	comment: CommentTable;
	contactMessage: ContactMessageTable;
	rateLimitHit: RateLimitHitTable;
	serviceFaq: ServiceFaqTable;
	job: JobTable;
	notificationDelivery: NotificationDeliveryTable;
	calendarFeed: CalendarFeedTable;
	bookingVersion: BookingVersionTable;
	flowDraft: FlowDraftTable;
	formDefinition: FormDefinitionTable;
	formResponse: FormResponseTable;
	formsLink: FormsLinkTable;
	tabletCode: TabletCodeTable;
	intakeAlert: IntakeAlertTable;
	rateLimitCounter: RateLimitCounterTable;
	consentDocumentVersion: ConsentDocumentVersionTable;
	consentSignature: ConsentSignatureTable;
	consentWithdrawal: ConsentWithdrawalTable;
	consentSetting: ConsentSettingTable;
}

export interface FlowDraftTable {
	id: string;
	kind: string;
	/** JSON of the flow's state so far. */
	state: string;
	expiresAt: Instant;
}

/** One published version of a clinic form (JSON definition); never updated. */
export interface FormDefinitionTable {
	id: string;
	clinicId: string;
	slug: string;
	version: number;
	title: string;
	contentHash: string;
	definition: string;
	publishedAt: Instant;
}

export interface FormResponseTable {
	id: string;
	clinicId: string;
	patientId: string;
	appointmentId: string;
	formId: string;
	slug: string;
	status: 'in_progress' | 'submitted';
	answers: string;
	enteredBy: 'patient' | 'staff';
	enteredByStaffId: string | null;
	createdAt: Instant;
	updatedAt: Instant;
	submittedAt: Instant | null;
}

export interface FormsLinkTable {
	id: string;
	clinicId: string;
	patientId: string;
	appointmentId: string;
	tokenHash: string;
	via: 'email' | 'tablet';
	expiresAt: Instant;
	endedAt: Instant | null;
	createdBy: string | null;
	createdAt: Instant;
}

export interface TabletCodeTable {
	id: string;
	clinicId: string;
	appointmentId: string;
	codeHash: string;
	expiresAt: Instant;
	usedAt: Instant | null;
	createdBy: string;
	createdAt: Instant;
}

export interface IntakeAlertTable {
	appointmentId: string;
	clinicId: string;
	patientId: string;
	redFlags: string;
	urgent: number;
	raisedAt: Instant;
	clearedAt: Instant | null;
	clearedBy: string | null;
}

/** Fixed-window counters for rate limits, incremented atomically (one upsert) by every instance. */
export interface RateLimitCounterTable {
	scope: string;
	keyHash: string;
	windowStart: Instant;
	hits: number;
}
