'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ErrorSummary, type SummaryItem } from '@/app/_components/ui/error-summary';
import { Field } from '@/app/_components/ui/field';
import type { ImportView, ProblemView } from '@/lib/import/messages';
import { MAX_IMPORT_BYTES } from '@/lib/import/template';
import { TableScroll } from '@/app/_components/ui/table-scroll';

type Reply = { ok: true; data: ImportView } | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

/** The JSON lines the upload answers with so far: progress lines, then the result. */
function readLines(text: string): { progress: { done: number; total: number } | null; reply: Reply | null } {
  let progress = null;
  let reply = null;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const message = JSON.parse(line);
      if (message.progress) progress = message.progress;
      else reply = message as Reply;
    } catch {
      // a line still arriving
    }
  }
  return { progress, reply };
}

/**
 * Choose a file, check it or import it. The upload reports its own progress; the import
 * streams how many cases are written; the result lists every problem by row and column.
 */
export function ImportForm() {
  const t = useTranslations();
  const format = useFormatter();
  const fileRef = useRef<HTMLInputElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState<number | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportView | null>(null);

  const rejectedUrl = useMemo(() => (result?.rejectedCsv ? URL.createObjectURL(new Blob([result.rejectedCsv], { type: 'text/csv;charset=utf-8' })) : null), [result]);
  useEffect(() => () => void (rejectedUrl && URL.revokeObjectURL(rejectedUrl)), [rejectedUrl]);
  // Errors that kept (or, checked, would keep) every case out; a check with "skip the rest" only informs.
  const refused = !!result && result.errorCount > 0 && !result.written && !(result.dryRun && result.skipInvalid);
  useEffect(() => {
    if (formError || fileError || refused) requestAnimationFrame(() => summaryRef.current?.focus());
  }, [formError, fileError, refused]);

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    setFileError(null);
    setFormError(null);
    setResult(null);
    const file = fileRef.current?.files?.[0];
    if (!file) return setFileError('import.fileRequired');
    if (file.size > MAX_IMPORT_BYTES) return setFileError('import.fileTooLarge');
    const data = new FormData(e.currentTarget);
    data.set('mode', submitter?.value === 'import' ? 'import' : 'check');
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/imports');
    xhr.upload.onprogress = (ev) => ev.lengthComputable && setUploaded(Math.round((ev.loaded / ev.total) * 100));
    xhr.upload.onload = () => setUploaded(null);
    xhr.onprogress = () => setProgress(readLines(xhr.responseText).progress);
    xhr.onload = () => {
      setBusy(false);
      setUploaded(null);
      setProgress(null);
      const { reply } = readLines(xhr.responseText);
      if (reply?.ok) setResult(reply.data);
      else if (reply?.fieldErrors?.file?.[0]) setFileError(reply.fieldErrors.file[0]);
      else setFormError(reply?.error ?? 'errors.unexpected');
    };
    xhr.onerror = () => {
      setBusy(false);
      setUploaded(null);
      setProgress(null);
      setFormError('errors.unexpected');
    };
    setBusy(true);
    xhr.send(data);
  }

  const summaryItems: SummaryItem[] = fileError
    ? [{ fieldId: 'import-file', label: t('import.file'), message: fileError }]
    : formError
      ? [{ message: formError }]
      : refused
        ? [{ message: result.dryRun ? 'import.checkedErrors' : 'import.refused', fieldId: 'import-errors' }]
        : [];

  return (
    <>
      <ErrorSummary ref={summaryRef} items={summaryItems} />
      <form method="post" onSubmit={submit} noValidate aria-label={t('import.title')}>
        <Field id="import-file" label={t('import.file')} hint={t('import.fileHint')} error={fileError ?? undefined}>
          {(aria) => <input ref={fileRef} type="file" name="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" {...aria} />}
        </Field>
        <div className="field">
          <label className="checkbox" htmlFor="import-skip-invalid">
            <input type="checkbox" id="import-skip-invalid" name="skipInvalid" aria-describedby="import-skip-invalid-hint" />
            {t('import.skipInvalid')}
          </label>
          <p className="hint" id="import-skip-invalid-hint">
            {t('import.skipInvalidHint')}
          </p>
        </div>
        <div className="actions">
          <button type="submit" name="mode" value="check" className="button secondary" disabled={busy} aria-describedby="import-check-hint">
            {t('import.check')}
          </button>
          <button type="submit" name="mode" value="import" className="primary" disabled={busy} aria-describedby="import-import-hint">
            {t('import.import')}
          </button>
          {uploaded !== null && <progress max={100} value={uploaded} aria-label={t('import.uploading')} />}
          {progress && <progress max={progress.total} value={progress.done} aria-label={t('import.progress', progress)} />}
          <span role="status">{progress ? t('import.progress', progress) : busy && uploaded === null ? t('import.checking') : ''}</span>
        </div>
        <ul className="muted">
          <li id="import-check-hint">{t('import.checkHint')}</li>
          <li id="import-import-hint">{t('import.importHint')}</li>
        </ul>
      </form>
      {result && <ImportResult result={result} rejectedUrl={rejectedUrl} number={(n) => format.number(n)} />}
    </>
  );
}

