import { RED_FLAGS, type RedFlag } from '../../shared/screening/codes';
import { evaluateScreening } from '../screening/evaluate';

/** What the patient sees at once after ticking a red flag: the self-assessment's own words. */
export type RedFlagView = { urgent: boolean; summary: string; reasons: string[] };

const KNOWN: ReadonlySet<string> = new Set(RED_FLAGS);

/** Runs the ticked red flags through the screening engine; undefined when none is ticked. */
export function redFlagView(codes: readonly string[]): RedFlagView | undefined {
	const redFlags = codes.filter((c): c is RedFlag => KNOWN.has(c));
	if (redFlags.length === 0) return undefined;
	const result = evaluateScreening({ regions: [], concerns: [], duration: null, redFlags, precautions: [], preference: 'none' });
	return { urgent: result.urgent, summary: result.summary, reasons: result.reasons.map((r) => r.text) };
}
