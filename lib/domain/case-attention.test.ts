import { describe, expect, it } from 'vitest';
import { type AttentionInput, caseAttention, sectionsNeedingAttention, urgencyOf } from './case-attention';

const base: AttentionInput = {
  today: '2026-12-03',
  now: new Date('2026-12-03T04:00:00Z'),
  status: 'in_progress',
  steps: [],
  hasStepsToPlan: false,
  assessmentEmpty: false,
  hearings: [],
  detentions: [],
  ageClaims: [],
  pendingTransfer: null,
};

describe('caseAttention', () => {
  it('lists an overdue step (past its grace) before one due this week, and leaves later and finished ones out', () => {
    const items = caseAttention({
      ...base,
      steps: [
        { label: 'Shelter', status: 'planned', dueDate: '2026-12-05', graceDays: 0 },
        { label: 'Legal aid', status: 'in_progress', dueDate: '2026-11-28', graceDays: 0 },
        { label: 'Within grace', status: 'planned', dueDate: '2026-12-01', graceDays: 3 },
        { label: 'Next month', status: 'planned', dueDate: '2027-01-10', graceDays: 0 },
        { label: 'Done late', status: 'done', dueDate: '2026-11-01', graceDays: 0 },
      ],
    });
    expect(items).toEqual([
      { kind: 'stepOverdue', section: 'steps', label: 'Legal aid', days: 5 },
      { kind: 'stepDue', section: 'steps', label: 'Shelter', days: 2 },
      { kind: 'stepDue', section: 'steps', label: 'Within grace', days: -2 },
    ]);
  });

  it('asks for a visit to a detainee past the interval, a hearing outcome once the hearing began, and names a hearing within 7 days', () => {
    const items = caseAttention({
      ...base,
      detentions: [
        { pseudonym: 'P-1', daysSinceLast: 120, isOverdue: true, visited: true },
        { pseudonym: 'P-2', daysSinceLast: 10, isOverdue: false, visited: true },
      ],
      hearings: [
        { pseudonym: 'P-1', startsAt: new Date('2026-12-01T02:00:00Z'), timeZone: 'Asia/Kuala_Lumpur', outcome: null, dayOf: '2026-12-01' },
        { pseudonym: 'P-1', startsAt: new Date('2026-11-20T02:00:00Z'), timeZone: 'Asia/Kuala_Lumpur', outcome: 'Adjourned', dayOf: '2026-11-20' },
        { pseudonym: 'P-3', startsAt: new Date('2026-12-06T02:00:00Z'), timeZone: 'Asia/Kuala_Lumpur', outcome: null, dayOf: '2026-12-06' },
        { pseudonym: 'P-4', startsAt: new Date('2026-12-20T02:00:00Z'), timeZone: 'Asia/Kuala_Lumpur', outcome: null, dayOf: '2026-12-20' },
      ],
    });
    expect(items.map((i) => [i.kind, 'pseudonym' in i ? i.pseudonym : ''])).toEqual([
      ['visitOverdue', 'P-1'],
      ['hearingOutcome', 'P-1'],
      ['hearingSoon', 'P-3'],
    ]);
    expect(items.find((i) => i.kind === 'hearingSoon')).toMatchObject({ days: 3 });
  });

  it('lists undecided age claims (a stale one as overdue), a waiting closure and a pending transfer', () => {
    const items = caseAttention({
      ...base,
      status: 'resolution_requested',
      ageClaims: [
        { pseudonym: 'P-1', status: 'claimed', isStale: true },
        { pseudonym: 'P-2', status: 'submitted', isStale: false },
        { pseudonym: 'P-3', status: 'accepted', isStale: false },
      ],
      pendingTransfer: { toMissionCode: 'JHB' },
    });
    expect(items.map((i) => [i.kind, urgencyOf(i)])).toEqual([
      ['ageClaimOpen', 'overdue'],
      ['ageClaimOpen', 'waiting'],
      ['closureWaiting', 'waiting'],
      ['transferWaiting', 'waiting'],
    ]);
    expect([...sectionsNeedingAttention(items)].sort()).toEqual(['age-claims', 'case-status']);
  });

  it('asks to plan steps on a case without any and to assess a trafficking case not yet assessed, and asks nothing of a closed case', () => {
    expect(caseAttention({ ...base, hasStepsToPlan: true, assessmentEmpty: true })).toEqual([
      { kind: 'stepsToPlan', section: 'steps' },
      { kind: 'assessmentEmpty', section: 'assessment' },
    ]);
    expect(caseAttention({ ...base, status: 'closed', hasStepsToPlan: true, steps: [{ label: 'x', status: 'planned', dueDate: '2026-01-01', graceDays: 0 }] })).toEqual([]);
  });
});
