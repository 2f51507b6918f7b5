/**
 * `npm run audit:verify`: walks the audit trail's hash chain on DATABASE_URL (or the embedded
 * database in PGLITE_DIR) and says "intact, N rows" or names the first row that does not match;
 * exits 1 then, so a scheduled job or CI can alarm.
 */
import { getHandle } from '../index';
import { describeAuditCheck, verifyAuditChain } from '../queries/audit';

async function main() {
  const handle = await getHandle();
  const check = await verifyAuditChain(handle.db);
  console.log(describeAuditCheck(check));
  await handle.close();
  if (!check.ok) process.exit(1);
}

main().catch((e) => {
  console.error(`audit:verify failed: ${(e as Error).message}`);
  process.exit(2);
});
