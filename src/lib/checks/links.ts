/**
 * Link check (source level). Every link is judged by the resolver the site uses to write its URL,
 * once for every page a reader can reach (see `link-index.ts`). A problem seen from several clouds
 * or locales is reported once, at the link, naming where readers meet it.
 */
import { Subject, type Diagnostic, type Fix } from '../diagnostics.ts';
import type { RuleId } from '../rules.ts';
import { CLOUD_IDS, LOCALE_CODES } from '../site.ts';
import { diagnostic, listing, type CheckContext } from './context.ts';
import type { ResolvedLink } from './link-index.ts';
import type { KnowledgeBase } from '../model/kb.ts';
import { suggest } from '../model/resolve.ts';

interface Problem {
  rule: RuleId;
  entry: ResolvedLink;
  message: string;
  hint: string | undefined;
  /** Whether the message names where readers meet it (false for problems of the URL itself). */
  contextual: boolean;
  where: Set<string>;
  fix: Fix | undefined;
  dependsOn: string[] | undefined;
}

interface Extras {
  contextual?: boolean;
  /** The URL the hint proposes instead of the one written. */
  replaceWith?: string | undefined;
  /** The article the finding is about: a file of it that did not parse explains the finding. */
  target?: string | undefined;
  /** A file whose absence the finding is about (`Subject.file`): what explains that absence explains it. */
  missing?: string | undefined;
}

