/// <reference lib="dom" />
// Headless Chromium for the page tests: launched from the machine's binary, with axe-core's findings and screenshots.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { outputDir } from './histories';
import { unreadable } from './unreadable';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const phone = { width: 360, height: 780 };
export const desktop = { width: 1280, height: 900 };

/**
 * The workspace at `#path` in a new page, signed in with `token`; resolves once the view's heading shows. An error
 * thrown by the page's script fails the test.
 */
export async function signedIn(
  browser: Browser,
  baseUrl: string,
  token: string,
  path = '/',
  viewport = desktop,
): Promise<Page> {
  const page = await browser.newPage({ viewport });
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(`${baseUrl}/#${path}`);
  await page.getByText('Use an API token').click();
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForSelector('main h1');
  return page;
}

/** A page on a 360-px touch phone, opened at `url`; the phone's language is `locale` (its Accept-Language). */
export async function openOnAPhone(browser: Browser, url: string, locale = 'en-US'): Promise<Page> {
  const page = await browser.newPage({ viewport: phone, isMobile: true, hasTouch: true, locale });
  await page.goto(url);
  return page;
}

export function launchChromium(): Promise<Browser> {
  mkdirSync(outputDir, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
}

/**
 * axe-core's serious and critical findings on the page as it is now, and anything its text shows that no one should
 * have to read (an id, an ISO instant).
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  const words = unreadable(await page.locator('body').innerText()).map((problem) => `text: ${problem}`);
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<any> } }).axe;
    return axe.run(document);
  });
  return (result.violations as { impact: string; id: string; nodes: { target: string[] }[] }[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    .concat(words);
}

/** Saves the view to test-output/; fails if its text shows what no one should have to read (an id, an ISO instant). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(outputDir, name), fullPage: true });
  const problems = unreadable(await page.locator('body').innerText());
  if (problems.length) throw new Error(`${name} shows what no one should read:\n${problems.join('\n')}`);
}

/** Whether the page is wider than its viewport (something would need sideways scrolling). */
export const overflowsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

/** On the person panel: press the action's button, fill its form, send it; resolves once the panel says done. */
export async function actOnPanel(page: Page, action: string, fill: () => Promise<void> = async () => undefined) {
  await page.getByRole('button', { name: action, exact: true }).click();
  await page.waitForSelector(`form.action-form h3:text-is("${action}")`);
  await fill();
  await page.locator('form.action-form').getByRole('button', { name: action, exact: true }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `${action}: done` })
    .waitFor();
}
