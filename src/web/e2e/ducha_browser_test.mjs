// Supervision (督查督办) as its people use it, in headless Chromium driven by
// playwright-core: the office makes a ledger from a report and assigns
// units; a unit files progress; time passes (a clock file the server reads
// with --insecure-test-clock) and the task turns yellow, then red; the
// office issues a 督办单 and the unit replies; the unit asks to close the
// task and the office closes it (销号); the .xlsx is downloaded and read back
// with openpyxl. Then what each account may not do: another unit's task,
// a viewer's post, a forged role, a stale save, and the public view without
// internal fields. Run by ctest (web_ducha_browser_test):
//   node ducha_browser_test.mjs --mubiao BUILD/src/cli/mubiao --source REPO --out DIR
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

const work = mkdtempSync(join(tmpdir(), 'mubiao-ducha-'));
const db = join(work, 'ducha.db');
const clock = join(work, 'today');
const setToday = (date) => writeFileSync(clock, `${date}\n`);
const mubiao = (argv, input) => runMubiao(args.mubiao, argv, input);
mubiao(['import', join(args.source, 'examples/reports'), '--db', db]);
const region = '360830';  // 永新县: the samples hold its 2025 report
const accounts = [['督查室', 'admin', ''], ['rsj', 'unit', '县人社局'], ['jyj', 'unit', '县教育局'],
                  ['kan', 'viewer', '']];
mubiao(['ledger', 'roster', '--db', db, '--region', region, '--add', '县人社局', '--add', '县教育局',
        '--add', '县发展改革委']);
for (const [name, role, unit] of accounts) {
  mubiao(['ledger', 'account', name, '--db', db, '--role', role, '--region', region,
          ...(unit ? ['--unit', unit] : [])], 'ducha-test-password\n');
}
setToday('2025-03-01');

const exposed = spawnSync(args.mubiao, ['serve', '--db', db, '--listen', '0.0.0.0:0', '--insecure-test-clock', clock],
  { encoding: 'utf8', timeout: 60000 });
check(exposed.status !== 0 && exposed.stderr.includes('refused'), 'the test clock is refused off loopback');

const { server, base, log } = await startPortal(args.mubiao, [
  '--db', db, '--listen', '127.0.0.1:0', '--insecure-test-clock', clock]);
console.log(`# portal at ${base}`);

const browser = await chromium.launch({
  executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });

// A browser context signed in as `name` (sign-ins per address are limited:
// five at once, so the test signs in each account once).
async function signedIn(name) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN',
                                             acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(30000);
  await page.goto(`${base}/ducha/denglu`);
  await page.fill('input[name=name]', name);
  await page.fill('input[name=password]', 'ducha-test-password');
  await page.locator('form button[type=submit]').click();
  await page.waitForURL(`${base}/ducha/`);
  return page;
}

// The form token of a signed-in page's visitor (every form of the visitor
// carries it; the home page's sign-out form always does).
async function tokenOf(page) {
  await page.goto(`${base}/ducha/`);
  return page.inputValue('form[action="/ducha/tuichu"] input[name=csrf]');
}

const lightOf = async (page) => (await page.textContent('dl.meta')).match(/(绿灯|黄灯|红灯)/)?.[1];

