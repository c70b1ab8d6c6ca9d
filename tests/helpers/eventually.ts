/**
 * Polls `check` every 20 ms until it answers `status` or `ms` have passed, and
 * answers the last status: for what reaches another server asynchronously
 * (notifications between processes), where the bound is what a test asserts.
 */
export async function eventually(check: () => Promise<number>, status: number, ms: number): Promise<number> {
  const deadline = Date.now() + ms;
  let last = await check();
  while (last !== status && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
    last = await check();
  }
  return last;
}
