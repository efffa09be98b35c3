#!/usr/bin/env node
// Renders one filing as publications:
//   node render.mjs FILING.json [--html OUT.html] [--pdf OUT.pdf] [--hunan-html OUT.html] [--hunan-pdf OUT.pdf]
//                   [--txt OUT.txt] [--expected OUT.json] [--orientation portrait|landscape|mixed]
//                   [--continuation none|repeat|mark|title|break] [--variant full,long,funds,commas,yuan,signs]
// (--pdf: Shanghai layout printed by chromium; --hunan-pdf: Hunan layout printed by chromium; --txt: Hunan
// extracted-text layout). The filing is first given its publication shape (shape.mjs); --expected writes it.
import { readFileSync, writeFileSync } from 'node:fs';
import { renderShanghaiHtml } from './render-shanghai.mjs';
import { renderHunanHtml } from './render-hunan-pdf.mjs';
import { renderHunanText } from './render-hunan.mjs';
import { publicationShape, synthVariant } from './shape.mjs';
import { openPrinter } from './print-pdf.mjs';

const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : null; };
if (!args[0] || args[0].startsWith('--')) {
  console.error('usage: node render.mjs FILING.json [--html OUT.html] [--pdf OUT.pdf] [--hunan-html OUT.html] [--hunan-pdf OUT.pdf] '
    + '[--txt OUT.txt] [--expected OUT.json] [--orientation O] [--continuation C] [--variant V,…]');
  process.exit(2);
}
let filing = JSON.parse(readFileSync(args[0], 'utf8'));
if (opt('--variant')) filing = synthVariant(filing, Object.fromEntries(opt('--variant').split(',').map((k) => [k, true])));
filing = publicationShape(filing);
const continuation = opt('--continuation') || 'none';
const html = renderShanghaiHtml(filing, { continuation: continuation === 'break' ? 'none' : continuation });
const hunan = renderHunanHtml(filing, { orientation: opt('--orientation') || 'portrait', continuation: continuation === 'break' ? 'none' : continuation });
if (opt('--html')) writeFileSync(opt('--html'), html);
if (opt('--hunan-html')) writeFileSync(opt('--hunan-html'), hunan);
if (opt('--txt')) writeFileSync(opt('--txt'), renderHunanText(filing, { continuation }));
if (opt('--expected')) writeFileSync(opt('--expected'), JSON.stringify(filing, null, 2) + '\n');
if (opt('--pdf') || opt('--hunan-pdf')) {
  const printer = await openPrinter();
  try {
    if (opt('--pdf')) await printer.print(html, opt('--pdf'));
    if (opt('--hunan-pdf')) await printer.print(hunan, opt('--hunan-pdf'));
  } finally { await printer.close(); }
}
