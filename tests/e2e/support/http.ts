/** Plain-HTTP helpers for driving the app the way a browser form post does. */

export type Session = { cookie: string };

export async function postForm(
	url: string,
	fields: Record<string, string | string[]>,
	options: { origin: string; cookie?: string }
): Promise<Response> {
	const body = new URLSearchParams();
	for (const [key, value] of Object.entries(fields)) {
		for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
	}
	return fetch(url, {
		method: 'POST',
		body,
		redirect: 'manual',
		headers: {
			origin: options.origin,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			...(options.cookie ? { cookie: options.cookie } : {})
		}
	});
}

export async function signIn(baseUrl: string, email: string, password: string): Promise<Session> {
	const response = await postForm(`${baseUrl}/staff/sign-in`, { email, password }, { origin: baseUrl });
	if (response.status !== 303) throw new Error(`sign-in answered ${response.status}`);
	const setCookie = response.headers.get('set-cookie') ?? '';
	const cookie = setCookie.split(';')[0] ?? '';
	if (!cookie.includes('=')) throw new Error('sign-in set no cookie');
	return { cookie };
}

export async function get(url: string, cookie?: string): Promise<Response> {
	return fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
}
