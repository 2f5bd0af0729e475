import type { BodyArea } from './body-areas';
import type { ReferralZone } from './referral-zones';
import type { AtlasSourceId } from './sources';

/** Why a muscle needs care when needled. */
export type CautionKind = 'pneumothorax' | 'vessel' | 'nerve' | 'organ' | 'other';

export interface MuscleRow {
	/** Stable code (findings and needle sites store it). */
	readonly code: string;
	readonly name: string;
	/** Where the muscle lies. */
	readonly region: BodyArea;
	/** Where its trigger points are usually found, in a few words. */
	readonly location: string;
	/** Paired muscles are charted on the left or the right. */
	readonly sides: 'left_right';
	/** Where its trigger points refer pain; at least one. */
	readonly referralZones: readonly ReferralZone[];
	readonly symptoms: string;
	readonly cautions: readonly { readonly kind: CautionKind; readonly text: string }[];
	readonly source: readonly AtlasSourceId[];
	/** False: the pattern is not confirmed in a cited page yet; see note. */
	readonly verified: boolean;
	readonly note?: string;
}
