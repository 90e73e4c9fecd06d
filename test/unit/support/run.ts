/** Shared set-up of the `bluejay run` tests: a clock that never waits, the key's env, the simulations' admin. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { ApiError } from '../../../src/core/api/errors';
import { setRunClock } from '../../../src/cli/run';
import { cli, stateRootDir } from './cli';

export type Json = Record<string, unknown>;

export const BILLING = 'angry-billing-customer.digital-human.yaml';

/** The env of a CLI run against `url` with a key. */
export const env = (url: string): Record<string, string> => ({ BLUEJAY_API_KEY: 'test-key', BLUEJAY_BASE_URL: url });

/** `bluejay run --simulation 57 ...options` on a fresh copy of the billing digital human, against `url`. */
export const runBilling = (url: string, ...options: string[]): ReturnType<typeof cli> =>
  cli(env(url), 'run', '--simulation', '57', ...options, join(stateRootDir('run', true), BILLING));

/** Sets how the local server's simulations behave (outcomes, faults, never finishing...). */
export const simAdmin = async (url: string, body: Json): Promise<void> => {
  const r = await fetch(`${url}/__admin/simulations`, { method: 'POST', body: JSON.stringify(body) });
  assert.equal(r.status, 200, await r.text());
};

/** For the calling test file: `bluejay run` waits on a fake clock that only moves when it sleeps. */
export function useFakeRunClock(): void {
  before(() => {
    let t = 0;
    setRunClock({
      now: () => t,
      sleep: (ms, signal) =>
        signal?.aborted
          ? Promise.reject(new ApiError('cancelled', 'Cancelled.', null))
          : Promise.resolve(void (t += ms)),
    });
  });
  after(() => setRunClock(undefined));
}
