'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { PasswordLink } from '@/app/_components/ui/password-link';
import type { LinkDelivery } from '@/lib/auth/password-link';
import { ConflictDetails } from '@/app/_components/ui/conflict-details';
import { ErrorSummary } from '@/app/_components/ui/error-summary';
import { Field } from '@/app/_components/ui/field';
import { useActionForm } from '@/app/_components/ui/use-action-form';
import type { UserDetail } from '@/db/queries/users';
import { type Role, roles } from '@/lib/domain/users';
import { createUserSchema, toUserFormValues, updateUserSchema } from '@/lib/validation/users';
import { createUserAction, updateUserAction } from '../actions';

export interface Option {
  value: string;
  label: string;
}

interface Props {
  missions: Option[];
  regions: Option[];
  /** absent: a new user */
  user?: UserDetail;
}

export function UserForm({ missions, regions, user }: Props) {
  const t = useTranslations();
  const router = useRouter();
  const labels = {
    name: t('users.name'),
    email: t('users.email'),
    role: t('users.role'),
    missionCode: t('users.mission'),
    regionCode: t('users.region'),
    locale: t('users.locale'),
  };
  const editing = !!user;
  const [created, setCreated] = useState<{ id: string; name: string; delivery: LinkDelivery; pendingRole: Role | null } | null>(null);
  const { form, onSubmit, summaryRef, summaryItems, fieldError, savedAt, conflict } = useActionForm({
    schema: editing ? updateUserSchema : createUserSchema,
    defaultValues: user
      ? toUserFormValues(user)
      : { email: '', name: '', role: 'officer', missionCode: '', regionCode: '', locale: '', isMissionHead: false },
    action: editing ? updateUserAction : createUserAction,
    labels,
    onSuccess: (data) => {
      // The link is shown here, once (or said to be emailed); the user's page never shows it again.
      if (!editing) {
        const { id, pendingRole, ...delivery } = data as { id: string; pendingRole: Role | null } & LinkDelivery;
        setCreated({ id, pendingRole, delivery: delivery as LinkDelivery, name: form.getValues('name') as string });
      } else {
        form.reset({ ...form.getValues(), version: (data as { version: number }).version } as never);
        // Drop a "created" notice from the address; fetch the saved record.
        router.replace(window.location.pathname);
        router.refresh();
      }
    },
  });
  const { register, watch, formState } = form;
  const role = watch('role');
  // Another section of this page (activation) may have saved a newer version.
  const latestVersion = user?.version;
  useEffect(() => {
    if (latestVersion) form.setValue('version' as never, latestVersion as never);
  }, [latestVersion, form]);

  if (created) {
    return (
      <div>
        <PasswordLink delivery={created.delivery} name={created.name} />
        {created.pendingRole && <p className="notice">{t('users.pendingRoleCreated', { role: t(`roles.${created.pendingRole}`) })}</p>}
        <p>
          <Link href={`/admin/users/${created.id}`}>{t('users.openCreated', { name: created.name })}</Link>
        </p>
      </div>
    );
  }
  return (
    <form method="post" onSubmit={onSubmit} noValidate>
      <ErrorSummary
        ref={summaryRef}
        items={summaryItems}
        extra={user && <ConflictDetails opened={user} current={conflict} labels={{ ...labels, isActive: t('users.status') }} />}
      />
      <Field id="name" label={labels.name} error={fieldError('name')}>
        {(aria) => <input type="text" autoComplete="off" {...aria} {...register('name')} />}
      </Field>
      <Field id="email" label={labels.email} error={fieldError('email')}>
        {(aria) => <input type="email" autoComplete="off" spellCheck={false} {...aria} {...register('email')} />}
      </Field>
      <Field id="role" label={labels.role} error={fieldError('role')}>
        {(aria) => (
          <select {...aria} {...register('role')}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {role === 'officer' && (
        <Field id="missionCode" label={labels.missionCode} error={fieldError('missionCode')}>
          {(aria) => (
            <select {...aria} {...register('missionCode')}>
              <option value="">{t('users.chooseMission')}</option>
              {missions.map((m) => (
                <option key={m.value} value={m.value}>
                  {m.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {role === 'officer' && (
        <div className="field">
          <label className="checkbox" htmlFor="isMissionHead">
            <input type="checkbox" id="isMissionHead" {...register('isMissionHead')} />
            {t('users.isMissionHead')}
          </label>
          <p className="hint">{t('users.isMissionHeadHint')}</p>
        </div>
      )}
      {role === 'supervisor' && (
        <Field id="regionCode" label={labels.regionCode} hint={t('users.regionHint')} error={fieldError('regionCode')}>
          {(aria) => (
            <select {...aria} {...register('regionCode')}>
              <option value="">{t('users.allMissions')}</option>
              {regions.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field id="locale" label={labels.locale} error={fieldError('locale')}>
        {(aria) => (
          <select {...aria} {...register('locale')}>
            <option value="">{t('users.browserLanguage')}</option>
            <option value="id">{t('language.id')}</option>
            <option value="en">{t('language.en')}</option>
          </select>
        )}
      </Field>
      {!editing && <p className="hint">{t('users.linkWillFollow')}</p>}
      <div className="actions">
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          {editing ? t('users.save') : t('users.create')}
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
