// The portal tested as a person would use it, in headless Chromium (Debian's
// package) driven by playwright-core (npm): browse a region to a report,
// search, open the targets explorer, post a comment with the 验证码, sign in
// as a moderator, approve it and see the count change. Saves screenshots of
// the main pages into --out. Run by ctest (web_browser_test):
//   node portal_browser_test.mjs --mubiao BUILD/src/cli/mubiao --source REPO --out DIR
// The server is started on a fresh database imported from examples/reports,
// on a free loopback port, with --insecure-test-captcha so the test can read
// the captcha answer (the server refuses that flag on other addresses).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { Checks, parseArgs, runMubiao, startPortal, stopPortal } from './support.mjs';

const args = parseArgs(['mubiao', 'source', 'out']);
const checks = new Checks();
const check = (condition, what) => checks.check(condition, what);
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
if (!existsSync(chromiumPath)) {
  throw new Error(`no Chromium at ${chromiumPath}: scripts/setup.sh installs Debian's chromium`);
}
mkdirSync(args.out, { recursive: true });

const work = mkdtempSync(join(tmpdir(), 'mubiao-browser-'));
const db = join(work, 'portal.db');
const mubiao = (argv, input) => runMubiao(args.mubiao, argv, input);
mubiao(['import', join(args.source, 'examples/reports'), '--db', db]);
mubiao(['moderator', 'add', '审核员', '--db', db], 'browser-test-password\n');

// The test switch is refused anywhere but on loopback.
const exposed = spawnSync(args.mubiao, ['serve', '--db', db, '--listen', '0.0.0.0:0', '--insecure-test-captcha'],
  { encoding: 'utf8', timeout: 60000 });
check(exposed.status !== 0 && exposed.stderr.includes('refused'), 'test captcha switch refused off loopback');

const { server, base, log } = await startPortal(args.mubiao, [
  '--db', db, '--listen', '127.0.0.1:0', '--insecure-test-captcha',
  '--vendor-dir', join(args.source, 'node_modules/echarts/dist')]);
console.log(`# portal at ${base}`);

