/**
 * The page module: what a page does once the reader interacts with it. Reading needs none of it.
 * The inline loader (src/lib/client-scripts.ts) imports it on the first click, key press or scroll
 * and hands it that event and every later one of those kinds, so it adds no listeners of its own
 * for them.
 *
 * - Theme toggle: light / dark, remembered in localStorage (`kb-theme`).
 * - Language and cloud pickers (`details[data-picker]`): Escape closes the open one and returns
 *   focus to its summary; a click outside closes it; opening one closes the other.
 * - Sidebar: the whole navigation, fetched once per locale and cloud from the JSON the sidebar
 *   names (`data-nav`, cached by the browser), around the current section already in the page.
 * - "On this page": the link of the section being read is marked `aria-current`; on a phone, the
 *   collapsed list closes again after a jump.
 * - Heading self-links (`a.heading-anchor`): the click follows the link, and the URL with the
 *   section id is also copied, with a short "Link copied" that screen readers hear.
 */
import { LAYOUT_IDS } from '../lib/layout-ids.ts';
import type { NavTree } from '../lib/view.ts';

let started = false;

export function on(event: Event): void {
  if (!started) {
    started = true;
    void fillNavigation();
    watchToc();
  }
  const target = event.target instanceof Element ? event.target : null;
  if (event.type === 'click') click(target);
  else if (event.type === 'keydown' && (event as KeyboardEvent).key === 'Escape') closePickers(null, true);
  else if (event.type === 'scroll') scheduleToc();
}

function click(target: Element | null): void {
  closePickers(target, false);
  if (!target) return;
  if (target.closest(`#${LAYOUT_IDS.themeToggle}`)) toggleTheme();
  const anchor = target.closest<HTMLAnchorElement>('a.heading-anchor');
  if (anchor) copyLink(anchor);
  const tocLink = target.closest('.toc a');
  if (tocLink) closeCollapsed(tocLink.closest('details'));
}

// --- Theme -------------------------------------------------------------------------------------

function toggleTheme(): void {
  const root = document.documentElement;
  const current = root.dataset['theme'] ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  const next = current === 'dark' ? 'light' : 'dark';
  root.dataset['theme'] = next;
  try {
    localStorage.setItem('kb-theme', next);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

// --- Pickers -----------------------------------------------------------------------------------

/**
 * Closes every open picker that does not contain `keep` (a click inside one leaves it open). With
 * `restoreFocus`, focus that was inside a closed picker goes back to its summary (Escape).
 */
function closePickers(keep: Element | null, restoreFocus: boolean): void {
  for (const picker of document.querySelectorAll<HTMLDetailsElement>('details[data-picker][open]')) {
    if (keep && picker.contains(keep)) continue;
    const hadFocus = picker.contains(document.activeElement);
    picker.open = false;
    if (restoreFocus && hadFocus) picker.querySelector('summary')?.focus();
  }
}

// --- Sidebar: the whole tree -----------------------------------------------------------------------

function item(link: NavTree['sections'][number]['items'][number], marker: string): HTMLLIElement {
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.href = link.href;
  a.textContent = link.label;
  if (link.href === location.pathname) a.setAttribute('aria-current', 'page');
  if (link.fallback) {
    const span = document.createElement('span');
    span.className = 'lang-marker';
    span.textContent = ` ${marker}`;
    a.append(span);
  }
  li.append(a);
  return li;
}

function section(s: NavTree['sections'][number], marker: string): HTMLLIElement {
  const li = document.createElement('li');
  const details = document.createElement('details');
  details.className = 'nav-section';
  details.dataset['section'] = s.id;
  const summary = document.createElement('summary');
  summary.textContent = s.title;
  const list = document.createElement('ul');
  list.setAttribute('role', 'list');
  list.append(...s.items.map((link) => item(link, marker)));
  details.open = s.items.some((link) => link.href === location.pathname);
  details.append(summary, list);
  li.append(details);
  return li;
}

/**
 * Adds the other sections around the current one. The current section's element stays where it is
 * (it may hold the focus); the others are inserted before and after it in navigation order.
 */
async function fillNavigation(): Promise<void> {
  const nav = document.querySelector<HTMLElement>('nav.sidebar[data-nav]');
  const tree = nav?.querySelector('.nav-tree');
  if (!nav || !tree || nav.dataset['filled']) return;
  nav.dataset['filled'] = 'true';
  let data: NavTree;
  try {
    const response = await fetch(nav.dataset['nav']!);
    if (!response.ok) return;
    data = (await response.json()) as NavTree;
  } catch {
    return; // Offline: the current section and the link to every section stay.
  }
  const currentId = nav.dataset['section'];
  const current = [...tree.children].find((li) => li.querySelector<HTMLElement>('[data-section]')?.dataset['section'] === currentId);
  if (!current) return;
  let before = true;
  for (const s of data.sections) {
    if (s.id === currentId) {
      before = false;
      continue;
    }
    const li = section(s, data.marker);
    if (before) current.before(li);
    else tree.append(li);
  }
  nav.classList.add('nav-whole');
}

// --- On this page --------------------------------------------------------------------------------

let tocLinks: { heading: HTMLElement; link: HTMLAnchorElement }[] = [];
let tocFrame = 0;

function watchToc(): void {
  tocLinks = [...document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]')]
    .map((link) => ({ link, heading: document.getElementById(decodeURIComponent(link.hash.slice(1)))! }))
    .filter((x) => x.heading);
  markTocSection();
}

function scheduleToc(): void {
  if (tocLinks.length === 0 || tocFrame) return;
  tocFrame = requestAnimationFrame(() => {
    tocFrame = 0;
    markTocSection();
  });
}

/** The section being read: the last heading near the top of the viewport or above it (the last one at the page's end). */
function markTocSection(): void {
  if (tocLinks.length === 0) return;
  const line = Math.min(120, innerHeight / 4);
  let current: (typeof tocLinks)[number] | undefined;
  for (const entry of tocLinks) {
    if (entry.heading.getBoundingClientRect().top <= line) current = entry;
    else break;
  }
  if (innerHeight + scrollY >= document.documentElement.scrollHeight - 2) current = tocLinks.at(-1);
  for (const { link } of tocLinks) {
    if (link === current?.link) link.setAttribute('aria-current', 'location');
    else link.removeAttribute('aria-current');
  }
}

/** Closes a disclosure that is collapsible at this width (its summary is shown): the phone's ToC. */
function closeCollapsed(details: HTMLDetailsElement | null): void {
  const summary = details?.querySelector('summary');
  if (details && summary && getComputedStyle(summary).display !== 'none') details.open = false;
}

// --- Heading self-links ----------------------------------------------------------------------------

let status: HTMLElement | undefined;

function copyLink(anchor: HTMLAnchorElement): void {
  const label = anchor.closest<HTMLElement>('[data-link-copied]')?.dataset['linkCopied'];
  if (!navigator.clipboard || !label) return;
  navigator.clipboard.writeText(anchor.href).then(
    () => {
      if (!status) {
        status = document.createElement('p');
        status.className = 'visually-hidden';
        status.setAttribute('role', 'status');
        status.dataset['copyStatus'] = '';
        document.body.append(status);
      }
      status.textContent = label;
      anchor.dataset['copied'] = label;
      setTimeout(() => {
        delete anchor.dataset['copied'];
        if (status) status.textContent = '';
      }, 2000);
    },
    () => undefined, // No permission: the link was still followed, so the address bar has the URL.
  );
}
