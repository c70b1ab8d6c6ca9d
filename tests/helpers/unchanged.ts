import { afterEach, beforeEach, expect } from 'vitest';

/** An answer as the test clients give it. */
interface Answer {
  status: number;
  body: any;
}

/**
 * Sends a request that must be refused with `status` and `code`, and expects
 * `state` (everything the request could have written) to read the same
 * afterwards; `state` is read before the request is sent. Answers the body.
 * `who` names the caller in failure messages.
 */
export async function expectRefusedUnchanged(state: () => Promise<unknown>, send: () => Promise<Answer>, status: number, code: string, who?: string): Promise<any> {
  const before = await state();
  const res = await send();
  const prefix = who === undefined ? '' : `${who}: `;
  expect(res.status, `${prefix}${JSON.stringify(res.body)}`).toBe(status);
  expect(res.body.error.code, who).toBe(code);
  expect(await state(), `${prefix}a refused request changed something`).toEqual(before);
  return res.body;
}

/**
 * For a file of refusals: `state`, read before each test, must read the same
 * after it. Answers what it read before the running test.
 */
export function expectEachTestLeavesUnchanged<T>(state: () => Promise<T>): () => T {
  let before: T;
  beforeEach(async () => {
    before = await state();
  });
  afterEach(async () => {
    expect(await state()).toEqual(before);
  });
  return () => before;
}
