import { createTranslator } from 'use-intl/core';
import { describe, expect, it } from 'vitest';
import { REDACTED } from '@/db/queries/audit';
import en from '@/lib/i18n/messages/en.json';
import id from '@/lib/i18n/messages/id.json';
import { type Say, VALUE_MESSAGES, fieldLabel, valueText } from './describe';

const sayIn = (messages: typeof en) => createTranslator({ locale: 'en', messages }) as unknown as Say;
const instant = (iso: string) => `at ${iso.slice(0, 10)}`;

describe('the audit trail in words', () => {
  const say = sayIn(id);

  it('names fields by their labels and shows codes as labels, by the kind of record', () => {
    expect(fieldLabel(say, 'riskLevel')).toBe('Risiko');
    expect(fieldLabel(say, 'someNewField')).toBe('some new field');
    expect(valueText(say, 'case', 'category', 'fishing_crew', instant)).toBe('Anak buah kapal (ABK) perikanan');
    expect(valueText(say, 'case', 'status', 'waiting_external', instant)).toBe('Menunggu pihak lain');
    expect(valueText(say, 'case_step', 'status', 'not_needed', instant)).toBe(id.stepStatuses.not_needed);
    expect(valueText(say, 'user', 'role', 'supervisor', instant)).toBe('Penyelia');
    expect(valueText(say, 'legal_proceeding', 'role', 'victim', instant)).toBe(id.legal.roles.victim);
    expect(valueText(say, 'export', 'columns', ['opened_on', 'subjects'], instant)).toBe(`${id.exports.columns.opened_on}, ${id.exports.columns.subjects}`);
    // A code without a label is shown as recorded rather than hidden.
    expect(valueText(say, 'case', 'category', 'not_a_code', instant)).toBe('not_a_code');
  });

  it('shows flags in words, instants in the reader’s format, and leaves ids and keyed hashes to the technical details', () => {
    expect(valueText(say, 'saved_view', 'isShared', true, instant)).toBe('Ya');
    expect(valueText(say, null, 'lockedUntil', '2026-11-29T08:00:00.000Z', instant)).toBe('at 2026-11-29');
    expect(valueText(say, 'case', 'assignedOfficerId', '0b6e5b5e-8a3c-4f7e-9f61-2b8a2f1d9c3e', instant)).toBe('tercatat (lihat rincian teknis)');
    expect(valueText(say, null, 'nik', 'f00d', instant)).toBe('tercatat (lihat rincian teknis)');
    expect(valueText(say, 'person', 'fullName', REDACTED, instant)).toBe(id.audit.redacted);
    expect(valueText(say, null, 'refused', 'forbidden', instant)).toBe('tidak diizinkan untuk peran ini');
    expect(valueText(say, 'report', 'format', 'xlsx', instant)).toBe('XLSX');
  });

  it('writes a nested record as label–value pairs, without its ids', () => {
    const refused = [{ id: '0b6e5b5e-8a3c-4f7e-9f61-2b8a2f1d9c3e', reference: 'JED-2026-00001', reason: 'other_mission' }];
    expect(valueText(say, 'case', 'refused', refused, instant)).toBe(`Nomor kasus: JED-2026-00001, Alasan: ${id.queues.bulk.reasons.other_mission}`);
  });

  it('names a locked month’s corrections by their table and column', () => {
    const corrections = [{ month: '2026-09', table: 'legal', row: 'lawyers_appointed', column: 'value', was: 2, now: 3 }];
    expect(valueText(say, 'month_lock', 'corrections', corrections, instant)).toBe(
      `Bulan: 2026-09, Tabel: ${id.reports.tables.legal}, Baris: lawyers_appointed, Kolom: ${id.reports.columns.value}, Dilaporkan: 2, Sekarang: 3`,
    );
  });

  it('reads its labels from messages that exist in both languages', () => {
    const namespaces = Object.values(VALUE_MESSAGES).flatMap((m) => (typeof m === 'string' ? [m] : Object.values(m)));
    for (const messages of [en, id]) {
      const tr = sayIn(messages);
      for (const ns of namespaces) expect(tr.has(ns), ns).toBe(true);
      for (const field of Object.keys(VALUE_MESSAGES)) expect(tr.has(`audit.fields.${field}`), field).toBe(true);
    }
  });
});
