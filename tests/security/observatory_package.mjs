// Score with the real @mdn/mdn-http-observatory package: its ten analyzer tests, its HTML parsing
// (jsdom), cookie jar (tough-cookie) and grader, summed exactly as its src/scanner/index.js does.
//
// node observatory_package.mjs < requests.json
//     a JSON array of the responses tests/security/helpers.py collected for each page through
//     Django's test client; prints an array of {score, grade, results}, one per page;
// node observatory_package.mjs --live HOST HTTP_PORT HTTPS_PORT PATH
//     the package's own retriever fetches HOST over both schemes (its CLI only knows ports 80
//     and 443, hence this entry point); loopback hosts only, see test_observatory_live.py;
//     prints one {score, grade, results}.
import { readFileSync } from "node:fs";

import { AxiosHeaders } from "axios";
import { CookieJar } from "tough-cookie";

import { ALL_TESTS } from "@mdn/mdn-http-observatory/src/constants.js";
import { MINIMUM_SCORE_FOR_EXTRA_CREDIT } from "@mdn/mdn-http-observatory/src/grader/charts.js";
import { getGradeForScore, getScoreModifier } from "@mdn/mdn-http-observatory/src/grader/grader.js";
import { retrieve } from "@mdn/mdn-http-observatory/src/retriever/retriever.js";
import { parseHttpEquivHeaders } from "@mdn/mdn-http-observatory/src/retriever/utils.js";
import { HTML_TYPES, Requests } from "@mdn/mdn-http-observatory/src/types.js";

function fromTestClient(input) {
  function headers(map) {
    const plain = {};
    for (const [name, values] of Object.entries(map)) {
      plain[name] = name === "set-cookie" ? values : values.join(", ");
    }
    return AxiosHeaders.from(plain);
  }

  function response(data, extra = {}) {
    if (!data) {
      return null;
    }
    return { headers: headers(data.headers), status: data.status, verified: true, ...extra };
  }

  const requests = new Requests(input.hostname);
  const jar = new CookieJar();
  for (const raw of input.raw_set_cookies) {
    jar.setCookieSync(raw, input.session_url);
  }
  requests.session = { url: new URL(input.session_url), jar };
  requests.responses.http = response(input.http);
  requests.responses.https = response(input.https);
  requests.responses.auto = response(input.auto);
  requests.responses.httpRedirects = input.http_redirects.map(([url, status]) => ({
    url: new URL(url),
    status,
  }));
  requests.responses.httpsRedirects = requests.responses.httpRedirects;
  requests.responses.cors = response(input.cors, {
    request: { headers: AxiosHeaders.from({ origin: input.cors_origin }) },
  });
  requests.resources.path = input.html;
  const contentType = requests.responses.auto.headers["content-type"]?.split(";")[0];
  requests.responses.auto.httpEquiv =
    HTML_TYPES.has(contentType) && input.html
      ? parseHttpEquivHeaders(input.html, input.session_url)
      : new Map();

  return requests;
}

async function fromLiveServer([hostname, httpPort, httpsPort, path]) {
  if (!["localhost", "127.0.0.1", "::1"].includes(hostname)) {
    throw new Error(`refusing to scan a non-loopback host: ${hostname}`);
  }
  const requests = await retrieve(hostname, { httpPort, httpsPort, path });
  if (!requests.responses.auto) {
    throw new Error("The site seems to be down.");
  }
  return requests;
}

// src/scanner/index.js, from "Run all the tests on the result" to getGradeForScore.
function score(requests) {
  const results = ALL_TESTS.map((test) => test(requests));
  let scoreWithExtraCredit = 100;
  let uncurvedScore = scoreWithExtraCredit;
  for (const result of results) {
    if (result.result) {
      const modifier = getScoreModifier(result.result);
      scoreWithExtraCredit += modifier;
      if (modifier < 0) {
        uncurvedScore += modifier;
      }
    }
  }
  const total =
    uncurvedScore >= MINIMUM_SCORE_FOR_EXTRA_CREDIT ? scoreWithExtraCredit : uncurvedScore;
  const final = getGradeForScore(total);
  return {
    score: final.score,
    grade: final.grade,
    results: Object.fromEntries(results.map((r) => [r.constructor.name, r.result])),
  };
}

const output =
  process.argv[2] === "--live"
    ? score(await fromLiveServer(process.argv.slice(3)))
    : JSON.parse(readFileSync(0, "utf8")).map((input) => score(fromTestClient(input)));
console.log(JSON.stringify(output));
