/**
 * The browser the tests drive, and how `npm test` makes sure it is there.
 *
 * We use Debian's `chromium` package (driven by playwright-core with `executablePath`) rather than a
 * Chromium shipped inside an npm package: a browser download from a vendor fails on our machines, and
 * Debian's package comes with the fontconfig set-up that `fonts-noto-cjk` plugs into, so Korean, Chinese
 * and Japanese pages render as readers see them (the e2e suite takes CJK screenshots). An npm-packaged
 * Chromium (built for serverless hosts) would still need system fonts for CJK, which is the same
 * `apt-get` again.
 *
 * Pure planning ({@link planBrowserSetup}) is separate from probing the machine ({@link probeBrowserSetup})
 * so that every branch is tested without touching the machine.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Where the tests find Chromium: `CHROMIUM_PATH` or Debian's package. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';

/** Flags for a headless Chromium on a machine with no network and no display (as root, hence no sandbox). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The Debian packages that provide what the browser tests need. */
export const BROWSER_PACKAGES = ['chromium', 'fonts-noto-cjk'] as const;

/** The locales whose scripts need the CJK fonts, as fontconfig names them. */
const CJK_LANGS = ['ko', 'ja', 'zh-cn'] as const;

/** What the machine has, as {@link probeBrowserSetup} reads it. */
export interface BrowserMachine {
  chromiumPath: string;
  /** The file at `chromiumPath` exists and may be executed. */
  hasChromium: boolean;
  /** fontconfig knows a font for each of Korean, Japanese and Simplified Chinese. */
  hasCjkFonts: boolean;
  /** Running as root (uid 0), so a system package may be installed. */
  isRoot: boolean;
  /** `apt-get` is on PATH. */
  hasAptGet: boolean;
}

export type BrowserPlan =
  | { action: 'ready' }
  | { action: 'install'; packages: string[]; message: string }
  | { action: 'fail'; message: string };

/**
 * What to do before any test runs: nothing, install the missing Debian packages (root with apt-get), or
 * stop with one line that says what to install. A custom `CHROMIUM_PATH` that does not exist is never
 * "fixed" by installing Debian's package: the line names the path instead.
 */
export function planBrowserSetup(machine: BrowserMachine): BrowserPlan {
  const missing = [...(machine.hasChromium ? [] : ['chromium']), ...(machine.hasCjkFonts ? [] : ['fonts-noto-cjk'])];
  if (missing.length === 0) return { action: 'ready' };
  const customPath = machine.chromiumPath !== '/usr/bin/chromium';
  if (customPath && !machine.hasChromium) {
    return {
      action: 'fail',
      message: `The browser tests need Chromium, and CHROMIUM_PATH=${machine.chromiumPath} is not an executable file: point CHROMIUM_PATH at a Chromium binary, or unset it to use Debian's (apt-get install chromium).`,
    };
  }
  const what = `Debian's ${missing.join(' and ')}`;
  if (machine.isRoot && machine.hasAptGet) {
    return { action: 'install', packages: missing, message: `The browser tests need ${what}: installing with apt-get (once, about a minute).` };
  }
  const command = `apt-get install -y ${missing.join(' ')}`;
  const why = machine.hasAptGet ? 'not running as root' : 'apt-get is not on PATH';
  return {
    action: 'fail',
    message: `The browser tests need ${what} (${why}): run \`sudo ${command}\`${machine.hasChromium ? '' : ', or set CHROMIUM_PATH to a Chromium binary'}, then npm test again.`,
  };
}

function onPath(command: string, path = process.env['PATH'] ?? ''): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, command);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** True when fontconfig lists a font for every CJK locale (`fc-list :lang=ko`…); false without fontconfig. */
function hasCjkFonts(): boolean {
  const fcList = onPath('fc-list');
  if (!fcList) return false;
  return CJK_LANGS.every((lang) => {
    try {
      return execFileSync(fcList, [`:lang=${lang}`, 'family'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
    } catch {
      return false;
    }
  });
}

/** Reads the machine: Chromium at {@link CHROMIUM_PATH}, CJK fonts, root, apt-get. */
export function probeBrowserSetup(chromiumPath = CHROMIUM_PATH): BrowserMachine {
  return {
    chromiumPath,
    hasChromium: isExecutable(chromiumPath),
    hasCjkFonts: hasCjkFonts(),
    isRoot: process.getuid?.() === 0,
    hasAptGet: onPath('apt-get') !== undefined,
  };
}

/**
 * Installs Debian packages non-interactively (`apt-get update`, then `apt-get install`), printing only
 * apt's errors. Throws with apt's last output lines when it fails.
 */
export function aptInstall(packages: readonly string[]): void {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args: string[]): void => {
    try {
      execFileSync('apt-get', args, { env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    } catch (error) {
      const e = error as { stderr?: Buffer; stdout?: Buffer };
      const tail = `${e.stderr?.toString() ?? ''}${e.stdout?.toString() ?? ''}`.trim().split('\n').slice(-5).join('\n');
      throw new Error(`apt-get ${args.join(' ')} failed:\n${tail}`);
    }
  };
  run(['update', '-qq']);
  run(['install', '-y', '-qq', ...packages]);
}