function ImportResult({ result, rejectedUrl, number }: { result: ImportView; rejectedUrl: string | null; number: (n: number) => string }) {
  const t = useTranslations('import');
  const outcome = result.dryRun
    ? result.errorCount
      ? result.skipInvalid
        ? 'checkedSkip'
        : 'checkedErrors'
      : 'checkedOk'
    : !result.written
      ? 'refused'
      : result.rejectedRows
        ? 'importedWithRejects'
        : 'imported';
  const counts: [string, number][] = [
    ['rows', result.rows],
    [result.dryRun ? 'casesToImport' : 'cases', result.cases],
    ['people', result.people],
    ['skippedExisting', result.skippedExisting],
    ['rejectedRows', result.rejectedRows],
    ['warnings', result.warningCount],
  ];
  return (
    <section aria-labelledby="import-result-title" className="section">
      <h2 id="import-result-title">{t('resultTitle', { file: result.fileName })}</h2>
      <p className={result.errorCount && !result.written && outcome !== 'checkedSkip' ? 'notice warn' : 'notice ok'} role="status">
        {t(outcome, { cases: result.cases })}
      </p>
      <TableScroll>
        <table className="list">
          <caption>{t('counts.caption')}</caption>
          <tbody>
            {counts.map(([key, n]) => (
              <tr key={key}>
                <th scope="row">{t(`counts.${key}` as never)}</th>
                <td>{number(n)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {rejectedUrl && (
        <p>
          <a href={rejectedUrl} download={`${result.fileName.replace(/\.(csv|xlsx)$/i, '')}.rejected.csv`}>
            {t('downloadRejected')}
          </a>
        </p>
      )}
      <Problems id="import-errors" title={t('errorsTitle')} problems={result.errors} total={result.errorCount} number={number} />
      <Problems id="import-warnings" title={t('warningsTitle')} problems={result.warnings} total={result.warningCount} number={number} />
    </section>
  );
}

function Problems({ id, title, problems, total, number }: { id: string; title: string; problems: ProblemView[]; total: number; number: (n: number) => string }) {
  const t = useTranslations('import');
  if (total === 0) return null;
  return (
    <>
      <h3 id={id} tabIndex={-1}>
        {title} ({number(total)})
      </h3>
      {problems.length < total && <p className="muted">{t('shownOf', { shown: number(problems.length), total: number(total) })}</p>}
      <TableScroll>
        <table className="list" aria-labelledby={id}>
          <thead>
            <tr>
              <th scope="col">{t('row')}</th>
              <th scope="col">{t('column')}</th>
              <th scope="col">{t('message')}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              <tr key={i}>
                <td>{number(p.row)}</td>
                <td className="mono">{p.column ?? '—'}</td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
