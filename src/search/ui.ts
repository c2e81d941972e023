/**
 * The search UI, loaded on first use (see lib/client-scripts.ts). Pagefind and the locale's search
 * data (synonyms) start loading as soon as the module runs, on the first focus of a search field;
 * each keystroke preloads the index chunks of the words typed so far, and results follow a short
 * pause. The query plan and the ranking are `lib/search/query.ts` and `engine.ts` (also measured by
 * `npm run search:eval`), the excerpts `lib/search/excerpt.ts`.
 *
 * - Header: a WAI-ARIA combobox with a listbox popup; the popup says how many results there are (or
 *   that there are none, with links to search in English or in every cloud); arrows move, Enter
 *   opens, Escape closes.
 * - Search page: the results as a list of articles, each linked to its best-matching section, with
 *   other matching sections below it; the query, section and cloud scope are kept in the URL
 *   (`?q=…&section=…&cloud=all`), and the language and cloud pickers keep them.
 * Every text from the index is inserted as text (never as HTML).
 */
import { PAGEFIND_OPTIONS, runSearch, type PagefindSearch } from '../lib/search/engine.ts';
import { resultView, type ExcerptPart, type ResultView } from '../lib/search/excerpt.ts';
import { searchDataUrl } from '../lib/search/module-url.ts';
import { compileSynonyms, planQuery, resultUrlForCloud, typedSoFar, type Synonyms } from '../lib/search/query.ts';
import type { Locale } from '../lib/site.ts';

interface Pagefind extends PagefindSearch {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  preload(term: string, options?: { filters?: Record<string, string | string[]> }): Promise<void>;
}

interface Strings {
  resultsOne: string;
  resultsOther: string;
  noResults: string;
  partial: string;
  loading: string;
  inEnglish: string;
  allClouds: string;
  allResults: string;
  allCloudsNotice: string;
  onlyCloud: string;
  fallback: string;
  fallbackTitle: string;
  appliesTo: string;
  clouds: Record<string, string>;
}

const PAGEFIND_URL = '/pagefind/pagefind.js';
const BOX_RESULTS = 8;
const PAGE_RESULTS = 30;
/** Pause after the last keystroke before searching; index chunks are fetched meanwhile. */
const DEBOUNCE_MS = 30;
/** The parameter that widens the search page to every cloud (`cloud=all`). */
const ALL_CLOUDS = 'all';

let enginePromise: Promise<{ pagefind: Pagefind; synonyms: Synonyms }> | undefined;

/** Pagefind, initialized, and the locale's synonyms (both fetched once, in parallel). */
function engine(locale: Locale) {
  enginePromise ??= (async () => {
    const [pagefind, synonyms] = await Promise.all([
      (async () => {
        const url = PAGEFIND_URL;
        const api = (await import(/* @vite-ignore */ url)) as Pagefind;
        await api.options({ ...PAGEFIND_OPTIONS });
        await api.init();
        return api;
      })(),
      fetch(searchDataUrl(locale))
        .then((r) => (r.ok ? (r.json() as Promise<{ synonyms: string[][] }>) : { synonyms: [] }))
        .catch(() => ({ synonyms: [] })),
    ]);
    return { pagefind, synonyms: compileSynonyms(locale, synonyms.synonyms) };
  })();
  return enginePromise;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** An excerpt as text and <mark> elements. */
function excerptNodes(parts: readonly ExcerptPart[]): Node[] {
  return parts.map((p) => (p.mark ? el('mark', {}, p.text) : document.createTextNode(p.text)));
}

/** `template` with `{query}`/`{count}` filled in, the query as a <q>-less text. */
function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => values[key] ?? m);
}

interface Shown {
  view: ResultView;
  clouds: string[];
  fallback: string | undefined;
}

