/**
 * The Bluejay client (axios) and push logic, bundled apart as dist/api.js and loaded on the first
 * push: axios costs ~75 ms to load, which activation and validation never pay.
 */
export { BluejayClient } from '../../core/api/client';
export { pushText } from '../../core/sync/push';
export { idEdit } from '../../core/sync/idEdit';
// The editor's push, pull, key and environment UI.
export { pushNow } from '../sync/pushNow';
export { pushFile, pushAll, pushSaved } from '../sync/pushCommands';
export { promptKey, clearKey, requireKey } from '../sync/keyPrompts';
export { switchEnvironment, confirmPush } from '../sync/environments';
export { moveLegacySetting } from '../sync/settingsMove';
// Staying in step with Bluejay: pull, diff, plan and the Remote view's data.
export { pullNew, pullIntoFile } from '../sync/pull';
export { diffWithRemote, remoteContent } from '../sync/diff';
export { planCommand } from '../sync/plan';
export { RemoteTree } from '../remote/tree';
export { Testing } from '../testing/testing';
