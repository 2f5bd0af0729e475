import type { CommentStatus } from '../../shared/comment.schema';

/** A published comment as the article page shows it; email and address never leave the server. */
export type PublicComment = {
	id: string;
	authorName: string;
	byClinic: boolean;
	body: string;
	createdAt: Date;
	replies: PublicComment[];
};

/** A comment in the staff moderation queue. */
export type QueuedComment = {
	id: string;
	articleId: string;
	articleTitle: string;
	articleSlug: string;
	parentId: string | null;
	authorName: string;
	authorEmail: string | null;
	body: string;
	status: CommentStatus;
	byClinic: boolean;
	mentionsHealth: boolean;
	createdAt: Date;
	moderatedAt: Date | null;
};

export type SubmitResult = { outcome: 'published' | 'held' };
