import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { missionName } from '@/app/_components/mission-name';
import { getDb } from '@/db';
import { getDraft } from '@/db/queries/drafts';
import { listMissionsInScope } from '@/db/queries/missions';
import { requirePermission } from '@/lib/auth/actor';
import { DraftsNotice } from '../../drafts/_components/drafts-notice';
import { IntakeForm } from './_components/intake-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('intake'))('title') };
}

export default async function NewCasePage({ searchParams }: { searchParams: Promise<{ draft?: string }> }) {
  const actor = await requirePermission('case:create');
  const { draft: draftId } = await searchParams;
  const db = await getDb();
  const [t, draft] = await Promise.all([getTranslations(), draftId ? getDraft(db, actor, draftId) : null]);
  const missions =
    actor.role === 'officer' ? null : (await listMissionsInScope(db, actor)).filter((m) => m.isActive).map((m) => ({ value: m.code, label: `${m.code} · ${missionName(t as never, m)}` }));
  return (
    <>
      <p>
        <Link href="/drafts">{t('drafts.title')}</Link>
      </p>
      <h1>{t('intake.title')}</h1>
      {draftId && !draft && <p className="notice warn">{t('intake.draftGone')}</p>}
      {!draft && <DraftsNotice actor={actor} />}
      <IntakeForm draft={draft ? { id: draft.id, data: draft.data, updatedAt: draft.updatedAt.toISOString() } : null} missions={missions} />
    </>
  );
}
