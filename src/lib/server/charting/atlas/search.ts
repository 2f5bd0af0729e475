import { BODY_AREA_LABELS, type BodyArea } from './body-areas';
import type { AcupointRow, MeridianCode } from './acupoints';
import type { MuscleRow } from './muscles';
import { areaOfZone, isReferralZone, REFERRAL_ZONE_INFO, type ReferralZone } from './referral-zones';

/**
 * Search and lookup over the atlases: pure functions of the rows, so the API, the body chart and
 * tests share them. Text matching ignores case, accents and punctuation ("LI-4", "li 4" and "LI4"
 * are the same code; "upper trap" finds "Upper trapezius").
 */

export const normalize = (text: string) =>
	text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();

const compact = (text: string) => normalize(text).replace(/ /g, '');

/** 3: the code itself; 2: name starts with the text; 1: every word appears; 0: no match. */
function textScore(q: string, code: string, names: readonly string[], extra: readonly string[]): number {
	const wanted = normalize(q);
	if (!wanted) return 1;
	if (compact(q) === compact(code)) return 3;
	const normalizedNames = names.map(normalize);
	if (normalizedNames.some((name) => name.startsWith(wanted))) return 2;
	const haystack = ` ${[normalize(code), compact(code), ...normalizedNames, ...extra.map(normalize)].join(' ')} `;
	return wanted.split(' ').every((word) => haystack.includes(` ${word}`)) ? 1 : 0;
}

function ranked<T>(rows: readonly T[], score: (row: T) => number): T[] {
	return rows
		.map((row, index) => ({ row, index, score: score(row) }))
		.filter((entry) => entry.score > 0)
		.sort((a, b) => b.score - a.score || a.index - b.index)
		.map((entry) => entry.row);
}

export interface MuscleQuery {
	readonly q?: string;
	/** Only muscles lying in this area. */
	readonly region?: BodyArea;
}

export function searchMuscles(rows: readonly MuscleRow[], query: MuscleQuery): MuscleRow[] {
	return ranked(rows, (row) => {
		if (query.region && row.region !== query.region) return 0;
		return query.q === undefined ? 1 : textScore(query.q, row.code, [row.name], [BODY_AREA_LABELS[row.region], row.region]);
	});
}

export interface AcupointQuery {
	readonly q?: string;
	readonly region?: BodyArea;
	readonly meridian?: MeridianCode;
}

export function searchAcupoints(rows: readonly AcupointRow[], query: AcupointQuery): AcupointRow[] {
	return ranked(rows, (row) => {
		if (query.region && row.region !== query.region) return 0;
		if (query.meridian && row.meridian !== query.meridian) return 0;
		return query.q === undefined ? 1 : textScore(query.q, row.code, [row.pinyin], [BODY_AREA_LABELS[row.region], row.region]);
	});
}

export interface ReferralMatch {
	readonly muscle: MuscleRow;
	readonly score: number;
	/** The muscle's referral zones that matched the pain, in the muscle's order. */
	readonly matchedZones: readonly ReferralZone[];
}

/** Points for one place of pain: the exact zone counts most, the same area less. */
const EXACT_ZONE = 3;
const SAME_AREA = 1;

/**
 * "Pain here → muscles that refer here", best candidates first. `pain` holds referral zones (exact)
 * and/or body areas (any zone inside). Per place, a muscle scores 3 when it refers to that exact zone
 * (or, for an area, to any zone in it) and 1 when it only refers to another zone of the same area;
 * places add up, so a muscle explaining all the patient's pain ranks first. Ties go to verified rows,
 * then to the more specific pattern (fewer zones), then by name.
 */
export function musclesReferringTo(rows: readonly MuscleRow[], pain: readonly (ReferralZone | BodyArea)[]): ReferralMatch[] {
	const places = [...new Set(pain)];
	const matches: ReferralMatch[] = [];
	for (const muscle of rows) {
		let score = 0;
		const matched = new Set<ReferralZone>();
		for (const place of places) {
			if (isReferralZone(place)) {
				if (muscle.referralZones.includes(place)) {
					score += EXACT_ZONE;
					matched.add(place);
				} else {
					const near = muscle.referralZones.filter((zone) => areaOfZone(zone) === areaOfZone(place));
					if (near.length) score += SAME_AREA;
					for (const zone of near) matched.add(zone);
				}
			} else {
				const inArea = muscle.referralZones.filter((zone) => REFERRAL_ZONE_INFO[zone].area === place);
				if (inArea.length) score += EXACT_ZONE;
				for (const zone of inArea) matched.add(zone);
			}
		}
		if (score > 0) {
			matches.push({ muscle, score, matchedZones: muscle.referralZones.filter((zone) => matched.has(zone)) });
		}
	}
	return matches.sort(
		(a, b) =>
			b.score - a.score ||
			Number(b.muscle.verified) - Number(a.muscle.verified) ||
			a.muscle.referralZones.length - b.muscle.referralZones.length ||
			a.muscle.name.localeCompare(b.muscle.name)
	);
}
