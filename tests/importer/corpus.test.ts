/**
 * The corpus test (issue 13): both real DocFX repositories in ../shared/corpus imported together into
 * a temporary folder, once, and every assertion read from that one import. The corpus is read in
 * place; nothing of it is copied into the project.
 */
import { cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../src/lib/checks/index.ts';
import { loadProject } from '../../src/lib/checks/project.ts';
import type { Diagnostic } from '../../src/lib/diagnostics.ts';
import { applyPlan, planImport, type ImportPlan } from '../../src/lib/importer/index.ts';
import { collectInputs } from '../../src/lib/importer/inputs.ts';
import { scanRepository } from '../../src/lib/importer/repository.ts';
import { createParseCache } from '../../src/lib/model/parse-cache.ts';
import { ROOT, tempDir } from './helpers.ts';

const CORPUS = join(ROOT, '..', 'shared', 'corpus');
const REPOSITORIES = ['partner-center-pr.ko-kr', 'partner-center-pr.zh-cn'].map((name) => join(CORPUS, name));
const TRANSLATED = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;

function filesOf(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesOf(path));
    else out.push(path);
  }
  return out;
}

/** Article files of the source tree: Markdown with front matter, TOCs aside. */
function articleFiles(repository: string): string[] {
  return filesOf(repository).filter((p) => p.endsWith('.md') && !/(^|\/)toc\.md$/i.test(p) && readFileSync(p, 'utf8').startsWith('---'));
}

let plan: ImportPlan;
let content: string;
let diagnostics: Diagnostic[];

beforeAll(async () => {
  const project = tempDir();
  content = join(project, 'content');
  const collected = collectInputs(REPOSITORIES, (p) => relative(CORPUS, p).split(sep).join('/'));
  plan = planImport(collected.inputs, { contentDir: content, publicDir: join(project, 'public'), displayPath: (p) => p });
  applyPlan(plan);
  // The site's data files are the project's, as a team's migration starts from them.
  for (const name of ['cloud-facts.yaml', 'terminology.yaml']) cpSync(join(ROOT, 'content', name), join(content, name));
  const loaded = await loadProject({ root: project, parseCache: createParseCache({}) });
  diagnostics = [...loaded.diagnostics, ...runChecks(loaded.kb, loaded.checkOptions)];
}, 600_000);

describe('importing both corpus repositories', () => {
  it('writes at least 99 % of the article files', () => {
    const articles = REPOSITORIES.flatMap(articleFiles).map((p) => relative(CORPUS, p).split(sep).join('/'));
    const imported = new Set(plan.imported);
    const written = articles.filter((a) => imported.has(a));
    expect(written.length / articles.length).toBeGreaterThanOrEqual(0.99);
  });

  it('puts no Hangul or Han text into English files unless a sentence pair says it in English', () => {
    // What the English halves of the pairs say, from the source tree itself.
    const pairEnglish = REPOSITORIES.flatMap(articleFiles)
      .flatMap((p) => [...readFileSync(p, 'utf8').matchAll(/data-stu-id="[^"]*">([\s\S]*?)<\/span><\/span>/g)].map((m) => m[1]!))
      .join('\n');
    const offending: string[] = [];
    for (const name of readdirSync(join(content, 'en'))) {
      const text = readFileSync(join(content, 'en', name), 'utf8');
      for (const run of text.match(TRANSLATED) ?? []) if (!pairEnglish.includes(run)) offending.push(`en/${name}: ${run}`);
    }
    expect(offending).toEqual([]);
  });

  it('keeps every relative link that resolves in the source tree: its target article exists after the import', () => {
    const missing: string[] = [];
    const yamlPages: string[] = [];
    let checked = 0;
    for (const root of REPOSITORIES) {
      const repository = scanRepository(root);
      for (const file of articleFiles(root)) {
        const from = relative(root, file).split(sep).join('/');
        if (!plan.imported.includes(relative(CORPUS, file).split(sep).join('/'))) continue;
        for (const [, url] of readFileSync(file, 'utf8').matchAll(/\]\(([^)\s#?:]+\.(?:md|yml))(?:[#?][^)\s]*)?\)/g)) {
          const target = join(dirname(file), url!);
          let exists = false;
          try {
            exists = statSync(target).isFile();
          } catch {
            // Not in the source tree: a link that was broken in DocFX too.
          }
          if (!exists || !target.startsWith(root)) continue;
          if (target.endsWith('.yml')) {
            yamlPages.push(`${from} → ${url}`);
            continue;
          }
          checked++;
          const slug = repository.addressOf(relative(root, target).split(sep).join('/')).slug;
          if (!readdirSync(join(content, 'en')).some((n) => n === `${slug}.mdx` || n.startsWith(`${slug}.`))) missing.push(`${from} → ${url} (${slug})`);
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(missing).toEqual([]);
    // Links to YAML pages: landing pages and FAQ pages that exist in Korean or Chinese only, which
    // have no English to import them with (they are listed by the import with an info line).
    expect(yamlPages.length).toBe(40);
  });

  it('passes the checks except for the kinds of findings the source repositories really have', () => {
    const errors: Record<string, number> = {};
    for (const d of diagnostics) if (d.severity === 'error') errors[d.rule] = (errors[d.rule] ?? 0) + 1;
    expect(errors).toEqual({
      // Images DocFX took from the English repository at build time (not in these repositories).
      'link/missing-asset': 1703,
      // Links from an article for more clouds (global + US Government) to one for fewer.
      'link/not-in-cloud': 129,
      // Translators' edits of link targets (a URL with translated text in it). Translations of an
      // older English version are imported as stale; their differences are part of that finding.
      'translation/links': 3,
      // Links to YAML pages that are not imported (see above) and to files DocFX never had.
      'link/missing-article': 39,
      // The global operator's name in a 21Vianet page, or a US Government name in a page Germany also reads.
      'variant/terminology': 10,
      'variant/anchor': 5,
      'link/missing-anchor': 5,
      // `[text]()` in the source.
      'link/empty': 3,
      // An article for US Government both in its "Applies to" list and as a dedicated page.
      'variant/overlap': 1,
    });
  });
});
