// The editor is the one staff page with client code: the live Markdown preview. Without
// JavaScript the Preview button renders the same preview on the server.
export const csr = true;
