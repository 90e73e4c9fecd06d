/**
 * Bundles loaded on first use: esbuild writes them beside dist/extension.js, and nothing in the
 * activation path pulls them in. `import type` keeps the types; this require brings the code.
 */
import type * as ApiModule from './api/index';
import type * as EditingModule from './editing/index';

export function lazyBundle<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a separate bundle, resolved at run time
    loaded ??= require(`${__dirname}/${name}.js`) as T; // a forward slash serves on Windows too
    return loaded;
  };
}

export type Editing = typeof EditingModule;

/** Completion, hover and snippet helpers (dist/editing.js). */
export const editing = lazyBundle<Editing>('editing');

export type Api = typeof ApiModule;

/** The Bluejay client and push logic (dist/api.js, with axios). */
export const api = lazyBundle<Api>('api');
