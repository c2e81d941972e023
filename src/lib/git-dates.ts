/**
 * "Last updated" dates from git history. One `git log` over content/ gives every file's date; this
 * module only parses its output, so it is testable without a repository.
 */

/** The command whose output `parseGitLog` reads. */
export const GIT_LOG_ARGS = ['log', '--format=%x00%H %cI', '--name-only', '--no-renames', '--', 'content'];

/**
 * Maps each path to the committer date of the newest commit that touched it. On a shallow clone,
 * a file whose newest commit is a shallow boundary may really be older: it gets no date rather than
 * a wrong one.
 */
export function parseGitLog(output: string, shallowBoundaries: ReadonlySet<string> = new Set()): Map<string, string> {
  const dates = new Map<string, string>();
  for (const chunk of output.split('\0')) {
    const lines = chunk.split('\n').map((l) => l.trim()).filter(Boolean);
    const header = lines.shift();
    if (!header) continue;
    const [hash, date] = header.split(' ');
    if (!hash || !date) continue;
    for (const path of lines) {
      if (dates.has(path)) continue;
      dates.set(path, shallowBoundaries.has(hash) ? '' : date);
    }
  }
  for (const [path, date] of dates) if (date === '') dates.delete(path);
  return dates;
}
