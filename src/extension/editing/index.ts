/**
 * Entry of dist/editing.js: the editing helpers (completion, hover, snippets, cursor context, quick
 * fixes, the form's host side, New Definition, Validate All), loaded on first use through lazy.ts,
 * so activation does not pay for them. Only what the main bundle calls is exported.
 */
export { keyProposals, valueProposals, valuesOf } from '../../core/assist/completion';
export { describeField } from '../../core/assist/describe';
export { yamlContextAt, yamlKeyPathAt } from '../../core/assist/yamlContext';
export { schemaAtPath, typesOf } from '../../core/schema/lookup';
export { quickFixes } from '../../core/fix/quickFixes';
export { FormEditorProvider } from './formHost';
export { createDefinition } from './newDefinition';
export { validateWorkspace } from './validateWorkspace';
