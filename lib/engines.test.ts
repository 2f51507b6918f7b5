import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// npm's own range arithmetic, installed with the tools (no types are installed for it).
const semver = createRequire(import.meta.url)('semver') as {
  subset(range: string, of: string): boolean;
  intersects(a: string, b: string): boolean;
  validRange(range: string): string | null;
};

const root = path.resolve(import.meta.dirname, '..');

/** Every installed package that says which Node versions it runs on: name, version, range. */
function declaredEngines(dir = path.join(root, 'node_modules')): { name: string; range: string }[] {
  const found: { name: string; range: string }[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry.startsWith('.')) continue;
    const at = path.join(dir, entry);
    if (entry.startsWith('@')) {
      found.push(...declaredEngines(at));
      continue;
    }
    const manifest = path.join(at, 'package.json');
    if (existsSync(manifest)) {
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string; engines?: { node?: string } };
      if (pkg.engines?.node && semver.validRange(pkg.engines.node)) found.push({ name: `${pkg.name}@${pkg.version}`, range: pkg.engines.node });
    }
    if (existsSync(path.join(at, 'node_modules'))) found.push(...declaredEngines(path.join(at, 'node_modules')));
  }
  return found;
}

describe('the Node.js versions package.json promises', () => {
  it('are ones every installed dependency accepts, and include the one .nvmrc names', () => {
    const ours = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    const refusing = declaredEngines()
      .filter((d) => !semver.subset(ours, d.range))
      .map((d) => `${d.name} wants ${d.range}`);
    expect(refusing).toEqual([]);
    const nvmrc = readFileSync(path.join(root, '.nvmrc'), 'utf8').trim();
    expect(semver.intersects(ours, nvmrc)).toBe(true);
  });
});
