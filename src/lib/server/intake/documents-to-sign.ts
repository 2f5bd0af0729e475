import type { DocumentsToSign } from './intake.service';

/**
 * MERGE POINT (issue 10, consent): the forms hub lists "documents to sign" through this function.
 * The consent module replaces `undefined` with its own function returning, for the link's patient
 * and appointment, one entry per consent to sign ({ title, href: `/forms/<token>/consent/<modality>`,
 * done }). Until then the hub shows the intake only.
 */
export const documentsToSign: DocumentsToSign | undefined = undefined;
