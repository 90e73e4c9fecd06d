/** Pushing one file: what is sent, what comes back, where server problems land, the id written back. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { idEdit } from '../../src/core/sync/idEdit';
import { pushText } from '../../src/core/sync/push';
import { textOf } from './support/text';
import { fake } from './support/sender';
import { applyEdits } from '../../src/core/edit/apply';

const DH =
  '# caller\nkind: digital-human\nid: 7\nname: Caller  # note\nsilence_timeout: 20\ntraits:\n  - trait_name: a\n    trait_data_type: STRING\n    value: v\n';

void describe('pushText', () => {
  void test('an update sends the API fields and reports updated', async () => {
    // The server fills a default in (is_sip_header), leaves out a field (num_runs is never returned) and changes one.
    const s = fake(200, {
      digital_human: {
        id: 7,
        name: 'Caller',
        silence_timeout: 30,
        traits: [{ trait_name: 'a', trait_data_type: 'STRING', value: 'v', is_sip_header: false }],
      },
    });
    const o = await pushText(DH + 'num_runs: 2\n', 'x.digital-human.yaml', s);
    assert.equal(o.action, 'updated');
    assert.equal(o.status, 200);
    assert.deepEqual(s.sent[0]?.body, {
      name: 'Caller',
      silence_timeout: 20,
      traits: [{ trait_name: 'a', trait_data_type: 'STRING', value: 'v' }],
      num_runs: 2,
    });
    assert.deepEqual(
      o.problems.map((p) => [p.code, p.pointer, p.severity]),
      [['server-unkept', '/silence_timeout', 'warning']],
    );
  });

  void test('a file with errors is not sent', async () => {
    const s = fake(200, {});
    const o = await pushText(DH.replace('silence_timeout: 20', 'silence_timeout: 2'), 'x.digital-human.yaml', s);
    assert.equal(o.action, 'failed');
    assert.equal(s.sent.length, 0);
    assert.deepEqual(
      o.problems.map((p) => p.code),
      ['out-of-range'],
    );
  });

  void test('a 422 lands on the exact value it names, nested with an index', async () => {
    const s = fake(422, {
      detail: [{ loc: ['body', 'traits', 0, 'value'], msg: 'invalid value', type: 'value_error' }],
    });
    const o = await pushText(DH, 'x.digital-human.yaml', s);
    assert.equal(o.action, 'failed');
    assert.equal(o.status, 422);
    const p = o.problems.find((x) => x.code === 'server-validation');
    assert.equal(p?.pointer, '/traits/0/value');
    assert.equal(p && textOf(DH, p.range), 'v');
  });

  void test('a 404 marks the id; a 401 the first line', async () => {
    const nf = await pushText(DH, 'x.digital-human.yaml', fake(404, { detail: 'Digital human not found' }));
    assert.equal(textOf(DH, nf.problems[0]!.range), '7');
    const auth = await pushText(DH, 'x.digital-human.yaml', fake(401, { detail: 'Invalid API key' }));
    assert.deepEqual([auth.problems[0]?.code, auth.problems[0]?.range.start.line], ['server-auth', 1]);
  });

  void test('a create writes the new id back right after kind, keeping the comments', async () => {
    const text = '# caller\nkind: digital-human\nname: Caller  # note\nphone_number: "+14155550123"\n';
    const o = await pushText(
      text,
      'x.digital-human.yaml',
      fake(200, { digital_human: { id: 42, name: 'Caller', phone_number: '+14155550123' } }),
    );
    assert.equal(o.action, 'created');
    assert.equal(o.id, 42);
    assert.equal(
      o.newText,
      '# caller\nkind: digital-human\nid: 42\nname: Caller  # note\nphone_number: "+14155550123"\n',
    );
  });

  void test('an id Bluejay answers that the schema would refuse is not written: id-not-written with the value, cut when long', async () => {
    const persona = 'kind: customer-persona\nname: n\ndescription: d\ngoal: g\n';
    const dh = 'kind: digital-human\nname: n\nphone_number: "+14155550123"\n';
    const cases: [string, string, unknown][] = [
      [persona, 'x.persona.yaml', 42],
      [dh, 'x.digital-human.yaml', 'abc'],
      [dh, 'x.digital-human.yaml', 1.5],
      [dh, 'x.digital-human.yaml', 0],
      [dh, 'x.digital-human.yaml', '5\nname: injected'],
      [dh, 'x.digital-human.yaml', 'x'.repeat(1 << 20)],
    ];
    for (const [text, name, id] of cases) {
      const answer = name.endsWith('persona.yaml')
        ? { id, name: 'n', description: 'd', goal: 'g' }
        : { digital_human: { id, name: 'n' } };
      const o = await pushText(text, name, fake(200, answer));
      const label = JSON.stringify(id).slice(0, 40);
      assert.equal(o.action, 'created', label);
      assert.equal(o.id, null, label);
      assert.equal(o.newText, undefined, label);
      const p = o.problems.find((x) => x.code === 'id-not-written');
      assert.equal(p?.severity, 'error', label);
      assert.ok(p.message.includes(JSON.stringify(id).slice(0, 20)), p.message);
      assert.ok(p.message.length < 400, label);
      assert.ok(!p.message.includes('\n'), label);
    }
    const ok = await pushText(
      persona,
      'x.persona.yaml',
      fake(200, { id: '7B1E4C2A-9F3D-4A6B-8C5E-2D0F1A3B4C5D', name: 'n', description: 'd', goal: 'g' }),
    );
    assert.equal(
      ok.newText,
      'kind: customer-persona\nid: 7B1E4C2A-9F3D-4A6B-8C5E-2D0F1A3B4C5D\nname: n\ndescription: d\ngoal: g\n',
    );
  });

  void test("an update keeps the file's id whatever id the answer holds", async () => {
    const o = await pushText(DH, 'x.digital-human.yaml', fake(200, { digital_human: { id: 'abc', name: 'Caller' } }));
    assert.deepEqual([o.action, o.id], ['updated', 7]);
  });

  void test('dry run sends nothing and returns the request', async () => {
    const o = await pushText(DH, 'x.digital-human.yaml', undefined, { dryRun: true });
    assert.equal(o.action, 'skipped');
    assert.equal(o.request?.path, '/v1/update-digital-human/7');
  });
});

void describe('idEdit', () => {
  void test("YAML: after kind, at the keys' column; at the top when there is no kind; CRLF kept", () => {
    assert.equal(
      applyEdits('kind: customer-persona\nname: x', [idEdit('kind: customer-persona\nname: x', 'yaml', 'abc')!]),
      'kind: customer-persona\nid: abc\nname: x',
    );
    assert.equal(applyEdits('# c\nname: x\n', [idEdit('# c\nname: x\n', 'yaml', 5)!]), '# c\nid: 5\nname: x\n');
    assert.equal(
      applyEdits('kind: digital-human', [idEdit('kind: digital-human', 'yaml', 5)!]),
      'kind: digital-human\nid: 5',
    );
    assert.equal(
      applyEdits('kind: digital-human\r\nname: x\r\n', [idEdit('kind: digital-human\r\nname: x\r\n', 'yaml', 5)!]),
      'kind: digital-human\r\nid: 5\r\nname: x\r\n',
    );
  });

  void test("YAML: after kind's whole value; inside a flow mapping", () => {
    const block = 'kind:\n  digital-human\nname: x\n';
    assert.equal(applyEdits(block, [idEdit(block, 'yaml', 5)!]), 'kind:\n  digital-human\nid: 5\nname: x\n');
    const flow = '{kind: customer-persona, name: x, description: d, goal: g}\n';
    assert.equal(
      applyEdits(flow, [idEdit(flow, 'yaml', 'abc')!]),
      '{kind: customer-persona, id: abc, name: x, description: d, goal: g}\n',
    );
  });

  void test('JSON: minified stays minified; without kind the id goes first', () => {
    const min = '{"kind":"customer-persona","name":"x"}';
    assert.equal(applyEdits(min, [idEdit(min, 'json', 'u')!]), '{"kind":"customer-persona","id":"u","name":"x"}');
    const noKind = '{\n  "name": "x"\n}';
    assert.equal(applyEdits(noKind, [idEdit(noKind, 'json', 3)!]), '{\n  "id": 3,\n  "name": "x"\n}');
    const last = '{\n  "name": "x",\n  "kind": "digital-human"\n}';
    assert.equal(
      applyEdits(last, [idEdit(last, 'json', 3)!]),
      '{\n  "name": "x",\n  "kind": "digital-human",\n  "id": 3\n}',
    );
  });

  void test("JSON: after kind, with the file's indentation", () => {
    const text = '{\n    "kind": "customer-persona",\n    "name": "x"\n}\n';
    assert.equal(
      applyEdits(text, [idEdit(text, 'json', '3c90c3cc-0d44-4b50-8888-8dd25736052a')!]),
      '{\n    "kind": "customer-persona",\n    "id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",\n    "name": "x"\n}\n',
    );
  });
});
