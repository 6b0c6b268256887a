// examples/server.mjs, started as a user starts it (against the built package, on a loopback port chosen by
// the system) and called over HTTP: results, the bad-input answers (400, 413, 404, 405) and a graceful stop.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify, presets, sealConfig } from '../../src/index';

const ROOT = join(import.meta.dirname, '..', '..');
const SERVER = join(ROOT, 'examples', 'server.mjs');
const AS_OF = '2026-06-30T00:00:00.000Z';

async function start(
  args: string[] = [],
): Promise<{ child: ChildProcess; base: string; output: () => string }> {
  const child = spawn(process.execPath, [SERVER, ...args], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start: ${output}`)), 30_000);
    const check = () => {
      const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1] as string);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => reject(new Error(`the server exited (${code}): ${output}`)));
  });
  return { child, base, output: () => output };
}

const demoLead = { id: 'l1', events: [{ type: 'demo_requested', at: '2026-06-28T09:00:00Z' }] };

describe('examples/server.mjs', () => {
  let server: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    server = await start();
  });
  afterAll(() => {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
  });

  const post = (path: string, body: string | Blob) =>
    fetch(`${server.base}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });

  it('classifies one lead with the sealed preset, as the library does', async () => {
    const response = await post(`/classify?asOf=${AS_OF}`, JSON.stringify(demoLead));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(
      JSON.parse(JSON.stringify(classify(demoLead, presets.saas, { asOf: AS_OF }))),
    );
  });

  it('classifies an array of leads in order, at the detail asked for', async () => {
    const leads = [demoLead, { id: 'l2' }];
    const response = await post(`/classify?detail=statuses&asOf=${AS_OF}`, JSON.stringify(leads));
    expect(response.status).toBe(200);
    const results = (await response.json()) as { leadId: string; detail: string }[];
    expect(results.map((result) => [result.leadId, result.detail])).toEqual([
      ['l1', 'statuses'],
      ['l2', 'statuses'],
    ]);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const response = await post('/classify', '{"id": ');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_json' });
  });

  it('answers 400 with the issues, and which lead, for a lead that does not read cleanly', async () => {
    const response = await post(
      '/classify',
      JSON.stringify([demoLead, { id: 'l2', budget: { amount: 'lots' } }]),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; issues: { path: unknown[]; lead: number }[] };
    expect(body.error).toBe('invalid_lead');
    expect(body.issues).toEqual([expect.objectContaining({ path: ['budget', 'amount'], lead: 1 })]);
    const notAnObject = await post('/classify', '42');
    expect(notAnObject.status).toBe(400);
  });

  it('answers 413 past the size limit, whether or not the length is declared', async () => {
    const big = new Blob([new Uint8Array(1_100_000).fill(32)]);
    expect((await post('/classify', big)).status).toBe(413);
    const streamed = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 11; i++) controller.enqueue(new Uint8Array(100_000).fill(32));
        controller.close();
      },
    });
    const response = await fetch(`${server.base}/classify`, {
      method: 'POST',
      body: streamed,
      // @ts-expect-error: Node's fetch needs it for a stream body (not in the DOM types)
      duplex: 'half',
    });
    expect(response.status).toBe(413);
    const many = JSON.stringify(Array.from({ length: 1_001 }, (_, i) => ({ id: `l${i}` })));
    expect((await post('/classify', many)).status).toBe(413);
  });

  it('answers 404 and 405 for other paths and methods, and a bad option with 400', async () => {
    expect((await fetch(`${server.base}/nope`)).status).toBe(404);
    const get = await fetch(`${server.base}/classify`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect((await post('/classify?detail=everything', '{}')).status).toBe(400);
    expect((await post('/classify?asOf=yesterday', '{}')).status).toBe(400);
  });

  it('stops on SIGTERM with exit 0', async () => {
    server.child.kill('SIGTERM');
    const [code] = await once(server.child, 'exit');
    expect(code).toBe(0);
    expect(server.output()).toContain('SIGTERM');
  });
});

describe('examples/server.mjs --config', () => {
  it('loads a sealed config of your own, and refuses to start on one edited after sealing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadstage-server-'));
    const sealed = JSON.parse(JSON.stringify(sealConfig(presets.consulting)));
    writeFileSync(join(dir, 'good.json'), JSON.stringify(sealed));
    const server = await start(['--config', join(dir, 'good.json')]);
    try {
      const health = await fetch(`${server.base}/health`);
      expect(await health.json()).toEqual({ ok: true, config: presets.consulting.id });
    } finally {
      server.child.kill('SIGKILL');
    }

    writeFileSync(join(dir, 'edited.json'), JSON.stringify({ ...sealed, stages: sealed.stages.slice(1) }));
    await expect(start(['--config', join(dir, 'edited.json')])).rejects.toThrow(
      /exited \(1\).*cannot load the config/s,
    );
  });
});
