import fs from 'node:fs';

/**
 * The Chromium the end-to-end tests drive: CHROMIUM_PATH, else Debian's, else null
 * (Playwright then uses its own download, where the network allowed one).
 */
export function chromiumPath(): string | null {
  for (const candidate of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (candidate && fs.existsSync(candidate)) return candidate;
  }
  return null;
}
