// Staff pages are plain server-rendered forms: fast on any device, nothing typed is lost to a late
// hydration, and no script runs next to patient data. A page that needs client code opts in with
// `export const csr = true`.
export const csr = false;
