/**
 * `npm test` on a fresh machine (scripts/test.ts): the browser prerequisites are planned, installed or
 * named in one line before any test runs, and a run that leaves a process or a temporary file behind
 * fails.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planBrowserSetup, type BrowserMachine } from '../../scripts/lib/browser.ts';
import { leftovers, needsBrowser, processesMarked } from '../../scripts/lib/test-run.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const machine = (over: Partial<BrowserMachine>): BrowserMachine => ({
  chromiumPath: '/usr/bin/chromium',
  hasChromium: true,
  hasCjkFonts: true,
  isRoot: true,
  hasAptGet: true,
  ...over,
});

describe('planBrowserSetup', () => {
  it('does nothing when Chromium and the CJK fonts are there', () => {
    expect(planBrowserSetup(machine({}))).toEqual({ action: 'ready' });
  });

  it('installs exactly the missing Debian packages as root with apt-get', () => {
    expect(planBrowserSetup(machine({ hasChromium: false, hasCjkFonts: false }))).toMatchObject({
      action: 'install',
      packages: ['chromium', 'fonts-noto-cjk'],
    });
    expect(planBrowserSetup(machine({ hasCjkFonts: false }))).toMatchObject({ action: 'install', packages: ['fonts-noto-cjk'] });
  });

  it('names the one command to run when it cannot install', () => {
    expect(planBrowserSetup(machine({ hasChromium: false, isRoot: false }))).toEqual({
      action: 'fail',
      message:
        "The browser tests need Debian's chromium (not running as root): run `sudo apt-get install -y chromium`, or set CHROMIUM_PATH to a Chromium binary, then npm test again.",
    });
    expect(planBrowserSetup(machine({ hasCjkFonts: false, hasAptGet: false }))).toEqual({
      action: 'fail',
      message: "The browser tests need Debian's fonts-noto-cjk (apt-get is not on PATH): run `sudo apt-get install -y fonts-noto-cjk`, then npm test again.",
    });
  });

  it('never installs Debian Chromium for a CHROMIUM_PATH that does not exist', () => {
    const plan = planBrowserSetup(machine({ chromiumPath: '/opt/chrome/chrome', hasChromium: false }));
    expect(plan.action).toBe('fail');
    expect(plan.action === 'fail' && plan.message).toContain('CHROMIUM_PATH=/opt/chrome/chrome is not an executable file');
  });
});

describe('needsBrowser', () => {
  it('is true for a whole run or any project that may start Chromium', () => {
    expect(needsBrowser([])).toBe(true);
    expect(needsBrowser(['tests/checks/links.test.ts'])).toBe(true);
    expect(needsBrowser(['--project', 'e2e'])).toBe(true);
    expect(needsBrowser(['--project=unit', '--project=e2e'])).toBe(true);
  });

  it('is false when only the unit project runs', () => {
    expect(needsBrowser(['--project', 'unit'])).toBe(false);
    expect(needsBrowser(['--project=unit', 'tests/model'])).toBe(false);
  });
});

describe('leftovers of a test run', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('finds, names and stops a process that carries the run marker, and empties the run TMPDIR', async () => {
    const runId = `t-${process.pid}-${Date.now()}`;
    const child = spawn('sleep', ['60'], { env: { ...process.env, KB_LEFTOVER_TEST: runId }, stdio: 'ignore' });
    const exited = new Promise((done) => child.on('exit', done));
    const tmp = mkdtempSync(join(tmpdir(), 'kb-leftover-'));
    dirs.push(tmp);
    writeFileSync(join(tmp, 'forgotten.txt'), 'x');
    await new Promise((r) => setTimeout(r, 100));
    expect(processesMarked('KB_LEFTOVER_TEST', runId).map((p) => p.pid)).toEqual([child.pid]);

    const found = await leftovers('KB_LEFTOVER_TEST', runId, tmp, 200);
    expect(found).toEqual([`process ${child.pid} still running: sleep 60`, `temporary file or folder left behind: ${join(tmp, 'forgotten.txt')}`]);
    await exited;
    expect(processesMarked('KB_LEFTOVER_TEST', runId)).toEqual([]);
    expect(existsSync(tmp)).toBe(false);
  });

  it('reports nothing for a clean run', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'kb-leftover-'));
    dirs.push(tmp);
    expect(await leftovers('KB_LEFTOVER_TEST', 'no-such-run', tmp, 0)).toEqual([]);
  });
});

/**
 * The real prerequisite step on a machine where Chromium and the fonts are absent at first: a mount
 * namespace hides /usr/bin/chromium and /usr/share/fonts, and a stand-in `apt-get` on PATH records its
 * arguments and "installs" by removing the mounts that hide them. Needs root and unshare(1); CI's
 * machines have both (and the fresh machine CI runs on exercises the real apt-get as well).
 */
