import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir } from '@/db';
import { StartupError } from '@/lib/errors';

/**
 * The secret that signs session cookies. Production must configure one; development
 * generates one into the data folder, so `npm run dev` needs no .env file.
 */
export function authSecret(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.AUTH_SECRET || env.NEXTAUTH_SECRET;
  if (configured) return configured;
  if (env.NODE_ENV === 'production') {
    const demo = env.PAYUNG_DEMO === '1' ? ' A demonstration start (PAYUNG_DEMO=1) needs one too.' : '';
    throw new StartupError(`AUTH_SECRET is not set. Generate one with \`openssl rand -base64 32\` and set it in the environment.${demo}`);
  }
  const file = path.join(dataDir(), 'auth-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dataDir(), { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}
