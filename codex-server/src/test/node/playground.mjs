// Drives the playground in headless Chromium (Debian's chromium with playwright-core): enters the
// token, sends a message, waits for the streamed answer and the tool call, checks the step
// timings, and saves a screenshot. Prints one JSON object on stdout.
import { chromium } from 'playwright-core';

const [baseUrl, token, screenshot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox'],
});
const out = { pageErrors: [], failedRequests: [] };
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (e) => out.pageErrors.push(String(e)));
  page.on('response', (r) => { if (r.status() >= 400) out.failedRequests.push(`${r.status()} ${new URL(r.url()).pathname}`); });
  const response = await page.goto(baseUrl + '/');
  out.csp = response.headers()['content-security-policy'] ?? null;
  // Before the token is entered the API answers 401: the page must say so, not break.
  await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('401'), null, { timeout: 10000 });
  out.failedBeforeToken = out.failedRequests.splice(0);
  await page.fill('#token', token);
  await page.dispatchEvent('#token', 'change');
  await page.waitForFunction(() => document.getElementById('status').textContent === 'connected', null, { timeout: 10000 });
  await page.fill('#message', 'What is the weather in Paris?');
  await page.click('#send');
  await page.waitForSelector('#transcript li.tool', { timeout: 10000 });
  out.toolCall = await page.textContent('#transcript li.tool');
  // The answer streams in pieces; wait for its end (the done event fills the timings).
  await page.waitForSelector('#timings tbody tr', { timeout: 10000 });
  out.answers = await page.$$eval('#transcript li.assistant', (els) => els.map((e) => e.textContent));
  out.timings = await page.$$eval('#timings tbody tr td:first-child', (els) => els.map((e) => e.textContent));
  await page.fill('#template', 'Hello {{name}}!');
  await page.waitForSelector('#variables input[name="name"]', { timeout: 5000 });
  await page.fill('#variables input[name="name"]', 'Ada');
  await page.waitForFunction(() => document.getElementById('preview').textContent === 'Hello Ada!', null, { timeout: 5000 });
  out.preview = await page.textContent('#preview');
  out.sessions = await page.$$eval('#sessions li', (els) => els.length);
  await page.screenshot({ path: screenshot, fullPage: true });
  out.screenshot = screenshot;
} finally {
  await browser.close();
}
console.log(JSON.stringify(out));
