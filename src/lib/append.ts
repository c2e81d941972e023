/**
 * Appends every item of `items` to `target`, one by one. `target.push(...items)` passes each item
 * as an argument, and a check that finds 100,000 problems overflows the stack that way
 * (`RangeError: Maximum call stack size exceeded`): any list whose length content decides is
 * appended with this.
 */
export function append<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
