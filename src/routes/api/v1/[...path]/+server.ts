import { noSuchEndpoint } from '../api-responses';

/** Unknown API addresses answer in problem+json like the rest of the API, not with an HTML page. */
export const fallback = () => noSuchEndpoint();
