/** Starts `vite preview` over a build for a benchmark, waits until it answers, and returns how to stop it. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..');

export async function startPreview(port: number, outDir = 'dist'): Promise<() => void> {
  const base = `http://127.0.0.1:${port}/`;
  // A server left behind on the port would answer for this one, and the bench would measure another build.
  const stale = await fetch(base).then(
    () => true,
    () => false,
  );
  if (stale) throw new Error(`port ${port} is already serving; stop that server first`);
  const child = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1', '--outDir', outDir], {
    cwd: ROOT,
    stdio: 'ignore',
    // Its own process group: npx starts vite as a child of its own, and killing npx alone left vite serving.
    detached: true,
  });
  const kill = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(base)).ok) return kill;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  kill();
  throw new Error(`vite preview did not start on port ${port}`);
}
