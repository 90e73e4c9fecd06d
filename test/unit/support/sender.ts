/** A stand-in for the API client in unit tests. */
import { errorFromResponse } from '../../../src/core/api/errors';
import type { ApiRequest } from '../../../src/core/api/request';
import type { Sender } from '../../../src/core/sync/push';

/** A sender that answers with `status` and `data` (errors as the client would throw them) and records the request. */
export function fake(status: number, data: unknown): Sender & { sent: ApiRequest[] } {
  const sent: ApiRequest[] = [];
  return {
    sent,
    send: (req) => {
      sent.push(req);
      return status < 300
        ? Promise.resolve({ status, data })
        : Promise.reject(errorFromResponse(req, status, data, 'key'));
    },
  };
}
