/**
 * Entry of dist/api.js, loaded on the first push, pull, diff, plan, run or Remote view (through
 * lazy.ts): what the main bundle calls, each exported by the file that holds it. The Bluejay client
 * (axios, ~75 ms to load) comes with it, which activation and validation never pay.
 */
// The editor's push, pull, key and environment UI.
export { pushNow } from './sync/pushNow';
export { pushFile, pushAll, pushSaved } from './sync/pushCommands';
export { promptKey, clearKey } from './sync/keyPrompts';
export { switchEnvironment } from './sync/environmentPrompts';
export { moveLegacySetting } from './sync/settingsMove';
// Staying in step with Bluejay: pull, diff, plan and the Remote view's data.
export { pullNew, pullIntoFile } from './sync/pullCommands';
export { diffWithRemote, remoteContent } from './sync/diffCommand';
export { planCommand } from './sync/planCommand';
export { RemoteTree } from './remote/remoteTree';
export { Testing } from './testing/testing';
