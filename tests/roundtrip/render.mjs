#!/usr/bin/env node
// Renders one filing as publications: node render.mjs FILING.json [--html OUT.html] [--pdf OUT.pdf] [--txt OUT.txt]
// (--pdf: Shanghai layout printed by chromium; --txt: Hunan extracted-text layout). The filing is first
// given its publication shape (shape.mjs); --expected OUT.json writes that shape.
import { readFileSync, writeFileSync } from 'node:fs';
import { renderShanghaiHtml } from './render-shanghai.mjs';
import { renderHunanText } from './render-hunan.mjs';
import { publicationShape } from './shape.mjs';
import { openPrinter } from './print-pdf.mjs';

const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : null; };
if (!args[0] || args[0].startsWith('--')) {
  console.error('usage: node render.mjs FILING.json [--html OUT.html] [--pdf OUT.pdf] [--txt OUT.txt] [--expected OUT.json]');
  process.exit(2);
}
const filing = publicationShape(JSON.parse(readFileSync(args[0], 'utf8')));
const html = renderShanghaiHtml(filing);
if (opt('--html')) writeFileSync(opt('--html'), html);
if (opt('--txt')) writeFileSync(opt('--txt'), renderHunanText(filing));
if (opt('--expected')) writeFileSync(opt('--expected'), JSON.stringify(filing, null, 2) + '\n');
if (opt('--pdf')) {
  const printer = await openPrinter();
  try { await printer.print(html, opt('--pdf')); } finally { await printer.close(); }
}
