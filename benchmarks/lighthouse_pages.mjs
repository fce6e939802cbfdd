// Lighthouse on several pages in one Chromium (benchmarks/lighthouse.py runs this).
//   node lighthouse_pages.mjs '{"modules": DIR, "chrome": PATH, "flags": [...],
//                               "categories": [...], "quick": BOOL, "urls": [...]}'
// DIR is where `npm install lighthouse` put node_modules/. Prints one JSON line a page:
// its scores, the audits of those categories that are not passed, the metrics.
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const args = JSON.parse(process.argv[2]);
const load = (name, file) => import(pathToFileURL(join(args.modules, "node_modules", name, file)));
const lighthouse = (await load("lighthouse", "core/index.js")).default;
const launcher = await load("chrome-launcher", "dist/index.js");

// quick: no waits for a quiet network and CPU, which only timings need; never
// with the performance category.
const quiet = { pauseAfterFcpMs: 0, pauseAfterLoadMs: 0, networkQuietThresholdMs: 0,
  cpuQuietThresholdMs: 0 };
const config = { extends: "lighthouse:default",
  settings: { onlyCategories: args.categories, ...(args.quick ? quiet : {}) } };
const METRICS = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
  "cumulative-layout-shift", "speed-index", "interactive", "total-byte-weight"];

const chrome = await launcher.launch({ chromePath: args.chrome, chromeFlags: args.flags });
try {
  for (const url of args.urls) {
    const { lhr } = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error" },
      config);
    const failing = [];
    for (const [name, category] of Object.entries(lhr.categories)) {
      for (const ref of category.auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
          failing.push({ category: name, id: ref.id, title: audit.title, score: audit.score,
            value: audit.displayValue || "" });
        }
      }
    }
    const metrics = Object.fromEntries(METRICS.filter((m) => lhr.audits[m])
      .map((m) => [m, lhr.audits[m].numericValue]));
    const scores = Object.fromEntries(Object.entries(lhr.categories)
      .map(([name, category]) => [name, category.score]));
    console.log(JSON.stringify({ url, final: lhr.finalDisplayedUrl, scores, failing, metrics,
      errors: lhr.runtimeError ? [lhr.runtimeError.message] : [] }));
  }
} finally {
  await chrome.kill();
}
