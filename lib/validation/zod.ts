import { z } from 'zod';

// Pages run under a Content-Security-Policy without 'unsafe-eval' (lib/content-security.ts):
// zod must not compile its parsers with Function(), nor even probe whether it may (the probe
// alone is reported as a violation in every page that validates a form).
z.config({ jitless: true });

export { z };

/**
 * A fact the user must choose (a category, a role in a proceeding): its field starts empty ('')
 * and stays so until someone picks, since a preselected first option records a fact nobody stated.
 * Empty is refused as "choose one"; the value that comes out is always one of `values`.
 */
export function requiredChoice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.union([z.literal(''), z.enum(values)], 'validation.choose').transform((v, ctx): T[number] => {
    if (v === '') ctx.addIssue({ code: 'custom', message: 'validation.choose' });
    return v as T[number];
  });
}
