import { boolean, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

import { missionKinds } from '@/lib/domain/users';

export { type MissionKind, missionKinds } from '@/lib/domain/users';

/** A region is a named set of countries; a supervisor limited to one sees only missions in those countries. */
export const regions = pgTable('regions', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  code: text().notNull().unique(),
  nameEn: text().notNull(),
  nameId: text().notNull(),
  countries: text().array().notNull(),
});

export const missions = pgTable('missions', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  // The IATA code of the mission's city: how imports, reports and scripts name a mission.
  code: text().notNull().unique(),
  kind: text({ enum: missionKinds }).notNull(),
  country: text().notNull(),
  city: text().notNull(),
  timeZone: text().notNull(),
  coveredCountries: text().array().notNull(),
  isActive: boolean().notNull().default(true),
  version: integer().notNull().default(1),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type Mission = typeof missions.$inferSelect;
export type Region = typeof regions.$inferSelect;
