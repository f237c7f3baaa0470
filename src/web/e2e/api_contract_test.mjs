// The JSON API against its specification: every path of docs/openapi.yaml
// is called on a real `mubiao serve` (a fresh SQLite store with the samples
// and fixture reports written here), and every response — successes and
// errors — is validated with Ajv against the response schema the spec gives
// for its status. The spec is strict (additionalProperties: false, required
// fields), so a field added, renamed or dropped on either side fails here.
// Also checks the rules every JSON object follows (no null, no empty string)
// and that offsets index the TXT export. Run by ctest (web_api_contract_test):
//   node api_contract_test.mjs --mubiao BUILD/src/cli/mubiao --source REPO
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import yaml from 'js-yaml';
import { Checks, parseArgs, runMubiao, startPortal, stopPortal } from './support.mjs';

const args = parseArgs(['mubiao', 'source']);
const checks = new Checks();
const check = (condition, what) => checks.check(condition, what);

// Fixture reports of real places (so that regions, tracking, scorecards and
// escalation have something to say), written for this test: every figure is
// made up.
function report(place, speaker, year, review, plan) {
  return `---\ntitle: ${place}人民政府工作报告\n---\n\n**政府工作报告**\n\n` +
    `——${year}年1月20日在${place}人民代表大会上\n\n${speaker}\n\n各位代表：\n\n` +
    `**一、${year - 1}年工作回顾**\n\n${review}\n\n**二、${year}年工作安排**\n\n${plan}\n`;
}
const fixtures = {
  'henan-2023.md': report('河南省', '省长 某某', 2023, '全年生产总值增长3.1%。',
    '主要预期目标是：全省生产总值增长6%左右，城镇新增就业110万人以上，居民消费价格涨幅3%左右。' +
    '确保粮食产量稳定在1300亿斤以上。'),
  'henan-2024.md': report('河南省', '省长 某某', 2024,
    '全年生产总值增长4.1%，城镇新增就业115万人，居民消费价格上涨0.1%。',
    '主要预期目标是：全省生产总值增长5.5%左右，城镇新增就业100万人以上。创成国家生态文明建设示范区。'),
  'zhengzhou-2024.md': report('郑州市', '市长 某某', 2024, '全年地区生产总值增长7.4%。',
    '主要预期目标是：地区生产总值增长6%左右，新增城镇就业12万人以上。'),
};

const spec = yaml.load(readFileSync(join(args.source, 'docs/openapi.yaml'), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(spec, 'spec');
const pointer = (...parts) => parts.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
const validators = new Map();
// The validator of the response of `path` (as in the spec) with `status`.
function validatorFor(path, status, method = 'get') {
  const key = `${method} ${path} ${status}`;
  if (!validators.has(key)) {
    const responses = spec.paths[path]?.[method]?.responses;
    if (!responses) throw new Error(`the spec has no ${method} ${path}`);
    const response = responses[String(status)];
    if (!response) throw new Error(`the spec has no ${status} response for ${method} ${path}`);
    const ref = response.$ref
      ? `spec${response.$ref}/content/application~1json/schema`
      : `spec#/${pointer('paths', path, method, 'responses', String(status), 'content', 'application/json', 'schema')}`;
    validators.set(key, ajv.compile({ $ref: ref }));
  }
  return validators.get(key);
}

// Absent values are left out: no null and no "" anywhere in a response.
function findEmpty(value, where = '$') {
  if (value === null) return where;
  if (value === '') return where;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findEmpty(value[i], `${where}[${i}]`);
      if (found) return found;
    }
  } else if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = findEmpty(v, `${where}.${k}`);
      if (found) return found;
    }
  }
  return null;
}

const work = mkdtempSync(join(tmpdir(), 'mubiao-api-'));
const db = join(work, 'api.db');
const fixtureDir = join(work, 'fixtures');
mkdirSync(fixtureDir);
for (const [name, text] of Object.entries(fixtures)) writeFileSync(join(fixtureDir, name), text);
const mubiao = (argv) => runMubiao(args.mubiao, argv);
mubiao(['import', join(args.source, 'examples/reports'), fixtureDir, '--db', db]);
const { server, base, log } = await startPortal(args.mubiao, ['--db', db, '--listen', '127.0.0.1:0']);

