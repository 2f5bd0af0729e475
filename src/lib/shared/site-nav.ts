/** The public site's main navigation, in order. Add an entry when its page exists. */
export const PUBLIC_NAV: Array<{ href: string; label: string }> = [
	{ href: '/', label: 'Home' },
	{ href: '/services', label: 'Services' },
	{ href: '/assessment', label: 'Which therapy fits me?' },
	{ href: '/book', label: 'Book online' },
	{ href: '/articles', label: 'Articles' },
	{ href: '/contact', label: 'Contact' }
];
