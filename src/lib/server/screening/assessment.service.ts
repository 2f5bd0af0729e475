import type { Ctx } from '../context';
import { findServiceOffers } from '../clinic/qualified-providers';
import { credentialAbbreviation } from '../../shared/credentials';
import type { AssessmentDraft, OfferView, ResultView } from '../../shared/screening/assessment-view';
import type { ScreeningInput } from '../../shared/screening/input.schema';
import { evaluateScreening } from './evaluate';
import { issueResultToken } from './result-token';
import { recordAssessmentOutcome } from './screening-stats.service';

/**
 * Turns finished answers into the result page: the engine's result, the suggested services with
 * their qualified providers, and a signed token for booking. Patients get a plain line about where
 * the rules come from; the full citations stay with staff and the API (rule source ids).
 *
 * Stores nothing about the person. With `count`, it adds one to the anonymous daily tally; the page
 * counts once when the answers are finished (countFinishedAssessment) and passes false here.
 */
export async function completeAssessment(
	ctx: Ctx,
	input: ScreeningInput,
	options: { draft: AssessmentDraft; count: boolean }
): Promise<ResultView> {
	const result = evaluateScreening(input);
	if (options.count) await countQuietly(ctx, result.recommendation);

	// A red flag means no needling is offered at all, whatever the ruleset's service list says.
	const offers = result.recommendation === 'physician_first' ? [] : await findServiceOffers(ctx, result.suggestedServices);
	const token = issueResultToken(
		{ answers: input, rulesetVersion: result.rulesetVersion, issuedAt: ctx.clock.now() },
		ctx.config.appSecret
	);
	return {
		kind: 'result',
		result,
		offers: offers.map(
			(offer): OfferView => ({
				slug: offer.slug,
				name: offer.name,
				description: offer.description,
				durationMinutes: offer.durationMinutes,
				priceCents: offer.priceCents,
				bookableOnline: offer.bookableOnline,
				providers: offer.providers.map((p) => ({
					name: p.name,
					credentials: p.credentials.map(credentialAbbreviation),
					dryNeedlingCertified: p.dryNeedlingCertified
				}))
			})
		),
		token,
		draft: options.draft
	};
}

/** One more finished self-assessment in the anonymous daily tally (no answers, no person). */
export async function countFinishedAssessment(ctx: Ctx, recommendation: Parameters<typeof recordAssessmentOutcome>[1]): Promise<void> {
	await countQuietly(ctx, recommendation);
}

/** The person's result matters more than the statistics: a failed count is logged, not shown. */
async function countQuietly(ctx: Ctx, recommendation: Parameters<typeof recordAssessmentOutcome>[1]): Promise<void> {
	try {
		await recordAssessmentOutcome(ctx, recommendation);
	} catch (error) {
		ctx.log.warn({ event: 'screening_tally_failed', errorName: error instanceof Error ? error.name : typeof error });
	}
}
