/**
 * The host name in invite UIDs and Message-IDs. It must not change while appointments exist:
 * calendars match updates and cancellations to the event by UID, so set ORIGIN once, for good.
 */
export function noticeHost(origin: string | undefined): string {
	if (!origin) return 'localhost';
	try {
		return new URL(origin).hostname || 'localhost';
	} catch {
		return 'localhost';
	}
}
