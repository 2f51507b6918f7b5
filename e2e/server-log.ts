import fs from 'node:fs';
import { SERVER_LOG } from '../playwright.config';
import { CANARY_FRAGMENTS } from './canaries';

/**
 * After the whole suite: everything the server printed while the tests drove it must be free of
 * the identities the privacy spec typed (e2e/canaries.ts) — at intake, in searches, uploads,
 * malformed requests and failed statements alike.
 */
export default function checkServerLog() {
  if (!fs.existsSync(SERVER_LOG)) throw new Error(`the web server's output was not kept at ${SERVER_LOG} (e2e/serve.sh)`);
  const lines = fs.readFileSync(SERVER_LOG, 'utf8').split('\n');
  const leaks = lines.filter((line) => CANARY_FRAGMENTS.some((fragment) => line.toLowerCase().includes(fragment.toLowerCase())));
  if (leaks.length) throw new Error(`The server printed identities the tests typed (${SERVER_LOG}):\n${leaks.slice(0, 20).join('\n')}`);
}
