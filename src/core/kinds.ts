/** The two resource kinds and how a file says which one it holds (`kind:` or its name's suffix). */
export const KINDS = ['customer-persona', 'digital-human'] as const;
export type Kind = (typeof KINDS)[number];

export type Format = 'yaml' | 'json';

/** The part of JSON Schema draft-07 that the core reads (completion, hover, messages, forms). */
export interface JsonSchema {
  readonly $id?: string;
  readonly $ref?: string;
  readonly title?: string;
  readonly description?: string;
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly default?: unknown;
  readonly examples?: readonly unknown[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly format?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema;
  readonly allOf?: readonly JsonSchema[];
  readonly anyOf?: readonly JsonSchema[];
  readonly if?: JsonSchema;
  readonly then?: JsonSchema;
  readonly definitions?: Readonly<Record<string, JsonSchema>>;
  readonly deprecated?: boolean;
}

const SUFFIX = /\.(persona|digital-human)\.(ya?ml|json)$/i;

/**
 * Whether a path is named as a digital human, exactly as the Testing view's file watch matches it
 * (`*.digital-human.{yaml,yml,json}`, case and all).
 */
export function isDigitalHumanPath(path: string): boolean {
  return /\.digital-human\.(ya?ml|json)$/.test(path);
}

/** The kind a file name promises: `*.persona.{yaml,yml,json}` or `*.digital-human.{yaml,yml,json}`. */
export function kindFromFileName(fileName: string): Kind | undefined {
  const m = SUFFIX.exec(fileName);
  if (!m) return undefined;
  return m[1]?.toLowerCase() === 'persona' ? 'customer-persona' : 'digital-human';
}

/** Whether a path is one of the two definition suffixes (what folder searches and the editor pick up). */
export function isDefinitionFileName(fileName: string): boolean {
  return SUFFIX.test(fileName);
}

/** `.json` files are JSON; everything else (`.yaml`, `.yml`, unknown) is read as YAML, a superset. */
export function formatFromFileName(fileName: string): Format {
  return /\.json$/i.test(fileName) ? 'json' : 'yaml';
}

export function isKind(v: unknown): v is Kind {
  return v === 'customer-persona' || v === 'digital-human';
}