const browser = await chromium.launch({
  executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
let failure = null;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(30000);
  const shot = (name, options = {}) => page.screenshot({ path: join(args.out, name), fullPage: true, ...options });

  // Home → a region → a report.
  await page.goto(`${base}/`);
  check((await page.textContent('h2')).includes('导航菜单'), 'home shows 导航菜单');
  check(await page.locator('.geo h3 a', { hasText: '华中' }).count() === 1, 'home lists the seven regions');
  await shot('home.png');
  await page.locator('.geo h3 a', { hasText: '其他地区' }).click();
  check(/\/baogao\/qita\/$/.test(page.url()), 'region page opens');
  await shot('region.png');
  check(await page.locator('.doc-list li').count() === 2,
        'two reports listed: the 2024 report once, though read from two files');
  await page.locator('.doc-list a', { hasText: '青禾县' }).first().click();
  check(/\/baogao\/qita\/\d+\.html$/.test(page.url()), 'report page opens from the region page');
  const reportUrl = page.url();
  check((await page.textContent('h1')).includes('青禾县人民政府工作报告'), 'report title');
  const targets = await page.locator('.text a.target').count();
  check(targets > 0, `targets highlighted in the text (${targets})`);
  check(await page.locator('.text mark.outcome').count() > 0, 'outcomes marked differently');
  check((await page.textContent('.permalink a')).startsWith('http://'), 'the permalink is shown in full');
  check(await page.locator('.permalink button').isVisible(), 'the permalink has a copy button');
  check((await page.locator('nav.prevnext a').count()) === 0 || (await page.textContent('nav.prevnext')).includes('：'),
        '上一篇/下一篇 name their reports');
  await page.locator('.text a.target').first().click();
  check(page.url().endsWith('#t1') && await page.locator('tr#t1').isVisible(), 'a target links to its row');
  await shot('report.png');

  // The 2024 report has two sources (the Markdown file and a saved archive
  // page): listed once, both named on its page; the page of the other
  // source says so and leads back.
  check(await page.locator('dd.sources li').count() === 2, 'the report names its two sources');
  await page.locator('dd.sources li a').first().click();
  check((await page.textContent('p.notice')).includes('另一来源文本'), 'a second source says it is one');
  await page.screenshot({ path: join(args.out, 'report-source.png'), clip: { x: 0, y: 0, width: 1280, height: 720 } });
  await page.locator('p.notice a').click();
  check(page.url() === reportUrl, 'the second source leads back to the report');

  // Search from the page header.
  await page.locator('.main-nav a', { hasText: '搜索' }).click();
  await page.fill('input[name=q]', '粮食');
  await page.locator('form.filters-form button[type=submit]').click();
  check(await page.locator('.hits li').count() > 0, 'search finds reports');
  check(await page.locator('.snippet em').count() > 0, 'search highlights matches');
  await shot('search.png');

  // The targets explorer with ECharts.
  await page.goto(`${base}/targets?indicator=${encodeURIComponent('就业')}`);
  check(await page.locator('table.data tbody tr').count() > 0, 'targets explorer lists targets');
  await page.waitForSelector('.chart-box canvas');
  check(await page.locator('.chart-box canvas').count() >= 2, 'charts drawn by ECharts');
  const csvHref = await page.locator('a', { hasText: '导出 CSV' }).getAttribute('href');
  const csv = await page.request.get(`${base}${csvHref}`);
  const csvBytes = await csv.body();
  check(csv.ok() && csvBytes[0] === 0xef && csvBytes[1] === 0xbb && csvBytes[2] === 0xbf, 'CSV export with BOM');
  await shot('targets.png');

  // Tracking: each target's status links to its evidence; the tracking
  // index from the header; the escalation view from its form.
  await page.goto(reportUrl);
  check(await page.locator('#mubiao a.status').count() > 0, 'targets table shows statuses');
  await page.locator('#mubiao a.status').first().click();
  check(page.url().endsWith('#g1') && await page.locator('li#g1').isVisible(), 'a status links to its evidence');
  await page.locator('.main-nav a', { hasText: '跟踪' }).click();
  check(/\/genzong\/$/.test(page.url()), 'tracking index opens from the header');
  await shot('tracking.png');
  await page.locator('.escalation-form button[type=submit]').click();
  check(/\/genzong\/jiama\?/.test(page.url()) && (await page.textContent('h1')).includes('层层加码'),
        'escalation view opens from its form');
  await shot('escalation.png');

  // A place's scorecard (吉安, a sample of a real prefecture), and from it
  // this year's targets against last year's.
  await page.goto(`${base}/genzong/360800.html`);
  await shot('scorecard.png');
  await page.locator('a', { hasText: '与上年目标对比' }).click();
  check(/\/genzong\/360800\/bianhua\.html$/.test(page.url()) &&
        (await page.locator('table.changes tbody tr').count()) > 0, 'changes since last year open from the scorecard');
  await shot('changes.png');

  // A comment with the 验证码.
  await page.goto(reportUrl);
  const countBefore = await page.textContent('.comments h2');
  check(countBefore.includes('共有 0 条评论'), 'no comments yet');
  await page.waitForFunction(() => document.querySelector('.captcha img').naturalWidth > 0);
  const answer = await (await page.request.get(`${base}/ceshi/yanzhengma`)).text();
  check(/^[A-Z0-9]{5}$/.test(answer), 'captcha answer readable through the test switch');
  await page.fill('input[name=author]', '浏览器读者');
  await page.fill('textarea[name=body]', '新增学位4000个的目标很具体，<script>alert(1)</script>');
  await page.fill('input[name=captcha]', answer.toLowerCase());
  await page.locator('.comment-form button[type=submit]').click();
  check(page.url().includes('pinglun=ok'), 'comment accepted');
  check((await page.textContent('.comments h2')).includes('共有 0 条评论'), 'pending comment not counted');
  await shot('comment-posted.png');

  // The moderator approves it.
  await page.goto(`${base}/guanli/denglu`);
  await page.fill('input[name=name]', '审核员');
  await page.fill('input[name=password]', 'browser-test-password');
  await page.locator('.login button[type=submit]').click();
  check(page.url().endsWith('/guanli/pinglun'), 'moderator signed in');
  check(await page.locator('.queue li').count() === 1, 'comment waits in the queue');
  await shot('moderation.png');
  await page.locator('.queue li button', { hasText: '通过' }).click();
  check(await page.locator('.queue li').count() === 0, 'queue empty after approval');

  await page.goto(reportUrl);
  check((await page.textContent('.comments h2')).includes('共有 1 条评论'), 'count shows the approved comment');
  check((await page.textContent('.comment-list')).includes('<script>alert(1)</script>'), 'markup shown as text');
  await page.locator('#pinglun').screenshot({ path: join(args.out, 'comments.png') });

  // The report on a phone.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true });
  const mobile = await phone.newPage();
  await mobile.goto(reportUrl);
  const overflow = await mobile.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 1, `no sideways scrolling on a phone (${overflow}px)`);
  await mobile.screenshot({ path: join(args.out, 'report-phone.png') });
  await mobile.goto(`${base}/genzong/360800/bianhua.html`);
  const changesOverflow = await mobile.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(changesOverflow <= 1, `no sideways scrolling of the changes page on a phone (${changesOverflow}px)`);
  await mobile.screenshot({ path: join(args.out, 'changes-phone.png'), fullPage: true });
  await phone.close();

  // The tile map (地图) from the header: a square for each of the 34
  // provincial-level regions, 江西 (the samples) linked to its scorecard,
  // the measure switched by its tabs and the year by its form; hostile
  // parameters answered with a 400 page in Chinese; on a phone, no
  // sideways scrolling.
  await page.goto(`${base}/`);
  await page.locator('.main-nav a', { hasText: '地图' }).click();
  check(/\/ditu$/.test(page.url()), 'the map opens from the header');
  check(await page.locator('.tile-map li.tile').count() === 34, 'the map has 34 tiles');
  check((await page.textContent('.tile-map a[data-code="810000"]')).includes('暂无数据'),
        'a region without reports is shown as 暂无数据');
  check(await page.locator('.map-table tbody tr').count() === 34, 'the table under the map has 34 rows');
  await shot('map.png');
  const jiangxiTile = page.locator('.tile-map a[data-code="360000"]');
  check(await jiangxiTile.getAttribute('href') === '/genzong/360000.html', '江西\'s tile links to its scorecard');
  await page.locator('.map-tabs a', { hasText: 'GDP增长目标' }).click();
  check(page.url().includes('zhibiao=gdp') && (await page.textContent('h1')).includes('GDP增长目标'),
        'the measure is switched by its tab');
  check((await jiangxiTile.textContent()).includes('%'), '江西 shows its GDP target');
  await page.selectOption('.map-form select[name=year]', '2024');
  await page.locator('.map-form button[type=submit]').click();
  check(page.url().includes('year=2024') && (await page.textContent('h1')).includes('2024年'),
        'the year is chosen with the form');
  await jiangxiTile.click();
  check(/\/genzong\/360000\.html$/.test(page.url()), '江西\'s tile opens its scorecard');
  for (const query of ['zhibiao=%3Cscript%3Ealert(1)%3C%2Fscript%3E', 'zhibiao=gdp&year=20x4',
                       'zhibiao=dacheng&year=2099', `year=${'9'.repeat(3000)}`]) {
    const response = await page.goto(`${base}/ditu?${query}`);
    check(response.status() === 400 && (await page.textContent('main')).includes('参数'),
          `a 400 page in Chinese for /ditu?${query.slice(0, 40)}`);
  }
  const mapPhone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true });
  const mapMobile = await mapPhone.newPage();
  await mapMobile.goto(`${base}/`);
  await mapMobile.locator('.main-nav a', { hasText: '地图' }).click();
  check(/\/ditu$/.test(mapMobile.url()), 'the map opens from the header on a phone');
  const mapOverflow = await mapMobile.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(mapOverflow <= 1, `no sideways scrolling of the map on a phone (${mapOverflow}px)`);
  const grid = await mapMobile.locator('.tile-map').boundingBox();
  check(grid.x >= 0 && grid.x + grid.width <= 390, `the grid fits a phone (${Math.round(grid.width)}px)`);
  await mapMobile.locator('.map-tabs a', { hasText: '目标达成率' }).click();
  check(mapMobile.url().includes('zhibiao=dacheng'), 'the measure is switched on a phone');
  await mapMobile.screenshot({ path: join(args.out, 'map-phone.png'), fullPage: true,
                               clip: { x: 0, y: 0, width: 390, height: 1100 } });
  await mapPhone.close();
} catch (error) {
  failure = error;
} finally {
  await browser.close();
  const code = await stopPortal(server);
  if (!failure) check(code === 0, 'server shuts down cleanly on SIGTERM');
  rmSync(work, { recursive: true, force: true });
}
if (failure) {
  console.error(failure.message);
  console.error(`# server log:\n${log().split('\n').slice(-30).join('\n')}`);
  process.exit(1);
}
console.log(`# screenshots in ${args.out}`);
console.log(checks.summary());
