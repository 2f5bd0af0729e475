import type { Migration } from 'kysely';
import * as clinicModel from './2026_11_27_0001_clinic_model';
import * as security from './2026_11_27_0002_security';
import * as screeningTally from './2026_11_28_0001_screening_tally';
import * as scheduling from './2026_11_28_0200_scheduling';
import * as images from './2026_11_28_0101_images';
import * as articles from './2026_11_28_0102_articles';
import * as comments from './2026_11_28_0103_comments';
import * as serviceFaq from './2026_11_28_0104_service_faq';
import * as jobs from './2026_11_28_0300_jobs';
import * as calendarFeed from './2026_11_28_0310_calendar_feed';
import * as bookingVersion from './2026_11_28_0210_booking_version';
import * as flowDraft from './2026_12_02_0180_flow_draft';
import * as credentialLabels from './2026_12_02_0200_credential_labels';
import * as intakeForms from './2026_12_02_0300_intake_forms';
import * as rateLimitCounter from './2026_12_02_0120_rate_limit_counter';
import * as cancellationReason from './2026_12_02_0121_cancellation_reason';
import * as consent from './2026_12_02_0350_consent';

/**
 * Every migration, by name. Listed by hand rather than read from disk because the production
 * bundle has no migrations folder; names sort in the order they apply.
 */
export const migrations: Record<string, Migration> = {
	'2026_11_27_0001_clinic_model': clinicModel,
	'2026_11_27_0002_security': security,
	'2026_11_28_0001_screening_tally': screeningTally,
	'2026_11_28_0101_images': images,
	'2026_11_28_0102_articles': articles,
	'2026_11_28_0103_comments': comments,
	'2026_11_28_0104_service_faq': serviceFaq,
	'2026_11_28_0200_scheduling': scheduling,
	'2026_11_28_0210_booking_version': bookingVersion,
	'2026_11_28_0300_jobs': jobs,
	'2026_11_28_0310_calendar_feed': calendarFeed,
	'2026_12_02_0120_rate_limit_counter': rateLimitCounter,
	'2026_12_02_0121_cancellation_reason': cancellationReason,
	'2026_12_02_0180_flow_draft': flowDraft,
	'2026_12_02_0200_credential_labels': credentialLabels,
	'2026_12_02_0300_intake_forms': intakeForms,
	'2026_12_02_0350_consent': consent
};
