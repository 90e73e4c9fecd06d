/** Integer ids typed as text (a digital human's, an agent's). */

/**
 * The id `raw` names: digits only, from 1 to 2^53 - 1. Longer numbers are refused rather than
 * rounded (9007199254740993 would become 9007199254740992, another resource).
 */
export function parseIntegerId(raw: string): number | undefined {
  const t = raw.trim();
  if (!/^[1-9]\d{0,15}$/.test(t)) return undefined;
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : undefined;
}
