/** `bluejay validate --format sarif|github` (issue 13): what code scanning and GitHub Actions read. */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Ajv04 from 'ajv-draft-04';
import { CODE_MEANINGS } from '../../src/core/codeDocs';
import { CODES } from '../../src/core/codes';
import { githubAnnotations } from '../../src/cli/sarif';
import { cli, stateRootDir } from './support/cli';

interface Sarif {
  version: string;
  runs: {
    tool: {
      driver: {
        name: string;
        rules: { id: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[];
      };
    };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string; uriBaseId?: string };
          region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
        };
      }[];
    }[];
  }[];
}

const SCHEMA = JSON.parse(
  readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
) as object;

/** A folder, as the working folder of the command, holding a broken digital human and a warning. */
function workspace(): string {
  const dir = stateRootDir('sarif');
  mkdirSync(join(dir, 'defs dir'));
  writeFileSync(
    join(dir, 'defs dir', 'broken.digital-human.yaml'),
    'kind: digital-human\nid: 3\nvoice_speed: fastt\nbogus, key: 1\n',
  );
  writeFileSync(join(dir, 'ok.persona.yaml'), 'kind: customer-persona\nname: n\ndescription: d\ngoal: g\n');
  return dir;
}

async function inFolder<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const before = process.cwd();
  process.chdir(dir);
  try {
    return await work();
  } finally {
    process.chdir(before);
  }
}

void describe('bluejay validate --format sarif', () => {
  void test('is SARIF 2.1.0, valid against its schema; a rule per problem code; results with 1-based regions relative to the working folder', async () => {
    const dir = workspace();
    const r = await inFolder(dir, () => cli({}, 'validate', '--format', 'sarif', '.'));
    assert.equal(r.code, 1);
    const log = JSON.parse(r.out) as Sarif;
    const ajv = new Ajv04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
    const valid = ajv.validate(SCHEMA, log);
    assert.ok(valid, JSON.stringify(ajv.errors?.slice(0, 5)));
    assert.equal(log.version, '2.1.0');
    const [run] = log.runs;
    assert.ok(run);
    assert.equal(run.tool.driver.name, 'bluejay');
    assert.deepEqual(
      run.tool.driver.rules.map((x) => x.id),
      Object.keys(CODES),
    );
    const enumRule = run.tool.driver.rules.find((x) => x.id === 'invalid-enum');
    assert.equal(enumRule?.shortDescription.text, CODE_MEANINGS['invalid-enum'].replace(/`/g, ''));
    assert.equal(enumRule?.defaultConfiguration.level, 'error');
    const byRule = new Map(run.results.map((x) => [x.ruleId, x]));
    const invalid = byRule.get('invalid-enum');
    assert.ok(invalid);
    assert.equal(run.tool.driver.rules[invalid.ruleIndex]?.id, 'invalid-enum');
    assert.equal(invalid.level, 'error');
    assert.match(invalid.message.text, /voice_speed must be one of/);
    const loc = invalid.locations[0]?.physicalLocation;
    assert.deepEqual(loc?.artifactLocation, { uri: 'defs%20dir/broken.digital-human.yaml', uriBaseId: '%SRCROOT%' });
    // "voice_speed: fastt" is line 3; the value spans columns 14 to 19 (end exclusive).
    assert.deepEqual(loc?.region, { startLine: 3, startColumn: 14, endLine: 3, endColumn: 19 });
    assert.ok(byRule.has('unknown-key'));
    assert.equal(run.results.length, 2);
  });

  void test('no problems: an empty result list, exit 0, still valid', async () => {
    const dir = workspace();
    const r = await inFolder(dir, () => cli({}, 'validate', '--format', 'sarif', 'ok.persona.yaml'));
    assert.equal(r.code, 0);
    const log = JSON.parse(r.out) as Sarif;
    assert.deepEqual(log.runs[0]?.results, []);
    assert.ok(new Ajv04({ strict: false, validateFormats: false, unicodeRegExp: false }).validate(SCHEMA, log));
  });
});

void describe('bluejay validate --format github', () => {
  void test('one workflow command a problem, properties and message escaped as GitHub wants', async () => {
    const dir = workspace();
    const r = await inFolder(dir, () => cli({}, 'validate', '--format', 'github', '.'));
    assert.equal(r.code, 1);
    const lines = r.out.trimEnd().split('\n');
    assert.equal(lines.length, 2);
    assert.match(
      lines[0] ?? '',
      /^::error file=defs dir\/broken\.digital-human\.yaml,line=3,col=14,endLine=3,endColumn=19,title=invalid-enum::voice_speed must be one of .*fastt.*$/,
    );
    // A comma in the message is kept (only properties escape it).
    assert.match(
      lines[1] ?? '',
      /^::error file=defs dir\/broken\.digital-human\.yaml,line=4,col=1,endLine=4,endColumn=\d+,title=unknown-key::Unknown key 'bogus, key'/,
    );
    assert.match(r.err, /2 files checked: 2 errors/);
  });

  void test('a message with a line break or a percent sign cannot end the command early', () => {
    const out = githubAnnotations(
      [
        {
          path: 'a,b:c%.persona.yaml',
          problems: [
            {
              severity: 'warning',
              code: 'x',
              message: '50% done\nnext',
              pointer: '',
              range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
            },
          ],
        },
      ],
      process.cwd(),
    );
    assert.equal(
      out,
      '::warning file=a%2Cb%3Ac%25.persona.yaml,line=1,col=1,endLine=1,endColumn=2,title=x::50%25 done%0Anext\n',
    );
  });
});
