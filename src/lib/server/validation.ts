import type { z } from 'zod';
import { firstMessages } from '../shared/form-values';
import { plainTypeMessage } from '../shared/zod-messages';
import { validationFailed } from './errors';

/** Parses service input; a failure becomes a DomainError carrying one message per bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
	const result = schema.safeParse(input, { error: (issue) => plainTypeMessage(issue) });
	if (!result.success) throw validationFailed(firstMessages(result.error));
	return result.data;
}
