// The portal tested as a person would use it, in headless Chromium (Debian's
// package) driven by playwright-core (npm): browse a region to a report,
// search, open the targets explorer, compare two places, post a comment with the 验证码, sign in
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

// s11-comments: a wrong 验证码 brings the form back with the text kept, the
// reason beside the field and a new image; 换一张 swaps the image in place
// (and, without scripts, posts the form back with the text kept); then the
// right answer, given with Enter, posts.
async function refusedCommentKeepsItsText(page, reportUrl) {
  const body = '这条评论的验证码故意填错，内容应当保留。<b>不是标记</b>';
  const imageReady = () => page.waitForFunction(() => {
    const img = document.querySelector('.captcha img');
    return img.complete && img.naturalWidth > 0;
  });
  await page.goto(reportUrl);
  await imageReady();
  const firstImage = await page.getAttribute('.captcha img', 'src');
  await page.fill('input[name=author]', '较真的读者');
  await page.fill('textarea[name=body]', body);
  await page.fill('input[name=captcha]', 'WRONG');
  await page.locator('.comment-form button.post').click();
  await imageReady();
  check(page.url().endsWith(`/pinglun/${reportUrl.match(/(\d+)\.html$/)[1]}`), 'the refused form comes back');
  check(await page.inputValue('input[name=author]') === '较真的读者', 'a wrong 验证码 keeps the name');
  check(await page.inputValue('textarea[name=body]') === body, 'a wrong 验证码 keeps the text');
  check((await page.textContent('#captcha-error')).includes('验证码不对'), 'the reason is beside the 验证码');
  const secondImage = await page.getAttribute('.captcha img', 'src');
  check(secondImage !== firstImage && secondImage.includes('?t='), 'a new 验证码 image after a wrong answer');
  check(await page.evaluate(() => document.activeElement && document.activeElement.name) === 'captcha',
        'focus on the 验证码 field');
  check(await page.evaluate(() => {
    const box = document.querySelector('.comment-form').getBoundingClientRect();
    return box.top < window.innerHeight && box.bottom > 0;
  }), 'the form is in view');
  await page.locator('#pinglun').screenshot({ path: join(args.out, 'comment-refused.png') });

  const answerBefore = await (await page.request.get(`${base}/ceshi/yanzhengma`)).text();
  const urlBefore = page.url();
  await page.locator('button.captcha-new').click();
  await page.waitForFunction((old) => {
    const img = document.querySelector('.captcha img');
    return img.getAttribute('src') !== old && img.complete && img.naturalWidth > 0;
  }, secondImage);
  const answerAfter = await (await page.request.get(`${base}/ceshi/yanzhengma`)).text();
  check(page.url() === urlBefore && await page.inputValue('textarea[name=body]') === body,
        '换一张 swaps the image without reloading');
  check(/^[A-Z0-9]{5}$/.test(answerAfter) && answerAfter !== answerBefore, '换一张 opens a new 验证码');
  await page.fill('input[name=captcha]', answerAfter.toLowerCase());
  await page.press('input[name=captcha]', 'Enter');
  await page.waitForURL(/pinglun=ok/);
  check(page.url().includes('pinglun=ok'), 'the right answer posts the kept comment');

  // Without scripts 换一张 posts the form back: the text stays.
  const noScript = await page.context().browser().newContext({ javaScriptEnabled: false, locale: 'zh-CN' });
  const plain = await noScript.newPage();
  await plain.goto(reportUrl);
  await plain.fill('textarea[name=body]', '没有脚本也不丢字');
  await plain.locator('button.captcha-new').click();
  await plain.waitForLoadState();
  check(await plain.inputValue('textarea[name=body]') === '没有脚本也不丢字' &&
        (await plain.getAttribute('.captcha img', 'src')).includes('?t='),
        '换一张 without scripts keeps the text and shows a new image');
  await noScript.close();
}

