// Two `mubiao serve` processes on one database behind nginx (Debian's
// nginx-light) as the load balancer: a site with several web machines,
// tested as a person would use it in headless Chromium. nginx sends the
// 验证码 image and the sign-in to the first process and the comment post and
// the moderation queue to the second, so each flow starts on one process and
// ends on the other; everything else goes to both in turn. Then a load of
// page requests while the second process is killed with SIGKILL: only
// requests in flight on it may fail, and the rest of the run is 200.
// With MUBIAO_TEST_DATABASE=postgresql the processes share a throwaway
// PostgreSQL server (scripts/postgres_throwaway.sh) instead of a SQLite
// file, and the server is restarted under load: the processes recover by
// themselves. Run by ctest (web_multi_node_test, web_multi_node_test_postgres):
//   node multi_node_test.mjs --mubiao BUILD/src/cli/mubiao --source REPO --out DIR
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { Checks, parseArgs, runMubiao, startPortal, stopPortal } from './support.mjs';

const args = parseArgs(['mubiao', 'source', 'out']);
const checks = new Checks();
const check = (condition, what) => checks.check(condition, what);
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const nginxPath = ['/usr/sbin/nginx', '/usr/bin/nginx'].find(existsSync);
if (!nginxPath) throw new Error("no nginx: scripts/setup.sh installs Debian's nginx-light");
if (!existsSync(chromiumPath)) {
  throw new Error(`no Chromium at ${chromiumPath}: scripts/setup.sh installs Debian's chromium`);
}
mkdirSync(args.out, { recursive: true });

const work = mkdtempSync(join(tmpdir(), 'mubiao-nodes-'));
const postgres = process.env.MUBIAO_TEST_DATABASE === 'postgresql';
const throwaway = join(args.source, 'scripts/postgres_throwaway.sh');
// Its own directory, which the server's user (postgres, under root) must reach.
const pgDir = postgres ? mkdtempSync(join(tmpdir(), 'mubiao-pg-')) : '';
const pg = (action) => {
  const run = spawnSync(throwaway, [action, pgDir], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`postgres_throwaway.sh ${action}: ${run.stderr}`);
  return run.stdout.trim();
};
const db = postgres ? pg('start') : join(work, 'portal.db');
const mubiao = (argv, input) => runMubiao(args.mubiao, argv, input);
mubiao(['import', join(args.source, 'examples/reports'), '--db', db]);
mubiao(['moderator', 'add', '审核员', '--db', db], 'multi-node-password\n');

const portalArgs = ['--db', db, '--listen', '127.0.0.1:0', '--insecure-test-captcha',
  '--trusted-proxy', '127.0.0.1',
  '--vendor-dir', join(args.source, 'node_modules/echarts/dist')];
const first = await startPortal(args.mubiao, portalArgs);
const second = await startPortal(args.mubiao, portalArgs);
const hostOf = (base) => base.replace('http://', '');

// A free loopback port for nginx.
const freePort = () => new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});
const port = await freePort();
mkdirSync(join(work, 'nginx'));
writeFileSync(join(work, 'nginx', 'nginx.conf'), `
daemon off;
worker_processes 1;
pid ${work}/nginx/nginx.pid;
error_log ${work}/nginx/error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${work}/nginx/body;
  proxy_temp_path ${work}/nginx/proxy;
  fastcgi_temp_path ${work}/nginx/fastcgi;
  uwsgi_temp_path ${work}/nginx/uwsgi;
  scgi_temp_path ${work}/nginx/scgi;
  upstream both { server ${hostOf(first.base)}; server ${hostOf(second.base)}; keepalive 16; }
  upstream first { server ${hostOf(first.base)}; }
  upstream second { server ${hostOf(second.base)}; }
  proxy_http_version 1.1;
  proxy_set_header Connection "";
  proxy_set_header Host $http_host;
  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
  proxy_next_upstream error timeout;
  server {
    listen 127.0.0.1:${port};
    location = /yanzhengma.png { proxy_pass http://first; }
    location = /ceshi/yanzhengma { proxy_pass http://first; }
    location = /guanli/denglu { proxy_pass http://first; }
    location ^~ /pinglun/ { proxy_pass http://second; }
    location ^~ /guanli/pinglun { proxy_pass http://second; }
    location / { proxy_pass http://both; }
  }
}
`);
const nginx = spawn(nginxPath, ['-p', join(work, 'nginx'), '-c', join(work, 'nginx', 'nginx.conf')],
  { stdio: ['ignore', 'ignore', 'pipe'] });
let nginxLog = '';
nginx.stderr.on('data', (chunk) => { nginxLog += chunk; });
const base = `http://127.0.0.1:${port}`;
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/healthz`)).ok) break;
  } catch (error) {
    if (i > 100) throw new Error(`nginx did not start: ${nginxLog}`);
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
}
console.log(`# nginx at ${base} in front of ${first.base} and ${second.base}`);

