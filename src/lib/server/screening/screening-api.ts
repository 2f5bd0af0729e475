import { validationFailed } from '../errors';
import { parseScreeningInput } from '../../shared/screening/input.schema';
import type { ScreeningResult } from '../../shared/screening/result';
import { evaluateScreening } from './evaluate';

/**
 * POST /api/v1/screening after the body has been read: validate, then evaluate. Nothing is stored
 * or counted — the API is for other software (a kiosk, an app), and counting it would let any
 * script inflate the clinic's figures.
 */
export function screenAnswers(raw: unknown): ScreeningResult {
	const parsed = parseScreeningInput(raw);
	if (!parsed.success) {
		throw validationFailed(parsed.errors, 'Some answers are not valid. Each problem is listed under errors.');
	}
	return evaluateScreening(parsed.data);
}