// s11-comments: /baogao/ → 江西 → 吉安市 (every county, 暂未收录 where no
// sample) → 安福县, with crumbs 全国 › 省 › 市 › 县 all the way.
// Places compared across the years: the 历年 link of the GDP row opens the
// history of both places' growth targets (a line chart, a chart of the
// year, a table with the same numbers), the form's indicator choice keeps
// it and 收起 closes it.
async function historyOfAnIndicator(page) {
  const gdpRow = page.locator('table.compare tbody tr', { hasText: '地区生产总值（增速）' }).first();
  await gdpRow.locator('a.history-link').click();
  check(page.url().endsWith('/genzong/duibi.html?diqu=360800&diqu=360400&year=2024&indicator=gdp&measure=growth#lishi'),
        `历年 opens the indicator's history (${page.url()})`);
  check((await page.textContent('#lishi h2')) === '地区生产总值（增速）：历年目标与实际', 'the history is headed by its indicator');
  await page.waitForSelector('#lishi .chart-box[data-tracking=places] canvas');
  check(await page.locator('#lishi .chart-box canvas').count() === 2, 'a chart across the years and one of the year');
  const row2024 = await page.locator('#lishi tbody tr', { hasText: '2024' }).first().locator('td').allTextContents();
  check(row2024.length === 2 && row2024[0] === '5.5%实际 5.3%' && row2024[1].startsWith('6%'),
        `the table has each place's 2024 target and outcome (${row2024.join(' | ')})`);
  check(await page.inputValue('.compare-form select[name=indicator]') === 'gdp', 'the form shows the indicator followed');
  await page.locator('#lishi').screenshot({ path: join(args.out, 'compare-history.png') });
  await page.locator('.compare-form button[type=submit]').click();
  check(await page.locator('#lishi').count() === 1 && page.url().includes('indicator=gdp'),
        'submitting the form keeps the history');
  await page.locator('#lishi a', { hasText: '收起历年对比' }).click();
  check(await page.locator('#lishi').count() === 0 && !page.url().includes('indicator='), '收起 closes the history');
  for (const query of ['indicator=nosuch', 'indicator=gdp&measure=x', 'measure=growth',
    `indicator=${encodeURIComponent('<b>x</b>')}`, `indicator=gdp&measure=${encodeURIComponent('<b>x</b>')}`]) {
    const response = await page.goto(`${base}/genzong/duibi.html?diqu=360800&diqu=360400&${query}`);
    check([400, 404].includes(response.status()) &&
          /[\u4e00-\u9fff]/.test(await page.textContent('section.message p')) &&
          await page.locator('section.message b').count() === 0,
          `a wrong indicator or measure is answered in Chinese, as text (${query})`);
  }
}

async function placesDownToCounties(page) {
  const crumbs = async () => (await page.textContent('nav.crumbs')).replace(/\s+/g, ' ').trim();
  const shot = (name) => page.screenshot({ path: join(args.out, name), fullPage: true });
  await page.goto(`${base}/baogao/`);
  check(await page.locator('.places h2 a').count() === 7, '/baogao/ lists the seven regions');
  check(await page.locator('.places li.none').count() > 20, '/baogao/ marks provinces without reports');
  await shot('places.png');
  await page.locator('.places li a', { hasText: '江西' }).click();
  check(page.url().endsWith('/baogao/huadong/?diqu=360000'), 'a province opens from /baogao/');
  check(await crumbs() === '首页 › 全国 › 江西省', `province crumbs (${await crumbs()})`);
  await page.locator('.places li a', { hasText: '吉安市' }).click();
  check(page.url().endsWith('?diqu=360800'), 'a prefecture opens from its province');
  check(await crumbs() === '首页 › 全国 › 江西省 › 吉安市', `prefecture crumbs (${await crumbs()})`);
  check(await page.locator('.places li').count() === 13, '吉安市 lists its 13 counties');
  const notYet = page.locator('.places li.none', { hasText: '吉安县' });
  check(await notYet.count() === 1 && (await notYet.textContent()).includes('暂未收录') &&
        await notYet.locator('a').count() === 0, '暂未收录 for a county without samples, not linked');
  await shot('prefecture.png');
  await page.locator('.places li a', { hasText: '安福县' }).click();
  check(page.url().endsWith('?diqu=360829'), 'a county opens from its prefecture');
  check(await crumbs() === '首页 › 全国 › 江西省 › 吉安市 › 安福县', `county crumbs (${await crumbs()})`);
  check(await page.locator('.doc-list li').count() >= 2, '安福县 lists its reports');
  await shot('county.png');
  await page.locator('.doc-list a').first().click();
  check(await crumbs() === '首页 › 全国 › 江西省 › 吉安市 › 安福县', 'report crumbs run 全国 › 省 › 市 › 县');
}

