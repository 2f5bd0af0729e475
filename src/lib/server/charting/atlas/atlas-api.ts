/**
 * GET /api/v1/atlas/muscles and /api/v1/atlas/acupoints: query parsing and response shapes, kept
 * beside the data so the routes stay a thin parse → search → map. The atlases are reference data
 * (no patient data), so the endpoints are public and cacheable.
 */
import { z } from 'zod';
import { validationFailed } from '../../errors';
import { parseInput } from '../../validation';
import { ACUPOINTS } from './acupoints.data';
import { MERIDIAN_CODES, type AcupointRow, type MeridianCode } from './acupoints';
import { areaOfBodyMapRegion, BODY_AREAS, isBodyArea, isBodyMapRegion, type BodyArea } from './body-areas';
import { MUSCLES } from './muscles.data';
import type { MuscleRow } from './muscles';
import { isReferralZone, REFERRAL_ZONES, type ReferralZone } from './referral-zones';
import { musclesReferringTo, searchAcupoints, searchMuscles } from './search';
import { atlasSource, type AtlasSourceId } from './sources';

export const MAX_REFERS = 20;

/** A body area, or a body-map region whose side is dropped ("shoulder_left" → "shoulder"). */
const areaParam = z
	.string()
	.trim()
	.refine((value) => isBodyArea(value) || isBodyMapRegion(value), {
		message: `region must be a body area (${BODY_AREAS.join(', ')}) or a body-map region such as shoulder_left.`
	})
	.transform((value): BodyArea => (isBodyArea(value) ? value : areaOfBodyMapRegion(value as Parameters<typeof areaOfBodyMapRegion>[0])));

const qParam = z.string().trim().min(1, 'q must not be empty: leave it out to list everything.').max(100, 'q must be at most 100 characters.');

function placeOf(value: string): ReferralZone | BodyArea | undefined {
	if (isReferralZone(value) || isBodyArea(value)) return value;
	return isBodyMapRegion(value) ? areaOfBodyMapRegion(value) : undefined;
}

const refersParam = z
	.string()
	.transform((value) => value.split(',').map((part) => part.trim()))
	.superRefine((parts, ctx) => {
		if (parts.length > MAX_REFERS) ctx.addIssue({ code: 'custom', message: `refers may list at most ${MAX_REFERS} places.` });
		const unknown = parts.filter((part) => placeOf(part) === undefined);
		if (unknown.length)
			ctx.addIssue({
				code: 'custom',
				message: `refers must list referral zones or body areas separated by commas; not known: ${unknown.map((u) => JSON.stringify(u)).join(', ')}.`
			});
	})
	.transform((parts) => parts.map((part) => placeOf(part)!));

export const muscleParams = z.strictObject({ q: qParam.optional(), region: areaParam.optional(), refers: refersParam.optional() });
export const acupointParams = z.strictObject({
	q: qParam.optional(),
	region: areaParam.optional(),
	meridian: z
		.string()
		.trim()
		.transform((value) => value.toUpperCase())
		.refine((value): value is MeridianCode => (MERIDIAN_CODES as readonly string[]).includes(value), {
			message: `meridian must be one of: ${MERIDIAN_CODES.join(', ')}.`
		})
		.optional()
});

/** Query string → object; a parameter given twice is refused, not silently reduced to one. */
function queryObject(search: URLSearchParams): Record<string, string> {
	const repeated = [...new Set([...search.keys()].filter((key) => search.getAll(key).length > 1))];
	if (repeated.length)
		throw validationFailed(Object.fromEntries(repeated.map((key) => [key, `Give ${key} only once.`])), 'Please correct the query parameters.');
	return Object.fromEntries(search);
}

const sourceItem = z.object({ id: z.string(), title: z.string(), url: z.string().optional() });
const sourcesOf = (ids: readonly AtlasSourceId[]) =>
	ids.map((id) => {
		const source = atlasSource(id)!;
		return source.url ? { id, title: source.title, url: source.url } : { id, title: source.title };
	});

export const muscleItem = z
	.object({
		code: z.string().meta({ description: 'Stable muscle code.' }),
		name: z.string(),
		region: z.enum(BODY_AREAS).meta({ description: 'Body area the muscle lies in.' }),
		location: z.string().meta({ description: 'Where its trigger points are usually found, in a few words.' }),
		sides: z.literal('left_right'),
		referralZones: z.array(z.enum(REFERRAL_ZONES as [ReferralZone, ...ReferralZone[]])).min(1),
		symptoms: z.string(),
		cautions: z.array(z.object({ kind: z.enum(['pneumothorax', 'vessel', 'nerve', 'organ', 'other']), text: z.string() })),
		verified: z.boolean().meta({ description: 'False: the pattern still needs checking against the primary source (see note).' }),
		note: z.string().optional(),
		source: z.array(sourceItem).min(1),
		score: z.number().int().optional().meta({ description: 'With refers: how well the muscle explains the pain (higher first).' }),
		matchedZones: z.array(z.string()).optional().meta({ description: 'With refers: its referral zones that matched.' })
	})
	.meta({ description: 'One muscle of the trigger-point atlas.' });

export const acupointItem = z
	.object({
		code: z.string().meta({ description: 'WHO code: meridian abbreviation and number, e.g. LI4.' }),
		meridian: z.enum(MERIDIAN_CODES as [MeridianCode, ...MeridianCode[]]),
		number: z.number().int().min(1),
		pinyin: z.string(),
		region: z.enum(BODY_AREAS),
		pregnancy: z
			.object({ level: z.enum(['avoid', 'caution']), note: z.string(), source: sourceItem })
			.optional()
			.meta({ description: 'Traditionally avoided or used with care in pregnancy, with its source.' }),
		cautions: z.array(z.object({ kind: z.string(), text: z.string(), source: sourceItem })).optional(),
		source: z.array(sourceItem).min(1)
	})
	.meta({ description: 'One of the 361 WHO standard acupuncture points.' });

export type MuscleItem = z.infer<typeof muscleItem>;
export type AcupointItem = z.infer<typeof acupointItem>;

export function toMuscleItem(row: MuscleRow): MuscleItem {
	const { source, ...rest } = row;
	return { ...rest, referralZones: [...rest.referralZones], cautions: [...rest.cautions], source: sourcesOf(source) };
}

export function toAcupointItem(row: AcupointRow): AcupointItem {
	const { source, pregnancy, cautions, ...rest } = row;
	return {
		...rest,
		...(pregnancy ? { pregnancy: { ...pregnancy, source: sourcesOf([pregnancy.source])[0]! } } : {}),
		...(cautions ? { cautions: cautions.map((c) => ({ ...c, source: sourcesOf([c.source])[0]! })) } : {}),
		source: sourcesOf(source)
	};
}

/** ?q=&region=&refers=: with refers, ranked by how well each muscle explains the pain. */
export function listMuscles(search: URLSearchParams, rows: readonly MuscleRow[] = MUSCLES): MuscleItem[] {
	const params = parseInput(muscleParams, queryObject(search));
	const found = searchMuscles(rows, { q: params.q, region: params.region });
	if (!params.refers) return found.map(toMuscleItem);
	return musclesReferringTo(found, params.refers).map((match) => ({
		...toMuscleItem(match.muscle),
		score: match.score,
		matchedZones: [...match.matchedZones]
	}));
}

export function listAcupoints(search: URLSearchParams, rows: readonly AcupointRow[] = ACUPOINTS): AcupointItem[] {
	const params = parseInput(acupointParams, queryObject(search));
	return searchAcupoints(rows, params).map(toAcupointItem);
}