let failure = null;
try {
  // The office: a ledger from the report, tasks assigned by keyword.
  const office = await signedIn('督查室');
  check((await office.textContent('main')).includes('督查室管理员'), 'the office is greeted with its role');
  const report = await office.evaluate(() => [...document.querySelectorAll('select[name=document] option')]
    .find((o) => o.textContent.includes('2025年')).value);
  await office.selectOption('select[name=document]', report);
  await office.locator('form[action="/ducha/taizhang"] button').click();
  await office.waitForURL(/\/ducha\/taizhang\/\d+$/);
  const ledgerUrl = office.url();
  const ledgerId = ledgerUrl.match(/(\d+)$/)[1];
  check((await office.locator('table.ducha tbody tr').count()) >= 5, 'the ledger lists the report\'s tasks');
  for (const [keyword, lead] of [['就业', '县人社局'], ['研学', '县教育局']]) {
    await office.fill('form[action$="/fenpei"] input[name=keyword]', keyword);
    await office.fill('form[action$="/fenpei"] input[name=lead]', lead);
    await office.locator('form[action$="/fenpei"] button').click();
    await office.waitForURL(/group=unit/);
  }
  check((await office.textContent('main')).includes('县人社局（1 项）'), 'bulk assignment by keyword');
  await office.fill('form[action$="/fenpei"] input[name=lead]', '不存在的局');
  await office.locator('form[action$="/fenpei"] button').click();
  check((await office.textContent('main')).includes('不在本级政府的单位名单中'), 'an unknown unit is refused in Chinese');
  await office.goto(`${ledgerUrl}?group=unit`);
  await office.screenshot({ path: join(args.out, 'ducha-ledger.png'), fullPage: true });

  // The unit sees only its own task and files progress.
  const unit = await signedIn('rsj');
  await unit.goto(ledgerUrl);
  check((await unit.locator('table.ducha tbody tr').count()) === 1, 'a unit sees only its own task');
  await unit.locator('table.ducha tbody a').first().click();
  const taskUrl = unit.url();
  const taskId = taskUrl.match(/(\d+)$/)[1];
  await unit.fill('input[name=date]', '2025-02-28');
  await unit.fill('input[name=value]', '三千');
  await unit.locator('form[action$="/jinzhan"] button').click();
  check((await unit.textContent('.error')).includes('完成值须为数字'), 'a value that is no number is refused in Chinese');
  await unit.fill('input[name=date]', '2024-12-31');
  await unit.fill('input[name=value]', '500');
  await unit.locator('form[action$="/jinzhan"] button').click();
  check((await unit.textContent('.error')).includes('2025'), 'a date outside the ledger\'s year is refused');
  await unit.fill('input[name=date]', '2025-02-28');
  await unit.fill('input[name=value]', '500');
  await unit.fill('textarea[name=done]', '一季度新增城镇就业500人');
  await unit.locator('form[action$="/jinzhan"] button').click();
  await unit.waitForURL(taskUrl);
  check(await lightOf(unit) === '绿灯', 'on pace on 1 March: green');

  // Time passes.
  setToday('2025-05-01');
  await unit.reload();
  check(await lightOf(unit) === '黄灯', 'behind on 1 May: yellow');
  setToday('2025-07-01');
  await unit.reload();
  check(await lightOf(unit) === '红灯', 'further behind on 1 July: red');

  // 督办单 and reply.
  await office.goto(taskUrl);
  const reason = await office.inputValue('textarea[name=reason]');
  check(reason.includes('落后'), `the notice is drafted from the pace: ${reason}`);
  await office.locator('form[action$="/duban"] button').click();
  await unit.reload();
  await unit.fill('textarea[name=reply]', '已加大招聘会频次，7月底前补齐进度');
  await unit.locator('form[action*="/huifu"] button').click();
  await office.reload();
  check((await office.textContent('.notice-card')).includes('已加大招聘会频次'), 'the office sees the unit\'s reply');

  // 办结 and 销号, every step in the history.
  await unit.fill('input[name=date]', '2025-07-01');
  await unit.fill('input[name=value]', '2300');
  await unit.locator('form[action$="/jinzhan"] button').click();
  await unit.fill('form[action$="/zhuangtai"] textarea[name=note]', '全年目标已提前完成');
  await unit.locator('form[action$="/zhuangtai"] button[value=completion_requested]').click();
  check((await unit.textContent('dl.meta')).includes('申请办结'), 'the unit asks to close the task');
  await office.reload();
  await office.fill('form[action$="/zhuangtai"] textarea[name=note]', '核验就业登记台账');
  await office.locator('form[action$="/zhuangtai"] button[value=closed]').click();
  check((await office.textContent('.error')).includes('核验方式'), '销号 asks how the task was checked');
  await office.selectOption('form[action$="/zhuangtai"] select[name=check]', 'documents');
  await office.fill('form[action$="/zhuangtai"] textarea[name=note]', '核验就业登记台账');
  await office.locator('form[action$="/zhuangtai"] button[value=closed]').click();
  check((await office.textContent('dl.meta')).includes('已销号'), 'the office closes it (销号)');
  const history = await office.textContent('ol.history');
  for (const step of ['由报告生成任务', '填报进展', '下发督办单', '回复督办单', '改为申请办结', '改为已销号',
                      '核验方式：材料审核']) {
    check(history.includes(step), `the history shows ${step}`);
  }
  await office.screenshot({ path: join(args.out, 'ducha-task.png'), fullPage: true });

  // The sheet, downloaded and read back.
  await office.goto(ledgerUrl);
  const [download] = await Promise.all([
    office.waitForEvent('download'),
    office.locator('a', { hasText: '任务台账（.xlsx）' }).click(),
  ]);
  const xlsx = join(work, 'ledger.xlsx');
  await download.saveAs(xlsx);
  const read = spawnSync('/usr/bin/python3', ['-c',
    'import json,sys,openpyxl; ws=openpyxl.load_workbook(sys.argv[1]).active; ' +
    'print(json.dumps([list(r) for r in ws.iter_rows(values_only=True)], ensure_ascii=False, default=str))', xlsx],
  { encoding: 'utf8' });
  check(read.status === 0, `openpyxl reads the workbook ${read.stderr}`);
  const rows = JSON.parse(read.stdout);
  check(rows[0][0] === '序号' && rows[0][9] === '牵头单位', 'the header row comes first');
  const closed = rows.find((r) => r[9] === '县人社局');
  check(closed && closed[12] === '已销号' && closed[14] === 2300, 'the closed task\'s cells: status and value as a number');

  // What a unit may not do.
  const other = await signedIn('jyj');
  const refused = await other.goto(taskUrl);
  check(refused.status() === 403 && (await other.textContent('main')).includes('无权'), 'another unit cannot open the task');
  const token = await tokenOf(other);
  const post = await other.request.post(`${taskUrl}/jinzhan`,
    { form: { csrf: token, date: '2025-07-01', value: '1' } });
  check(post.status() === 403 && (await post.text()).includes('不属于您的单位'),
        'another unit cannot file progress on it');
  const api = await other.request.get(`${base}/api/v1/ducha/tasks/${taskId}`);
  check(api.status() === 403, 'nor read it through the API');
  const apiPost = await other.request.post(`${base}/api/v1/ducha/tasks/${taskId}/progress`,
    { data: { date: '2025-07-01', value: 1 } });
  check(apiPost.status() === 403, 'nor file progress through the API');
  const forged = await other.request.post(`${base}/ducha/guanli/zhanghu`,
    { form: { csrf: token, name: 'x', role: 'admin', password: 'forged-password' } });
  check(forged.status() === 403 && (await forged.text()).includes('只有本级政府督查室管理员'),
        'a unit cannot make accounts with a forged role');
  const viewer = await signedIn('kan');
  await viewer.goto(taskUrl);
  check(await viewer.locator('form[action$="/jinzhan"]').count() === 0, 'a viewer gets no forms');
  const viewerToken = await tokenOf(viewer);
  const viewerPost = await viewer.request.post(`${taskUrl}/zhuangtai`,
    { form: { csrf: viewerToken, to: 'open', version: '9', note: 'x' } });
  check(viewerPost.status() === 403 && (await viewerPost.text()).includes('您无权'),
        'a viewer cannot change a task');
  const viewerProgress = await viewer.request.post(`${taskUrl}/jinzhan`,
    { form: { csrf: viewerToken, date: '2025-07-01', value: '1' } });
  check(viewerProgress.status() === 403 && (await viewerProgress.text()).includes('只有牵头单位'),
        'nor file progress');
  const expired = await viewer.request.post(`${taskUrl}/jinzhan`,
    { form: { csrf: 'forged', date: '2025-07-01', value: '1' } });
  check(expired.status() === 403 && (await expired.text()).includes('表单已过期'), 'a forged form token is refused');

  // Two saves from one read: the later sees the conflict.
  const tasks = await (await office.request.get(`${base}/api/v1/ducha/ledgers/${ledgerId}`)).json();
  const open = tasks.rows.find((t) => t.status === 'open');
  const [first, second] = [office, await office.context().newPage()];
  for (const page of [first, second]) await page.goto(`${base}/ducha/renwu/${open.id}`);
  await first.fill('form[action$="/fenpei"] input[name=leader]', '张副县长');
  await first.locator('form[action$="/fenpei"] button').click();
  await second.fill('form[action$="/fenpei"] input[name=leader]', '李副县长');
  const [stale] = await Promise.all([second.waitForResponse((r) => r.request().method() === 'POST'),
                                     second.locator('form[action$="/fenpei"] button').click()]);
  check(stale.status() === 409 && (await second.textContent('.error')).includes('已被他人修改'),
        'the later of two saves sees the conflict');
  check((await second.textContent('dl.meta')).includes('张副县长'), 'and the first save is kept');

  // The public view: off, then on, without internal fields.
  const guest = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  check((await guest.goto(`${base}/ducha/gongkai/${ledgerId}`)).status() === 404, 'no public view until the office turns it on');
  await office.goto(`${base}/ducha/guanli`);
  await office.locator('form[action="/ducha/guanli/gongkai"] button').click();
  check((await office.textContent('main')).includes('已向公众公开'), 'the office turns the public view on');
  await guest.goto(`${base}/ducha/`);
  await guest.locator('a', { hasText: '重点任务台账' }).first().click();
  const shown = await guest.textContent('main');
  check(shown.includes('县人社局') && shown.includes('已销号'), 'the public sees tasks, units and statuses');
  check(shown.includes('100.0%'), 'a closed task shows the share its unit reported');
  for (const internal of ['全年目标已提前完成', '一季度新增城镇就业500人', '张副县长', '招聘会', '核验']) {
    check(!shown.includes(internal), `the public view hides ${internal}`);
  }
  const publicJson = await (await guest.request.get(`${base}/api/v1/ducha/public/${ledgerId}`)).text();
  check(!publicJson.includes('张副县长') && !publicJson.includes('一季度新增'), 'the public API hides them too');
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2,
                                                  isMobile: true, locale: 'zh-CN' })).newPage();
  await phone.goto(guest.url());
  check(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1),
        'the public view fits a phone');
  await phone.screenshot({ path: join(args.out, 'ducha-public-phone.png'), fullPage: true });
  const unitPhone = await (await browser.newContext({
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, locale: 'zh-CN',
    storageState: await unit.context().storageState() })).newPage();
  await unitPhone.goto(taskUrl);
  await unitPhone.screenshot({ path: join(args.out, 'ducha-task-phone.png'), fullPage: true });
} catch (error) {
  failure = error;
} finally {
  await browser.close();
  const code = await stopPortal(server);
  if (!failure) check(code === 0, 'server shuts down cleanly on SIGTERM');
  rmSync(work, { recursive: true, force: true });
}
if (failure) {
  console.error(failure.stack || failure.message);
  console.error(`# server log:\n${log().split('\n').slice(-30).join('\n')}`);
  process.exit(1);
}
console.log(`# screenshots in ${args.out}`);
console.log(checks.summary());