const called = new Set();
// GET `url` (under /api/v1), expecting `status`, validated against the
// response schema of spec path `path`; `init` adds headers (a session
// cookie) or makes it a POST.
async function call(path, url, status = 200, init = {}) {
  const response = await fetch(`${base}/api/v1${url}`, init);
  const body = await response.json();
  const method = (init.method || 'GET').toLowerCase();
  check(response.status === status, `${method.toUpperCase()} ${url} answers ${status} (got ${response.status})`);
  const validate = validatorFor(path, status, method);
  if (!validate(body)) {
    throw new Error(`FAILED: GET ${url} does not match the spec:\n` +
      JSON.stringify(validate.errors, null, 1).slice(0, 3000));
  }
  const empty = findEmpty(body);
  check(empty === null, `GET ${url} matches the spec, with no null or empty value${empty ? ` (${empty})` : ''}`);
  called.add(path);
  return body;
}

// The cookies a response sets, as one Cookie header with `cookies`.
const withCookies = (cookies, response) => [cookies, ...response.headers.getSetCookie()
  .map((c) => c.split(';')[0])].filter(Boolean).join('; ');

// The session cookie of supervision account `name` (password on stdin).
async function duchaSession(name) {
  const form = await fetch(`${base}/ducha/denglu`);
  const cookie = withCookies('', form);
  const csrf = (await form.text()).match(/name="csrf" value="([0-9a-f]+)"/)[1];
  const signedIn = await fetch(`${base}/ducha/denglu`, {
    method: 'POST', redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf, name, password: 'contract-password' }).toString() });
  check(signedIn.status === 303, `${name} signs in`);
  return withCookies(cookie, signedIn);
}

// The supervision API: a ledger of 郑州's report, an office and two units.
async function supervisionApi() {
  const sign = (argv) => runMubiao(args.mubiao, ['ledger', ...argv, '--db', db], 'contract-password\n');
  sign(['roster', '--region', '410100', '--add', '市人社局', '--add', '市统计局']);
  sign(['account', 'office', '--role', 'admin', '--region', '410100']);
  sign(['account', 'rsj', '--role', 'unit', '--region', '410100', '--unit', '市人社局']);
  sign(['account', 'tjj', '--role', 'unit', '--region', '410100', '--unit', '市统计局']);
  const listed = JSON.parse(runMubiao(args.mubiao, ['documents', '--db', db, '--region', '410100', '--format', 'json']));
  const ledgerId = sign(['create', '--document', String(listed[0].id), '--by', 'office']).trim();
  sign(['assign', '--ledger', ledgerId, '--keyword', '就业', '--lead', '市人社局', '--by', 'office']);
  sign(['public', '--region', '410100', 'on']);
  await call('/ducha/ledgers', '/ducha/ledgers', 401);
  const office = { headers: { cookie: await duchaSession('office') } };
  const ledgers = await call('/ducha/ledgers', '/ducha/ledgers', 200, office);
  check(ledgers.ledgers.some((l) => String(l.id) === ledgerId), 'the office lists its ledger');
  const all = await call('/ducha/ledgers/{id}', `/ducha/ledgers/${ledgerId}`, 200, office);
  await call('/ducha/ledgers/{id}', '/ducha/ledgers/99999', 404, office);
  const jobs = all.rows.find((t) => t.lead_unit === '市人社局');
  const unit = { headers: { cookie: await duchaSession('rsj') } };
  const mine = await call('/ducha/ledgers/{id}', `/ducha/ledgers/${ledgerId}`, 200, unit);
  check(mine.rows.length === 1 && mine.rows[0].id === jobs.id, 'a unit sees its own task only');
  const post = (who, body, type = 'application/json') => ({
    method: 'POST', headers: { ...who.headers, 'content-type': type }, body });
  const year = all.year;
  await call('/ducha/tasks/{id}/progress', `/ducha/tasks/${jobs.id}/progress`, 201,
    post(unit, JSON.stringify({ date: `${year}-03-31`, value: 30000, done: '一季度新增就业3万人' })));
  await call('/ducha/tasks/{id}/progress', `/ducha/tasks/${jobs.id}/progress`, 400,
    post(unit, JSON.stringify({ date: `${year - 1}-12-31`, value: 1 })));
  await call('/ducha/tasks/{id}/progress', `/ducha/tasks/${jobs.id}/progress`, 415,
    post(unit, 'date=x', 'application/x-www-form-urlencoded'));
  const other = { headers: { cookie: await duchaSession('tjj') } };
  await call('/ducha/tasks/{id}/progress', `/ducha/tasks/${jobs.id}/progress`, 403,
    post(other, JSON.stringify({ date: `${year}-03-31`, value: 1 })));
  await call('/ducha/tasks/{id}', `/ducha/tasks/${jobs.id}`, 403, other);
  const task = await call('/ducha/tasks/{id}', `/ducha/tasks/${jobs.id}`, 200, unit);
  check(task.progress.length === 1 && task.latest.value === 30000, 'the task carries its progress');
  const shown = await call('/ducha/public/{id}', `/ducha/public/${ledgerId}`);
  check(shown.rows.every((t) => !t.leader && !(t.latest && t.latest.done)), 'the public view has no internal field');
  await call('/ducha/public/{id}', '/ducha/public/99999', 404);
}

