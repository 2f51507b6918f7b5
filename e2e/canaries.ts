/**
 * Identity values typed by the privacy spec (e2e/privacy.spec.ts) and by nothing else: none of
 * them may ever appear in what the server prints (checked by e2e/server-log.ts).
 */
export const CANARY = {
  name: 'Kenari Sentinela Wibisana',
  /** a valid NIK: West Java, a woman born 7 August 1995 */
  nik: '3201014708957391',
  passport: 'KC7391058',
  fileName: 'paspor Kenari Sentinela Wibisana.pdf',
} as const;

/** The fragments looked for: each value whole, and the name's parts on their own. */
export const CANARY_FRAGMENTS = [CANARY.nik, CANARY.passport, ...CANARY.name.split(' ')];