// s11-comments: the lists of places wrap on a phone.
async function phonePlacesWrap(browser) {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true });
  const mobile = await phone.newPage();
  for (const [path, name] of [['/baogao/', 'places-phone.png'], ['/baogao/huadong/?diqu=360800', 'prefecture-phone.png']]) {
    await mobile.goto(`${base}${path}`);
    const overflow = await mobile.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 1, `no sideways scrolling of ${path} on a phone (${overflow}px)`);
    await mobile.screenshot({ path: join(args.out, name), fullPage: true });
  }
  await phone.close();
}

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

  // Places compared: from 吉安's scorecard, add 九江 by name and pick 2024;
  // each cell's status links to its evidence on the report page.
  await page.goto(`${base}/genzong/360800.html`);
  await page.locator('a', { hasText: '与其他地区对比' }).click();
  check(/\/genzong\/duibi\.html\?diqu=360800$/.test(page.url()) &&
        (await page.inputValue('.compare-form input[name=diqu] >> nth=0')) === '吉安市（360800）',
        'compare opens from the scorecard with this place filled in');
  await page.locator('.compare-form input[name=diqu]').last().fill('九江市');
  await page.selectOption('.compare-form select[name=year]', '2024');
  await page.locator('.compare-form button[type=submit]').click();
  check(page.url().endsWith('/genzong/duibi.html?diqu=360800&diqu=360400&year=2024'),
        `a name leads to the comparison's own URL (${page.url()})`);
  check((await page.textContent('h1')) === '吉安市、九江市 2024年目标对比', 'compare heading names places and year');
  check((await page.locator('table.compare thead th a').allTextContents()).join() === '吉安市,九江市',
        'a column per place, linked to its scorecard');
  const gdpRow = page.locator('table.compare tbody tr', { hasText: '地区生产总值（增速）' }).first();
  const gdpCells = await gdpRow.locator('td').allTextContents();
  check(gdpCells.length === 2 && gdpCells[0].includes('地区生产总值增长5.5%左右') && gdpCells[0].includes('实际：增长5.3%') &&
        gdpCells[0].includes('达成') && gdpCells[1].includes('地区生产总值增长6%左右') && gdpCells[1].includes('未达成'),
        `GDP: 吉安 met 5.5% with 5.3%, 九江 missed 6% (${gdpCells.join(' | ')})`);
  check(await gdpRow.locator('td a.status.met').count() === 1 && await gdpRow.locator('td a.status.missed').count() === 1,
        'statuses carry the scorecard\'s classes');
  const industry = await page.locator('table.compare tbody tr', { hasText: '规模以上工业增加值' }).first()
    .locator('td').allTextContents();
  check(industry[0].includes('未设目标') && industry[1].includes('未提及'), `an indicator only 九江 set (${industry.join(' | ')})`);
  check((await page.locator('table.compare tr.group th').first().textContent()).startsWith('所选地区都提出了目标的指标'),
        'indicators both places set come first');
  await shot('compare.png');
  await historyOfAnIndicator(page);
  await page.goto(`${base}/genzong/duibi.html?diqu=360800&diqu=360400&year=2024`);
  await gdpRow.locator('td a.status').first().click();
  check(/\/baogao\/huadong\/\d+\.html#g\d+$/.test(page.url()) && await page.locator('li:target').isVisible(),
        'a cell\'s status links to its evidence');
  await page.goto(`${base}/genzong/duibi.html?diqu=360800`);
  check((await page.textContent('.notice')).includes('请再添加至少一个地区'), 'one place asks for another');
  await page.goto(`${base}/genzong/`);
  await page.locator('a', { hasText: '地区对比' }).last().click();
  await page.locator('a', { hasText: '吉安市与九江市' }).click();
  check((await page.textContent('h1')) === '吉安市、九江市 2024年目标对比',
        'the tracking index leads to the example, of the newest year a later report reviews');
  for (const [query, status] of [['diqu=360800&diqu=999999', 404], ['diqu=abc&diqu=360800', 404],
    [`diqu=${encodeURIComponent('<b>x</b>')}&diqu=360800`, 404], ['diqu=360800&diqu=360400&year=x', 400],
    [Array(20).fill('diqu=360800').join('&'), 400]]) {
    const response = await page.goto(`${base}/genzong/duibi.html?${query}`);
    const heading = await page.textContent('h1');
    check(response.status() === status && ['页面不存在', '无法完成请求'].includes(heading) &&
          /[\u4e00-\u9fff]/.test(await page.textContent('section.message p')) &&
          await page.locator('section.message b').count() === 0,
          `compare answers ${status} in Chinese to ${query.slice(0, 40)}`);
  }

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
  await page.locator('.comment-form button.post').click();
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

  // s11-comments: a refused comment keeps its text; 换一张; places down to counties.
  await refusedCommentKeepsItsText(page, reportUrl);
  await placesDownToCounties(page);
  await phonePlacesWrap(browser);

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
  await mobile.goto(`${base}/genzong/duibi.html?diqu=360800&diqu=360400&year=2024`);
  const compareOverflow = await mobile.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(compareOverflow <= 1, `no sideways scrolling of the comparison on a phone (${compareOverflow}px)`);
  check(await mobile.evaluate(() => getComputedStyle(document.querySelector('table.compare thead')).display) === 'none' &&
        await mobile.evaluate(() => getComputedStyle(document.querySelector('table.compare td')).display) === 'block',
        'on a phone each indicator is a card with the places one under another');
  await mobile.screenshot({ path: join(args.out, 'compare-phone.png'), fullPage: true });
  await mobile.goto(`${base}/genzong/duibi.html?diqu=360800&diqu=360400&year=2024&indicator=gdp&measure=growth#lishi`);
  const historyOverflow = await mobile.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(historyOverflow <= 1, `no sideways scrolling of an indicator's history on a phone (${historyOverflow}px)`);
  await mobile.waitForSelector('.history .chart-box canvas');
  await mobile.locator('#lishi').screenshot({ path: join(args.out, 'compare-history-phone.png') });
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
