/**
 * What Generate Digital Humans says of a failure, in the display language (no `vscode`: translated
 * through @vscode/l10n, which testing.ts gives VS Code's bundle). The core and the API client speak
 * English (the CLI's words, the log's); here each of their codes (core/run/generate.ts's issue codes,
 * the API client's error kinds) is worded by l10n, never their message text. Bluejay's own words are
 * data: they are shown as they are, quoted.
 */
import * as l10n from '@vscode/l10n';
import { ApiError, type ApiErrorKind } from '../../../core/api/errors';
import { writeReason, type GenerateIssue } from '../../../core/run/generate';

/** An issue of what Bluejay generated. */
export function issueText(issue: GenerateIssue): string {
  switch (issue.code) {
    case 'generate-warning':
      return l10n.t('Bluejay says: "{0}"', issue.said);
    case 'generate-none':
      return l10n.t('Bluejay returned no digital humans.');
    case 'generate-bad-id':
      return l10n.t(
        "Bluejay answered a digital human with the id {0}, which is not a digital human's id: it is written without one.",
        issue.badId,
      );
    case 'generate-not-written':
      return issue.id !== null
        ? l10n.t(
            'Could not write {0} ({1}); Bluejay created it with id {2}: pull it (Bluejay: Pull).',
            issue.path,
            writeReason(issue.error),
            String(issue.id),
          )
        : l10n.t(
            'Could not write {0} ({1}); Bluejay created it: pull it (Bluejay: Pull).',
            issue.path,
            writeReason(issue.error),
          );
  }
}

/** An ApiError's kind (and status) in words; `origin` is the Bluejay the request went to. */
function kindText(kind: ApiErrorKind, status: number | null, origin: string): string {
  switch (kind) {
    case 'validation':
      return l10n.t('Bluejay rejected the request as invalid ({0}).', status ?? 422);
    case 'rejected':
      return l10n.t('Bluejay rejected the request ({0}).', status ?? 400);
    case 'not-found':
      return l10n.t(
        'Bluejay has no such agent, simulation or endpoint (404): check the ids and the base URL ({0}).',
        origin,
      );
    case 'unauthorized':
      return l10n.t('Bluejay rejected the API key (401): set or check it with "Bluejay: Set API Key".');
    case 'forbidden':
      return l10n.t('The API key is valid but has no organization (403): use a key of your organization.');
    case 'rate-limited':
      return l10n.t('Bluejay is rate limiting requests (429); try again in a moment.');
    case 'server':
      return status !== null
        ? l10n.t('Bluejay answered {0} (a server error).', status)
        : l10n.t('Bluejay at {0} had a server error.', origin);
    case 'network':
      return l10n.t(
        "Could not reach Bluejay at {0}, or the connection broke: check this machine's network connection and proxy settings.",
        origin,
      );
    case 'timeout':
      return l10n.t('Bluejay at {0} did not answer in time.', origin);
    case 'cancelled':
      return l10n.t('Cancelled.');
    case 'unexpected':
      return status !== null
        ? l10n.t('Bluejay answered {0}, which was not expected.', status)
        : l10n.t('The request to Bluejay at {0} failed.', origin);
  }
}

/**
 * A failed request in words: the kind's sentence, Bluejay's own words (quoted), whether the digital
 * humans may exist all the same, and where the details are. An error that is no ApiError was worded
 * by the editor itself (or by VS Code) and is shown as it is.
 */
export function failureText(e: unknown, origin: string): string {
  if (!(e instanceof ApiError)) return e instanceof Error ? e.message : String(e);
  const parts = [kindText(e.kind, e.status, origin)];
  if (e.facts.said !== undefined) parts.push(l10n.t('Bluejay said: "{0}"', e.facts.said));
  if (e.facts.mayExist)
    parts.push(
      l10n.t(
        'The digital humans may have been created on Bluejay all the same: look for them in the Bluejay Remote view before generating again.',
      ),
    );
  if (e.kind !== 'cancelled') parts.push(l10n.t('The details are in the output (Bluejay: Show Output).'));
  return parts.join(' ');
}
