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
  return tr.has(key) ? tr(key, values) : tr(fallback);
}
