/** The one piece of code of this fixture: it uses two UI strings. */
export function greeting(t: (key: string, options?: Record<string, unknown>) => string, name: string): string {
  return `${t('site.name')}: ${t('greeting', { name })}`;
}
