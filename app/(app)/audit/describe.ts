import { REDACTED } from '@/db/queries/audit';

/** The translator, for keys made at run time (an action's code, a field's name, a value's code). */
export type Say = ((key: string, values?: Record<string, string | number>) => string) & { has(key: string): boolean };

/**
 * Which messages label a field's codes: one namespace for the field, or one per kind of record
 * (a case's status is not a step's). `*` is any other record. A value without a label there is
 * shown as recorded.
 */
export const VALUE_MESSAGES: Record<string, string | Record<string, string>> = {
  category: 'categories',
  subcategories: 'subcategories',
  riskLevel: 'risk',
  caseClass: 'caseClass',
  intakeChannel: 'channels',
  outcome: 'outcomes',
  sex: 'sex',
  pendingRole: 'roles',
  locale: 'language',
  hostStage: 'legal.stages',
  jurisdiction: 'legal.jurisdictions',
  ageClaim: 'age.statuses',
  scope: 'consentScopes',
  type: 'services',
  serviceType: 'services',
  columns: 'exports.columns',
  view: 'queues.names',
  reason: 'queues.bulk.reasons',
  decision: 'audit.decisions',
  table: 'reports.tables',
  column: 'reports.columns',
  // quoted: lib/domain/audit.test.ts reads `action: '…'` as an audit action written by the code
  'action': 'queues.bulk',
  status: { case: 'statuses', case_step: 'stepStatuses', referral: 'referralStatuses', age_claim: 'age.statuses' },
  role: { legal_proceeding: 'legal.roles', '*': 'roles' },
  kind: { document: 'documents.kinds', age_evidence: 'age.kinds', financial_claim: 'money.kinds', partner_agency: 'reference.partnerKinds' },
};

/** Fields that hold ids or keyed hashes: nothing a person reads; the technical details keep them. */
const isTechnical = (field: string) => /(Id|Ids|^id|sha256|^nik|^passport|requestId)$/.test(field);

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A field's name as the auditor reads it: its label, else the name in words ("riskLevel" → "risk level"). */
export function fieldLabel(say: Say, field: string): string {
  if (say.has(`audit.fields.${field}`)) return say(`audit.fields.${field}`);
  return field.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
}

function codeLabel(say: Say, entityType: string | null, field: string, code: string): string {
  const messages = VALUE_MESSAGES[field];
  const namespace = typeof messages === 'string' ? messages : messages ? (messages[entityType ?? ''] ?? messages['*']) : undefined;
  return namespace && say.has(`${namespace}.${code}`) ? say(`${namespace}.${code}`) : code;
}

/**
 * A recorded value as the auditor reads it: codes as their labels, yes/no in words, instants in
 * the reader's format, ids left to the technical details, nested records as label–value pairs.
 */
export function valueText(say: Say, entityType: string | null, field: string, value: unknown, instant: (iso: string) => string): string {
  if (value === REDACTED) return say('audit.redacted');
  if (value === null || value === undefined || value === '') return '—';
  if (isTechnical(field)) return say('audit.technicalValue');
  if (Array.isArray(value)) return value.map((v) => valueText(say, entityType, field, v, instant)).join(field === 'refused' ? '; ' : ', ') || '—';
  if (typeof value === 'boolean') return say(value ? 'audit.yes' : 'audit.no');
  if (typeof value === 'object')
    return Object.entries(value)
      .filter(([k]) => !isTechnical(k))
      .map(([k, v]) => `${fieldLabel(say, k)}: ${valueText(say, entityType, k, v, instant)}`)
      .join(', ');
  if (field === 'refused' && value === 'forbidden') return say('audit.refusedForbidden');
  if (field === 'format') return String(value).toUpperCase();
  if (typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return instant(value);
  return typeof value === 'string' ? codeLabel(say, entityType, field, value) : String(value);
}
