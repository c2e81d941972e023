/**
 * Resident memory of this process's descendants, read from /proc (Linux): the benchmark's measure
 * of a build's or an import's memory, sampled while it runs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { MemorySample } from '../../src/lib/bench/build-log.ts';

function childrenByParent(): Map<number, number[]> {
  const byParent = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = byParent.get(ppid) ?? [];
      list.push(Number(entry));
      byParent.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  return byParent;
}

function statusKb(status: string, field: string): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return m ? Number(m[1]) * 1024 : 0;
}

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

export interface TreeMemory {
  /** Every sample, `at` in ms since the sampler started. */
  samples: MemorySample[];
  /** The largest sum of RSS over the tree, in bytes. */
  peakTreeRss: number;
  /** The largest high-water mark (VmHWM) of any one process of the tree, in bytes. */
  peakProcessHwm: number;
}

/**
 * Samples the RSS of every descendant of this process every `ms` until the returned function is
 * called: the sum, the Node processes' (Astro, with its worker threads) and Pagefind's processes'
 * (`pagefind*` binaries); other processes (esbuild) count in the sum only.
 */
export function sampleTreeMemory(ms = 100): () => TreeMemory {
  const started = performance.now();
  const samples: MemorySample[] = [];
  let peakProcessHwm = 0;
  const sample = (): void => {
    const tree = childrenByParent();
    const stack = [...(tree.get(process.pid) ?? [])];
    const s: MemorySample = { at: performance.now() - started, total: 0, astro: 0, pagefind: 0 };
    while (stack.length) {
      const pid = stack.pop()!;
      const status = read(`/proc/${pid}/status`);
      const rss = statusKb(status, 'VmRSS');
      const name = /^Name:\s*(.*)$/m.exec(status)?.[1] ?? '';
      s.total += rss;
      if (name.startsWith('pagefind')) s.pagefind += rss;
      else if (name === 'node' || name === 'MainThread') s.astro += rss;
      peakProcessHwm = Math.max(peakProcessHwm, statusKb(status, 'VmHWM'));
      stack.push(...(tree.get(pid) ?? []));
    }
    samples.push(s);
  };
  const timer = setInterval(sample, ms);
  return () => {
    clearInterval(timer);
    return { samples, peakTreeRss: samples.reduce((m, s) => Math.max(m, s.total), 0), peakProcessHwm };
  };
}
