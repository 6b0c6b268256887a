// An HTTP service around leadstage, with node:http only: POST a lead (or an array of leads) as JSON to
// /classify and get the results back. A sealed config is loaded and compiled once, at start.
//
//   node examples/server.mjs                                  # presets.saas, shipped sealed, on port 8080
//   PORT=3000 node examples/server.mjs --config my.sealed.json  # your own config, sealed by `leadstage seal`
//
//   curl -s localhost:8080/classify -d '{"id":"l1","events":[{"type":"demo_requested","at":"2026-06-28"}]}'
//
// Answers: 200 with a result (or an array of results, in the order given); 400 with `issues` for a body
// that is not JSON or a lead that does not read cleanly (nothing is classified from a half-read lead);
// 413 past MAX_BODY bytes or MAX_LEADS leads; 404 / 405 for other paths and methods. SIGTERM / SIGINT stop
// accepting connections, let the requests in flight finish, then exit 0 (or exit 1 after 10 seconds).
// `?asOf=2026-06-30T00:00:00Z` classifies as of that instant (default: now); `?detail=statuses` returns the
// lighter statuses-only results.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { parseLead } from 'leadstage';
import { ConfigError, compileSealed } from 'leadstage/runtime';

const MAX_BODY = 1_000_000; // bytes: a lead is a few KB; a batch of 1,000 leads fits
const MAX_LEADS = 1_000;
const DETAILS = new Set(['full', 'statuses']);

/** The sealed config: `--config <file>` or the shipped sealed saas preset. */
function loadConfig(argv) {
  const at = argv.indexOf('--config');
  if (at >= 0 && argv[at + 1] === undefined) throw new Error('--config: expected a sealed config file');
  const text =
    at >= 0
      ? readFileSync(argv[at + 1], 'utf8')
      : readFileSync(createRequire(import.meta.url).resolve('leadstage/presets/saas.json'), 'utf8');
  return compileSealed(JSON.parse(text));
}

function send(response, status, body) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

/** The request body as text, or `null` once it passed `MAX_BODY` (the 413 is sent here). */
async function readBody(request, response) {
  const declared = Number(request.headers['content-length']);
  if (declared > MAX_BODY) return tooLarge(request, response);
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > MAX_BODY) return tooLarge(request, response);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function tooLarge(request, response) {
  // answer, then stop reading: the connection closes once the answer is out
  response.setHeader('connection', 'close');
  send(response, 413, { error: 'too_large', message: `the body is over ${MAX_BODY} bytes` });
  request.resume();
  return null;
}

function handler(classifier) {
  return async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/health') return send(response, 200, { ok: true, config: classifier.config.id });
    if (url.pathname !== '/classify') return send(response, 404, { error: 'not_found' });
    if (request.method !== 'POST') {
      response.setHeader('allow', 'POST');
      return send(response, 405, { error: 'method_not_allowed' });
    }
    const detail = url.searchParams.get('detail') ?? 'full';
    if (!DETAILS.has(detail))
      return send(response, 400, { error: 'bad_option', message: 'detail: expected full or statuses' });
    const asOf = url.searchParams.get('asOf') ?? new Date();
    if (typeof asOf === 'string' && Number.isNaN(Date.parse(asOf)))
      return send(response, 400, {
        error: 'bad_option',
        message: `asOf: expected an ISO 8601 date, received ${JSON.stringify(asOf)}`,
      });

    const text = await readBody(request, response);
    if (text === null) return;
    let body;
    try {
      body = JSON.parse(text);
    } catch (error) {
      return send(response, 400, { error: 'invalid_json', message: error.message });
    }
    const many = Array.isArray(body);
    const inputs = many ? body : [body];
    if (inputs.length > MAX_LEADS)
      return send(response, 413, {
        error: 'too_many_leads',
        message: `over ${MAX_LEADS} leads in one request`,
      });

    const leads = [];
    const issues = [];
    inputs.forEach((input, index) => {
      const parsed = parseLead(input);
      leads.push(parsed.lead);
      for (const issue of parsed.issues) issues.push(many ? { ...issue, lead: index } : issue);
    });
    if (issues.length > 0) return send(response, 400, { error: 'invalid_lead', issues });

    const results = leads.map((lead) => classifier.classify(lead, { asOf, detail }));
    send(response, 200, many ? results : results[0]);
  };
}

let classifier;
try {
  classifier = loadConfig(process.argv.slice(2));
} catch (error) {
  const what =
    error instanceof ConfigError ? error.issues.map((issue) => issue.message).join('\n') : error.message;
  console.error(`cannot load the config: ${what}`);
  process.exit(1);
}

const server = createServer((request, response) => {
  handler(classifier)(request, response).catch((error) => {
    // a bug, never lead data: leadstage does not throw on leads
    console.error(error);
    if (!response.headersSent) send(response, 500, { error: 'internal' });
    else response.destroy();
  });
});
server.requestTimeout = 30_000;

const port = Number(process.env.PORT ?? 8080);
server.listen(port, '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port} (config ${classifier.config.id})`);
});

function shutDown(signal) {
  console.log(`${signal}: finishing the requests in flight`);
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.once('SIGTERM', shutDown);
process.once('SIGINT', shutDown);
