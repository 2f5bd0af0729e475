import type { Ctx } from '../context';
import { findServiceOffers } from '../clinic/qualified-providers';
import { credentialAbbreviation } from '../../shared/credentials';
import type { AssessmentDraft, OfferView, ResultView } from '../../shared/screening/assessment-view';
import type { ScreeningInput } from '../../shared/screening/input.schema';
import { evaluateScreening } from './evaluate';
import { issueResultToken } from './result-token';
import { recordAssessmentOutcome } from './screening-stats.service';
import { citationsFor } from './sources';

/**
 * Turns finished answers into the result page: the engine's result, the suggested services with
 * their qualified providers, the sources behind each reason, and a signed token for booking.
 *
 * Stores nothing about the person. With `count`, it adds one to the anonymous daily tally; the page
 * passes false when the same person views their result again after changing an answer.
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
	const sourceIds = [...result.reasons, ...result.precautions].flatMap((finding) => finding.sources);
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
		draft: options.draft,
		sources: citationsFor(sourceIds).map((s) => ({ id: s.id, citation: s.citation, ...(s.url ? { url: s.url } : {}) }))
	};
}

/** The person's result matters more than the statistics: a failed count is logged, not shown. */
async function countQuietly(ctx: Ctx, recommendation: Parameters<typeof recordAssessmentOutcome>[1]): Promise<void> {
	try {
		await recordAssessmentOutcome(ctx, recommendation);
	} catch (error) {
		ctx.log.warn({ event: 'screening_tally_failed', errorName: error instanceof Error ? error.name : typeof error });
	}
}
