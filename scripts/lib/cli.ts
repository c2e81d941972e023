/**
 * Command lines for the scripts (check, kb, import, bench): one way to parse options, so that every
 * script answers `--help` with its usage (exit 0) and an unknown option, a missing value or a
 * stray argument with what is wrong and its usage (exit 2), never a stack trace.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface CommandLine<T extends Options> {
  /** `npm run check` (how the script is run, for messages). */
  name: string;
  /** The full usage text, ending with a newline. */
  usage: string;
  options: T;
  allowPositionals?: boolean;
}

/** The parsed command line, or the exit code when the script should stop (help shown, or an error). */
export function parseCommandLine<T extends Options>(argv: string[], spec: CommandLine<T>): { values: ReturnType<typeof parseArgs<{ options: T; allowPositionals: true; strict: true }>>['values']; positionals: string[] } | { exit: 0 | 2 } {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(spec.usage);
    return { exit: 0 };
  }
  try {
    const { values, positionals } = parseArgs({ args: argv, options: spec.options, allowPositionals: spec.allowPositionals ?? false, strict: true });
    return { values: values as never, positionals };
  } catch (error) {
    return usageError(spec, error instanceof Error ? error.message.split('\n')[0]! : String(error));
  }
}

/** Prints `<name>: <problem>` and the usage on standard error; exit code 2. */
export function usageError(spec: Pick<CommandLine<Options>, 'name' | 'usage'>, problem: string): { exit: 2 } {
  process.stderr.write(`${spec.name}: ${problem.replace(/\. To specify a positional argument.*$/, '')}\n${spec.usage}`);
  return { exit: 2 };
}
