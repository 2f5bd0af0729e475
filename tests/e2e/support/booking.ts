/** Helpers for the booking tests: free slots from the API and made-up patients. */

export type Slot = { start: string; end: string; providerId: string; locationId: string };

/** 'YYYY-MM-DD' in Boston, `days` from today. */
export function bostonDate(days = 0): string {
	const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
		new Date(Date.now() + days * 86_400_000)
	);
	return parts;
}

export async function freeSlots(baseUrl: string, service: string, provider?: string, fromDays = 0, toDays = 20): Promise<Slot[]> {
	const query = new URLSearchParams({ service, from: bostonDate(fromDays), to: bostonDate(toDays), ...(provider ? { provider } : {}) });
	const response = await fetch(`${baseUrl}/api/v1/availability?${query}`);
	if (response.status !== 200) throw new Error(`availability answered ${response.status}: ${await response.text()}`);
	return ((await response.json()) as { slots: Slot[] }).slots;
}

export function patient(n: number | string) {
	return { firstName: 'Test', lastName: `Patient ${n}`, email: `patient.${n}@example.com`, phone: '(617) 555-0100', dateOfBirth: '1985-03-14' };
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
	return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

export type ProviderInfo = { id: string; displayName: string; services: string[] };

export async function providers(baseUrl: string): Promise<ProviderInfo[]> {
	return (await (await fetch(`${baseUrl}/api/v1/providers`)).json()) as ProviderInfo[];
}
