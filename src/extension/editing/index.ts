/**
 * The editing helpers (completion, hover, snippets, cursor context, quick fixes, the form's host
 * side), bundled apart as dist/editing.js and loaded on first use, so activation does not pay for them.
 */
export { keyProposals, valueProposals, valuesOf } from '../../core/assist/completion';
export { describeField } from '../../core/assist/describe';
export { yamlContextAt, yamlKeyPathAt } from '../../core/assist/yamlContext';
export { schemaAtPath, typesOf } from '../../core/schema/lookup';
export { quickFixes } from '../../core/fix/quickFixes';
export { formModel } from '../../core/form/model';
export { editsFor } from '../../core/edit/engine';
export { FormEditorProvider } from '../form/formHost';
export { createDefinition } from '../newDefinition';
export { validateWorkspace } from '../validateWorkspace';
