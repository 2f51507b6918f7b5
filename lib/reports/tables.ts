import type { Summary } from '@/db/queries/summary';
import { correctionsTable } from './corrections';

/** One table of a summary as exported: stable codes for its name, columns and row keys. */
export interface ReportTable {
  name: string;
  columns: string[];
  rows: (string | number | null)[][];
}

const pairs = (record: Record<string, number>) => Object.entries(record).sort(([a], [b]) => a.localeCompare(b));
const figures = (name: string, rows: [string, number | null][]): ReportTable => ({ name, columns: ['figure', 'value'], rows });

/**
 * A summary as the tables every export writes (CSV files, XLSX sheets, PDF sections), in a
 * fixed order. Headers are codes, the same in both languages, so scheduled jobs can read them.
 */
export function summaryTables(s: Summary): ReportTable[] {
  const f = s.flow;
  return [
    {
      name: 'flow',
      columns: ['figure', 'value'],
      rows: [
        ['open_at_start', f.openAtStart],
        ['new', f.new],
        ['transferred_in', f.transferredIn],
        ['resolved', f.resolved],
        ['closed_unresolved', f.closedUnresolved],
        ['transferred_out', f.transferredOut],
        ['open_at_end', f.openAtEnd],
        ['backlog_median_days', f.backlog.median],
        ['backlog_under_30_days', f.backlog.under30],
        ['backlog_30_to_89_days', f.backlog.from30to90],
        ['backlog_90_to_364_days', f.backlog.from90to365],
        ['backlog_365_days_or_more', f.backlog.over365],
      ],
    },
    { name: 'new_by_category', columns: ['category', 'cases'], rows: pairs(s.newBy.category) },
    { name: 'new_by_class', columns: ['class', 'cases'], rows: pairs(s.newBy.caseClass) },
    { name: 'new_by_mission', columns: ['mission', 'cases'], rows: pairs(s.newBy.mission) },
    { name: 'subjects_by_sex', columns: ['sex', 'subjects'], rows: pairs(s.subjectsBy.sex) },
    {
      name: 'subjects_by_age',
      columns: ['age_group', 'subjects'],
      rows: [
        ['adult', s.subjectsBy.age.adult],
        ['child', s.subjectsBy.age.child],
      ],
    },
    {
      name: 'trafficking',
      columns: ['period', 'cases', 'victims_adult', 'victims_child', 'perpetrators', 'files_p21'],
      rows: s.trafficking.map((r) => [r.period, r.cases, r.victims_adult, r.victims_child, r.perpetrators, r.files_p21]),
    },
    figures('trafficking_outcomes', [
      ['with_verdict', s.traffickingOutcomes.withVerdict],
      ['restitution_idr', s.traffickingOutcomes.restitutionIdr],
    ]),
    figures('legal', [
      ['detainees', s.legal.detainees],
      ['consular_visits', s.legal.consularVisits],
      ['lawyers_appointed', s.legal.lawyersAppointed],
      ['death_penalty_open_at_end', s.legal.deathPenaltyOpenAtEnd],
    ]),
    figures('age_claims', [
      ['pending', s.ageClaims.pending],
      ['accepted', s.ageClaims.accepted],
      ['rejected', s.ageClaims.rejected],
      ['withdrawn', s.ageClaims.withdrawn],
    ]),
    { name: 'services', columns: ['service', 'steps_done'], rows: pairs(s.services) },
    figures('money', [
      ['payments', s.money.payments],
      ['recovered_idr', s.money.recoveredIdr],
    ]),
    figures('timeliness', [
      ['median_days_to_first_contact', s.timeliness.medianDaysToFirstContact],
      ['median_days_to_resolution', s.timeliness.medianDaysToResolution],
      ['overdue_steps_at_end', s.timeliness.overdueStepsAtEnd],
      ['pending_approvals', s.timeliness.pendingApprovals],
    ]),
    figures('data_quality', [
      ['subjects_without_birth_date', s.dataQuality.subjectsWithoutBirthDate],
      ['subjects_without_sex', s.dataQuality.subjectsWithoutSex],
      ['new_cases_without_subject', s.dataQuality.newCasesWithoutSubject],
      ['suspected_duplicates', s.dataQuality.suspectedDuplicates],
    ]),
    ...(s.corrections?.length ? [correctionsTable(s.corrections)] : []),
  ];
}