export function checkLinks(kb: KnowledgeBase, context: CheckContext): Diagnostic[] {
  const problems = new Map<string, Problem>();
  // One finding per (file, position, rule), whichever reader meets it: the first message stands
  // (messages about the link itself do not depend on the reader), readers are collected.
  const add = (entry: ResolvedLink, rule: RuleId, message: string, hint: string | undefined, extras: Extras = {}): void => {
    const key = `${entry.file.path}\0${entry.link.line}\0${entry.link.column}\0${rule}`;
    let problem = problems.get(key);
    if (!problem) {
      const { link } = entry;
      const fix = extras.replaceWith !== undefined ? { edits: [{ line: link.line, column: link.column, find: link.url, replace: extras.replaceWith }] } : undefined;
      // A link to an article also depends on the redirects: a redirects.yaml that did not parse explains it.
      problems.set(key, (problem = { rule, entry, message, hint, contextual: extras.contextual ?? true, where: new Set(), fix, dependsOn: extras.target ? [Subject.slug(extras.target), 'data:redirects', ...(extras.missing ? [extras.missing] : [])] : undefined }));
    }
    problem.where.add(`${entry.locale}/${entry.cloud}`);
  };
  const url = (r: { slug: string }, slug: string, anchor: string | undefined, written: string): string => {
    // Keep the form the author wrote (`x.md`, `./x.mdx`, a query) and change only the slug or anchor.
    const hash = written.indexOf('#');
    const path = hash >= 0 ? written.slice(0, hash) : written;
    const newPath = path === '' && slug === r.slug ? '' : path.replace(/[^/]*?(?=(\.mdx?)?([?].*)?$)/, slug);
    return anchor === undefined ? newPath : `${newPath}#${anchor}`;
  };

  for (const entry of context.links.all) {
    const { link, resolution: r } = entry;
    const quoted = `"${link.url}"`;
    if (link.url.trim() === '') {
      add(entry, 'link/empty', 'The link has an empty URL.', 'Write the target: an article file (other-article.mdx#section) or an https:// URL.', { contextual: false });
      continue;
    }
    switch (r.kind) {
      case 'external':
        break;
      case 'unsafe':
        add(entry, 'link/unsafe-url', `The link ${quoted} uses the "${r.scheme}:" scheme, which content may not use.`, 'Link to an article file or an https:// URL.', { contextual: false });
        break;
      case 'malformed':
        add(entry, 'link/malformed-url', `The URL ${quoted} is malformed: ${r.reason}.`, 'Write external links as absolute https:// URLs and article links as other-article.mdx#section.', { contextual: false });
        break;
      case 'site-path': {
        const parts = /^\/[^/]+\/[^/]+\/([^/#?]+)\/?(#.*)?$/.exec(r.href);
        const suggestion = parts ? `${parts[1]}.mdx${parts[2] ?? ''}` : undefined;
        add(entry, 'link/absolute-internal', `The link ${quoted} hard-codes a site URL, so it leaves the reader's language and cloud.`, suggestion ? `Replace "${link.url}" with "${suggestion}".` : 'Link to the article file instead: other-article.mdx#section.', { contextual: false, replaceWith: suggestion });
        break;
      }
      case 'asset':
        if (!r.exists) {
          const near = suggest(r.href, [...kb.assets])[0];
          // Keep the form written (`/media/x.png` or `media/x.png`): change only what differs.
          const replaceWith = near && link.url.endsWith(r.href.replace(/^\//, '')) ? link.url.slice(0, link.url.length - r.href.length + 1) + near.slice(1) : undefined;
          add(entry, 'link/missing-asset', `The file ${quoted} does not exist in public/ (looked for public${r.href}).`, replaceWith ? `Replace "${link.url}" with "${replaceWith}".` : 'Add the file under public/media/ or fix the path (assets are linked as /media/<file>).', { contextual: false, replaceWith });
        }
        break;
      case 'article': {
        if (r.redirectedFrom !== undefined) {
          const to = url(r, r.slug, r.anchor, link.url);
          add(entry, 'link/redirected', `The link ${quoted} points to "${r.redirectedFrom}", which has moved to "${r.slug}".`, `Replace "${link.url}" with "${to}".`, { contextual: false, replaceWith: to, target: r.slug });
        }
        switch (r.status) {
          case 'missing-article': {
            const near = r.suggestions[0];
            const replaceWith = near !== undefined && r.suggestions.length === 1 && r.redirectedFrom === undefined ? url(r, near, r.anchor, link.url) : undefined;
            const hint = replaceWith !== undefined ? `Replace "${link.url}" with "${replaceWith}".` : r.suggestions.length > 0 ? `Did you mean ${listing(r.suggestions.map((x) => `${x}.mdx`), true).replace(/ and /, ' or ')}?` : 'Check the file name under content/en/.';
            add(entry, 'link/missing-article', `The link ${quoted} points to an article "${r.slug}" that does not exist.`, hint, { contextual: false, replaceWith, target: r.slug });
            break;
          }
          case 'not-in-cloud': {
            const clouds = kb.article(r.slug)?.clouds ?? [];
            add(entry, 'link/not-in-cloud', `The link ${quoted} points to "${r.slug}", which is not published for the cloud of this page (it is for ${listing(clouds)} only).`, `Wrap the sentence in <CloudOnly clouds="${clouds.join(' ')}">, or link to an article that exists in every cloud of this page.`, { target: r.slug });
            break;
          }
          case 'missing-anchor': {
            // When another variant or locale of the target has the id, the target dropped it:
            // `variant/anchor` reports that at the target. Here: ids that no file of the target has.
            if (r.anchor !== undefined && context.links.anchorsOf(r.slug).has(r.anchor)) break;
            const near = r.suggestions[0];
            const replaceWith = near !== undefined && r.suggestions.length === 1 ? url(r, r.slug, near, link.url) : undefined;
            const hint = replaceWith !== undefined ? `Replace "${link.url}" with "${replaceWith}".` : r.suggestions.length > 0 ? `Did you mean ${listing(r.suggestions.map((x) => `#${x}`), true).replace(/ and /, ' or ')}?` : `Link to a section id of "${r.slug}", or give the section an id: ## Title {/* #${r.anchor} */}.`;
            add(entry, 'link/missing-anchor', `The link ${quoted} points to a section "#${r.anchor}" that no file of "${r.slug}" has.`, hint, { contextual: false, replaceWith, target: r.slug });
            break;
          }
          case 'ok':
            break;
        }
        if (r.status !== 'missing-article' && r.status !== 'not-in-cloud' && r.fallback && !entry.fallbackPage && entry.file.locale === entry.locale) {
          add(entry, 'link/fallback', `The link ${quoted} points to "${r.slug}", which is not translated into ${entry.locale}; readers get the English page.`, `Translate ${r.target?.path ?? `content/en/${r.slug}.mdx`} into ${entry.locale}, or accept the English fallback.`, {
            target: r.slug,
            // The translation exists under a misspelled name (\`translation/no-source\` names it).
            missing: Subject.file(entry.locale, r.slug, r.target?.variantKey ?? ''),
          });
        }
        break;
      }
    }
  }

  const out: Diagnostic[] = [];
  for (const p of problems.values()) {
    const message = p.contextual ? `${p.message.replace(/\.$/, '')} (${describeWhere(p.where)}).` : p.message;
    out.push(diagnostic(p.rule, p.entry.file.path, { line: p.entry.link.line, column: p.entry.link.column }, message, p.hint, { fix: p.fix, dependsOn: p.dependsOn }));
  }
  return out;
}

/** `for readers of global, usgov in en, ko`, grouped so the common case reads short. */
export function describeWhere(where: Set<string>): string {
  const byLocale = new Map<string, string[]>();
  for (const locale of LOCALE_CODES) {
    const clouds = CLOUD_IDS.filter((c) => where.has(`${locale}/${c}`));
    if (clouds.length > 0) byLocale.set(locale, clouds);
  }
  const groups = new Map<string, string[]>();
  for (const [locale, clouds] of byLocale) {
    const key = clouds.join(', ');
    groups.set(key, [...(groups.get(key) ?? []), locale]);
  }
  return (
    'for readers of ' +
    [...groups].map(([clouds, locales]) => `${clouds} in ${locales.join(', ')}`).join('; ')
  );
}
