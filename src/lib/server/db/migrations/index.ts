import type { Migration } from 'kysely';
import * as clinicModel from './2026_11_27_0001_clinic_model';
import * as images from './2026_11_28_0101_images';
import * as articles from './2026_11_28_0102_articles';
import * as comments from './2026_11_28_0103_comments';
import * as serviceFaq from './2026_11_28_0104_service_faq';

/**
 * Every migration, by name. Listed by hand rather than read from disk because the production
 * bundle has no migrations folder; names sort in the order they apply.
 */
export const migrations: Record<string, Migration> = {
	'2026_11_27_0001_clinic_model': clinicModel,
	'2026_11_28_0101_images': images,
	'2026_11_28_0102_articles': articles,
	'2026_11_28_0103_comments': comments,
	'2026_11_28_0104_service_faq': serviceFaq
};
