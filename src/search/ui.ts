/**
 * The search combobox (WAI-ARIA combobox with a listbox popup): type, see results of the reader's
 * language and cloud with highlighted snippets, move with the arrow keys, open with Enter, close
 * with Escape. The result count is announced through a live region. Loaded on first use only.
 */
import { prepareQuery, resultUrlForCloud } from '../lib/search/query.ts';
import type { Locale } from '../lib/site.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  filters: Record<string, string[]>;
}
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(
    query: string,
    options: { filters?: Record<string, string> },
    debounceMs?: number,
  ): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

interface Strings {
  resultsOne: string;
  resultsOther: string;
  noResults: string;
  loading: string;
}

const PAGEFIND_URL = '/pagefind/pagefind.js';
const BOX_RESULTS = 8;
const PAGE_RESULTS = 30;
let pagefindPromise: Promise<PagefindApi> | undefined;

function pagefind(): Promise<PagefindApi> {
  pagefindPromise ??= (async () => {
    const url = PAGEFIND_URL;
    const api = (await import(/* @vite-ignore */ url)) as PagefindApi;
    await api.options({ excerptLength: 24 });
    await api.init();
    return api;
  })();
  return pagefindPromise;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function enhance(form: HTMLFormElement): void {
  if (form.dataset['enhanced']) return;
  form.dataset['enhanced'] = 'true';
  const input = form.querySelector('input')!;
  const listbox = form.querySelector<HTMLElement>('[role="listbox"]')!;
  const status = form.querySelector<HTMLElement>('[data-search-status]')!;
  const locale = form.dataset['locale'] as Locale;
  const cloud = form.dataset['cloud']!;
  const strings = JSON.parse(form.dataset['strings'] ?? '{}') as Strings;
  const isPage = form.dataset['search'] === 'page';
  const plural = new Intl.PluralRules(locale);
  let active = -1;
  let section = '';
  let generation = 0;

  const options = (): HTMLElement[] => [...listbox.querySelectorAll<HTMLElement>('[role="option"]')];

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

  function close(): void {
    if (isPage) return;
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function announce(count: number, query: string): void {
    const template = count === 0 ? strings.noResults : plural.select(count) === 'one' ? strings.resultsOne : strings.resultsOther;
    status.textContent = template.replace('{count}', String(count)).replace('{query}', query);
  }

  async function run(): Promise<void> {
    const raw = input.value;
    const query = prepareQuery(locale, raw);
    const mine = ++generation;
    if (isPage) {
      const url = new URL(location.href);
      if (raw) url.searchParams.set('q', raw);
      else url.searchParams.delete('q');
      history.replaceState(null, '', url);
    }
    if (query === '') {
      listbox.replaceChildren();
      status.textContent = '';
      close();
      return;
    }
    const api = await pagefind();
    const filters: Record<string, string> = { cloud };
    if (section) filters['section'] = section;
    const search = await api.debouncedSearch(query, { filters }, 120);
    if (search === null || mine !== generation) return;
    const data = await Promise.all(search.results.slice(0, isPage ? PAGE_RESULTS : BOX_RESULTS).map((r) => r.data()));
    if (mine !== generation) return;
    listbox.innerHTML = data
      .map((d, i) => {
        const href = resultUrlForCloud(d.url, cloud);
        const title = escapeHtml(d.meta.title ?? href);
        const sectionName = d.filters['section']?.[0];
        // Pagefind's excerpt is escaped text with <mark> around the matches.
        return `<a role="option" id="${form.id || listbox.id}-opt-${i}" aria-selected="false" href="${escapeHtml(href)}" class="search-result"><span class="search-result-title">${title}</span>${sectionName ? `<span class="search-result-section">${escapeHtml(sectionName)}</span>` : ''}<span class="search-result-excerpt">${d.excerpt}</span></a>`;
      })
      .join('');
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    active = -1;
    input.removeAttribute('aria-activedescendant');
    announce(search.results.length, raw);
  }

  input.addEventListener('input', () => void run());
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (listbox.hidden && input.value) void run();
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
      if (!listbox.hidden && !isPage) {
        event.preventDefault();
        close();
      } else {
        input.value = '';
        void run();
      }
    }
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) close();
  });
  input.addEventListener('focus', () => {
    if (input.value && listbox.children.length > 0 && !isPage) {
      listbox.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }
  });

  if (isPage) {
    const select = document.querySelector<HTMLSelectElement>('[data-search-section]');
    if (select) {
      void pagefind()
        .then((api) => api.filters())
        .then((all) => {
          for (const name of Object.keys(all['section'] ?? {}).sort()) {
            select.add(new Option(name, name));
          }
        });
      select.addEventListener('change', () => {
        section = select.value;
        void run();
      });
    }
    const initial = new URL(location.href).searchParams.get('q');
    if (initial) {
      input.value = initial;
      void run();
    }
  }
  // The reader may have typed before the module arrived.
  if (input.value && document.activeElement === input) void run();
}
