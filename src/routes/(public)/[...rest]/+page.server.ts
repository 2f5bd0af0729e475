import { error } from '@sveltejs/kit';

// Any address no other route claims: answered here, inside the public layout, so the 404 page has
// the site's header, footer and phone number (the root error page has no clinic data to show).
export function load(): never {
	error(404, 'Page not found.');
}

export const actions = {
	default: (): never => error(404, 'Page not found.')
};
