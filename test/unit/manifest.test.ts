/** What package.json contributes, checked as a published extension needs it (issue 13). */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ROOT } from './support/cli';

interface Manifest {
  contributes: {
    commands: { command: string }[];
    configuration: { properties: Record<string, { markdownDescription?: string; description?: string }> };
    menus: Record<string, { command: string; when?: string }[]>;
    walkthroughs: {
      id: string;
      steps: { id: string; description: string; media: { markdown?: string }; completionEvents?: string[] }[];
    }[];
  };
}

const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
/** package.json with every `%key%` replaced by its English text from package.nls.json (as VS Code does). */
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'), (_k, v: unknown) =>
  typeof v === 'string' && /^%[\w.]+%$/.test(v) ? (nls[v.slice(1, -1)] ?? v) : v,
) as Manifest;
const commands = new Set(manifest.contributes.commands.map((c) => c.command));
const palette = new Map(manifest.contributes.menus['commandPalette']?.map((m) => [m.command, m.when ?? '']));
const shipped = readFileSync(join(ROOT, '.vscodeignore'), 'utf8');

void describe('package.json', () => {
  void test('every user-visible string is in package.nls.json, so it can be translated', () => {
    const raw = readFileSync(join(ROOT, 'package.json'), 'utf8');
    const keys = [...raw.matchAll(/"%([\w.]+)%"/g)].map((m) => m[1] ?? '');
    assert.ok(keys.length > 50);
    assert.deepEqual(
      keys.filter((k) => !(k in nls)),
      [],
    );
    assert.deepEqual(
      Object.keys(nls).filter((k) => !keys.includes(k)),
      [],
      'no unused entries',
    );
    const c = (JSON.parse(raw) as Manifest).contributes;
    const literal = [
      ...c.commands.map((x) => (x as { title?: string }).title),
      ...Object.values(c.configuration.properties).map((p) => p.markdownDescription),
    ].filter((t) => t !== undefined && !/^%[\w.]+%$/.test(t));
    assert.deepEqual(literal, []);
    assert.match(shipped, /^!package\.nls\.json$/m, 'package.nls.json is packaged');
  });

  void test("CHANGELOG (Keep a Changelog) has an Unreleased section and a dated release of package.json's version", () => {
    const changelog = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8');
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const headings = [...changelog.matchAll(/^## (.+)$/gm)].map((m) => m[1] ?? '');
    assert.equal(headings[0], '[Unreleased]');
    const release = headings.find((h) => h.startsWith(`[${version}] - `));
    assert.match(release ?? '', /^\[\d+\.\d+\.\d+\] - \d{4}-\d{2}-\d{2}$/, `a dated heading for ${version}`);
    assert.ok(!Number.isNaN(Date.parse(release?.slice(-10) ?? '')), 'a real date');
  });

  void test('every setting has a markdownDescription', () => {
    const plain = Object.entries(manifest.contributes.configuration.properties)
      .filter(([, p]) => !p.markdownDescription)
      .map(([k]) => k);
    assert.deepEqual(plain, []);
  });

  void test('the walkthrough: each step has packaged media, links to real commands, and can complete', () => {
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.ok(walkthrough);
    assert.deepEqual(
      walkthrough.steps.map((s) => s.id),
      ['setKey', 'create', 'fix', 'form', 'push', 'run'],
    );
    for (const step of walkthrough.steps) {
      const media = step.media.markdown;
      assert.ok(media && existsSync(join(ROOT, media)), `${step.id}: ${String(media)} exists`);
      assert.match(shipped, /^!media\/walkthrough\/\*\.md$/m, 'the walkthrough media is packaged');
      for (const [, command] of step.description.matchAll(/\(command:([\w.]+)\)/g)) {
        assert.ok(
          command && (commands.has(command) || command.startsWith('workbench.')),
          `${step.id}: ${String(command)} is a command`,
        );
      }
      assert.ok(step.completionEvents?.length, `${step.id} can be completed`);
      for (const e of step.completionEvents ?? []) {
        const m = /^onCommand:(.+)$/.exec(e);
        if (m?.[1]) assert.ok(commands.has(m[1]) || m[1].startsWith('workbench.'), `${step.id}: ${e}`);
      }
    }
  });

  void test('New Persona and New Digital Human are on File > New File', () => {
    assert.deepEqual(
      manifest.contributes.menus['file/newFile']?.map((m) => m.command),
      ['bluejay.newPersona', 'bluejay.newDigitalHuman'],
    );
  });

  void test('commands are hidden from the palette where they cannot act', () => {
    for (const c of [
      'bluejay.pushFile',
      'bluejay.pushAll',
      'bluejay.pull',
      'bluejay.pullIntoFile',
      'bluejay.diffWithRemote',
      'bluejay.plan',
      'bluejay.togglePushOnSave',
      'bluejay.generateDigitalHumans',
    ]) {
      assert.match(palette.get(c) ?? '', /isWorkspaceTrusted/, `${c} needs a trusted workspace`);
    }
    for (const c of ['bluejay.openForm', 'bluejay.pushFile', 'bluejay.pullIntoFile', 'bluejay.diffWithRemote']) {
      assert.match(palette.get(c) ?? '', /resourceFilename =~/, `${c} needs a definition file`);
    }
    assert.equal(palette.get('bluejay.remote.refresh'), 'false');
  });
});
