import { z } from 'zod';
import { blankAsMissing, checkbox, emailAddress, requiredText } from './form-values';
import { findLinks, MAX_COMMENT_LINKS } from './linkify';

export const MAX_COMMENT_CHARS = 5000;
export const HONEYPOT_FIELD = 'leave_empty';

/** What a visitor's comment form sends. The honeypot and form token are checked by the service. */
export const commentInput = z.object({
	name: requiredText(80, 'Name'),
	email: blankAsMissing(emailAddress),
	body: z
		.string({ error: 'Write a comment.' })
		.trim()
		.min(1, 'Write a comment.')
		.max(MAX_COMMENT_CHARS, `Comments must be at most ${MAX_COMMENT_CHARS.toLocaleString('en-US')} characters.`)
		.refine((text) => findLinks(text).length <= MAX_COMMENT_LINKS, `Comments may contain at most ${MAX_COMMENT_LINKS} links.`),
	parentId: z.string().trim().max(64).default(''),
	confirmPublic: checkbox,
	[HONEYPOT_FIELD]: z.string().default(''),
	formToken: z.string().default('')
});
export type CommentInput = z.infer<typeof commentInput>;

export const clinicReplyInput = z.object({
	body: z
		.string({ error: 'Write a reply.' })
		.trim()
		.min(1, 'Write a reply.')
		.max(MAX_COMMENT_CHARS, `Replies must be at most ${MAX_COMMENT_CHARS.toLocaleString('en-US')} characters.`)
});

export const COMMENT_STATUSES = ['pending', 'published', 'rejected', 'spam'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

export const MODERATION_LABELS = {
	hold_all: 'Hold every comment for review',
	hold_first: 'Hold comments from first-time commenters',
	publish: 'Publish comments at once'
} as const;
