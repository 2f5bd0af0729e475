import { listAcupoints } from '$lib/server/charting/atlas/atlas-api';
import { methodNotAllowed } from '../../api-responses';
import { atlasGet } from '../atlas-route';

/** The acupoint atlas (361 WHO points): ?q=&region=&meridian= (see the OpenAPI document). */
export const GET = atlasGet(listAcupoints);

export const fallback = () => methodNotAllowed(['GET']);
