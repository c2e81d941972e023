/**
 * A mistake in what a person asked for or wrote (a folder that does not exist, a baseline file that
 * does not parse): scripts print its message as one line, with no stack trace, and exit 2.
 */
export class UserError extends Error {
  override name = 'UserError';
}
