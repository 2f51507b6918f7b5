'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { ConflictDetails } from '@/app/_components/ui/conflict-details';
import { ErrorSummary } from '@/app/_components/ui/error-summary';
import { Field } from '@/app/_components/ui/field';
import { useActionForm } from '@/app/_components/ui/use-action-form';
import type { MissionListItem } from '@/db/queries/missions';
import { missionKinds } from '@/lib/domain/users';
import { missionSchema, updateMissionSchema } from '@/lib/validation/missions';
import { createMissionAction, updateMissionAction } from '../actions';

export function MissionForm({ mission }: { mission?: MissionListItem }) {
  const t = useTranslations();
  const router = useRouter();
  const labels = {
    code: t('missions.code'),
    kind: t('missions.kind'),
    city: t('missions.city'),
    country: t('missions.country'),
    timeZone: t('missions.timeZone'),
    coveredCountries: t('missions.coveredCountries'),
  };
  const editing = !!mission;
  const { form, onSubmit, summaryRef, summaryItems, fieldError, savedAt, conflict } = useActionForm({
    schema: editing ? updateMissionSchema : missionSchema,
    defaultValues: mission
      ? { ...mission, coveredCountries: mission.coveredCountries.join(', ') }
      : { code: '', kind: 'embassy', country: '', city: '', timeZone: '', coveredCountries: '', isActive: true },
    action: editing ? updateMissionAction : createMissionAction,
    labels,
    onSuccess: (data) => {
      if (!editing) router.push(`/admin/missions/${(data as { id: number }).id}?created=1`);
      else {
        form.setValue('version' as never, (data as { version: number }).version as never);
        // Drop a "created" notice from the address; fetch the saved record.
        router.replace(window.location.pathname);
        router.refresh();
      }
    },
  });
  const { register, formState } = form;

  return (
    <form method="post" onSubmit={onSubmit} noValidate>
      <ErrorSummary
        ref={summaryRef}
        items={summaryItems}
        extra={mission && <ConflictDetails opened={mission} current={conflict} labels={labels} />}
      />
      <Field id="code" label={labels.code} hint={t('missions.codeHint')} error={fieldError('code')}>
        {(aria) => <input type="text" autoComplete="off" maxLength={4} spellCheck={false} {...aria} {...register('code')} />}
      </Field>
      <Field id="kind" label={labels.kind} error={fieldError('kind')}>
        {(aria) => (
          <select {...aria} {...register('kind')}>
            {missionKinds.map((k) => (
              <option key={k} value={k}>
                {t(`missionKinds.long.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="city" label={labels.city} error={fieldError('city')}>
        {(aria) => <input type="text" autoComplete="off" {...aria} {...register('city')} />}
      </Field>
      <Field id="country" label={labels.country} hint={t('missions.countryHint')} error={fieldError('country')}>
        {(aria) => <input type="text" autoComplete="off" maxLength={2} spellCheck={false} {...aria} {...register('country')} />}
      </Field>
      <Field id="timeZone" label={labels.timeZone} hint={t('missions.timeZoneHint')} error={fieldError('timeZone')}>
        {(aria) => <input type="text" autoComplete="off" spellCheck={false} {...aria} {...register('timeZone')} />}
      </Field>
      <Field id="coveredCountries" label={labels.coveredCountries} hint={t('missions.coveredCountriesHint')} optional error={fieldError('coveredCountries')}>
        {(aria) => <input type="text" autoComplete="off" spellCheck={false} {...aria} {...register('coveredCountries')} />}
      </Field>
      <div className="field">
        <label className="checkbox" htmlFor="isActive">
          <input type="checkbox" id="isActive" {...register('isActive')} />
          {t('missions.isActive')}
        </label>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          {editing ? t('missions.save') : t('missions.create')}
        </button>
        {savedAt && (
          <span className="saved" role="status">
            {t('form.savedAt', { time: savedAt })}
          </span>
        )}
      </div>
    </form>
  );
}
