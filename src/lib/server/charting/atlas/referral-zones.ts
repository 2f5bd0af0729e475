import type { BodyArea } from './body-areas';
import { REFERRAL_ZONE_INFO } from './referral-zones.data';

export { REFERRAL_ZONE_INFO };
export type ReferralZone = keyof typeof REFERRAL_ZONE_INFO;
export const REFERRAL_ZONES = Object.keys(REFERRAL_ZONE_INFO) as ReferralZone[];

export function isReferralZone(value: string): value is ReferralZone {
	return Object.hasOwn(REFERRAL_ZONE_INFO, value);
}

export function areaOfZone(zone: ReferralZone): BodyArea {
	return REFERRAL_ZONE_INFO[zone].area;
}

export function zonesInArea(area: BodyArea): ReferralZone[] {
	return REFERRAL_ZONES.filter((zone) => REFERRAL_ZONE_INFO[zone].area === area);
}
