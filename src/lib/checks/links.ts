/**
 * Link check (source level). Every link is judged by the resolver the site uses to write its URL,
 * once for every page a reader can reach (see `link-index.ts`). A problem seen from several clouds
 * or locales is reported once, at the link, naming where readers meet it.
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { RuleId } from '../rules.ts';
import { CLOUD_IDS, LOCALE_CODES } from '../site.ts';
import { diagnostic, listing, type CheckContext } from './context.ts';
import type { ResolvedLink } from './link-index.ts';
import type { KnowledgeBase } from '../model/kb.ts';

interface Problem {
  rule: RuleId;
  entry: ResolvedLink;
  message: string;
  hint: string | undefined;
  /** Whether the message names where readers meet it (false for problems of the URL itself). */
  contextual: boolean;
  where: Set<string>;
}

export function checkLinks(kb: KnowledgeBase, context: CheckContext): Diagnostic[] {
  const problems = new Map<string, Problem>();
  const add = (entry: ResolvedLink, rule: RuleId, message: string, hint: string | undefined, contextual = true): void => {
    const key = `${entry.file.path}\0${entry.link.line}\0${entry.link.column}\0${rule}\0${message}`;
    let problem = problems.get(key);
    if (!problem) problems.set(key, (problem = { rule, entry, message, hint, contextual, where: new Set() }));
    problem.where.add(`${entry.locale}/${entry.cloud}`);
  };

  for (const entry of context.links.all) {
    const { link, resolution: r } = entry;
    const quoted = `"${link.url}"`;
    if (link.url.trim() === '') {
      add(entry, 'link/empty', 'The link has an empty URL.', 'Write the target: an article file (other-article.mdx#section) or an https:// URL.', false);
      continue;
    }
    switch (r.kind) {
      case 'external':
        break;
      case 'unsafe':
        add(entry, 'link/unsafe-url', `The link ${quoted} uses the "${r.scheme}:" scheme, which content may not use.`, 'Link to an article file or an https:// URL.', false);
        break;
      case 'malformed':
        add(entry, 'link/malformed-url', `The URL ${quoted} is malformed: ${r.reason}.`, 'Write external links as absolute https:// URLs and article links as other-article.mdx#section.', false);
        break;
      case 'site-path': {
        const parts = /^\/[^/]+\/[^/]+\/([^/#?]+)\/?(#.*)?$/.exec(r.href);
        const suggestion = parts ? `${parts[1]}.mdx${parts[2] ?? ''}` : 'other-article.mdx#section';
        add(entry, 'link/absolute-internal', `The link ${quoted} hard-codes a site URL, so it leaves the reader's language and cloud.`, `Link to the article file instead: ${suggestion}.`, false);
        break;
      }
      case 'asset':
        if (!r.exists) {
          add(entry, 'link/missing-asset', `The file ${quoted} does not exist in public/ (looked for public${r.href}).`, 'Add the file under public/media/ or fix the path (assets are linked as /media/<file>).', false);
        }
        break;
      case 'article': {
        if (r.redirectedFrom !== undefined) {
          const to = r.anchor ? `${r.slug}.mdx#${r.anchor}` : `${r.slug}.mdx`;
          add(entry, 'link/redirected', `The link ${quoted} points to "${r.redirectedFrom}", which has moved to "${r.slug}".`, `Link to ${to}.`, false);
        }
        switch (r.status) {
          case 'missing-article':
            add(entry, 'link/missing-article', `The link ${quoted} points to an article "${r.slug}" that does not exist.`, r.suggestions.length > 0 ? `Did you mean ${listing(r.suggestions.map((s) => `${s}.mdx`), true).replace(/ and /, ' or ')}?` : 'Check the file name under content/en/.', false);
            break;
          case 'not-in-cloud': {
            const clouds = kb.article(r.slug)?.clouds ?? [];
            add(entry, 'link/not-in-cloud', `The link ${quoted} points to "${r.slug}", which is not published for the cloud of this page (it is for ${listing(clouds)} only).`, `Wrap the sentence in <CloudOnly clouds="${clouds.join(' ')}">, or link to an article that exists in every cloud of this page.`);
            break;
          }
          case 'missing-anchor': {
            // When another variant or locale of the target has the id, the target dropped it:
            // `variant/anchor` reports that at the target. Here: ids that exist nowhere.
            if (r.anchor !== undefined && context.links.anchorsOf(r.slug).has(r.anchor)) break;
            const target = r.target?.path ?? r.slug;
            add(entry, 'link/missing-anchor', `The link ${quoted} points to a section "#${r.anchor}" that ${target} does not have.`, r.suggestions.length > 0 ? `Did you mean ${listing(r.suggestions.map((s) => `#${s}`), true).replace(/ and /, ' or ')}?` : `Use a section id of ${target}, or give the section an id: ## Title {/* #${r.anchor} */}.`);
            break;
          }
          case 'ok':
            break;
        }
        if (r.status !== 'missing-article' && r.status !== 'not-in-cloud' && r.fallback && !entry.fallbackPage && entry.file.locale === entry.locale) {
          add(entry, 'link/fallback', `The link ${quoted} points to "${r.slug}", which is not translated into ${entry.locale}; readers get the English page.`, `Translate content/en/${r.slug}.mdx into content/${entry.locale}/, or accept the English fallback.`);
        }
        break;
      }
    }
  }

  const out: Diagnostic[] = [];
  for (const p of problems.values()) {
    const message = p.contextual ? `${p.message.replace(/\.$/, '')} (${describeWhere(p.where)}).` : p.message;
    out.push(diagnostic(p.rule, p.entry.file.path, { line: p.entry.link.line, column: p.entry.link.column }, message, p.hint));
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
