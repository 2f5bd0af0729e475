import { listMuscles } from '$lib/server/charting/atlas/atlas-api';
import { methodNotAllowed } from '../../api-responses';
import { atlasGet } from '../atlas-route';

/** The trigger-point atlas: ?q=&region=&refers= (see the OpenAPI document). */
export const GET = atlasGet(listMuscles);

export const fallback = () => methodNotAllowed(['GET']);
