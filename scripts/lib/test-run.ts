/** Pieces of `npm test` (scripts/test.ts) that tests exercise directly. */
import { existsSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** The environment variable that marks every process of one test run. */
export const RUN_MARKER = 'PARTNER_KB_TEST_RUN';

/** True unless the arguments restrict the run to projects that never start a browser. */
export function needsBrowser(args: readonly string[]): boolean {
  const projects: string[] = [];
  args.forEach((arg, i) => {
    if (arg === '--project' && args[i + 1]) projects.push(args[i + 1]!);
    else if (arg.startsWith('--project=')) projects.push(arg.slice('--project='.length));
  });
  return projects.length === 0 || projects.some((p) => p !== 'unit');
}

/** The pids of live processes whose environment carries `marker=value` (Linux /proc; none elsewhere). */
export function processesMarked(marker: string, value: string): { pid: number; command: string }[] {
  if (!existsSync('/proc')) return [];
  const needle = `${marker}=${value}`;
  const found: { pid: number; command: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    try {
      const environ = readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0');
      if (!environ.includes(needle)) continue;
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim() || readlinkSync(`/proc/${pid}/exe`);
      found.push({ pid, command: command.slice(0, 160) });
    } catch {
      // The process ended while we looked, or is not ours to read.
    }
  }
  return found;
}

/**
 * What a test run left behind: live processes carrying `marker=runId` (waiting up to `graceMs` for
 * those already exiting) and entries of the run's own TMPDIR. Returns one line per leftover, and
 * removes them all (SIGKILL; the folder itself is deleted).
 */
export async function leftovers(marker: string, runId: string, runTmp: string, graceMs = 5000): Promise<string[]> {
  // Teardown has already awaited every close; give processes that are exiting a moment to go.
  let alive = processesMarked(marker, runId);
  for (let waited = 0; alive.length > 0 && waited < graceMs; waited += 250) {
    await new Promise((r) => setTimeout(r, 250));
    alive = processesMarked(marker, runId);
  }
  const found = alive.map((p) => `process ${p.pid} still running: ${p.command}`);
  for (const p of alive) {
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  const files = existsSync(runTmp) ? readdirSync(runTmp) : [];
  found.push(...files.map((f) => `temporary file or folder left behind: ${join(runTmp, f)}`));
  rmSync(runTmp, { recursive: true, force: true });
  return found;
}
