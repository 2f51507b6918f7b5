/**
 * Translates a key that is only known at run time (an error key from the server or a zod
 * schema); an unknown key falls back instead of showing the key itself.
 */
export function translateKey(
  t: { (key: never): string; has(key: never): boolean },
  key: string,
  fallback = 'validation.invalid',
  values?: Record<string, string | number | Date>,
): string {
  const tr = t as unknown as { (key: string, values?: Record<string, string | number | Date>): string; has(key: string): boolean };
  if (tr.has(key)) return tr(key, values);
  // An empty fallback means "nothing": the caller tries something else.
  return fallback ? tr(fallback) : '';
}
