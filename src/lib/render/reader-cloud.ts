/**
 * What a page may learn about its reader's cloud, and the only way the page code (`view.ts`,
 * `render/body.ts`) learns it: which page a link or the navigation leads to there, the previous and
 * next article, a cloud fact, whether a `<CloudOnly>` block applies. Where a page names the cloud,
 * it writes `shown` (the cloud, or in a page rendered for several clouds, a token: `cloud-token.ts`).
 *
 * The questions are recorded with their answers. A page is a deterministic function of its content,
 * the answers and `shown`; so if a reader of another cloud gets the same answer to every question
 * the page asked (`sameAnswers`), their page is this page with the tokens filled in for their cloud,
 * byte for byte. `distinct-pages.ts` builds on that.
 */
import type { KnowledgeBase } from '../model/kb.ts';
import { resolveLink, type Resolution } from '../model/resolve.ts';
import type { Page } from '../model/types.ts';
import type { Cloud, Locale } from '../site.ts';
import type { CloudRef } from './cloud-token.ts';

/** Recorded questions (kind, NUL, arguments) and their answers, as comparable strings. */
export type CloudAnswers = ReadonlyMap<string, string>;

export class ReaderCloud {
  readonly kb: KnowledgeBase;
  readonly locale: Locale;
  /** Where the page names the reader's cloud (URLs, names, "current" marks). */
  readonly shown: CloudRef;
  readonly #cloud: Cloud;
  readonly #answers = new Map<string, string>();

  constructor(kb: KnowledgeBase, locale: Locale, cloud: Cloud, shown: CloudRef = cloud) {
    this.kb = kb;
    this.locale = locale;
    this.#cloud = cloud;
    this.shown = shown;
  }

  /** Every question asked so far, with its answer. */
  get answers(): CloudAnswers {
    return this.#answers;
  }

  #note(question: string, answer: string): void {
    this.#answers.set(question, answer);
  }

  /** The page a reader of this cloud gets for an article, or undefined when it is not in the cloud. */
  page(slug: string): Page | undefined {
    const page = this.kb.page(this.locale, this.#cloud, slug);
    this.#note(`page\0${slug}`, page ? `${page.file.path}\0${page.fallback}` : '');
    return page;
  }

  /** The previous and next article in this cloud's reading order. */
  neighbours(slug: string): { previous: string | undefined; next: string | undefined } {
    const found = this.kb.neighbours(slug, this.#cloud);
    this.#note(`neighbours\0${slug}`, `${found.previous ?? ''}\0${found.next ?? ''}`);
    return found;
  }

  /** A cloud fact in the reader's locale (`content/cloud-facts.yaml`), or undefined. */
  fact(name: string): string | undefined {
    const value = this.kb.fact(name, this.#cloud, this.locale);
    this.#note(`fact\0${name}`, value === undefined ? '\0' : value);
    return value;
  }

  /** Whether the reader's cloud is one of `clouds` (a `<CloudOnly clouds="…">` block). */
  includes(clouds: readonly string[]): boolean {
    const included = clouds.includes(this.#cloud);
    this.#note(`includes\0${clouds.join(' ')}`, included ? '1' : '0');
    return included;
  }

  /** `resolveLink` for a link on the page of `from`, with `shown` in the URL it writes. */
  link(href: string, from: string): Resolution {
    const resolution = resolveLink(this.kb, { locale: this.locale, cloud: this.#cloud, slug: from, hrefCloud: this.shown }, href);
    const { target, ...rest } = resolution as Resolution & { target?: { path: string } };
    this.#note(`link\0${from}\0${href}`, JSON.stringify(rest) + (target ? `\0${target.path}` : ''));
    return resolution;
  }
}

/** Asks one recorded question again, for another reader. */
function ask(reader: ReaderCloud, question: string): void {
  const [kind, first = '', second = ''] = question.split('\0');
  switch (kind) {
    case 'page':
      reader.page(first);
      return;
    case 'neighbours':
      reader.neighbours(first);
      return;
    case 'fact':
      reader.fact(first);
      return;
    case 'includes':
      reader.includes(first.split(' '));
      return;
    case 'link':
      reader.link(second, first);
      return;
    default:
      throw new Error(`unknown recorded question "${kind}"`);
  }
}

/**
 * Whether a reader of `cloud` gets the answers `answers` records (asked by a page for another
 * cloud of the same locale, with the same `shown`), so that their page is the same page.
 */
export function sameAnswers(kb: KnowledgeBase, locale: Locale, cloud: Cloud, shown: CloudRef, answers: CloudAnswers): boolean {
  const other = new ReaderCloud(kb, locale, cloud, shown);
  for (const [question, answer] of answers) {
    ask(other, question);
    if (other.answers.get(question) !== answer) return false;
  }
  return true;
}
