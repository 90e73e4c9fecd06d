/**
 * The editing helpers (completion, hover, snippets, cursor context), bundled apart as
 * dist/editing.js and loaded on the first completion or hover, so activation does not pay for them.
 */
export { keyProposals, valueProposals, valuesOf } from '../../core/assist/completion';
export { describeField } from '../../core/assist/describe';
export { yamlContextAt, yamlKeyPathAt } from '../../core/assist/yamlContext';
export { schemaAtPath, typesOf } from '../../core/schema/lookup';
export { quickFixes } from '../../core/fix/quickFixes';
