/** Roles and languages: plain values, shared by the schema, the forms and the browser bundle. */
export const roles = ['officer', 'supervisor', 'admin', 'auditor'] as const;
export type Role = (typeof roles)[number];
export const locales = ['id', 'en'] as const;
export type Locale = (typeof locales)[number];
export const missionKinds = ['embassy', 'consulate_general', 'consulate', 'economic_trade_office'] as const;
export type MissionKind = (typeof missionKinds)[number];
