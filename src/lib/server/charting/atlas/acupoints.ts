import type { BodyArea } from './body-areas';
import type { AtlasSourceId } from './sources';

/** The 14 meridians of the WHO standard, with their abbreviations and point counts. */
export const MERIDIANS = [
	{ code: 'LU', name: 'Lung', points: 11 },
	{ code: 'LI', name: 'Large Intestine', points: 20 },
	{ code: 'ST', name: 'Stomach', points: 45 },
	{ code: 'SP', name: 'Spleen', points: 21 },
	{ code: 'HT', name: 'Heart', points: 9 },
	{ code: 'SI', name: 'Small Intestine', points: 19 },
	{ code: 'BL', name: 'Bladder', points: 67 },
	{ code: 'KI', name: 'Kidney', points: 27 },
	{ code: 'PC', name: 'Pericardium', points: 9 },
	{ code: 'TE', name: 'Triple Energizer', points: 23 },
	{ code: 'GB', name: 'Gallbladder', points: 44 },
	{ code: 'LR', name: 'Liver', points: 14 },
	{ code: 'GV', name: 'Governor Vessel', points: 28 },
	{ code: 'CV', name: 'Conception Vessel', points: 24 }
] as const;
export type MeridianCode = (typeof MERIDIANS)[number]['code'];
export const MERIDIAN_CODES: readonly MeridianCode[] = MERIDIANS.map((m) => m.code);

export type AcupointCautionKind = 'lung' | 'eye' | 'neck' | 'brainstem' | 'foramen';

export interface AcupointRow {
	/** WHO code, meridian abbreviation + number: "LI4". */
	readonly code: string;
	readonly meridian: MeridianCode;
	readonly number: number;
	readonly pinyin: string;
	/** Coarse body area (our own assignment). */
	readonly region: BodyArea;
	/** Traditionally avoided ("avoid") or used with care ("caution") in pregnancy, with the source. */
	readonly pregnancy?: { readonly level: 'avoid' | 'caution'; readonly note: string; readonly source: AtlasSourceId };
	readonly cautions?: readonly { readonly kind: AcupointCautionKind; readonly text: string; readonly source: AtlasSourceId }[];
	readonly source: readonly AtlasSourceId[];
}