let failure = null;
try {
  const regions = await call('/regions', '/regions');
  check(regions.regions.some((r) => r.code === '410000'), 'regions include 河南');

  const documents = await call('/documents', '/documents?per_page=100');
  check(documents.total >= 5, `documents listed (${documents.total})`);
  await call('/documents', '/documents?type=work_report&level=province&year=2023-2024');
  await call('/documents', '/documents?level=kingdom', 400);
  await call('/documents', '/documents?per_page=1000', 400);

  let someKey = null;
  for (const summary of documents.documents) {
    const doc = await call('/documents/{id}', `/documents/${summary.id}`);
    // Offsets index the TXT export, byte for byte.
    const txt = Buffer.from(await (await fetch(`${base}/export/baogao/${summary.id}.txt`)).arrayBuffer());
    check(txt.equals(Buffer.from(doc.text, 'utf8')), `TXT export of ${summary.id} is the text offsets index`);
    for (const f of doc.findings) {
      const quoted = txt.subarray(f.start, f.end).toString('utf8');
      if (quoted !== f.text) throw new Error(`FAILED: finding ${f.key} quotes "${quoted}", not "${f.text}"`);
      someKey = someKey ?? (f.kind === 'target' ? f.key : null);
    }
    check(doc.findings.length >= 0, `every finding of ${summary.id} quotes its text at its offsets`);
    await call('/documents/{id}/comments', `/documents/${summary.id}/comments`);
  }
  await call('/documents/{id}', '/documents/999999', 404);

  const targets = await call('/targets', '/targets?per_page=100');
  check(targets.total > 0, `targets listed (${targets.total})`);
  await call('/targets', '/targets?strength=ensure&region=410000');
  await call('/targets', '/targets?strength=never', 400);
  check(someKey !== null, 'a document lists a target key');
  const finding = await call('/findings/{key}', `/findings/${encodeURIComponent(someKey)}`);
  check(finding.key === someKey, 'a key resolves to its finding');
  await call('/findings/{key}', '/findings/0123456789abcdef:1-2', 404);
  await call('/findings/{key}', '/findings/not-a-key', 400);
  for (const by of ['topic', 'year', 'region', 'indicator']) {
    await call('/targets/counts', `/targets/counts?by=${by}`);
  }
  await call('/targets/counts', '/targets/counts?by=mood', 400);

  const hits = await call('/search', `/search?q=${encodeURIComponent('生产总值')}`);
  check(hits.total > 0, 'search finds documents');
  await call('/search', '/search', 400);

  // An override, so that the tracking responses carry one.
  const tracked = await call('/tracking', '/tracking?region=410000&year=2023');
  check(tracked.targets.some((t) => ['met', 'missed'].includes(t.verdict.status)),
        'some 2023 target of 河南 is settled by the 2024 review');
  const key = tracked.targets[0].key;
  mubiao(['track', 'override', key, '--db', db, '--status', 'met', '--reason', '测试更正', '--author', '测试']);
  const overridden = await call('/tracking', `/tracking?region=410000&year=2023`);
  check(overridden.targets.find((t) => t.key === key).overrides.length === 1, 'the override is shown');
  await call('/tracking', '/tracking', 400);
  await call('/tracking', '/tracking?indicator=nonsense', 404);
  await call('/scorecard/{code}', '/scorecard/410000');
  await call('/scorecard/{code}', '/scorecard/999999', 404);
  const changes = await call('/changes/{code}', '/changes/410000?year=2024');
  check(changes.changes.some((c) => c.change === 'lowered' || c.change === 'raised' || c.change === 'same'),
        'changes compare a target with the year before');
  await call('/changes/{code}', '/changes/410000?year=20x4', 400);
  await call('/changes/{code}', '/changes/999999', 404);
  const compared = await call('/compare', `/compare?diqu=410000&diqu=${encodeURIComponent('郑州市')}&year=2024`);
  check(compared.places.map((p) => p.region_code).join() === '410000,410100', 'compare names its places in order');
  check(compared.indicators[0].shared && compared.indicators[0].cells.every((c) => c.target),
        'compare lists an indicator both places set first, with both targets');
  await call('/compare', '/compare?diqu=360800&diqu=360400');
  const history = await call('/compare', '/compare?diqu=410000&diqu=410100&indicator=' + encodeURIComponent('地区生产总值'));
  check(history.history.indicator_id === 'gdp' && history.history.places.length === 2 &&
        history.history.places.every((p) => p.points.every((x) => history.history.years.includes(x.year))) &&
        history.url.includes('indicator=gdp&measure='),
        'compare follows an indicator across the years for each place');
  await call('/compare', '/compare?diqu=410000&diqu=410100&indicator=nosuch', 404);
  await call('/compare', '/compare?diqu=410000&diqu=410100&indicator=gdp&measure=x', 400);
  await call('/compare', '/compare?diqu=410000', 400);
  await call('/compare', '/compare?diqu=410000&diqu=999999', 404);
  await call('/compare', '/compare?diqu=410000&diqu=410100&year=20x4', 400);
  const escalation = await call('/escalation', '/escalation?indicator=gdp&year=2024');
  check(escalation.rows.some((r) => r.markup !== undefined), 'escalation shows a mark-up');
  await call('/escalation', '/escalation?indicator=gdp&year=2024&measure=speed', 400);
  await call('/escalation', '/escalation?indicator=nonsense', 404);

  // The tile map: every provincial-level region, a value where there is one.
  const map = await call('/map', '/map');
  check(map.places.length === 34 && map.places.some((p) => p.code === '410000' && p.value === 3),
        'the map has 34 regions and 河南\'s reports (its two and 郑州\'s)');
  const gdpMap = await call('/map', '/map?metric=gdp_target&year=2024');
  check(gdpMap.places.find((p) => p.code === '410000').label === '5.5%', 'the map shows 河南\'s GDP target of 2024');
  await call('/map', '/map?metric=share_met');
  await call('/map', '/map?metric=nonsense', 400);
  await call('/map', '/map?metric=gdp_target&year=2099', 400);

  await supervisionApi();
  for (const path of Object.keys(spec.paths)) check(called.has(path), `spec path ${path} exercised`);
} catch (error) {
  failure = error;
} finally {
  await stopPortal(server);
  rmSync(work, { recursive: true, force: true });
}
if (failure) {
  console.error(failure.message);
  console.error(log().split('\n').slice(-20).join('\n'));
  process.exit(1);
}
console.log(checks.summary());
