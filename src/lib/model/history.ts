/**
 * The English text a translation was made from, found in git history by its provenance hash.
 *
 * A translation records only the hash of its English source (`translation.sourceHash`). To show a
 * translator what changed since, the version of the English file whose hash is that one is looked
 * up in the file's git history (following renames): one `git log` and one `git cat-file --batch`
 * per English file, cached per file for the life of the lookup object (the site asks once per
 * locale). When the version is not there, the answer says why in words a translator can act on:
 * no git history at all, a shallow clone that does not reach back far enough, or no committed
 * version with that hash.
 */
import { execFileSync } from 'node:child_process';
import { relative, resolve, sep } from 'node:path';
import { provenanceHashOfSource } from '../hash.ts';

/** One committed version of a file. */
export interface FileVersion {
  commit: string;
  /** Committer date, ISO 8601. */
  date: string;
  /** The file's path in that commit (repository-relative; differs from today's after a rename). */
  path: string;
  text: string;
  /** Its provenance hash (undefined when it has no usable front matter). */
  hash: string | undefined;
}

export type SourceVersion =
  | {
      found: true;
      /** The newest committed version whose hash is the recorded one. */
      version: FileVersion;
      /**
       * The first newer commit whose text hashes differently: when the English moved on. Undefined
       * when only the working tree differs (the change is not committed yet).
       */
      changedBy: FileVersion | undefined;
    }
  | {
      found: false;
      reason: 'no-git' | 'shallow' | 'not-found';
      /** What a translator reads: names the file and the hash, and what to do. */
      message: string;
    };

/** Runs git in a folder and returns its standard output; throws when git fails or is missing. */
export type GitRunner = (args: string[], cwd: string, input?: string) => Buffer;

const runGit: GitRunner = (args, cwd, input) =>
  execFileSync('git', args, { cwd, input, maxBuffer: 512 * 1024 * 1024, stdio: ['pipe', 'pipe', 'ignore'] });

/**
 * Looks up English versions in the git repository that holds `root` (the project root, which
 * may be a folder inside the repository).
 */
export class SourceHistory {
  readonly #root: string;
  readonly #git: GitRunner;
  readonly #versions = new Map<string, FileVersion[] | Error>();
  #repository: { top: string; shallow: boolean } | null | undefined;

  constructor(root: string, git: GitRunner = runGit) {
    this.#root = resolve(root);
    this.#git = git;
  }

  /**
   * The version of `path` (project-relative, `content/en/x.mdx`) whose provenance hash is `hash`.
   * Never throws for a missing repository or version: the result says why.
   */
  find(path: string, hash: string): SourceVersion {
    const repository = this.#repositoryInfo();
    if (!repository) {
      return {
        found: false,
        reason: 'no-git',
        message: `${path}: there is no git history here, so the English text this translation was made from (hash ${hash}) cannot be shown. Work in a git clone of the repository.`,
      };
    }
    const versions = this.versions(path);
    const index = versions.findIndex((v) => v.hash === hash);
    if (index < 0) {
      return repository.shallow
        ? {
            found: false,
            reason: 'shallow',
            message: `${path}: this clone's history is shallow and does not reach the English version this translation was made from (hash ${hash}). Fetch the whole history with "git fetch --unshallow" and try again.`,
          }
        : {
            found: false,
            reason: 'not-found',
            message: `${path}: no committed version of the English file has hash ${hash} (the translation was made from a text that was never committed, or its hash was edited by hand). Compare with today's English instead; after review, run npm run kb -- ack on the translation.`,
          };
    }
    let changedBy: FileVersion | undefined;
    for (let i = index - 1; i >= 0; i--) {
      if (versions[i]!.hash !== hash) {
        changedBy = versions[i];
        break;
      }
    }
    return { found: true, version: versions[index]!, changedBy };
  }

  /** Every committed version of a project file, newest first (empty without git history). */
  versions(path: string): FileVersion[] {
    const cached = this.#versions.get(path);
    if (cached) return cached instanceof Error ? [] : cached;
    const repository = this.#repositoryInfo();
    if (!repository) return [];
    let versions: FileVersion[];
    try {
      versions = this.#readVersions(repository.top, relative(repository.top, resolve(this.#root, path)).split(sep).join('/'));
    } catch (error) {
      this.#versions.set(path, error as Error);
      return [];
    }
    this.#versions.set(path, versions);
    return versions;
  }

  #repositoryInfo(): { top: string; shallow: boolean } | null {
    if (this.#repository !== undefined) return this.#repository;
    try {
      const [top, shallow] = this.#git(['rev-parse', '--show-toplevel', '--is-shallow-repository'], this.#root).toString('utf8').trim().split('\n');
      // A repository without any commit has no history to search.
      this.#git(['rev-parse', '--verify', '-q', 'HEAD'], this.#root);
      this.#repository = top ? { top: top.trim(), shallow: shallow?.trim() === 'true' } : null;
    } catch {
      this.#repository = null;
    }
    return this.#repository;
  }

  #readVersions(top: string, repoPath: string): FileVersion[] {
    const log = this.#git(['log', '--follow', '--format=%x00%H %cI', '--name-only', '--', repoPath], top).toString('utf8');
    const commits: { commit: string; date: string; path: string }[] = [];
    for (const chunk of log.split('\0')) {
      const lines = chunk.split('\n').map((l) => l.trim()).filter(Boolean);
      const [commit, date] = (lines[0] ?? '').split(' ');
      if (!commit || !date) continue;
      // With --follow, the name listed is the file's name in that commit.
      commits.push({ commit, date, path: lines[1] ?? repoPath });
    }
    if (commits.length === 0) return [];
    const batch = this.#git(['cat-file', '--batch'], top, commits.map((c) => `${c.commit}:${c.path}\n`).join(''));
    const texts = parseCatFileBatch(batch);
    return commits.flatMap((c, i) => {
      const text = texts[i];
      // A commit that deleted the file has no blob at that path.
      return text === undefined ? [] : [{ ...c, text, hash: provenanceHashOfSource(text) }];
    });
  }
}

/**
 * Splits the output of `git cat-file --batch` into one text per requested object (undefined for
 * a `missing` one). Format: `<oid> <type> <size>\n<content>\n`, or `<name> missing\n`.
 */
export function parseCatFileBatch(output: Buffer): (string | undefined)[] {
  const texts: (string | undefined)[] = [];
  let at = 0;
  while (at < output.length) {
    const end = output.indexOf(0x0a, at);
    if (end < 0) break;
    const header = output.subarray(at, end).toString('utf8');
    at = end + 1;
    const match = /^\S+ (\w+) (\d+)$/.exec(header);
    if (!match) {
      texts.push(undefined); // `<name> missing` (or ambiguous)
      continue;
    }
    const size = Number(match[2]);
    texts.push(match[1] === 'blob' ? output.subarray(at, at + size).toString('utf8') : undefined);
    at += size + 1;
  }
  return texts;
}
