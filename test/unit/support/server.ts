/** Test support: the local Bluejay-compatible server and its admin API. */
import { startBluejayServer, type BluejayServer, type LoggedRequest } from '../../server/index';

export async function withServer<T>(body: (s: BluejayServer & Admin) => Promise<T>): Promise<T> {
  const server = await startBluejayServer();
  try {
    return await body({ ...server, ...admin(server.url) });
  } finally {
    await server.close();
  }
}

export interface Admin {
  faults(settings: Record<string, unknown>): Promise<void>;
  requests(): Promise<LoggedRequest[]>;
  reset(): Promise<void>;
}

export function admin(url: string): Admin {
  return {
    faults: async (settings) => {
      const r = await fetch(`${url}/__admin/faults`, {
        method: 'POST',
        body: JSON.stringify(settings),
        headers: { 'content-type': 'application/json' },
      });
      if (!r.ok) throw new Error(`faults refused: ${await r.text()}`);
    },
    requests: async () => (await (await fetch(`${url}/__admin/requests`)).json()) as LoggedRequest[],
    reset: async () => {
      await fetch(`${url}/__admin/reset`, { method: 'POST' });
    },
  };
}
