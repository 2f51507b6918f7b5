import { z } from './zod';
import { type Category, categoryCodes, partnerKinds, serviceTypes } from '@/lib/domain/cases';

const days = (max: number) => z.number('validation.number').int('validation.number').min(0, 'validation.number').max(max, 'validation.number');

export const stepTemplateSchema = z.object({
  id: z.number().int().positive().optional(),
  version: z.number().int().positive().optional(),
  category: z.enum(categoryCodes as [Category, ...Category[]]),
  position: days(100),
  serviceType: z.enum(serviceTypes, 'validation.required'),
  labelId: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
  labelEn: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
  dueOffsetDays: days(3650),
  graceDays: days(365),
  isRequired: z.boolean(),
  mustStart: z.boolean(),
  isActive: z.boolean(),
});
export type StepTemplateInput = z.infer<typeof stepTemplateSchema>;

export const partnerSchema = z.object({
  id: z.number().int().positive().optional(),
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9_]{2,40}$/, 'validation.partnerCode'),
  kind: z.enum(partnerKinds, 'validation.required'),
  nameId: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
  nameEn: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
  isActive: z.boolean(),
});
export type PartnerInput = z.infer<typeof partnerSchema>;
