/**
 * The Bluejay client (axios) and push logic, bundled apart as dist/api.js and loaded on the first
 * push: axios costs ~75 ms to load, which activation and validation never pay.
 */
export { BluejayClient } from '../../core/api/client';
export { pushText } from '../../core/sync/push';
export { idEdit } from '../../core/sync/idEdit';
