import { REGIONS, type Region } from '../../../shared/screening/regions';

/**
 * Body areas: the body-map regions of the self-assessment (shared/screening/regions.ts) without their
 * side. One list for the whole product: the patient's pain drawing, the atlases and (later) the body
 * chart all speak in these codes, so "shoulder_left" on the body map is area "shoulder", left side.
 */
export const BODY_AREAS = [
	'head',
	'neck_front',
	'shoulder',
	'chest',
	'abdomen',
	'upper_arm',
	'elbow',
	'forearm',
	'hand',
	'hip',
	'thigh',
	'knee',
	'shin',
	'foot',
	'head_back',
	'neck_back',
	'upper_back',
	'shoulder_blade',
	'mid_back',
	'low_back',
	'arm_back',
	'buttock',
	'hamstring',
	'calf',
	'heel'
] as const;
export type BodyArea = (typeof BODY_AREAS)[number];

export const BODY_AREA_LABELS: Readonly<Record<BodyArea, string>> = {
	head: 'Head, face and jaw',
	neck_front: 'Front and side of neck',
	shoulder: 'Shoulder',
	chest: 'Chest',
	abdomen: 'Belly',
	upper_arm: 'Upper arm',
	elbow: 'Elbow',
	forearm: 'Forearm',
	hand: 'Wrist and hand',
	hip: 'Hip and groin',
	thigh: 'Front of thigh',
	knee: 'Knee',
	shin: 'Shin',
	foot: 'Ankle and foot',
	head_back: 'Back of head',
	neck_back: 'Back of neck',
	upper_back: 'Upper back',
	shoulder_blade: 'Shoulder blade',
	mid_back: 'Middle of the back',
	low_back: 'Lower back',
	arm_back: 'Back of arm',
	buttock: 'Buttock',
	hamstring: 'Back of thigh',
	calf: 'Calf',
	heel: 'Heel and sole'
};

const areas = new Set<string>(BODY_AREAS);

export function isBodyArea(value: string): value is BodyArea {
	return areas.has(value);
}

/** The area of a body-map region: "shoulder_left" → "shoulder", "low_back" → "low_back". */
export function areaOfBodyMapRegion(region: Region): BodyArea {
	const area = region.replace(/_(left|right)$/, '');
	if (!isBodyArea(area)) throw new Error(`Body-map region ${region} has no area`);
	return area;
}

const bodyMapRegions = new Set<string>(REGIONS);
export function isBodyMapRegion(value: string): value is Region {
	return bodyMapRegions.has(value);
}
