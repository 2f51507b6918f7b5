import { z } from './zod';
import { dobBases, partyRoles, perpetratorKinds, sexes } from '@/lib/domain/cases';
import { emptyDate, pastDate } from './dates';
import { isCountryCode } from './missions';

/**
 * NIK, the 16-digit national identity number: province code (11–94), regency, district,
 * date of birth as DDMMYY (40 added to the day for women), and a serial number.
 */
export function isValidNik(nik: string): boolean {
  if (!/^\d{16}$/.test(nik)) return false;
  const province = Number(nik.slice(0, 2));
  const day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const dayOk = (day >= 1 && day <= 31) || (day >= 41 && day <= 71);
  return province >= 11 && province <= 94 && dayOk && month >= 1 && month <= 12 && nik.slice(12) !== '0000';
}

/**
 * The birth date a NIK carries (digits 7–12 as DDMMYY, 40 added to the day for women), read
 * against a known date of birth; the century comes from the date of birth.
 */
export function nikBirthFacts(nik: string): { day: number; month: number; yy: string; isFemale: boolean } {
  const day = Number(nik.slice(6, 8));
  return { day: day > 40 ? day - 40 : day, month: Number(nik.slice(8, 10)), yy: nik.slice(10, 12), isFemale: day > 40 };
}

/** When a valid NIK's birth date disagrees with a date of birth ("YYYY-MM-DD"): the NIK's date as DD-MM-YY; otherwise null. */
export function nikBirthDateConflict(nik: string, dateOfBirth: string): string | null {
  if (!isValidNik(nik) || !/^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth)) return null;
  const n = nikBirthFacts(nik);
  const [y, m, d] = dateOfBirth.split('-') as [string, string, string];
  if (n.day === Number(d) && n.month === Number(m) && n.yy === y.slice(2)) return null;
  return `${String(n.day).padStart(2, '0')}-${String(n.month).padStart(2, '0')}-${n.yy}`;
}

/** Indonesian passports: one or two letters and six to eight digits (e.g. C1234567, X123456). */
export function isValidPassportNumber(value: string): boolean {
  return /^[A-Z]{1,2}\d{6,8}$/.test(value);
}

const optionalText = (max = 200) => z.string().trim().max(max, 'validation.tooLong');

export const nikField = z
  .string()
  .transform((v) => v.replace(/\s+/g, ''))
  .refine((v) => v === '' || isValidNik(v), 'validation.nik');
export const passportField = z
  .string()
  .trim()
  .toUpperCase()
  .refine((v) => v === '' || isValidPassportNumber(v), 'validation.passport');

/** A citizen helped by the case: a new person, or an existing one linked after the duplicate check. */
export const subjectSchema = z
  .object({
    existingPersonId: z.union([z.uuid(), z.literal('')]),
    fullName: optionalText(),
    sex: z.enum(['', ...sexes]),
    dateOfBirth: pastDate({ earliestYear: 1900 }),
    dobBasis: z.enum(['', ...dobBases]),
    nik: nikField,
    passportNumber: passportField,
    homeProvince: optionalText(100),
    homeRegency: optionalText(100),
    phone: optionalText(40),
    isIdentityUndisclosed: z.boolean(),
  })
  .superRefine((s, ctx) => {
    if (!s.existingPersonId && !s.fullName) ctx.addIssue({ code: 'custom', path: ['fullName'], message: 'validation.required' });
  });
export type SubjectInput = z.infer<typeof subjectSchema>;

export const emptySubject: z.input<typeof subjectSchema> = {
  existingPersonId: '',
  fullName: '',
  sex: '',
  dateOfBirth: emptyDate,
  dobBasis: '',
  nik: '',
  passportNumber: '',
  homeProvince: '',
  homeRegency: '',
  phone: '',
  isIdentityUndisclosed: false,
};

export const perpetratorSchema = z.object({
  fullName: optionalText().min(1, 'validation.required'),
  perpetratorKind: z.enum(perpetratorKinds, 'validation.required'),
  nationality: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => v === '' || isCountryCode(v), 'validation.countryCode'),
  organisation: optionalText(),
  isArrested: z.boolean(),
});
export type PerpetratorInput = z.infer<typeof perpetratorSchema>;

export const emptyPerpetrator: z.input<typeof perpetratorSchema> = { fullName: '', perpetratorKind: 'recruiter', nationality: '', organisation: '', isArrested: false };

/** A person added to an existing case, or edited on it: the fields that matter depend on the role. */
const partyFields = z.object({
    caseId: z.uuid(),
    /** the case's version when the form was opened */
    version: z.number().int().positive(),
    role: z.enum(partyRoles, 'validation.required'),
    existingPersonId: z.union([z.uuid(), z.literal('')]),
    fullName: optionalText(),
    sex: z.enum(['', ...sexes]),
    dateOfBirth: pastDate({ earliestYear: 1900 }),
    dobBasis: z.enum(['', ...dobBases]),
    nik: nikField,
    passportNumber: passportField,
    nationality: z
      .string()
      .trim()
      .toUpperCase()
      .refine((v) => v === '' || isCountryCode(v), 'validation.countryCode'),
    homeProvince: optionalText(100),
    homeRegency: optionalText(100),
    phone: optionalText(40),
    isIdentityUndisclosed: z.boolean(),
    perpetratorKind: z.enum(['', ...perpetratorKinds]),
    organisation: optionalText(),
    isArrested: z.boolean(),
    relationship: optionalText(100),
  });

function partyRules(p: z.infer<typeof partyFields>, ctx: z.RefinementCtx) {
  if (!p.existingPersonId && !p.fullName) ctx.addIssue({ code: 'custom', path: ['fullName'], message: 'validation.required' });
  if (p.role === 'perpetrator' && !p.perpetratorKind) ctx.addIssue({ code: 'custom', path: ['perpetratorKind'], message: 'validation.required' });
}

export const partySchema = partyFields.superRefine(partyRules);
export type PartyInput = z.infer<typeof partySchema>;

export const emptyParty = (caseId: string, version: number): z.input<typeof partySchema> => ({
  caseId,
  version,
  role: 'subject',
  existingPersonId: '',
  fullName: '',
  sex: '',
  dateOfBirth: emptyDate,
  dobBasis: '',
  nik: '',
  passportNumber: '',
  nationality: '',
  homeProvince: '',
  homeRegency: '',
  phone: '',
  isIdentityUndisclosed: false,
  perpetratorKind: '',
  organisation: '',
  isArrested: false,
  relationship: '',
});

export const updatePartySchema = partyFields.extend({ partyId: z.uuid() }).superRefine(partyRules);
export type UpdatePartyInput = z.infer<typeof updatePartySchema>;
