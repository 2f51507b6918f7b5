import { sql } from 'drizzle-orm';
import type { Category } from '@/lib/domain/cases';
import type { Db } from '../index';
import { partnerAgencies, stepTemplates } from '../schema';
import { DEFAULT_PARTNER_AGENCIES } from './partner-agencies';
import { DEFAULT_STEP_TEMPLATES } from './step-templates';

/** Reference data every installation needs (not demo data): filled in once, then the admins' to edit. */
export async function ensureReferenceData(db: Db): Promise<void> {
  const [partners] = await db.select({ n: sql<number>`count(*)::int` }).from(partnerAgencies);
  if ((partners?.n ?? 0) === 0) await db.insert(partnerAgencies).values(DEFAULT_PARTNER_AGENCIES);
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(stepTemplates);
  if ((row?.n ?? 0) > 0) return;
  const rows = Object.entries(DEFAULT_STEP_TEMPLATES).flatMap(([category, templates]) =>
    templates.map(([serviceType, labelId, labelEn, dueOffsetDays, isRequired], position) => ({
      category: category as Category,
      position,
      serviceType,
      labelId,
      labelEn,
      dueOffsetDays,
      isRequired: isRequired ?? false,
    })),
  );
  await db.insert(stepTemplates).values(rows);
}
