/**
 * The ids DocFX gives headings, so that links written for a DocFX site (`other.md#some-heading`)
 * keep their target after the import.
 *
 * DocFX renders Markdown with Markdig and its auto-identifier extension in GitHub mode
 * (`AutoIdentifierOptions.GitHub`, DocFX's default): the heading's text, links and markup stripped,
 * goes through `LinkHelper.UrilizeAsGfm`, which follows GitHub's own rule (html-pipeline's
 * `toc_filter`): letters and digits lower-cased, each space a `-`, `-` and `_` kept, every other
 * character dropped, nothing trimmed or collapsed (`This - is a &@! heading` →
 * `this---is-a--heading`); an empty result is `section`; a heading whose id was taken earlier in
 * the page gets `-1`, `-2` … Every heading takes part, the page's `#` heading too, in document
 * order; ids of `<a name>` anchors are not heading ids and take no part.
 *
 * github-slugger implements the same GitHub rule (for ASCII text, character for character, and
 * its numbering of repeats is Markdig's), so it is used here; what it does differently outside
 * ASCII (combining marks kept) does not matter, as the ids are made ASCII after (`asciiSectionId`).
 */
import GithubSlugger, { slug } from 'github-slugger';

/**
 * DocFX's heading ids of one page, in document order: `next(text)` is the id of the next heading,
 * from its plain text (see the module comment).
 */
export function docfxHeadingIds(): { next(text: string): string } {
  const slugger = new GithubSlugger();
  return { next: (text) => slugger.slug(slug(text) === '' ? 'section' : text) };
}

/**
 * A DocFX id as a section id of this project, which are ASCII (`[A-Za-z0-9][A-Za-z0-9_-]*`, see
 * CONTRIBUTING.md): accents are removed (`café` → `cafe`), other letters outside ASCII and a leading
 * `-` or `_` dropped. Undefined when nothing is left (a heading in a script other than Latin).
 * English headings are ASCII nearly always, so the id is DocFX's own.
 */
export function asciiSectionId(docfxId: string): string | undefined {
  const id = docfxId
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z0-9_-]+/g, '')
    .replace(/^[-_]+/, '');
  return id === '' ? undefined : id;
}
