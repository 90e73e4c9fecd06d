/**
 * The commands that talk to Bluejay (push, plan, pull, run, generate) and what they share: a bundle
 * of their own (dist/cli-remote.js), loaded only when one of them runs, so `bluejay validate` starts
 * without loading the HTTP client and the sync engine (about three quarters of the code).
 * Nothing here may be told apart by `instanceof` in main.ts: the two bundles have their own classes.
 */
export { timeLimited } from './connect';
export { generateCommand } from './generate';
export { planCommand } from './plan';
export { pullCommand } from './pull';
export { pushCommand } from './push';
export { runCommand } from './run';
export { afterWrites } from '../core/sync/files';
