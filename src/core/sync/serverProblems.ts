/**
 * What Bluejay answered, as problems on the file: the code of each kind of failure and the range of
 * the field it names (shared by push, plan and pull).
 */
import { ApiError, type ApiErrorKind } from '../api/errors';
import { CODES, type Code } from '../codes';
import type { Format } from '../kinds';
import { rangesOf } from '../locate';
import type { Problem } from '../problem';

/** The problem code of each kind of failed request. */
export const CODE_OF: Readonly<Record<ApiErrorKind, Code>> = {
  validation: 'server-validation',
  rejected: 'server-rejected',
  'not-found': 'server-not-found',
  unauthorized: 'server-auth',
  forbidden: 'server-auth',
  'rate-limited': 'server-unavailable',
  server: 'server-unavailable',
  network: 'server-unavailable',
  timeout: 'server-unavailable',
  unexpected: 'server-unavailable',
  cancelled: 'push-cancelled',
};

export interface PlacedItem {
  readonly code: Code;
  readonly pointer: string;
  readonly message: string;
}

/** Problems for `items`, each on the range of its pointer in `text` (the first line when it names nothing there). */
export function placed(text: string, format: Format, items: readonly PlacedItem[]): Problem[] {
  if (items.length === 0) return [];
  const ranges = rangesOf(
    text,
    format,
    items.map((i) => i.pointer),
  );
  return items.map((i, n) => ({
    severity: CODES[i.code],
    code: i.code,
    message: i.message,
    pointer: i.pointer,
    range: ranges[n] ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  }));
}

/** A failed request (an ApiError, or anything thrown) as its HTTP status and the problems it puts on the file. */
export function errorProblems(
  text: string,
  format: Format,
  e: unknown,
): { status: number | null; problems: Problem[] } {
  const error =
    e instanceof ApiError ? e : new ApiError('unexpected', e instanceof Error ? e.message : String(e), null);
  return {
    status: error.status,
    problems: placed(
      text,
      format,
      error.problems.map((p) => ({ code: CODE_OF[error.kind], pointer: p.pointer, message: p.message })),
    ),
  };
}
