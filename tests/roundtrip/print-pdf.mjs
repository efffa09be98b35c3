// Prints HTML documents to PDF with Debian's chromium through playwright-core (tests/node_modules).
import { createRequire } from 'node:module';

const require = createRequire(new URL('../package.json', import.meta.url));

/** Opens one headless chromium; returns { print(html, pdfPath), close() }. */
export async function openPrinter() {
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext();
  return {
    /** Writes `html` as an A4 PDF (landscape where the CSS names the `wide` page) with page numbers. */
    async print(html, pdfPath) {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      await page.pdf({
        path: pdfPath, format: 'A4', preferCSSPageSize: true, printBackground: false,
        displayHeaderFooter: true, headerTemplate: '<span></span>',
        footerTemplate: '<div style="width:100%;text-align:center;font-size:9px;font-family:serif"><span class="pageNumber"></span></div>',
      });
      await page.close();
    },
    async close() { await browser.close(); },
  };
}
