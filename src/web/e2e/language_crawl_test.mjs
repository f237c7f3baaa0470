// Every page type, as a reader meets it, in headless Chromium: the portal on
// the samples is crawled from the home page (and from a list of error and
// form pages no link leads to), a few pages of each page type, and each
// page is checked for
// - words a user sees that are not Chinese: any run of Latin letters in the
//   visible text, titles, placeholders, labels and alt texts, outside an
//   allow-list (units, GDP/CPI/PM2.5, file formats, addresses) and outside quotations
//   of the reports themselves and <code>;
// - sideways scrolling on a phone (390 px): document width <= viewport;
// - accessibility basics: lang="zh-CN", one h1, alt on every image, a label
//   on every form field.
// Run by ctest (web_language_crawl_test):
//   node language_crawl_test.mjs --mubiao BUILD/src/cli/mubiao --source REPO --out DIR
// Phone screenshots of the first page of each type go to DIR/crawl/.
import { mkdtempSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { Checks, parseArgs, runMubiao, startPortal, stopPortal } from './support.mjs';

const args = parseArgs(['mubiao', 'source', 'out']);
const checks = new Checks();
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
if (!existsSync(chromiumPath)) {
  throw new Error(`no Chromium at ${chromiumPath}: scripts/setup.sh installs Debian's chromium`);
}
const shots = join(args.out, 'crawl');
mkdirSync(shots, { recursive: true });

// Latin words a Chinese reader meets in Chinese statistics and on the web.
const ALLOWED = new Set([
  'GDP', 'CPI', 'PPI', 'PM', 'AQI', 'CSV', 'JSON', 'Atom', 'OpenAPI', 'API', 'UTF', 'HTTP', 'GET',
  'km', 'kg', 'kW', 'kWh', 'MW', 'GW', 'TEU', 'PB', 'EFLOPS', 'yaml', 'OR',
  'Markdown', 'TXT', 'HTML', 'Word', 'PDF', 'Lines',
]);
// Addresses and file names, shown as they are (本文地址, a report's sources).
const ADDRESS = /(https?:\/\/|\/)\S*|[\w.-]+\.(md|txt|html?|docx|pdf|jsonl)\b/g;
// How many pages of one type (a path with its numbers and query values
// taken out) are checked: enough to meet each template with different data.
const PER_TYPE = 3;
const MAX_PAGES = 150;
// Pages no link leads to: errors and refused forms.
const SEEDS = [
  '/', '/baogao/', '/nothing-here', '/baogao/nowhere/', '/baogao/huadong/?diqu=abc',
  '/search?q=', '/search?q=%E7%B2%AE%E9%A3%9F&year_min=abc', '/search?q=%22',
  '/targets?year_min=1800', '/targets?level=planet', '/genzong/999999.html',
  '/genzong/jiama?indicator=%E6%B2%A1%E6%9C%89%E7%9A%84%E6%8C%87%E6%A0%87', '/genzong/360800/bianhua.html?year=1900', '/api/',
  '/shuoming.html', '/guanli/denglu', '/guanli/pinglun',
];
// Places compared: one place, and a place no report has (s11-compare).
SEEDS.push('/genzong/duibi.html?diqu=360800', '/genzong/duibi.html?diqu=%E6%97%A0%E6%AD%A4%E5%9C%B0&diqu=360800');

// The type of a page: its path with digits as N, and its query's names.
function pageType(url) {
  const u = new URL(url);
  const names = [...u.searchParams.keys()].sort().join('&');
  return u.pathname.replace(/\d+/g, 'N') + (names ? `?${names}` : '');
}

// Pages worth crawling: this portal's HTML pages, not data, files or forms' posts.
function crawlable(url, base) {
  if (!url.startsWith(base)) return false;
  const path = new URL(url).pathname;
  return !/^\/(api\/v1|export|static)\//.test(path) &&
         !/\.(csv|json|xml|atom|png|svg|ico|txt|yaml)$/.test(path) && path !== '/yanzhengma.png';
}

// What a reader of the page sees in words, outside quotations of reports
// and code: visible text, plus titles, placeholders, labels and alt texts.
function visibleWords() {
  const skip = 'code, pre, kbd, samp, .text, .quote, q, .snippet, script, style, noscript';
  const parts = [document.title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest(skip)) continue;
    if (parent.closest('[hidden], template')) continue;
    parts.push(node.textContent);
  }
  for (const el of document.querySelectorAll('[title], [placeholder], [aria-label], img[alt], input[type=submit][value], input[type=button][value]')) {
    if (el.closest(skip)) continue;
    for (const name of ['title', 'placeholder', 'aria-label', 'alt', 'value']) {
      const shown = name !== 'value' || ['submit', 'button'].includes(el.type);
      if (shown && el.hasAttribute(name)) parts.push(el.getAttribute(name));
    }
  }
  return parts.join('\n');
}

