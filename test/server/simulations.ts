/**
 * The simulation endpoints of the local server, gathered from their files: agents and simulations
 * (simAgents.ts), both queue endpoints, run results and end-conversations (simRuns.ts), and
 * generate-digital-humans (simGenerate.ts); here /__admin/simulations for faults, and the media
 * origin (transcripts, audio) on its own port.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { detail, json, type RawBody, type Reply, type Route } from './http';
import { agentRoutes } from './simAgents';
import { generateRoutes } from './simGenerate';
import { transcriptJson } from './simResults';
import { runRoutes } from './simRuns';
import { noSimFaults, simState, type SimFaults } from './simState';
import type { Store } from './store';

export const simulationRoutes: Route[] = [...agentRoutes, ...runRoutes, ...generateRoutes];

/** POST /__admin/simulations sets SimFaults; GET shows them with the runs and the media requests. Undefined for other paths. */
export function simulationAdmin(store: Store, method: string, pathname: string, raw: RawBody): Reply | undefined {
  if (pathname !== '/__admin/simulations') return undefined;
  const s = simState(store);
  if (method === 'GET')
    return json(200, { faults: s.faults, runs: [...s.runs.values()], mediaRequests: s.mediaRequests });
  if (method !== 'POST') return detail(405, 'Method Not Allowed');
  const body =
    raw.kind === 'json' && raw.value !== null && typeof raw.value === 'object' ? (raw.value as Partial<SimFaults>) : {};
  const known = Object.keys(noSimFaults());
  const unknown = Object.keys(body).filter((k) => !known.includes(k));
  if (unknown.length) return detail(400, `unknown setting(s): ${unknown.join(', ')}; expected ${known.join(', ')}`);
  s.faults = { ...noSimFaults(), ...body };
  return json(200, s.faults);
}

/** The media origin: /transcripts/{id}.json and /audio/{id}.wav on its own loopback port; it records whether a key came along. */
export async function startMedia(store: Store): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    simState(store).mediaRequests.push({ path, apiKey: req.headers['x-api-key'] !== undefined });
    const t = /^\/transcripts\/(\d+)\.json$/.exec(path);
    const a = /^\/audio\/(\d+)\.wav$/.exec(path);
    if (t) {
      const text = JSON.stringify(transcriptJson(Number(t[1])));
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
    } else if (a) res.writeHead(200, { 'content-type': 'audio/wav', 'content-length': 4 }).end(Buffer.from('RIFF'));
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
