/**
 * Proxies and the network, in words: which proxy a request goes through (as axios picks it from
 * HTTPS_PROXY/NO_PROXY; in the editor VS Code's `http.proxy` may apply unseen), a proxy's own answer
 * told from Bluejay's, and failures before any answer (offline, no DNS, an unreachable proxy, a
 * certificate a TLS-inspecting proxy replaced) with the settings that matter. Proxy URLs appear
 * as their origin only: never with `user:password@`.
 */
import type { ApiErrorKind } from './errors';

/** What went wrong, in words; errors.ts and client.ts make it an ApiError (this module stays below them). */
export interface Explained {
  readonly kind: ApiErrorKind;
  readonly message: string;
}

/** The settings that decide the way out, named in every message about a proxy. */
const PROXY_SETTINGS =
  'Proxy settings: http.proxy and http.proxySupport in VS Code; HTTPS_PROXY and NO_PROXY for the CLI and VS Code.';

const CERT_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
/** No name resolution: the machine is offline or its DNS is out of reach (EAI_AGAIN may pass: one quick retry). */
const NO_DNS = new Set(['ENOTFOUND', 'EAI_AGAIN']);
/** No route: the machine has no network, or none towards that address. */
const NO_ROUTE = new Set(['ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'EHOSTDOWN']);

/** Failures after which nothing was sent, so that a request of any method may be tried again. */
export const OFFLINE_CODES: ReadonlySet<string> = new Set([...NO_DNS, ...NO_ROUTE]);

/** How many attempts after the first a transport failure deserves at most: none when offline, one quick one for EAI_AGAIN. */
export function retryCap(code: string): number | undefined {
  if (code === 'EAI_AGAIN') return 1;
  return OFFLINE_CODES.has(code) || CERT_CODES.has(code) ? 0 : undefined;
}

/** A URL as its origin (scheme, host, port), never its credentials, path or query; undefined when it is not a URL. */
export function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url.includes('://') ? url : `http://${url}`);
    return u.origin === 'null' ? undefined : u.origin;
  } catch {
    return undefined;
  }
}

const DEFAULT_PORTS: Readonly<Record<string, number>> = { 'http:': 80, 'https:': 443 };

/**
 * The proxy (its origin) that HTTPS_PROXY / HTTP_PROXY / ALL_PROXY and NO_PROXY choose for `url`, as axios
 * chooses it; undefined when none applies.
 */
export function envProxyFor(url: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return undefined;
  }
  const get = (name: string): string => env[name.toLowerCase()] || env[name.toUpperCase()] || '';
  const scheme = target.protocol.replace(/:$/, '');
  const proxy = get(`${scheme}_proxy`) || get('all_proxy');
  if (!proxy || bypassed(target, get('no_proxy').toLowerCase())) return undefined;
  return originOf(proxy.includes('://') ? proxy : `${scheme}://${proxy}`);
}

function bypassed(target: URL, noProxy: string): boolean {
  if (!noProxy) return false;
  if (noProxy === '*') return true;
  const host = target.host.replace(/:\d*$/, '').toLowerCase();
  const port = Number(target.port) || DEFAULT_PORTS[target.protocol] || 0;
  return noProxy.split(/[,\s]/).some((entry) => {
    if (!entry) return false;
    const m = /^(.+):(\d+)$/.exec(entry);
    const name = m?.[1] ?? entry;
    if (m && Number(m[2]) !== port) return false;
    if (!/^[.*]/.test(name)) return host === name;
    return host.endsWith(name.replace(/^\*/, ''));
  });
}

/** Where the answer came from, for the words: the proxy's origin when known, else a description. */
function proxyName(proxy: string | undefined): string {
  return proxy
    ? `The proxy at ${proxy}`
    : "A proxy between this machine and Bluejay (VS Code's http.proxy, or HTTPS_PROXY)";
}

