/**
 * The Testing view's parts that need no VS Code: the cheap scan of a digital human (items and
 * ranges), the failure's markdown and tool-call diff, and the transcript: fetched from its own
 * origin without the key, within a size limit, and rendered turn by turn.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import type { ResultReport } from '../../src/core/run/runner';
import {
  escapeMarkdown,
  refusalText,
  resultMarkdown,
  toolCallDiff,
  transcriptLink,
} from '../../src/extension/api/testing/messages';
import { parseAside } from '../../src/core/parse/mapping';
import { parseText } from '../../src/core/parse/memo';
import { scanDigitalHuman, successRange } from '../../src/extension/api/testing/scan';
import { fetchTranscript, renderTranscript } from '../../src/extension/api/testing/transcript';
import { withServer } from './support/server';

const result = (over: Partial<ResultReport> = {}): ResultReport => ({
  resultId: '9002',
  digitalHumanId: '318',
  status: 'COMPLETED',
  goalSuccess: false,
  outcome: 'failed',
  reasoning: 'No reference number was given.',
  summary: 'Refund promised | no reference',
  durationMs: 96_000,
  startTime: '2024-12-09T10:03:32.000Z',
  transcriptUrl: 'http://127.0.0.1:9/transcripts/9002.json',
  audioUrl: 'https://media.example/a.wav',
  metrics: [{ name: 'Empathy', value: '2', reasoning: 'Read the policy.' }],
  toolCalls: [{ name: 'issue_refund', expected: [{ parameters: { amount: 129.99 } }], actual: [] }],
  ...over,
});

void describe('Testing view: scan', () => {
  void test("a file read from disk is scanned aside: the open document's parse stays the memo's", () => {
    const open = 'kind: digital-human\nname: Open\nsimulation_ids: [1]\n';
    const parsed = parseText(open, 'yaml');
    const disk = scanDigitalHuman(
      'kind: digital-human\nid: 3\nname: Disk\n',
      'd.digital-human.yaml',
      undefined,
      parseAside,
    );
    assert.equal(disk?.name, 'Disk');
    assert.deepEqual(disk?.range.start, { line: 2, character: 6 });
    assert.equal(parseText(open, 'yaml'), parsed, 'the same parse, not a new one');
  });
  void test('a digital human: id, simulation_ids as strings, the name line; a persona is none', () => {
    const text =
      'kind: digital-human\nid: 318\n\nname: Angry caller\nsuccess_criteria: >-\n  gives a reference\nsimulation_ids: [57, "61", 57]\n';
    const s = scanDigitalHuman(text, 'a.digital-human.yaml');
    assert.deepEqual([s?.id, s?.name, s?.simulationIds, s?.range.start.line], ['318', 'Angry caller', ['57', '61'], 3]);
    assert.equal(successRange(text, 'yaml').start.line, 4);
    assert.equal(scanDigitalHuman('kind: customer-persona\nname: x\n', 'x.persona.yaml'), undefined);
  });
  void test('without name the kind line; unreadable text stays an item (on the first line); no success_criteria: the first line', () => {
    assert.equal(scanDigitalHuman('# c\nkind: digital-human\nid: 5\n', 'a.digital-human.yaml')?.range.start.line, 1);
    const broken = scanDigitalHuman('name: [unclosed\n', 'b.digital-human.yaml');
    assert.deepEqual([broken?.id, broken?.simulationIds, broken?.range.start.line], [null, [], 0]);
    assert.equal(successRange('{\n  "kind": "digital-human",\n  "id": 3\n}\n', 'json').start.line, 0);
    assert.equal(scanDigitalHuman('{"id": 3, "simulation_ids": [12]}', 'c.digital-human.json')?.simulationIds[0], '12');
  });
});

void describe('Testing view: messages', () => {
  void test('a failure: why, summary, metrics as a table, links to the transcript (a command), the audio and the run', () => {
    const md = resultMarkdown(result(), {
      simulationId: '57',
      simulationName: 'Billing regressions',
      url: 'https://app.getbluejay.ai/simulations/57/runs/345',
    });
    assert.match(md, /^\*\*Goal not met\*\* in Billing regressions \\\(simulation 57\\\)/);
    assert.match(md, /\*\*Why:\*\* No reference number was given\\\./);
    assert.match(md, /Refund promised \\\| no reference/, 'text cannot break the table or add markup');
    assert.match(
      md,
      /\| Metric \| Value \| Reasoning \|\n\| --- \| --- \| --- \|\n\| Empathy \| 2 \| Read the policy\\\. \|/,
    );
    assert.ok(md.includes(`[Show Transcript](${transcriptLink('9002')})`));
    assert.ok(md.includes('[Audio](https://media.example/a.wav)'));
    assert.ok(md.includes('[Run in Bluejay](https://app.getbluejay.ai/simulations/57/runs/345)'));
    assert.deepEqual(JSON.parse(decodeURIComponent(transcriptLink('9002').split('?')[1] ?? '')), [
      { resultId: '9002' },
    ]);
  });
  void test('no link to anything but http(s); markup in names is text', () => {
    const md = resultMarkdown(
      result({ audioUrl: 'javascript:alert(1)', reasoning: '[click](command:workbench.action.terminal.new)' }),
      { simulationId: '57', simulationName: null, url: null },
    );
    assert.doesNotMatch(md, /javascript:|\]\(command:workbench/);
    assert.equal(escapeMarkdown('a*b_c'), 'a\\*b\\_c');
  });
  void test('tool calls as expected and actual text (a diff), none when they agree', () => {
    const d = toolCallDiff(result());
    assert.equal(d?.expected, 'issue_refund:\n  {"parameters":{"amount":129.99}}\n');
    assert.equal(d?.actual, 'issue_refund:\n  (not called)\n');
    assert.equal(toolCallDiff(result({ toolCalls: [{ name: 'a', expected: [1], actual: [1] }] })), undefined);
  });
  void test('a refusal names its code and what to do', () => {
    assert.match(
      refusalText({ code: 'run-out-of-step', message: "Bluejay's copy differs." }),
      /^run-out-of-step: .*Push and Run in Bluejay/,
    );
  });
});

void describe('Testing view: transcript', () => {
  void test('fetched from the media origin without the key, rendered turn by turn with times', () =>
    withServer(async (s) => {
      const q = await fetch(`${s.url}/v1/queue-simulation-run`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-API-Key': 'test-key' },
        body: JSON.stringify({ simulation_id: '57', digital_human_ids: ['318'] }),
      });
      const runId = ((await q.json()) as { simulation_run_id: string }).simulation_run_id;
      let url: string | undefined;
      for (let i = 0; i < 3 && !url; i++) {
        const r = (await (
          await fetch(`${s.url}/v1/retrieve-simulation-results/${runId}`, { headers: { 'X-API-Key': 'test-key' } })
        ).json()) as { simulation_results: { transcript_url: string | null }[] };
        url = r.simulation_results[0]?.transcript_url ?? undefined;
      }
      assert.ok(url);
      const text = renderTranscript(await fetchTranscript(url), 'Conversation 9001');
      assert.match(
        text,
        /^Conversation 9001\n\n\[00:00\] Agent: Thanks for calling, how can I help\?\n\[00:03\] User: I was charged twice/,
      );
      const media = (await (await fetch(`${s.url}/__admin/simulations`)).json()) as {
        mediaRequests: { path: string; apiKey: boolean }[];
      };
      assert.deepEqual(media.mediaRequests, [{ path: '/transcripts/9001.json', apiKey: false }]);
    }));
  void test('refused: over the size limit, not http(s), plain http to another machine; text that is no list is shown as it is', async () => {
    const big = createServer((_req, res) => res.end('x'.repeat(4096)));
    await new Promise<void>((r) => big.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(big.address() as AddressInfo).port}/t.json`;
      await assert.rejects(fetchTranscript(url, { maxBytes: 1000 }), /larger than/);
      assert.equal((await fetchTranscript(url)).length, 4096);
    } finally {
      big.closeAllConnections();
      await new Promise((r) => big.close(r));
    }
    await assert.rejects(fetchTranscript('file:///etc/passwd'), /not https/);
    await assert.rejects(fetchTranscript('http://example.com/t.json'), /not https/);
    assert.equal(renderTranscript('hello', 'H'), 'H\n\nhello');
    assert.equal(
      renderTranscript('{"transcript":[{"role":"USER","utterance":"hi","start_offset_ms":61000}]}', 'H'),
      'H\n\n[01:01] User: hi\n',
    );
  });
  void test('a redirect to plain http is refused, not followed (even on this machine)', async () => {
    const hits: string[] = [];
    const srv = createServer((req, res) => {
      hits.push(req.url ?? '');
      if (req.url === '/t.json') res.writeHead(302, { location: '/plain.json' }).end();
      else res.end('[{"speaker":"agent","text":"hi"}]');
    });
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    try {
      await assert.rejects(
        fetchTranscript(`http://127.0.0.1:${(srv.address() as AddressInfo).port}/t.json`),
        /redirected \(302\) to http, not https/,
      );
      assert.deepEqual(hits, ['/t.json'], 'the http target was never asked');
    } finally {
      srv.closeAllConnections();
      await new Promise((r) => srv.close(r));
    }
  });
  void test('the deadline: a transcript that never comes is given up (abort, an event, not a wait)', async () => {
    let arrived: () => void = () => undefined;
    const came = new Promise<void>((r) => (arrived = r));
    const hang = createServer(() => arrived());
    await new Promise<void>((r) => hang.listen(0, '127.0.0.1', r));
    try {
      const abort = new AbortController();
      const pending = fetchTranscript(`http://127.0.0.1:${(hang.address() as AddressInfo).port}/t.json`, {
        signal: abort.signal,
      });
      await came;
      abort.abort();
      await assert.rejects(pending, /could not be fetched|in time/);
    } finally {
      hang.closeAllConnections();
      await new Promise((r) => hang.close(r));
    }
  });
});