// Accessibility basics of the page; the problems found, as strings.
function accessibilityProblems() {
  const problems = [];
  if (document.documentElement.lang !== 'zh-CN') problems.push(`lang="${document.documentElement.lang}"`);
  const h1 = document.querySelectorAll('h1').length;
  if (h1 !== 1) problems.push(`${h1} h1`);
  for (const img of document.querySelectorAll('img')) {
    if (!img.hasAttribute('alt')) problems.push(`img without alt: ${img.src}`);
  }
  for (const field of document.querySelectorAll('input, select, textarea')) {
    if (['hidden', 'submit', 'button', 'reset'].includes(field.type)) continue;
    if (field.closest('[hidden]') || field.getAttribute('aria-hidden') === 'true' || field.tabIndex < 0) continue;
    const labelled = field.labels?.length > 0 || field.hasAttribute('aria-label') ||
                     field.hasAttribute('aria-labelledby') || field.hasAttribute('title');
    if (!labelled) problems.push(`field without label: ${field.name || field.id || field.outerHTML.slice(0, 60)}`);
  }
  return problems;
}

const work = mkdtempSync(join(tmpdir(), 'mubiao-crawl-'));
const db = join(work, 'portal.db');
runMubiao(args.mubiao, ['import', join(args.source, 'examples/reports'), '--db', db]);
const { server, base, log } = await startPortal(args.mubiao, [
  '--db', db, '--listen', '127.0.0.1:0', '--vendor-dir', join(args.source, 'node_modules/echarts/dist')]);
console.log(`# portal at ${base}`);

const browser = await chromium.launch({
  executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
let failure = null;
try {
  const desktop = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })).newPage();
  const phone = await (await browser.newContext(
    { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, locale: 'zh-CN' })).newPage();
  const queue = SEEDS.map((path) => base + path);
  const seen = new Set(queue);
  const perType = new Map();
  const foreign = new Map();  // word → first page showing it
  const problems = [];
  let pages = 0;
  while (queue.length > 0 && pages < MAX_PAGES) {
    const url = queue.shift();
    const type = pageType(url);
    if ((perType.get(type) || 0) >= PER_TYPE) continue;
    const response = await desktop.goto(url);
    if (!(response.headers()['content-type'] || '').startsWith('text/html')) continue;
    perType.set(type, (perType.get(type) || 0) + 1);
    pages++;
    for (const word of (await desktop.evaluate(visibleWords)).replace(ADDRESS, ' ').match(/[A-Za-z]{2,}/g) || []) {
      if (!ALLOWED.has(word) && !foreign.has(word)) foreign.set(word, url.slice(base.length));
    }
    for (const p of await desktop.evaluate(accessibilityProblems)) problems.push(`${url.slice(base.length)}: ${p}`);
    for (const href of await desktop.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => a.href))) {
      const next = href.split('#')[0];
      if (crawlable(next, base) && !seen.has(next)) { seen.add(next); queue.push(next); }
    }
    await phone.goto(url);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 1) problems.push(`${url.slice(base.length)}: ${overflow}px sideways on a phone`);
    if (perType.get(type) === 1) {
      const name = type.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '') || 'home';
      await phone.screenshot({ path: join(shots, `${name}.png`) });
    }
  }
  console.log(`# ${pages} pages of ${perType.size} types checked`);
  checks.check(perType.size >= 20, `at least 20 page types crawled (${perType.size})`);
  checks.check(foreign.size === 0, `no Latin words outside the allow-list: ${
    [...foreign].map(([w, u]) => `${w} (${u})`).join(', ')}`);
  checks.check(problems.length === 0, `no sideways scrolling and accessibility basics: ${problems.join('; ')}`);
} catch (error) {
  failure = error;
} finally {
  await browser.close();
  await stopPortal(server);
  rmSync(work, { recursive: true, force: true });
}
if (failure) {
  console.error(failure.message);
  console.error(`# server log:\n${log().split('\n').slice(-20).join('\n')}`);
  process.exit(1);
}
console.log(checks.summary());
