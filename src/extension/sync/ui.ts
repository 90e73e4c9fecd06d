/** The push, pull, key and environment UI in dist/api.js (loaded lazily). */
import { api, type Api } from '../lazy';

export function ui(): Api {
  return api();
}
