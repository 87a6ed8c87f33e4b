import { Logger } from '@nestjs/common';
import type { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { searchAttributeNames } from '../contracts/search-attributes';

/** The project's custom search attributes and their Temporal types (all Keyword: exact-match filters). */
export const searchAttributeTypes: Record<string, 'Keyword'> = Object.fromEntries(
  searchAttributeNames.map((name) => [name, 'Keyword']),
);

const grpcUnimplemented = 12;
const grpcAlreadyExists = 6;
const grpcCode = (error: unknown) => (error as { code?: number }).code;

/**
 * Registers the search attributes on a server that lacks them (an existing server or cluster, or the time-skipping
 * test server; the dev server the stack starts gets them as flags). Idempotent.
 */
export async function ensureSearchAttributes(connection: Connection, namespace: string): Promise<string[]> {
  let missing: string[];
  try {
    const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
    missing = searchAttributeNames.filter((name) => !(customAttributes && name in customAttributes));
  } catch (error) {
    // The Java time-skipping server can add search attributes but not list them.
    if (grpcCode(error) !== grpcUnimplemented) throw error;
    missing = searchAttributeNames;
  }
  if (missing.length === 0) return [];
  try {
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(
        missing.map((name) => [name, temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD]),
      ),
    });
  } catch (error) {
    if (grpcCode(error) !== grpcAlreadyExists) throw error;
    return [];
  }
  new Logger('temporal').log(`registered search attributes ${missing.join(', ')} in namespace ${namespace}`);
  return missing;
}
