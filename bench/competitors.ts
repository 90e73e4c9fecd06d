/**
 * The two validators we compare with, set up as an editor would: yaml-language-server for YAML and
 * vscode-json-languageservice for JSON, both given the digital-human schema inline.
 */
import * as jsonls from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as yamlls from 'yaml-language-server';
import schemaFile from '../schemas/digital-human.schema.json';

export const SCHEMA_URI = 'https://getbluejay.ai/schemas/digital-human.schema.json';

/**
 * A validation run: error-severity diagnostics and all diagnostics. yaml-language-server reports
 * schema violations as warnings (only YAML syntax errors as errors), so `total` is what compares.
 */
export interface Counts {
  readonly errors: number;
  readonly total: number;
}

export interface Competitor {
  readonly name: string;
  /** Validates `text` as a fresh document (new version), as an editor does after an edit. */
  validate(text: string): Promise<Counts>;
  /** Replaces what the service keeps of the last document (yaml-language-server caches its AST by URI) with a tiny one. */
  release(): Promise<void>;
}

/** Schema fetches the services attempt; the schema is given inline, so any is a set-up mistake. */
export const unexpectedFetches: string[] = [];

function refuseFetch(uri: string): Promise<string> {
  unexpectedFetches.push(uri);
  return Promise.reject(new Error(`the benchmark serves no schema by URI (${uri})`));
}

const workspaceContext = {
  resolveRelativePath: (relative: string, resource: string): string => new URL(relative, resource).toString(),
};

function counts(diagnostics: readonly { severity?: number }[]): Counts {
  // DiagnosticSeverity.Error is 1 in the Language Server Protocol.
  return { errors: diagnostics.filter((d) => d.severity === 1).length, total: diagnostics.length };
}

let version = 0;

export function yamlLanguageServer(): Competitor {
  const service = yamlls.getLanguageService({ schemaRequestService: refuseFetch, workspaceContext });
  // A copy, so whatever one service does to its schema object cannot reach the other (content is the same).
  service.configure({
    validate: true,
    schemas: [{ uri: SCHEMA_URI, fileMatch: ['*.yaml'], schema: structuredClone(schemaFile) }],
  });
  return {
    name: 'yaml-language-server',
    async validate(text: string): Promise<Counts> {
      const doc = TextDocument.create('file:///bench/bench.digital-human.yaml', 'yaml', ++version, text);
      return counts(await service.doValidation(doc, false));
    },
    async release(): Promise<void> {
      await this.validate('kind: digital-human\n');
    },
  };
}

export function jsonLanguageService(): Competitor {
  const service = jsonls.getLanguageService({ schemaRequestService: refuseFetch, workspaceContext });
  service.configure({
    validate: true,
    allowComments: false,
    schemas: [{ uri: SCHEMA_URI, fileMatch: ['*.json'], schema: structuredClone(schemaFile) }],
  });
  return {
    name: 'vscode-json-languageservice',
    async validate(text: string): Promise<Counts> {
      const doc = TextDocument.create('file:///bench/bench.digital-human.json', 'json', ++version, text);
      const parsed = service.parseJSONDocument(doc);
      return counts(
        await service.doValidation(doc, parsed, {
          comments: 'error',
          trailingCommas: 'error',
          schemaValidation: 'error',
        }),
      );
    },
    async release(): Promise<void> {
      await this.validate('{"kind": "digital-human"}\n');
    },
  };
}
