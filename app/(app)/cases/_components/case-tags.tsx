import { getTranslations } from 'next-intl/server';
import { translateKey } from '@/lib/i18n/dynamic';

/** Status, class and risk as tags with text (never colour alone). */
export async function CaseTags({ status, caseClass, riskLevel }: { status: string; caseClass: string; riskLevel: string }) {
  const t = await getTranslations();
  return (
    <>
      <span className="tag status">{translateKey(t, `statuses.${status}`)}</span>{' '}
      <span className={caseClass === 'special' ? 'tag special' : 'tag'}>{translateKey(t, `caseClass.${caseClass}`)}</span>{' '}
      <span className={`tag risk-${riskLevel}`}>
        {t('cases.riskTag', { risk: translateKey(t, `risk.${riskLevel}`) })}
      </span>
    </>
  );
}
