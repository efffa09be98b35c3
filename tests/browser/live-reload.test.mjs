// The preview server's live reload in a real browser: an open department page shows a saved change to its
// filing without the reader reloading it, and a broken save turns it into the error page. Its own server, on
// a copy of the real data (the files are edited). Run with GONGKAI_BIN=… GONGKAI_REPO=… node --test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../package.json', import.meta.url));
const { chromium } = require('playwright-core');

const gongkai = process.env.GONGKAI_BIN;
const repo = process.env.GONGKAI_REPO;
assert.ok(gongkai && repo, 'GONGKAI_BIN and GONGKAI_REPO must be set');
const port = 20000 + ((process.pid + 7919) % 20000);
const base = `http://127.0.0.1:${port}/`;
const work = mkdtempSync(join(tmpdir(), 'gongkai-reload-'));
const data = join(work, 'data');
const filing = join(data, '430321-xiangtan/2024/county-government-office.json');
const pagePath = '430321-xiangtan/2024/county-government-office/index.html';
let server, browser;

before(async () => {
  cpSync(join(repo, 'data'), data, { recursive: true });
  server = spawn(gongkai, ['serve', '--quiet', '--data', data, '--out', join(work, 'site'), '--port', String(port),
                           '--templates', join(repo, 'site-templates'), '--assets', join(repo, 'assets')], { stdio: 'ignore' });
  for (let i = 0; i < 300; i++) {
    try { if ((await fetch(base)).ok) break; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
});

after(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
});

// Saves the filing with its department's name changed (the file as published, otherwise).
let published;
function saveWithName(name) {
  const doc = JSON.parse(published);
  doc.department.name = name;
  writeFileSync(filing, JSON.stringify(doc, null, 2));
}

test('an open page shows a saved change by itself, and a broken save shows the error page', async () => {
  published = readFileSync(filing, 'utf8');
  const original = JSON.parse(published).department.name;
  const page = await browser.newPage();
  await page.goto(base + pagePath, { waitUntil: 'networkidle' });  // the page settles: the wait starts after load
  assert.ok((await page.locator('h1').textContent()).includes(original));

  saveWithName(original + '（已更正）');
  await page.waitForFunction((name) => document.querySelector('h1')?.textContent.includes(name), original + '（已更正）', { timeout: 20000 });

  writeFileSync(filing, '{ "broken": ');
  await page.waitForFunction(() => document.title.includes('构建失败'), null, { timeout: 20000 });
  assert.ok((await page.content()).includes('county-government-office.json'));

  writeFileSync(filing, published);
  await page.waitForFunction((name) => !document.title.includes('构建失败') && document.querySelector('h1')?.textContent.includes(name), original,
                             { timeout: 20000 });
  await page.close();
});