const STATUS_WORDS: Readonly<Record<number, string>> = {
  403: 'forbidden: it does not let this machine through to Bluejay',
  407: 'proxy authentication required',
  502: 'bad gateway: it could not reach Bluejay',
  503: 'service unavailable',
  504: 'gateway timeout: Bluejay did not answer it in time',
};

/** The error for an answer that came from a proxy, not from Bluejay (a refused tunnel, a 407, a Proxy-Authenticate). */
export function proxyAnswer(status: number, proxy: string | undefined, baseUrl: string | undefined): Explained {
  const words = STATUS_WORDS[status] ?? 'it gave no reason';
  const bluejay = originOf(baseUrl) ?? 'Bluejay';
  const advice =
    status === 407
      ? "Give the proxy's user and password in its URL (http://user:password@host:port in http.proxy or HTTPS_PROXY), or have the proxy let this machine through."
      : `Have the proxy let ${bluejay} through, or, if Bluejay is reachable without it, add its host to NO_PROXY (or set http.proxySupport to off in VS Code).`;
  const message = `${proxyName(proxy)} answered ${status} (${words}), not Bluejay; nothing reached ${bluejay}. ${advice} ${PROXY_SETTINGS}`;
  return { kind: status >= 500 ? 'server' : 'unexpected', message };
}

/** A 403 without Bluejay's JSON (`{"detail": ...}`): not Bluejay's word on the key. */
export function foreign403(proxy: string | undefined): Explained {
  const who = proxy ? `the proxy at ${proxy}` : 'a proxy or firewall';
  const message = `Something other than Bluejay answered 403 (forbidden) without Bluejay's JSON: ${who}? The API key was not judged. ${PROXY_SETTINGS}`;
  return { kind: 'unexpected', message };
}

export interface TransportFault {
  readonly code: string;
  /** The host name a lookup failed for (Node's `hostname` on the error). */
  readonly hostname?: string | undefined;
}

/**
 * A failure before any answer that the network explains (offline, no DNS, the proxy unreachable, an untrusted
 * certificate); undefined for others. Through a proxy, this machine resolves and connects to the proxy only.
 */
export function transportProblem(
  fault: TransportFault,
  baseUrl: string,
  proxy: string | undefined,
): Explained | undefined {
  const { code } = fault;
  const target = hostOf(baseUrl) ?? baseUrl;
  const atProxy = proxy !== undefined;
  if (NO_DNS.has(code)) {
    const host = fault.hostname ?? (atProxy ? hostOf(proxy) : target);
    const whose = atProxy ? `, the proxy's host (from HTTPS_PROXY),` : '';
    return {
      kind: 'network',
      message: `Cannot resolve ${host}${whose} (${code}): offline, or DNS out of reach. Check this machine's network connection and try again. ${PROXY_SETTINGS}`,
    };
  }
  if (NO_ROUTE.has(code)) {
    const where = atProxy ? `the proxy at ${proxy}` : target;
    return {
      kind: 'network',
      message: `No route to ${where} (${code}): offline, or no network towards it. Check this machine's network connection and try again. ${PROXY_SETTINGS}`,
    };
  }
  if (CERT_CODES.has(code)) {
    const message =
      `The certificate presented for ${target} is not trusted (${code}): a proxy or firewall that inspects TLS? Its certificate authority must be trusted: ` +
      "for the CLI, NODE_EXTRA_CA_CERTS=/path/to/ca.pem (read when the process starts); in VS Code, the operating system's certificate store (http.systemCertificates), or NODE_EXTRA_CA_CERTS set before VS Code starts. " +
      'Certificate checks are never turned off.';
    return { kind: 'unexpected', message };
  }
  if (atProxy && code === 'ECONNREFUSED') {
    return {
      kind: 'network',
      message: `Could not reach the proxy at ${proxy} (${code}): is it running, and is HTTPS_PROXY right? ${PROXY_SETTINGS}`,
    };
  }
  return undefined;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return undefined;
  }
}
