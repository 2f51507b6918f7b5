import { z } from './zod';
import { missionKinds } from '@/lib/domain/users';

export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code)) return false;
  // Unknown codes come back unchanged (or as "Unknown Region") from ICU's region names.
  const name = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' }).of(code);
  return !!name && name !== code && !/unknown/i.test(name);
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

const country = z.string().trim().toUpperCase().refine(isCountryCode, 'validation.countryCode');

export const missionSchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3,4}$/, 'validation.missionCode'),
  kind: z.enum(missionKinds, 'validation.required'),
  country,
  city: z.string().trim().min(1, 'validation.required').max(100, 'validation.tooLong'),
  timeZone: z.string().trim().refine(isTimeZone, 'validation.timeZone'),
  // Typed as "MY, SG"; kept as text so the server's re-check sees what the form saw.
  coveredCountries: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => v === '' || v.split(/\s*,\s*/).every(isCountryCode), 'validation.countryList'),
  isActive: z.boolean(),
});
export type MissionInput = z.infer<typeof missionSchema>;

export const updateMissionSchema = missionSchema.extend({ id: z.number().int().positive(), version: z.number().int().positive() });
export type UpdateMissionInput = z.infer<typeof updateMissionSchema>;

export function parseCountryList(value: string, fallback: string): string[] {
  const list = value
    .split(',')
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
  return list.length ? [...new Set(list)] : [fallback];
}
