/** Where requests go: the base URL, checked so that the key never travels in clear text off this machine. */
export const DEFAULT_BASE_URL = 'https://api.getbluejay.ai';

export type BaseUrl =
  | { readonly ok: true; readonly url: string; readonly origin: string }
  | { readonly ok: false; readonly message: string };

/** Loopback hosts, where plain http stays on this machine. */
export function isLoopback(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/**
 * Accepts an https URL, or http to a loopback address; drops a trailing `/v1` (paths add it) and
 * any slash. Credentials, queries and fragments are refused.
 */
export function checkBaseUrl(input: string): BaseUrl {
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    return { ok: false, message: `Not a URL: '${input}'.` };
  }
  if (u.username || u.password || u.search || u.hash)
    return { ok: false, message: 'The base URL may not contain credentials, a query or a fragment.' };
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && isLoopback(u.hostname))) {
    return {
      ok: false,
      message: `Refusing ${u.protocol}//${u.host}: the API key is only sent over https (plain http only to this machine, such as http://127.0.0.1).`,
    };
  }
  const path = u.pathname.replace(/\/+$/, '').replace(/\/v1$/, '');
  return { ok: true, url: `${u.origin}${path}`, origin: u.origin };
}
