// Screenshots of every page type at desktop (1366 px) and phone (390 px) width, full page, for a reviewer
// to look at. Written to $GONGKAI_SCREENSHOTS (CMake sets build/screenshots), else to a temporary folder.
// Charts are drawn without animation (reduced motion), so each picture shows the finished page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { base, open, pages } from './harness.mjs';

const outDir = process.env.GONGKAI_SCREENSHOTS || join(tmpdir(), 'gongkai-screenshots');
const viewports = [{ width: 1366, height: 900 }, { width: 390, height: 844 }];

// Page types that exist only on some builds (county across years, department types): taken when present.
const extra = { countyYears: '430321-xiangtan/index.html', types: 'types/index.html', type: 'types/finance/index.html' };

test('screenshots of every page type at 1366 and 390 px', async () => {
  mkdirSync(outDir, { recursive: true });
  const list = Object.entries(pages);
  const known = new Set(list.map(([, path]) => path));
  for (const [name, path] of Object.entries(extra))
    if (!known.has(path) && (await fetch(base + path)).ok) list.push([name, path]);
  for (const [name, path] of list) {
    for (const viewport of viewports) {
      const { page, close } = await open(path, viewport, { reducedMotion: 'reduce' });
      await page.evaluate(() => document.fonts.ready);
      const file = join(outDir, `${name}-${viewport.width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      assert.ok(statSync(file).size > 1000, `${file} is empty`);
      await close();
    }
  }
  console.log(`screenshots in ${outDir}`);
});
