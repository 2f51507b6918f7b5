import { translateKey } from '@/lib/i18n/dynamic';

type Translate = Parameters<typeof translateKey>[0];

/** A summary table's row key (a code) as the user reads it. */
export function reportRowLabel(t: Translate, table: string, code: string): string {
  switch (table) {
    case 'new_by_category':
      return translateKey(t, `categories.${code}`, code);
    case 'new_by_class':
      return translateKey(t, `caseClass.${code}`, code);
    case 'subjects_by_sex':
      return translateKey(t, `reports.sex.${code}`, code);
    case 'subjects_by_age':
      return translateKey(t, `reports.age.${code}`, code);
    case 'flow':
    case 'trafficking_outcomes':
    case 'legal':
    case 'age_claims':
    case 'money':
    case 'timeliness':
    case 'data_quality':
      return translateKey(t, `reports.figures.${code}`, code);
    case 'services':
      return translateKey(t, `services.${code}`, code);
    case 'trafficking':
      return code === 'total' ? translateKey(t, 'reports.total', code) : code;
    default:
      return code;
  }
}
