// Shared set-up of the browser tests: `gongkai serve` on a loopback port over the real data, Debian's chromium
// through playwright-core, and `open(path, viewport)` that records console errors. Each *.test.mjs file
// that imports this gets its own server and browser (node --test runs files in parallel).
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../package.json', import.meta.url));
const { chromium } = require('playwright-core');
export const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const gongkai = process.env.GONGKAI_BIN;
export const repo = process.env.GONGKAI_REPO;
assert.ok(gongkai && repo, 'GONGKAI_BIN and GONGKAI_REPO must be set');
const port = 20000 + (process.pid % 20000);
export const base = `http://127.0.0.1:${port}/`;
const work = mkdtempSync(join(tmpdir(), 'gongkai-browser-'));
// The generated site on disk (for tests that read output files directly).
export const siteDir = join(work, 'site');
let server, browser;

// One page of every type, on the real data.
export const pages = {
  home: 'index.html',
  county: '310107-putuo/2024/index.html',
  department: '430321-xiangtan/2024/county-government-office/index.html',
  history: '430321-xiangtan/departments/county-government-office/index.html',
  functionClass: '430321-xiangtan/2024/classes/208/index.html',
  economicClass: '310107-putuo/2024/economic/302/index.html',
  glossary: 'glossary/index.html',
  rules: 'audit-rules/index.html',
  compare: 'compare/index.html?d=310107-putuo/2024/finance-bureau,310107-putuo/2024/social-work-department',
  search: 'search/index.html?q=普陀',
};

before(async () => {
  server = spawn(gongkai, ['serve', '--quiet', '--data', join(repo, 'data'), '--out', siteDir, '--port', String(port),
                           '--templates', join(repo, 'site-templates'), '--assets', join(repo, 'assets')], { stdio: 'ignore' });
  for (let i = 0; i < 300; i++) {
    try { if ((await fetch(base)).ok) break; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
});

// Opens `path` (relative to the site root) in a fresh context; `errors` collects console errors.
export async function open(path, viewport = { width: 1280, height: 900 }, options = {}) {
  const context = await browser.newContext({ viewport, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(base + path, { waitUntil: 'networkidle' });
  return { page, errors, close: () => context.close() };
}
