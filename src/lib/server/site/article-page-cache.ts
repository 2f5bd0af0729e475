import { RenderCache } from './render-cache';

/** One per process: rendered article pages by slug (a few hundred articles fit in a few MB). */
export const articlePageCache = new RenderCache(300);
