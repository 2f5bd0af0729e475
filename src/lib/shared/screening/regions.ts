/**
 * Body-map areas a person can tap to show where it bothers them.
 *
 * Each code belongs to one view (front or back) so a tap is never ambiguous. "left" and "right"
 * are always the person's own left and right, never the viewer's (see body-map.ts for how that is
 * drawn). Codes are stable; labels may be reworded.
 */

export const BODY_SIDES = ['front', 'back'] as const;
export type BodySide = (typeof BODY_SIDES)[number];

export const FRONT_REGIONS = [
	'head',
	'neck_front',
	'shoulder_left',
	'shoulder_right',
	'chest',
	'abdomen',
	'upper_arm_left',
	'upper_arm_right',
	'elbow_left',
	'elbow_right',
	'forearm_left',
	'forearm_right',
	'hand_left',
	'hand_right',
	'hip_left',
	'hip_right',
	'thigh_left',
	'thigh_right',
	'knee_left',
	'knee_right',
	'shin_left',
	'shin_right',
	'foot_left',
	'foot_right'
] as const;

export const BACK_REGIONS = [
	'head_back',
	'neck_back',
	'upper_back',
	'shoulder_blade_left',
	'shoulder_blade_right',
	'mid_back',
	'low_back',
	'arm_back_left',
	'arm_back_right',
	'buttock_left',
	'buttock_right',
	'hamstring_left',
	'hamstring_right',
	'calf_left',
	'calf_right',
	'heel_left',
	'heel_right'
] as const;

export const REGIONS = [...FRONT_REGIONS, ...BACK_REGIONS] as const;
export type FrontRegion = (typeof FRONT_REGIONS)[number];
export type BackRegion = (typeof BACK_REGIONS)[number];
export type Region = (typeof REGIONS)[number];

export interface RegionInfo {
	readonly label: string;
	readonly side: BodySide;
}

const front = (label: string): RegionInfo => ({ label, side: 'front' });
const back = (label: string): RegionInfo => ({ label, side: 'back' });

export const REGION_INFO: Readonly<Record<Region, RegionInfo>> = {
	head: front('Head, face and jaw'),
	neck_front: front('Front of neck'),
	shoulder_left: front('Left shoulder'),
	shoulder_right: front('Right shoulder'),
	chest: front('Chest'),
	abdomen: front('Belly'),
	upper_arm_left: front('Left upper arm'),
	upper_arm_right: front('Right upper arm'),
	elbow_left: front('Left elbow'),
	elbow_right: front('Right elbow'),
	forearm_left: front('Left forearm'),
	forearm_right: front('Right forearm'),
	hand_left: front('Left wrist and hand'),
	hand_right: front('Right wrist and hand'),
	hip_left: front('Left hip and groin'),
	hip_right: front('Right hip and groin'),
	thigh_left: front('Front of left thigh'),
	thigh_right: front('Front of right thigh'),
	knee_left: front('Left knee'),
	knee_right: front('Right knee'),
	shin_left: front('Left shin'),
	shin_right: front('Right shin'),
	foot_left: front('Left ankle and foot'),
	foot_right: front('Right ankle and foot'),
	head_back: back('Back of head'),
	neck_back: back('Back of neck'),
	upper_back: back('Upper back, between the shoulder blades'),
	shoulder_blade_left: back('Left shoulder blade'),
	shoulder_blade_right: back('Right shoulder blade'),
	mid_back: back('Middle of the back'),
	low_back: back('Lower back'),
	arm_back_left: back('Back of left arm'),
	arm_back_right: back('Back of right arm'),
	buttock_left: back('Left buttock'),
	buttock_right: back('Right buttock'),
	hamstring_left: back('Back of left thigh'),
	hamstring_right: back('Back of right thigh'),
	calf_left: back('Left calf'),
	calf_right: back('Right calf'),
	heel_left: back('Left heel and sole'),
	heel_right: back('Right heel and sole')
};

export function regionsOnSide(side: BodySide): readonly Region[] {
	return side === 'front' ? FRONT_REGIONS : BACK_REGIONS;
}
