/** A phone-sized browser page that records every request for MapLibre (script, worker, CSS). */
import type { Browser, BrowserContext, Page } from '@playwright/test';

export async function phonePage(
  browser: Browser,
): Promise<{ context: BrowserContext; page: Page; mapRequests: string[] }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const mapRequests: string[] = [];
  page.on('request', (r) => {
    if (/maplibre/.test(r.url())) mapRequests.push(r.url());
  });
  return { context, page, mapRequests };
}
