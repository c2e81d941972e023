/** How the tests start Chromium: Debian's package, never a downloaded browser (see scripts/lib/browser.ts). */
export { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/lib/browser.ts';
