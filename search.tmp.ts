import { getHandle } from '@/db';
import { listCases } from '@/db/queries/cases';
import { actorOf } from '@/lib/testing/actors';
import postgres from 'postgres';
async function main() {
  const h = await getHandle();
  const raw = postgres(process.env.DATABASE_URL!, { max: 1 });
  const [p] = await raw`select nik, passport_number, full_name from persons where nik is not null and passport_number is not null offset 5000 limit 1`;
  const common = (await raw`select split_part(full_name,' ',1) w, count(*) from persons group by 1 order by 2 desc limit 1`)[0].w;
  const rare = (await raw`select full_name from persons offset 777 limit 1`)[0].full_name;
  const [kul] = await raw`select id from missions where code='KUL'`;
  const sup = actorOf('supervisor', { id: null, timeZone: 'Asia/Jakarta' });
  const off = actorOf('officer', { id: null, missionId: kul.id, timeZone: 'Asia/Kuala_Lumpur' });
  const cases: [string, any, any][] = [
    ['nik', sup, { q: p.nik }], ['passport', sup, { q: p.passport_number }], ['common name ' + common, sup, { q: common }],
    ['rare name', sup, { q: rare.slice(2, 12) }], ['pseudonym', sup, { q: 'KUL-2024-00012-S1' }], ['ref prefix', sup, { q: 'KUL-2025' }],
    ['my cases officer', off, {}], ['officer rare status', off, { status: 'new' }], ['sup closed', sup, { status: 'closed' }],
  ];
  for (const [label, actor, filter] of cases) {
    const t: number[] = [];
    let n = 0;
    for (let i = 0; i < 25; i++) { const t0 = performance.now(); n = (await listCases(h.db, actor, filter)).items.length; t.push(performance.now() - t0); }
    const s = [...t.slice(5)].sort((a, b) => a - b);
    console.log(`${label.padEnd(30)} n=${n} p50 ${s[10].toFixed(1)} ms  max ${s.at(-1)!.toFixed(1)}  runs 1,20: ${t[0].toFixed(1)}, ${t[19].toFixed(1)}`);
  }
  await raw.end(); await h.close();
}
main();
