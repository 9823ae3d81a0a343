/**
 * GET /health (problem.md R1–R3): every dependency checked afresh on every request, each reported on its
 * own; 503 when any fails.
 */
import { json, type Response } from '../framework';
import type { Deps } from './deps';

type Check = { status: 'ok' } | { status: 'failing'; error: string };

const PROBE = 'health-probe';

/** The dependencies, by the name the answer reports them under. */
const CHECKS: Record<string, (deps: Deps) => Promise<void> | void> = {
  mail: (deps) => deps.mail.ping(),
  disk: (deps) => {
    const bytes = new Uint8Array([1, 2, 3]);
    deps.disk.write(PROBE, bytes);
    const back = deps.disk.read(PROBE);
    if (!back || back.join() !== bytes.join()) throw new Error('the disk did not read back what was written');
  },
};

async function run(check: (deps: Deps) => Promise<void> | void, deps: Deps): Promise<Check> {
  try {
    await check(deps);
    return { status: 'ok' };
  } catch (e) {
    return { status: 'failing', error: e instanceof Error ? e.message : String(e) };
  }
}

export async function health(deps: Deps): Promise<Response> {
  const checks: Record<string, Check> = {};
  for (const [name, check] of Object.entries(CHECKS)) checks[name] = await run(check, deps);
  const ok = Object.values(checks).every((c) => c.status === 'ok');
  return json({ status: ok ? 'ok' : 'failing', checks }, ok ? 200 : 503);
}