const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
try {
  for (const node of [first, second]) {
    const ready = await fetch(`${node.base}/readyz`);
    check(ready.status === 200 && (await ready.json()).status === 'ok', `${node.base} is ready`);
  }

  // A 验证码 fetched through the first process, answered through the second.
  const listing = await (await fetch(`${base}/api/v1/documents?limit=1`)).json();
  const reportUrl = `${base}${listing.documents[0].url}`;
  const page = await browser.newPage();
  await page.goto(reportUrl);
  check((await page.textContent('.comments h2')).includes('共有 0 条评论'), 'no comments yet');
  await page.waitForFunction(() => document.querySelector('.captcha img').naturalWidth > 0);
  const answer = await (await page.request.get(`${base}/ceshi/yanzhengma`)).text();
  check(/^[A-Z0-9]{5}$/.test(answer), 'the 验证码 was opened on the first process');
  const form = {
    csrf: await page.inputValue('.comment-form input[name=csrf]'),
    author: '两台服务器的读者', body: '验证码在一台服务器取得，在另一台服务器提交。', captcha: answer,
  };
  await page.fill('input[name=author]', form.author);
  await page.fill('textarea[name=body]', form.body);
  await page.fill('input[name=captcha]', answer);
  await page.locator('.comment-form button.post').click();
  check(page.url().includes('pinglun=ok'), 'the second process accepts the comment (form token and 验证码 of the first)');
  const action = new URL(reportUrl).pathname.match(/(\d+)\.html$/)[1];
  const replay = await page.request.post(`${base}/pinglun/${action}`, { form, maxRedirects: 0 });
  check(replay.status() === 422, `the same answer again is refused (${replay.status()})`);

  // Signed in through the first process, moderating through the second.
  await page.goto(`${base}/guanli/denglu`);
  await page.fill('input[name=name]', '审核员');
  await page.fill('input[name=password]', 'multi-node-password');
  await page.locator('.login button[type=submit]').click();
  check(page.url().endsWith('/guanli/pinglun') && await page.locator('.queue li').count() === 1,
        'signed in on the first, the second shows the queue');
  await page.screenshot({ path: join(args.out, 'multi-node-queue.png') });
  await page.locator('.queue li button', { hasText: '通过' }).click();
  check(await page.locator('.queue li').count() === 0, 'approved through the second');

  // Both processes drop their cached report page within a second.
  await new Promise((resolve) => setTimeout(resolve, 1200));
  for (const node of [first, second]) {
    const html = await (await fetch(`${node.base}${new URL(reportUrl).pathname}`)).text();
    check(html.includes('共有 1 条评论'), `${node.base} shows the approved comment`);
  }

  // Load through nginx while the second process is killed.
  const targets = ['/', new URL(reportUrl).pathname, '/search?q=%E5%B0%B1%E4%B8%9A', '/targets',
    '/api/v1/documents?limit=5', '/baogao/'];
  const statuses = { before: new Map(), after: new Map() };
  let killedAt = 0;
  let phase = 'before';
  const count = (status) => statuses[phase].set(status, (statuses[phase].get(status) || 0) + 1);
  const deadline = Date.now() + 4000;
  const worker = async (w) => {
    for (let i = w; Date.now() < deadline; i += 8) {
      try {
        count((await fetch(`${base}${targets[i % targets.length]}`)).status);
      } catch (error) {
        count('network error');
      }
    }
  };
  setTimeout(() => {
    second.server.kill('SIGKILL');
    killedAt = Date.now();
    // Requests started after the kill are counted apart: all must be 200.
    setTimeout(() => { phase = 'after'; }, 50);
  }, 1500);
  await Promise.all(Array.from({ length: 8 }, (_, w) => worker(w)));
  const failed = (map) => [...map].filter(([status]) => status !== 200).reduce((n, [, c]) => n + c, 0);
  const total = (map) => [...map].reduce((n, [, c]) => n + c, 0);
  console.log(`# before and at the kill: ${JSON.stringify([...statuses.before])}; ` +
              `after: ${JSON.stringify([...statuses.after])}`);
  check(killedAt > 0 && total(statuses.after) > 50, 'the load ran on after the kill');
  check(failed(statuses.before) <= 8, `at most the requests in flight failed (${failed(statuses.before)})`);
  check(failed(statuses.after) === 0, `every request after the kill answered 200 (${total(statuses.after)})`);

  if (postgres) {
    // The database server restarts under load; the process that is left
    // drops its lost connections and opens new ones by itself.
    const during = new Map();
    const afterwards = new Map();
    let settled = false;
    const end = Date.now() + 5000;
    const load = async () => {
      while (Date.now() < end) {
        let status;
        try { status = (await fetch(`${base}/baogao/`)).status; } catch (error) { status = 'network error'; }
        const map = settled ? afterwards : during;
        map.set(status, (map.get(status) || 0) + 1);
      }
    };
    const running = Promise.all(Array.from({ length: 4 }, load));
    await new Promise((resolve) => setTimeout(resolve, 500));
    pg('restart');
    // Connections lost in the restart fail the request that meets them.
    setTimeout(() => { settled = true; }, 2000);
    await running;
    console.log(`# during the restart: ${JSON.stringify([...during])}; afterwards: ${JSON.stringify([...afterwards])}`);
    check(total(afterwards) > 20 && failed(afterwards) === 0,
          `after the database restarted every request answered 200 (${total(afterwards)})`);
    const ready = await fetch(`${first.base}/readyz`);
    check(ready.status === 200, 'the process is ready again without a restart of its own');
  }
} finally {
  await browser.close();
  nginx.kill('SIGTERM');
  if (second.server.exitCode === null && second.server.signalCode === null) await stopPortal(second.server);
  check(await stopPortal(first.server) === 0, 'the first process stops cleanly');
  if (postgres) pg('stop');
  rmSync(work, { recursive: true, force: true });
}
console.log(checks.summary());
