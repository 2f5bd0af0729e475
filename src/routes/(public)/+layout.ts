// Public pages are server-rendered HTML with no client-side JavaScript: they work on any phone,
// with JavaScript off, and stay within the page-weight budget.
export const csr = false;
