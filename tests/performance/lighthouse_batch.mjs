// Lighthouse audits one after another in one Node process and one Chromium, for
// tests/performance/test_lighthouse.py. The `lighthouse` command starts Node, loads its config and
// launches and quits Chromium for every audit: about half of each audit's 12 to 16 s here.
// This runs the same audits (Lighthouse's Node API, its default mobile config, a fresh tab and
// cleared storage for each, as the command does) without that cost.
//
// Protocol: one JSON request per line on stdin, {"url", "output", "slowdown"}; one JSON answer
// per line on stdout, {"ok": true} once the report is written to "output", or {"error": "..."}
// (Chromium is then launched afresh for the next request). Chromium comes from CHROME_PATH.
import { writeFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--ignore-certificate-errors"];
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];

let chrome = null;

async function audit({ url, output, slowdown }) {
  chrome ??= await chromeLauncher.launch({ chromeFlags: CHROME_FLAGS, logLevel: "silent" });
  const result = await lighthouse(url, {
    port: chrome.port,
    output: "json",
    logLevel: "error",
    onlyCategories: CATEGORIES,
    // The page's picture is not scored; taking it costs a second or two an audit.
    disableFullPageScreenshot: true,
    throttling: { cpuSlowdownMultiplier: slowdown },
  });
  await writeFile(output, result.report);
}

async function restart() {
  const old = chrome;
  chrome = null;
  try {
    old?.kill();
  } catch {
    // Already gone: the next audit launches another.
  }
}

const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (!line.trim()) continue;
  let answer;
  try {
    await audit(JSON.parse(line));
    answer = { ok: true };
  } catch (error) {
    await restart();
    answer = { error: String(error?.stack || error) };
  }
  process.stdout.write(`${JSON.stringify(answer)}\n`);
}
await restart();
