/** Test support: the local Bluejay-compatible server for one test file, called with fetch (server*.test.ts). */
import assert from 'node:assert/strict';
import { after, before, beforeEach } from 'node:test';
import { startBluejayServer, type BluejayServer } from '../../server/index';

export type Json = Record<string, unknown>;
export interface Res {
  status: number;
  body: unknown;
  headers: Headers;
}

let server: BluejayServer;

/** Starts the server before the file's tests, resets its data before each, and closes it after. */
export function serverPerFile(): void {
  before(async () => {
    server = await startBluejayServer();
  });
  after(() => server.close());
  beforeEach(async () => {
    assert.equal((await admin('POST', '/__admin/reset')).status, 200);
  });
}

export async function call(
  method: string,
  path: string,
  body?: unknown,
  key: string | null = 'test-key',
  raw?: string,
): Promise<Res> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key !== null) headers['X-API-Key'] = key;
  const init: RequestInit = { method, headers };
  if (raw !== undefined) init.body = raw;
  else if (body !== undefined) init.body = JSON.stringify(body);
  const res = await fetch(server.url + path, init);
  const text = await res.text();
  return { status: res.status, body: text === '' ? null : (JSON.parse(text) as unknown), headers: res.headers };
}

export const obj = (v: unknown): Json => v as Json;
export const dhOf = (r: Res): Json => obj(obj(r.body)['digital_human']);
export const locs = (r: Res): unknown[] => (obj(r.body)['detail'] as Json[]).map((d) => d['loc']);
export const admin = (method: string, path: string, body?: unknown): Promise<Res> => call(method, path, body, null);
export const faults = async (settings: Json): Promise<void> =>
  assert.equal((await admin('POST', '/__admin/faults', settings)).status, 200);
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const NEW_DH = {
  name: 'Late delivery',
  intent: 'Ask where the parcel is.',
  success_criteria: 'Agent gives a delivery date.',
  phone_number: '+14155550100',
};
