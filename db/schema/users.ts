import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { missions, regions } from './missions';

import { locales, roles } from '@/lib/domain/users';

export { type Locale, type Role, locales, roles } from '@/lib/domain/users';

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    // Stored lower-cased: sign-in and uniqueness ignore case.
    email: text().notNull().unique(),
    name: text().notNull(),
    role: text({ enum: roles }).notNull(),
    missionId: integer().references(() => missions.id),
    regionId: integer().references(() => regions.id),
    locale: text({ enum: locales }),
    isActive: boolean().notNull().default(true),
    /** the mission's head: approves closure of the mission's general cases where that is configured */
    isMissionHead: boolean().notNull().default(false),
    passwordHash: text().notNull(),
    // Set only by the demo seed; a production start refuses to run while an active account has it.
    hasDemoPassword: boolean().notNull().default(false),
    passwordChangedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /**
     * A role that sees every case or manages accounts (supervisor, admin), asked for by one
     * administrator and waiting for another's confirmation (db/queries/users.ts); a new account
     * asked for with it stays inactive until then (pendingActivates).
     */
    pendingRole: text({ enum: roles }),
    pendingRoleBy: uuid(),
    pendingActivates: boolean().notNull().default(false),
    /**
     * Two-step sign-in (TOTP, RFC 6238): the authenticator's secret, sealed with a key derived
     * from AUTH_SECRET (lib/auth/totp.ts); one being set up waits in totpPendingSecret until a
     * first code confirms it; the last time step accepted, so no code works twice.
     */
    totpSecret: text(),
    totpPendingSecret: text(),
    totpLastStep: integer(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('users_mission_idx').on(t.missionId),
    check('users_officer_has_mission', sql`${t.role} <> 'officer' OR ${t.missionId} IS NOT NULL`),
  ],
);

/**
 * Failed sign-ins are counted per e-mail address and source (the client's address), whether or
 * not an account has the address, so that the waiting message cannot be used to learn which
 * addresses exist, and so that failures from one place never keep the account's owner out
 * from another.
 */
export const signInThrottles = pgTable(
  'sign_in_throttles',
  {
    email: text().notNull(),
    source: text().notNull().default(''),
    failures: integer().notNull().default(0),
    lockedUntil: timestamp({ withTimezone: true }),
    lastFailureAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.email, t.source] })],
);

/**
 * Counters of limited actions per key and fixed window ("duplicate-check:<user id>" per ten
 * minutes): kept in the database so that a limit holds across every app instance.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text().notNull(),
    windowStart: timestamp({ withTimezone: true }).notNull(),
    count: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

/**
 * Server-side record of each sign-in. The session cookie only names a row here, so idle
 * and absolute expiry, sign-out and deactivation take effect on the very next request.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp({ withTimezone: true }),
    ip: text(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export type User = typeof users.$inferSelect;

/**
 * One-time links to set a password (a new account, a reset): administrators never choose or
 * learn a user's password. Only the token's SHA-256 is stored; a link works once, for 24 hours,
 * and a newer one replaces it.
 */
export const passwordLinks = pgTable(
  'password_links',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    tokenHash: text().notNull().unique(),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('password_links_user_idx').on(t.userId)],
);
