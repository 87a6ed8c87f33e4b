// The web page's API types (src/web/api-types.ts, not kept in git), generated from the API's OpenAPI document, so the
// page's code is checked against what the API answers. `npm test` and `npm run typecheck` write them before checking
// the page; test/integration/openapi.test.ts checks that they match what the running API serves at /api/docs-json.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { apiPrefix, describeApi } from '../src/api/bootstrap';
import { AppModule } from '../src/api/app.module';
import { loadConfig } from '../src/config/configuration';
import { projectRoot } from './stack/settings';

interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  description?: string;
}

interface Document {
  components?: { schemas?: Record<string, Schema> };
}

const refName = (ref: string) => ref.split('/').pop()!;

function typeOf(schema: Schema, indent: string): string {
  const base = ((): string => {
    if (schema.$ref) return refName(schema.$ref);
    if (schema.allOf?.length === 1) return typeOf(schema.allOf[0], indent);
    if (schema.oneOf || schema.anyOf) return (schema.oneOf ?? schema.anyOf)!.map((s) => typeOf(s, indent)).join(' | ');
    if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    switch (type) {
      case 'string':
        return 'string';
      case 'integer':
      case 'number':
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'array': {
        const item = typeOf(schema.items ?? {}, indent);
        return /[|&]/.test(item) ? `(${item})[]` : `${item}[]`;
      }
      case 'object':
      case undefined:
        if (schema.properties) return objectType(schema, indent);
        if (schema.additionalProperties && typeof schema.additionalProperties === 'object')
          return `Record<string, ${typeOf(schema.additionalProperties, indent)}>`;
        return 'Record<string, unknown>';
      default:
        return 'unknown';
    }
  })();
  return schema.nullable ? `${base} | null` : base;
}

function objectType(schema: Schema, indent: string): string {
  const inner = `${indent}  `;
  const required = new Set(schema.required ?? []);
  const lines = Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const key = /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
    const doc = property.description ? `${inner}/** ${property.description.replace(/\*\//g, '*\\/')} */\n` : '';
    return `${doc}${inner}${key}${required.has(name) ? '' : '?'}: ${typeOf(property, inner)};`;
  });
  return `{\n${lines.join('\n')}\n${indent}}`;
}

/** TypeScript declarations for every schema of the document, in name order. */
export function apiTypes(document: Document): string {
  const schemas = document.components?.schemas ?? {};
  const declarations = Object.keys(schemas)
    .sort()
    .map((name) => `export type ${name} = ${typeOf(schemas[name], '')};`);
  return [
    "// Generated from the API's OpenAPI document by dev/api-types.ts (npm run api-types); do not edit.",
    '',
    ...declarations,
    '',
  ].join('\n');
}

/**
 * The OpenAPI document without servers: Nest's preview mode reads the modules' routes and DTOs but creates no
 * provider, so nothing connects to PostgreSQL or Temporal and the settings below are never used.
 */
export async function apiDocument(): Promise<Document> {
  const config = loadConfig({
    DATABASE_URL: 'postgres://127.0.0.1/unused',
    PAYLOAD_KEYS: `unused:${Buffer.alloc(32).toString('base64')}`,
  });
  const app = await NestFactory.create(AppModule.forRoot(config), { preview: true, logger: false });
  app.setGlobalPrefix(apiPrefix);
  const document = describeApi(app);
  await app.close();
  return document as Document;
}

if (require.main === module) {
  apiDocument().then(
    (document) => writeFileSync(join(projectRoot, 'src', 'web', 'api-types.ts'), apiTypes(document)),
    (error: unknown) => {
      process.stderr.write(`api-types: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
