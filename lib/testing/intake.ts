import type { CreateCaseForm } from '@/lib/validation/cases';

/**
 * The facts an intake written by a test or the benchmark chooses, since the form chooses none
 * (category, how the case reached the mission, its risk); a test that cares sets its own after.
 */
export const intakeFacts = { category: 'labour', intakeChannel: 'walk_in', riskLevel: 'medium' } satisfies Partial<CreateCaseForm>;
