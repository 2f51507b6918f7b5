/** Run before the end-to-end suite: without a browser it says how to get one, and fails (never skips). */
import fs from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumPath } from './browser';

function playwrightsOwn(): string | null {
  try {
    const p = chromium.executablePath();
    return p && fs.existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

const found = chromiumPath() ?? playwrightsOwn();
if (!found) {
  console.error(
    [
      'No Chromium found for the end-to-end tests.',
      'Install one:',
      '  Debian/Ubuntu:  sudo apt-get install -y chromium      (found at /usr/bin/chromium)',
      '  elsewhere:      npx playwright install chromium        (needs access to Playwright\'s download server)',
      'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    ].join('\n'),
  );
  process.exit(1);
}
