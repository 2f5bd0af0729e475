// Plain forms only: no client JavaScript, so nothing can reset a field typed before hydration.
export const csr = false;
