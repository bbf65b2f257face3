// Grades one site with the MDN HTTP Observatory's own tests, like its `mdn-http-observatory-scan` CLI,
// but with separate HTTP and HTTPS ports (the CLI can only scan one host:port for both schemes).
// Usage: node observatory-scan.mjs HOST HTTP_PORT HTTPS_PORT [PATH]   (run by scripts/audits/observatory.sh)
import path from "node:path";
import { pathToFileURL } from "node:url";

const [host, httpPort, httpsPort, pagePath = "/"] = process.argv.slice(2);
const root = path.join(process.env.OBSERVATORY_DIR, "node_modules", "@mdn", "mdn-http-observatory", "src");
const load = (file) => import(pathToFileURL(path.join(root, file)).href);

const { retrieve } = await load("retriever/retriever.js");
const { ALL_TESTS, NUM_TESTS } = await load("constants.js");
const { MINIMUM_SCORE_FOR_EXTRA_CREDIT } = await load("grader/charts.js");
const { getGradeForScore, getScoreModifier } = await load("grader/grader.js");

const retrieval = await retrieve(host, { httpPort, httpsPort, path: pagePath });
if (!retrieval.responses.auto) {
  console.log(JSON.stringify({ error: "The site seems to be down." }));
  process.exit(1);
}

// The same arithmetic as the package's scanner/index.js.
let withExtraCredit = 100;
let uncurved = 100;
let passed = 0;
const tests = {};
for (const test of ALL_TESTS) {
  const result = test(retrieval);
  if (result.result) {
    result.scoreModifier = getScoreModifier(result.result);
    passed += result.pass ? 1 : 0;
    withExtraCredit += result.scoreModifier;
    if (result.scoreModifier < 0) uncurved += result.scoreModifier;
  }
  tests[result.constructor.name] = { result: result.result, pass: result.pass, scoreModifier: result.scoreModifier };
}
const final = getGradeForScore(uncurved >= MINIMUM_SCORE_FOR_EXTRA_CREDIT ? withExtraCredit : uncurved);
console.log(
  JSON.stringify(
    {
      path: pagePath,
      url: retrieval.session?.url?.href,
      statusCode: retrieval.responses.auto.status,
      grade: final.grade,
      score: final.score,
      testsPassed: passed,
      testsQuantity: NUM_TESTS,
      tests,
    },
    null,
    2,
  ),
);
