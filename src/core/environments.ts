/**
 * Named Bluejay environments (a name and a base URL; `production` is built in) and a file's pinned
 * environment (its optional top-level `environment:` key), shared by the editor and the CLI.
 */
import { checkBaseUrl, DEFAULT_BASE_URL } from './api/endpoint';
import { CODES } from './codes';
import type { Format } from './kinds';
import { rangesOf } from './locate';
import type { Problem } from './problem';

export interface Environment {
  readonly name: string;
  /** As configured; checkBaseUrl says whether it may be used. */
  readonly baseUrl: string;
}

export const PRODUCTION: Environment = { name: 'production', baseUrl: DEFAULT_BASE_URL };
export const ENVIRONMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/**
 * The environments a setting value describes, `production` first: entries that are not objects
 * with a valid name and a string baseUrl are skipped and reported, as are later duplicates of a
 * name. A user's own `production` entry replaces the built-in one.
 */
export function environmentsFrom(setting: unknown): { environments: Environment[]; problems: string[] } {
  const problems: string[] = [];
  const byName = new Map<string, Environment>([[PRODUCTION.name, PRODUCTION]]);
  const seen = new Set<string>();
  for (const [i, raw] of (Array.isArray(setting) ? setting : []).entries()) {
    const e = raw as { name?: unknown; baseUrl?: unknown } | null;
    if (
      !e ||
      typeof e !== 'object' ||
      typeof e.name !== 'string' ||
      !ENVIRONMENT_NAME.test(e.name) ||
      typeof e.baseUrl !== 'string'
    ) {
      problems.push(`bluejay.environments[${i}] needs a name (letters, digits, '.', '_', '-') and a baseUrl.`);
      continue;
    }
    if (seen.has(e.name)) {
      problems.push(`bluejay.environments has '${e.name}' twice; the first is used.`);
      continue;
    }
    seen.add(e.name);
    byName.set(e.name, { name: e.name, baseUrl: e.baseUrl });
  }
  return { environments: [...byName.values()], problems };
}

/** Whether pushing to this URL or environment name means production (named so, or Bluejay's own API). */
export function isProduction(name: string | undefined, baseUrl: string): boolean {
  const checked = checkBaseUrl(baseUrl);
  return name === PRODUCTION.name || (checked.ok && checked.origin === new URL(DEFAULT_BASE_URL).origin);
}

/** The environment a definition is pinned to, if it names one. */
export function pinnedEnvironment(value: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const v = value?.['environment'];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/**
 * The problem (on the `environment` value) when a pinned file would be pushed to another
 * environment; `active` is the environment's name, or undefined when none is chosen.
 */
export function pinnedProblem(
  text: string,
  format: Format,
  value: Readonly<Record<string, unknown>> | undefined,
  active: string | undefined,
): Problem | undefined {
  const pinned = pinnedEnvironment(value);
  if (pinned === undefined || pinned === active) return undefined;
  const where = active === undefined ? 'no environment is chosen' : `the active environment is '${active}'`;
  const [range] = rangesOf(text, format, ['/environment']);
  return {
    severity: CODES['environment-mismatch'],
    code: 'environment-mismatch',
    message: `This file is pinned to the environment '${pinned}', but ${where}: switch to '${pinned}' to push it.`,
    pointer: '/environment',
    range: range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  };
}