const canHide =
  process.getuid?.() === 0 &&
  existsSync('/usr/bin/chromium') &&
  spawnSync('unshare', ['-m', 'true']).status === 0 &&
  spawnSync('sh', ['-c', 'command -v fc-list']).status === 0;

describe.runIf(canHide)('npm test -- --prerequisites-only on a machine without Chromium and fonts', () => {
  const work = mkdtempSync(join(tmpdir(), 'kb-fresh-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const fcList = spawnSync('sh', ['-c', 'command -v fc-list'], { encoding: 'utf8' }).stdout.trim();

  function fakeBin(name: string, withApt: boolean): { bin: string; log: string } {
    const bin = join(work, name);
    mkdirSync(bin);
    symlinkSync(fcList, join(bin, 'fc-list'));
    const log = join(work, `${name}.log`);
    if (withApt) {
      writeFileSync(
        join(bin, 'apt-get'),
        `#!/bin/sh\necho "$*" >> ${log}\nif [ "$1" = install ]; then /bin/umount /usr/bin/chromium; /bin/umount /usr/share/fonts; fi\n`,
      );
      chmodSync(join(bin, 'apt-get'), 0o755);
    }
    return { bin, log };
  }

  function runHidden(bin: string) {
    const script = [
      'mount --bind /dev/null /usr/bin/chromium',
      'mount -t tmpfs none /usr/share/fonts',
      `PATH=${bin} exec ${process.execPath} ${join(ROOT, 'scripts/test.ts')} --prerequisites-only`,
    ].join(' && ');
    return spawnSync('unshare', ['-m', 'sh', '-c', script], { encoding: 'utf8', env: { ...process.env, CHROMIUM_PATH: '' } });
  }

  it('installs them with apt-get, then goes on', () => {
    const { bin, log } = fakeBin('with-apt', true);
    const run = runHidden(bin);
    expect(run.stderr).toBe("npm test: The browser tests need Debian's chromium and fonts-noto-cjk: installing with apt-get (once, about a minute).\n");
    expect(run.status).toBe(0);
    expect(readFileSync(log, 'utf8')).toBe('update -qq\ninstall -y -qq chromium fonts-noto-cjk\n');
  });

  it('without a package manager: one line that says what to install, exit 1, no stack trace', () => {
    const { bin } = fakeBin('without-apt', false);
    const run = runHidden(bin);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      "npm test: The browser tests need Debian's chromium and fonts-noto-cjk (apt-get is not on PATH): run `sudo apt-get install -y chromium fonts-noto-cjk`, or set CHROMIUM_PATH to a Chromium binary, then npm test again.\n",
    );
  });
});

describe('the e2e set-up when Chromium cannot start', () => {
  it('stops its static server, so vitest exits at once and names the cause', () => {
    const site = mkdtempSync(join(tmpdir(), 'kb-e2e-site-'));
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>x</title>');
    try {
      const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--project', 'e2e'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, CHROMIUM_PATH: join(site, 'no-chromium'), E2E_SITE_DIR: site, FORCE_COLOR: '0' },
        timeout: 60_000,
      });
      const output = run.stdout + run.stderr;
      expect(output).toContain("executable doesn't exist");
      expect(output).not.toContain('close timed out');
      expect(run.status).toBe(1);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  }, 90_000);
});
