/**
 * Requests to a loopback base URL go straight to it, never through a proxy. Plain http is allowed
 * there only because it never leaves this machine; a proxy would see the key in clear (and could not
 * reach this machine's loopback anyway).
 *
 * Two things would proxy such a request: axios itself, from HTTP_PROXY/http_proxy (`proxy: false`
 * turns that off; explicit agents also keep Node's own NODE_USE_ENV_PROXY out), and, in VS Code's
 * extension host, the patched `http.request`/`https.request` of @vscode/proxy-agent, which apply
 * `http.proxy` per `http.proxySupport` (with `override`, the default, even to requests that bring
 * their own agent; only a few loopback names go direct). The patch replaces the module's `request`
 * and `get` functions, not the `ClientRequest` class they construct, so this transport builds the
 * ClientRequest itself, as `http.request` does, with the agent axios chose from ours.
 */
import * as http from 'node:http';
import * as https from 'node:https';

type Callback = (res: http.IncomingMessage) => void;

export interface DirectConfig {
  readonly proxy: false;
  readonly httpAgent: http.Agent;
  readonly httpsAgent: https.Agent;
  readonly transport: { request(options: http.RequestOptions, callback?: Callback): http.ClientRequest };
}

export function directConfig(): DirectConfig {
  return {
    proxy: false,
    httpAgent: new http.Agent({ keepAlive: true }),
    httpsAgent: new https.Agent({ keepAlive: true }),
    transport: { request: (options, callback) => new http.ClientRequest(options, callback) },
  };
}
