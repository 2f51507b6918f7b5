'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { type UseFormReturn, useWatch } from 'react-hook-form';
import { Field } from '@/app/_components/ui/field';
import type { DuplicateMatch } from '@/db/queries/people';
import { isChildOn } from '@/lib/domain/cases';
import type { CreateCaseForm } from '@/lib/validation/cases';
import { translateKey } from '@/lib/i18n/dynamic';
import { toIsoDate } from '@/lib/validation/dates';
import { nikBirthDateConflict } from '@/lib/validation/people';
import { HomeFields, IdentityFields } from '../../_components/identity-fields';
import { checkDuplicatesAction } from '../../actions';

interface Props {
  form: UseFormReturn<CreateCaseForm>;
  index: number;
  fieldError: (path: string) => string | undefined;
  onRemove?: () => void;
}

/** One citizen helped: identity fields, the undisclosed flag, and likely duplicates as they type. */
export function SubjectFields({ form, index, fieldError, onRemove }: Props) {
  const t = useTranslations('intake');
  const tAll = useTranslations();
  const p = `subjects.${index}` as const;
  const { register, setValue } = form;
  const [nik, passportNumber, fullName, dob, linkedId] = useWatch({
    control: form.control,
    name: [`${p}.nik`, `${p}.passportNumber`, `${p}.fullName`, `${p}.dateOfBirth`, `${p}.existingPersonId`],
  });
  const [matches, setMatches] = useState<DuplicateMatch[]>([]);
  // The duplicate check is limited per user: when it says no, the officer is told rather than shown "no match".
  const [checkRefused, setCheckRefused] = useState<string | null>(null);
  const [linkedLabel, setLinkedLabel] = useState<string | null>(null);

  const dobIso = dob ? toIsoDate(dob) : null;

  // Victims of trafficking and children start undisclosed (as imports do): checked for them until
  // the officer chooses otherwise, with the reason shown; unchecked again if the reason goes.
  const category = useWatch({ control: form.control, name: 'category' });
  const protectedBecause = category === 'trafficking' ? 'trafficking' : isChildOn(dobIso, new Date().toISOString().slice(0, 10)) ? 'child' : null;
  // A subject added to a trafficking case arrives checked (IntakeForm); a restored draft keeps what it holds.
  const chosenByOfficer = useRef(false);
  const reasonBefore = useRef(protectedBecause);
  const [autoChecked, setAutoChecked] = useState(() => !!protectedBecause && form.getValues(`${p}.isIdentityUndisclosed`) === true);
  useEffect(() => {
    if (reasonBefore.current === protectedBecause) return;
    reasonBefore.current = protectedBecause;
    if (chosenByOfficer.current) return;
    setValue(`${p}.isIdentityUndisclosed`, !!protectedBecause);
    setAutoChecked(!!protectedBecause);
  }, [protectedBecause, p, setValue]);
  const undisclosed = register(`${p}.isIdentityUndisclosed`);
  // Facts that disagree are said at once (not refused: one of the two may be the error, and the officer knows which).
  const nikDate = dobIso ? nikBirthDateConflict((nik ?? '').replace(/\s+/g, ''), dobIso) : null;
  useEffect(() => {
    if (linkedId) return;
    const query = { nik: (nik ?? '').replace(/\s+/g, ''), passportNumber: (passportNumber ?? '').trim().toUpperCase(), fullName: (fullName ?? '').trim(), dateOfBirth: dobIso ?? '' };
    const worthAsking = query.nik.length === 16 || query.passportNumber.length >= 7 || (query.fullName.length >= 3 && query.dateOfBirth);
    if (!worthAsking) {
      setMatches([]);
      return;
    }
    const timer = setTimeout(async () => {
      const result = await checkDuplicatesAction(query).catch(() => null);
      if (result?.ok) setMatches(result.data);
      setCheckRefused(result && !result.ok && result.code === 'busy' ? result.error : null);
    }, 600);
    return () => clearTimeout(timer);
  }, [nik, passportNumber, fullName, dobIso, linkedId]);

  const id = (name: string) => `${p}.${name}`;
  const heading = t('subjectHeading', { n: index + 1 });

  return (
    <fieldset className="person" aria-labelledby={`${p}-heading`}>
      <h3 id={`${p}-heading`}>{heading}</h3>
      {linkedId ? (
        <div className="notice ok" role="status">
          <p>{t('linkedPerson', { name: linkedLabel ?? '' })}</p>
          <button
            type="button"
            className="link"
            onClick={() => {
              setValue(`${p}.existingPersonId`, '', { shouldDirty: true });
              setLinkedLabel(null);
            }}
          >
            {t('unlink')}
          </button>
        </div>
      ) : (
        <>
          <Field id={id('fullName')} label={t('fullName')} error={fieldError(id('fullName'))}>
            {(aria) => <input type="text" autoComplete="off" {...aria} {...register(`${p}.fullName`)} />}
          </Field>
          <IdentityFields prefix={`${p}.`} register={register} fieldError={fieldError} />
          {nikDate && (
            <p className="notice warn" role="status">
              {t('nikBirthDate', { nikDate })}
            </p>
          )}
          {checkRefused && (
            <p className="notice warn" role="status">
              {translateKey(tAll, checkRefused, 'errors.unexpected')}
            </p>
          )}
          <HomeFields prefix={`${p}.`} register={register} fieldError={fieldError} />
          <div className="field">
            <label className="checkbox" htmlFor={id('isIdentityUndisclosed')}>
              <input
                type="checkbox"
                id={id('isIdentityUndisclosed')}
                aria-describedby={`${id('isIdentityUndisclosed')}-hint`}
                {...undisclosed}
                onChange={(e) => {
                  chosenByOfficer.current = true;
                  setAutoChecked(false);
                  void undisclosed.onChange(e);
                }}
              />
              {t('undisclosed')}
            </label>
            <p className="hint" id={`${id('isIdentityUndisclosed')}-hint`}>
              {autoChecked && protectedBecause ? `${t(`undisclosedBecause.${protectedBecause}`)} ` : ''}
              {t('undisclosedHint')}
            </p>
          </div>
        </>
      )}
      {!linkedId && matches.length > 0 && (
        <div className="duplicates" role="status" aria-live="polite">
          <h4>{t('duplicatesTitle')}</h4>
          <ul>
            {matches.map((m, i) => (
              <li key={i}>
                {m.personId ? (
                  <>
                    {t('duplicateVisible', { name: m.displayName ?? '', cases: m.visibleCases.map((c) => c.reference).join(', '), basis: m.matchedOn.map((b) => t(`matchedOn.${b}`)).join(', ') })}{' '}
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => {
                        setValue(`${p}.existingPersonId`, m.personId!, { shouldDirty: true });
                        setLinkedLabel(m.displayName);
                      }}
                    >
                      {t('linkPerson')}
                    </button>
                  </>
                ) : null}
                {m.otherMissions.length > 0 && <p>{t('duplicateElsewhere', { missions: m.otherMissions.join(', ') })}</p>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {onRemove && (
        <button type="button" className="link" onClick={onRemove}>
          {t('removeSubject', { n: index + 1 })}
        </button>
      )}
    </fieldset>
  );
}

