import { fail, type RequestEvent } from '@sveltejs/kit';
import { advance, readAssessmentForm } from '$lib/server/screening/assessment-flow';
import { completeAssessment } from '$lib/server/screening/assessment.service';

/**
 * The one form action behind every self-assessment page: read the posted answers, decide the next
 * page, and on completion build the result. Answers travel only in POST bodies, never the URL.
 */
export async function answer({ request, locals }: RequestEvent) {
	const step = advance(readAssessmentForm(await request.formData()));
	if (step.kind === 'question') return step.error ? fail(400, { view: step }) : { view: step };
	return { view: await completeAssessment(locals.ctx, step.input, { draft: step.draft, count: !step.counted }) };
}
