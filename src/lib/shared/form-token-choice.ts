/**
 * After a failed post, the form keeps the token it was first shown with, so time spent correcting a
 * field counts as time on the page; only a token that was itself refused is replaced by a fresh one.
 */
export function tokenForForm(fresh: string, failure: { values?: Record<string, unknown>; errors?: Record<string, string> } | null | undefined): string {
	const kept = failure?.values?.formToken;
	if (!failure || failure.errors?.form || typeof kept !== 'string' || kept === '') return fresh;
	return kept;
}
