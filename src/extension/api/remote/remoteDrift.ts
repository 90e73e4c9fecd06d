/**
 * Which fields of a resource the Remote view shows as drifted: those Bluejay changed since the local
 * file was last pushed or pulled (its baseline in the state file).
 */
import type { Uri } from 'vscode';
import { apiFields } from '../../../core/api/request';
import { formatFromFileName, type Kind } from '../../../core/kinds';
import { mappingOf } from '../../../core/parse/mapping';
import { baselineOfResource, remoteChanges } from '../../../core/sync/drift';
import { fromRemote } from '../../../core/sync/remote';
import type { Ctx } from '../../ctx';
import { editorState } from '../sync/stateFile';
import { localText } from './localIndex';

/** The fields Bluejay changed since the local file's baseline (none without one). Fields a list leaves out count as unchanged. */
export async function driftedFields(
  ctx: Ctx,
  uri: Uri,
  kind: Kind,
  id: string | number,
  resource: Readonly<Record<string, unknown>>,
  origin: string,
): Promise<string[]> {
  const baseline = baselineOfResource(await editorState(ctx).baseline(uri, origin), kind, id);
  if (!baseline) return [];
  let value: Record<string, unknown> | undefined;
  try {
    value = mappingOf(await localText(uri), formatFromFileName(uri.path));
  } catch {
    return [];
  }
  const local = apiFields(value ?? {});
  const remote = apiFields(fromRemote(kind, resource));
  for (const [k, v] of Object.entries(baseline.fields))
    if (!Object.prototype.hasOwnProperty.call(resource, k)) remote[k] = v;
  return remoteChanges(baseline, local, remote)?.changed ?? [];
}
