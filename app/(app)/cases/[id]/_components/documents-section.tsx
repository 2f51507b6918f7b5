'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { ALLOWED_TYPES, MAX_DOCUMENT_BYTES } from '@/lib/documents/limits';
import { documentKinds } from '@/lib/domain/cases';
import { translateKey } from '@/lib/i18n/dynamic';
import { ChooseOption } from '@/app/_components/ui/field';
import { revealFileNamesAction } from '../../actions';
import { TableScroll } from '@/app/_components/ui/table-scroll';

export interface DocumentRow {
  id: string;
  kind: string;
  /** null where the case holds an undisclosed identity: a file name can name a person */
  fileName: string | null;
  size: number;
  uploadedAt: string;
  uploadedByName: string | null;
  partyPseudonym: string | null;
}

function formatSize(bytes: number, locale: string) {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${mb.toLocaleString(locale, { maximumFractionDigits: 1 })} MB` : `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(locale)} kB`;
}

/** Upload with progress (XMLHttpRequest reports it; fetch does not), checked again on the server by content. */
export function DocumentUpload({ caseId, parties }: { caseId: string; parties: { id: string; label: string }[] }) {
  const t = useTranslations();
  const router = useRouter();
  const fileRef = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const kindRef = useRef<HTMLSelectElement>(null);
  const [error, setError] = useState<string | null>(null);
  // What kind of document it is is chosen, never assumed (a default would write a fact).
  const [kindError, setKindError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // A refused upload puts the officer back on the field at fault, its reason read out with it.
  useEffect(() => {
    if (error) fileRef.current?.focus();
    else if (kindError) kindRef.current?.focus();
  }, [error, kindError]);

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    setKindError(null);
    setDone(null);
    const form = e.currentTarget;
    const file = fileRef.current?.files?.[0];
    if (!file) return setError('validation.fileEmpty');
    if (file.size > MAX_DOCUMENT_BYTES) return setError('validation.fileTooLarge');
    if (!kindRef.current?.value) return setKindError('validation.choose');
    const data = new FormData(form);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/cases/${caseId}/documents`);
    xhr.upload.onprogress = (ev) => ev.lengthComputable && setProgress(Math.round((ev.loaded / ev.total) * 100));
    xhr.onload = () => {
      setProgress(null);
      let body: { ok: boolean; error?: string; fieldErrors?: Record<string, string[]> } = { ok: false };
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: a proxy's error page
      }
      if (body.ok) {
        form.reset();
        setDone(file.name);
        router.refresh();
      } else if (!body.fieldErrors?.file && body.fieldErrors?.kind) setKindError(body.fieldErrors.kind[0]!);
      else setError(body.fieldErrors?.file?.[0] ?? body.error ?? 'errors.unexpected');
    };
    xhr.onerror = () => {
      setProgress(null);
      setError('errors.unexpected');
    };
    xhr.send(data);
  }

  return (
    <form method="post" onSubmit={submit} noValidate aria-label={t('documents.upload')}>
      <div className={error ? 'field has-error' : 'field'}>
        <label htmlFor="document-file">{t('documents.file')}</label>
        <p className="hint" id="document-file-hint">
          {t('documents.fileHint')}
        </p>
        {error && (
          <p className="error-message" id="document-file-error" role="alert">
            {translateKey(t, error, 'errors.unexpected')}
          </p>
        )}
        <input
          ref={fileRef}
          type="file"
          id="document-file"
          name="file"
          accept={ALLOWED_TYPES.join(',')}
          aria-describedby={error ? 'document-file-hint document-file-error' : 'document-file-hint'}
        />
      </div>
      <div className="grid2">
        <div className={kindError ? 'field has-error' : 'field'}>
          <label htmlFor="document-kind">{t('documents.kind')}</label>
          {kindError && (
            <p className="error-message" id="document-kind-error" role="alert">
              {translateKey(t, kindError, 'errors.unexpected')}
            </p>
          )}
          <select id="document-kind" name="kind" defaultValue="" ref={kindRef} aria-invalid={kindError ? true : undefined} aria-describedby={kindError ? 'document-kind-error' : undefined}>
            <ChooseOption />
            {documentKinds.map((k) => (
              <option key={k} value={k}>
                {t(`documents.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="document-party">
            {t('documents.person')} ({t('form.optional')})
          </label>
          <select id="document-party" name="partyId" defaultValue="">
            <option value="">{t('documents.wholeCase')}</option>
            {parties.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="actions">
        <button type="submit" className="secondary" disabled={progress !== null}>
          {t('documents.upload')}
        </button>
        {progress !== null && <progress max={100} value={progress} aria-label={t('documents.uploading')} />}
        <span role="status">{done ? t('documents.uploaded', { name: done }) : ''}</span>
      </div>
    </form>
  );
}

export function DocumentList({ caseId, documents, locale, namesHidden }: { caseId: string; documents: DocumentRow[]; locale: string; namesHidden: boolean }) {
  const t = useTranslations('documents');
  const [names, setNames] = useState<Map<string, string> | null>(null);
  const [busy, setBusy] = useState(false);
  if (documents.length === 0) return <p className="muted">{t('none')}</p>;
  async function showNames() {
    setBusy(true);
    const result = await revealFileNamesAction({ caseId });
    setBusy(false);
    if (result.ok) setNames(new Map(result.data.map((d) => [d.id, d.fileName])));
  }
  return (
    <>
      {namesHidden && !names && (
        <div className="notice">
          <p>{t('namesHidden')}</p>
          <button type="button" className="secondary" disabled={busy} onClick={showNames} aria-describedby="show-names-hint">
            {t('showNames')}
          </button>{' '}
          <span id="show-names-hint" className="hint">
            {t('showNamesHint')}
          </span>
        </div>
      )}
      <TableScroll>
        <table className="list">
          <caption className="visually-hidden">{t('title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('file')}</th>
              <th scope="col">{t('kind')}</th>
              <th scope="col">{t('person')}</th>
              <th scope="col">{t('added')}</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((d) => (
              <tr key={d.id}>
                <td>
                  <a href={`/api/documents/${d.id}`} download>
                    {d.fileName ?? names?.get(d.id) ?? t(`kinds.${d.kind}` as never)}
                  </a>{' '}
                  <span className="muted">({formatSize(d.size, locale)})</span>
                </td>
                <td>{t(`kinds.${d.kind}` as never)}</td>
                <td className="mono">{d.partyPseudonym ?? '—'}</td>
                <td>
                  {d.uploadedAt} · {d.uploadedByName ?? '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
