/** The ApiError a promise rejects with (a test fails if it resolves, or rejects with anything else). */
import assert from 'node:assert/strict';
import { ApiError } from '../../../src/core/api/errors';

export async function failure(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof ApiError, String(e));
    return e;
  }
  throw new Error('expected a failure');
}