export function enhance(form: HTMLFormElement): void {
  if (form.dataset['enhanced']) return;
  form.dataset['enhanced'] = 'true';
  const input = form.querySelector('input')!;
  const results = form.querySelector<HTMLElement>('[data-search-results]')!;
  const status = form.querySelector<HTMLElement>('[data-search-status]')!;
  const popup = form.querySelector<HTMLElement>('[data-search-popup]');
  const select = form.querySelector<HTMLSelectElement>('[data-search-section]');
  const locale = form.dataset['locale'] as Locale;
  const cloud = form.dataset['cloud']!;
  const strings = JSON.parse(form.dataset['strings'] ?? '{}') as Strings;
  const isPage = form.dataset['search'] === 'page';
  const plural = new Intl.PluralRules(locale);
  const params = new URL(location.href).searchParams;
  const allClouds = isPage && params.get('cloud') === ALL_CLOUDS;
  let active = -1;
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  // Start loading the engine now: the reader is about to type.
  void engine(locale);

  const filters = (): Record<string, string> => {
    const f: Record<string, string> = allClouds ? {} : { cloud };
    if (select?.value) f['section'] = select.value;
    return f;
  };

  const options = (): HTMLElement[] => [...results.querySelectorAll<HTMLElement>('[role="option"]')];

  function setActive(index: number): void {
    const all = options();
    active = all.length === 0 ? -1 : (index + all.length) % all.length;
    all.forEach((option, i) => option.setAttribute('aria-selected', String(i === active)));
    const current = all[active];
    if (current) {
      input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function open(show: boolean): void {
    if (!popup) return;
    popup.hidden = !show;
    input.setAttribute('aria-expanded', String(show && options().length > 0));
    if (!show) {
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }
  }

  /** A search page URL for this query in another language or scope. */
  function searchPage(targetLocale: string, scope: string, query: string): string {
    const url = new URL(`/${targetLocale}/${cloud}/search/`, location.href);
    url.searchParams.set('q', query);
    if (scope === ALL_CLOUDS) url.searchParams.set('cloud', ALL_CLOUDS);
    return url.pathname + url.search;
  }

  /** The state of the search page in its URL, and in the language and cloud pickers' links. */
  function keepInUrl(query: string): void {
    if (!isPage) return;
    const state = (url: URL): void => {
      for (const [key, value] of [['q', query], ['section', select?.value ?? '']] as const) {
        if (value) url.searchParams.set(key, value);
        else url.searchParams.delete(key);
      }
    };
    const here = new URL(location.href);
    state(here);
    history.replaceState(null, '', here);
    for (const link of document.querySelectorAll<HTMLAnchorElement>('header a[href]')) {
      const target = new URL(link.href);
      if (target.origin !== location.origin || !/^\/[a-z]{2}\/[a-z]+\/search\/$/.test(target.pathname)) continue;
      target.search = '';
      state(target);
      if (allClouds) target.searchParams.set('cloud', ALL_CLOUDS);
      link.href = target.pathname + target.search;
    }
  }

  function summary(query: string, count: number, partial: boolean): Node[] {
    if (count === 0) {
      const links: Node[] = [];
      if (locale !== 'en') links.push(el('a', { href: searchPage('en', allClouds ? ALL_CLOUDS : cloud, query), hreflang: 'en' }, strings.inEnglish));
      if (!allClouds) links.push(el('a', { href: searchPage(locale, ALL_CLOUDS, query) }, strings.allClouds));
      return [document.createTextNode(fill(strings.noResults, { query })), ...links.flatMap((l) => [document.createTextNode(' '), l])];
    }
    const counted = fill(plural.select(count) === 'one' && strings.resultsOne ? strings.resultsOne : strings.resultsOther, { count: String(count) });
    const parts: Node[] = [document.createTextNode(counted)];
    if (partial) parts.push(document.createTextNode(` ${fill(strings.partial, { query })}`));
    if (allClouds) parts.push(document.createTextNode(` ${strings.allCloudsNotice} `), el('a', { href: searchPage(locale, cloud, query) }, strings.onlyCloud));
    return parts;
  }

  function title(shown: Shown): Node[] {
    const nodes: Node[] = [document.createTextNode(shown.view.title)];
    if (shown.fallback) nodes.push(document.createTextNode(' '), el('span', { class: 'search-fallback', lang: shown.fallback, title: strings.fallbackTitle }, strings.fallback));
    return nodes;
  }

  function renderBox(shown: Shown[], query: string): void {
    results.replaceChildren(
      ...shown.map((s, i) => {
        const best = s.view.sections[0];
        const section = best?.anchor ? best.title : s.view.meta['section'];
        return el(
          'a',
          { role: 'option', id: `${form.id || results.id}-opt-${i}`, 'aria-selected': 'false', href: s.view.url, class: 'search-result' },
          el('span', { class: 'search-result-title' }, ...title(s)),
          ...(section ? [el('span', { class: 'search-result-section' }, section)] : []),
          el('span', { class: 'search-result-excerpt', ...(s.fallback ? { lang: s.fallback } : {}) }, ...excerptNodes(s.view.excerpt)),
        );
      }),
    );
    // "All results" on the search page, outside the listbox (a link, not an option).
    popup?.querySelector('.search-all')?.remove();
    if (shown.length > 0) popup?.append(el('a', { class: 'search-all', href: searchPage(locale, cloud, query) }, fill(strings.allResults, { query })));
  }

  function renderPage(shown: Shown[]): void {
    results.replaceChildren(
      ...shown.map((s) => {
        const [best, ...more] = s.view.sections;
        const meta: Node[] = [];
        if (s.view.meta['section']) meta.push(document.createTextNode(s.view.meta['section']));
        if (allClouds) meta.push(document.createTextNode(`${meta.length ? ' · ' : ''}${strings.appliesTo}: ${s.clouds.map((c) => strings.clouds[c] ?? c).join(', ')}`));
        return el(
          'li',
          { class: 'search-hit' },
          el('h2', { class: 'search-hit-title' }, el('a', { href: s.view.url }, ...title(s))),
          ...(meta.length ? [el('p', { class: 'search-hit-meta' }, ...meta)] : []),
          ...(best?.anchor ? [el('p', { class: 'search-hit-section' }, best.title)] : []),
          el('p', { class: 'search-hit-excerpt', ...(s.fallback ? { lang: s.fallback } : {}) }, ...excerptNodes(s.view.excerpt)),
          ...(more.length
            ? [
                el(
                  'ul',
                  { class: 'search-hit-sections', role: 'list' },
                  ...more.map((m) => el('li', {}, el('a', { href: m.url }, m.title), el('span', { ...(s.fallback ? { lang: s.fallback } : {}) }, ...excerptNodes(m.excerpt)))),
                ),
              ]
            : []),
        );
      }),
    );
  }

  /**
   * Searches for what the field says now. One search at a time: Pagefind answers in order, so a
   * search started for every keystroke would queue ahead of the last one; while one runs, the next
   * waits and then searches for the latest text.
   */
  let running: Promise<void> | undefined;
  let again: boolean | undefined;
  async function run(typing = false): Promise<void> {
    if (running) {
      again = typing && (again ?? true);
      return running;
    }
    running = searchNow(typing).finally(() => {
      running = undefined;
      if (again !== undefined) {
        const next = again;
        again = undefined;
        void run(next);
      }
    });
    return running;
  }

  /** `typing`: the reader is typing (a last one-letter word waits for the next key; see typedSoFar). */
  async function searchNow(typing: boolean): Promise<void> {
    const raw = typing ? typedSoFar(locale, input.value) : input.value;
    const mine = ++generation;
    keepInUrl(input.value.trim());
    const { pagefind, synonyms } = await engine(locale);
    if (mine !== generation) return;
    const plan = planQuery(locale, raw, synonyms);
    if (plan.variants.length === 0) {
      results.replaceChildren();
      status.textContent = '';
      open(false);
      return;
    }
    const ranked = await runSearch(pagefind, plan, filters(), { prefetch: isPage ? PAGE_RESULTS : BOX_RESULTS });
    if (mine !== generation) return;
    const top = ranked.results.slice(0, isPage ? PAGE_RESULTS : BOX_RESULTS);
    const data = await Promise.all(top.map((r) => r.data()));
    if (mine !== generation) return;
    const shown: Shown[] = data.map((d, i) => {
      const href = allClouds ? d.url : resultUrlForCloud(d.url, cloud);
      return {
        view: resultView(d, top[i]!.locations, href, { locale, terms: ranked.terms, width: isPage ? 240 : 140 }),
        clouds: d.filters['cloud'] ?? [],
        fallback: d.meta['fallback'],
      };
    });
    status.replaceChildren(...summary(plan.query, ranked.results.length, ranked.partial));
    // Which query the list shows (read by the benchmark's time to first results).
    results.dataset['query'] = plan.query;
    if (isPage) renderPage(shown);
    else {
      renderBox(shown, plan.query);
      active = -1;
      open(true);
    }
  }

  function schedule(): void {
    clearTimeout(timer);
    const raw = typedSoFar(locale, input.value);
    // Fetch the index chunks of the words typed so far while the reader pauses.
    void engine(locale).then(({ pagefind, synonyms }) => {
      for (const v of planQuery(locale, raw, synonyms).variants) void pagefind.preload(v.terms.join(' '), { filters: filters() });
    });
    timer = setTimeout(() => void run(true), DEBOUNCE_MS);
  }

  input.addEventListener('input', schedule);
  select?.addEventListener('change', () => void run());
  form.addEventListener('submit', (event) => {
    // With the module loaded the page searches in place; the header box goes to the search page.
    if (isPage) {
      event.preventDefault();
      void run();
    }
  });
  if (!isPage) {
    input.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown') {
        event.preventDefault();
        if (popup?.hidden && input.value) void run();
        setActive(active + 1);
      } else if (event.key === 'ArrowUp') {
        event.preventDefault();
        setActive(active - 1);
      } else if (event.key === 'Enter') {
        const current = options()[active];
        if (current instanceof HTMLAnchorElement) {
          event.preventDefault();
          location.href = current.href;
        }
      } else if (event.key === 'Escape') {
        if (popup && !popup.hidden) {
          event.preventDefault();
          open(false);
        } else {
          input.value = '';
          void run();
        }
      }
    });
    form.addEventListener('focusout', (event) => {
      if (!form.contains(event.relatedTarget as Node | null)) open(false);
    });
    input.addEventListener('focus', () => {
      if (input.value && (results.children.length > 0 || status.textContent)) open(true);
    });
  } else {
    const initial = params.get('q');
    const section = params.get('section');
    if (select && section && [...select.options].some((o) => o.value === section)) select.value = section;
    if (initial) {
      input.value = initial;
      void run();
    }
  }
  // The reader may have typed before the module arrived.
  if (input.value && document.activeElement === input) void run();
}
