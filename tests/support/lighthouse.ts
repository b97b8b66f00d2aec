/**
 * Lighthouse (the npm package, pure JS) on Debian's chromium, launched by playwright-core with a
 * DevTools port open: a phone (Moto G-class screen) on a slow 4G network, throttled for real by
 * DevTools (so what loads before the first paint is what a phone would wait for), performance and
 * accessibility categories only.
 */
import lighthouse from 'lighthouse';
import { chromium, type Browser } from 'playwright-core';
import { freePort } from './server.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface PageFigures {
  path: string;
  performance: number;
  accessibility: number;
  /** First contentful paint, observed under the throttled network (ms). */
  fcpMs: number;
  lcpMs: number;
  /** Bytes on the wire for every request of the page load. */
  transferBytes: number;
  /** Bytes on the wire of the requests that started before the first contentful paint. */
  bytesBeforeFirstRender: number;
  /** … of those that had also finished by then (what the first paint waited for; fonts load with swap, after it). */
  bytesDoneBeforeFirstRender: number;
  jsBytes: number;
  cssBytes: number;
  fontBytes: number;
  /** Accessibility audits that failed (ids), as Lighthouse's axe run saw them. */
  failedA11y: string[];
}

export interface Lighthouse {
  measure(url: string): Promise<PageFigures>;
  close(): Promise<void>;
}

interface NetworkItem {
  networkRequestTime?: number;
  networkEndTime?: number;
  transferSize?: number;
  resourceType?: string;
}

export async function startLighthouse(): Promise<Lighthouse> {
  const port = await freePort();
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [`--remote-debugging-port=${port}`, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    async measure(url) {
      // A failed trace recording (NO_NAVSTART and kin) is Lighthouse's own hiccup, which it says to
      // answer by running again; anything else — or the same failure three times — fails the test.
      for (let attempt = 1; ; attempt++) {
        try {
          return await measureOnce(url);
        } catch (error) {
          const code = (error as { lighthouseCode?: string }).lighthouseCode;
          if (attempt >= 3 || !code || !RETRYABLE.has(code)) throw error;
          console.warn(`lighthouse ${code} on ${url}; measuring again (${attempt + 1}/3)`);
        }
      }
    },
    close: () => browser.close(),
  };

  async function measureOnce(url: string): Promise<PageFigures> {
    const result = await lighthouse(
      url,
      { port, output: 'json', logLevel: 'error' },
      {
        extends: 'lighthouse:default',
        settings: {
          onlyCategories: ['performance', 'accessibility'],
          formFactor: 'mobile',
          // Real throttling (not Lighthouse's simulation): slow 4G, 150 ms RTT, 1.6 Mbit/s down, CPU ×4.
          throttlingMethod: 'devtools',
          throttling: { rttMs: 150, throughputKbps: 1638.4, requestLatencyMs: 562.5, downloadThroughputKbps: 1474.56, uploadThroughputKbps: 675, cpuSlowdownMultiplier: 4 },
          screenEmulation: { mobile: true, width: 412, height: 823, deviceScaleFactor: 1.75, disabled: false },
          disableFullPageScreenshot: true,
        },
      },
    );
    if (!result) throw new Error(`lighthouse gave no result for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) {
      throw Object.assign(new Error(`lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`), { lighthouseCode: lhr.runtimeError.code });
    }
    const audit = (id: string) => lhr.audits[id]!;
    const metrics = (audit('metrics').details as unknown as { items: Record<string, number>[] }).items[0]!;
    const fcp = metrics.observedFirstContentfulPaint ?? audit('first-contentful-paint').numericValue!;
    const requests = (audit('network-requests').details as unknown as { items: NetworkItem[] }).items;
    // Times in network-requests count from the first request; the observed paint from navigation start, which is the same moment here.
    const navStart = metrics.observedNavigationStart ?? 0;
    const sum = (items: NetworkItem[]) => items.reduce((s, r) => s + (r.transferSize ?? 0), 0);
    const ofType = (type: string) => sum(requests.filter((r) => r.resourceType === type));
    const a11y = lhr.categories.accessibility!;
    return {
      path: new URL(url).pathname,
      performance: Math.round((lhr.categories.performance!.score ?? 0) * 100),
      accessibility: Math.round((a11y.score ?? 0) * 100),
      fcpMs: Math.round(fcp),
      lcpMs: Math.round(metrics.observedLargestContentfulPaint ?? audit('largest-contentful-paint').numericValue!),
      transferBytes: sum(requests),
      bytesBeforeFirstRender: sum(requests.filter((r) => (r.networkRequestTime ?? Number.POSITIVE_INFINITY) + navStart < fcp)),
      bytesDoneBeforeFirstRender: sum(requests.filter((r) => (r.networkEndTime ?? Number.POSITIVE_INFINITY) + navStart < fcp)),
      jsBytes: ofType('Script'),
      cssBytes: ofType('Stylesheet'),
      fontBytes: ofType('Font'),
      failedA11y: a11y.auditRefs.filter((ref) => ref.weight > 0 && lhr.audits[ref.id]!.score === 0).map((ref) => ref.id),
    };
  }
}

/** Lighthouse's runtime errors from a trace that was not recorded whole. */
const RETRYABLE = new Set(['NO_NAVSTART', 'NO_TRACING_STARTED']);
