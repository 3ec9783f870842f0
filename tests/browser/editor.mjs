// The editors' page driven as an editor would, in headless Chromium:
// load findings.html, filter, search, decide one finding, download the
// review rows, and check that the next run reads the decision back while
// every earlier decision is kept.
//
//   node tests/browser/editor.mjs [CROSSCHECK] [SCREENSHOT]
//
// CROSSCHECK defaults to target/release/crosscheck; SCREENSHOT, when given,
// is where a picture of the page is saved. Exits 1 on the first failed check.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = resolve(process.argv[2] ?? join(root, 'target/release/crosscheck'));
const screenshot = process.argv[3];
const work = mkdtempSync(join(tmpdir(), 'crosscheck-browser-'));
const corpus = join(work, 'corpus');
const out = join(work, 'reports');
cpSync(join(root, 'tests/fixtures/rosters/corpus'), corpus, { recursive: true });

let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
}

// Run crosscheck; it exits 1 when findings fail, which is expected here.
function run() {
  try {
    return execFileSync(bin, ['check', corpus, '--out', out], { encoding: 'utf8' });
  } catch (e) {
    if (e.status === 1) return e.stdout;
    throw e;
  }
}
function findings() {
  const [header, ...rows] = readFileSync(join(out, 'findings.csv'), 'utf8').trim().split('\n');
  const cols = header.split(',');
  // Only the first columns are read: none of them holds a comma.
  return rows.map((r) => Object.fromEntries(r.split(',').slice(0, 6).map((v, i) => [cols[i], v])));
}

// An earlier decision on a finding that this corpus no longer has: the
// page must carry it into the rows it downloads.
writeFileSync(join(work, 'old-review.csv'), 'id,decision,reason,note\nk0000000000000000,confirmed,other,an old story\n');
execFileSync('mkdir', ['-p', out]);
cpSync(join(work, 'old-review.csv'), join(out, 'review.csv'));

const first = run();
check(/3 failing/.test(first), 'the first run has three failing conflicts');
const madrid = findings().find((f) => f.key.startsWith('madrid/'));
check(madrid && madrid.relation === 'conflict', 'Madrid is a conflict');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1200, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('file://' + join(out, 'findings.html'));
  const cards = page.locator('.f');
  check((await cards.count()) === findings().length, 'one card per finding');
  check((await page.locator('mark').count()) > 0, 'claimed words are marked');

  await page.selectOption('#f-relation', 'conflict');
  check((await page.locator('.f:visible').count()) === 3, 'filtering on conflict shows the three conflicts');
  check((await page.textContent('#shown')) === '3', 'the count of shown findings follows');
  await page.fill('#f-search', 'madrid');
  check((await page.locator('.f:visible').count()) === 1, 'searching "madrid" leaves one');
  await page.selectOption('#f-relation', '');
  await page.fill('#f-search', '');
  await page.selectOption('#f-outlet', 'Madrid Post');
  check((await page.locator('.f:visible').count()) === 1, 'filtering on an outlet shows its one finding');
  await page.selectOption('#f-outlet', '');

  // Decide Madrid: dismissed, a different event.
  const card = page.locator(`.f[data-id="${madrid.id}"]`);
  await page.fill('#reviewer', 'A. Editor');
  await card.locator('select[name=decision]').selectOption('dismissed');
  await card.locator('select[name=reason]').selectOption('different-event');
  await card.locator('input[name=note]').fill('two "lists", one meeting, checked');
  const rows = await page.inputValue('#rows');
  check(rows.includes(`${madrid.id},dismissed,different-event,"two ""lists"", one meeting, checked",A. Editor,`),
    'the rows hold the decision, CSV-quoted');
  check(rows.includes('k0000000000000000,confirmed,other,an old story'), 'the rows keep the earlier decision');
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: false });

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  check(download.suggestedFilename() === 'review.csv', 'the download is named review.csv');
  await download.saveAs(join(out, 'review.csv'));
  check(errors.length === 0, `no script errors${errors.length ? ': ' + errors.join('; ') : ''}`);
} finally {
  await browser.close();
}

// The next run reads the downloaded rows back.
const second = run();
const decided = findings().find((f) => f.id === madrid.id);
check(decided && decided.status === 'dismissed', 'the next run reads the decision: Madrid is dismissed');
check(/2 failing/.test(second), 'two conflicts still fail');
check(/1 decision\(s\) in the review file match no finding now/.test(second), 'the earlier decision is still in the file');

if (failures) {
  console.log(`${failures} check(s) failed`);
  process.exit(1);
}
console.log('the editors\' page works as an editor uses it');
