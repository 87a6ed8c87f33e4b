import { Logger } from '@nestjs/common';
import type { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { searchAttributeNames } from '../workflows/search-attributes';

/** The project's custom search attributes and their Temporal types (all Keyword: exact-match filters). */
export const searchAttributeTypes: Record<string, 'Keyword'> = Object.fromEntries(
  searchAttributeNames.map((name) => [name, 'Keyword']),
);

/**
 * Registers the search attributes on a server that lacks them (an existing server or cluster; the dev server the stack
 * starts gets them as flags). Idempotent.
 */
export async function ensureSearchAttributes(connection: Connection, namespace: string): Promise<string[]> {
  const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
  const missing = searchAttributeNames.filter((name) => !(customAttributes && name in customAttributes));
  if (missing.length === 0) return [];
  await connection.operatorService.addSearchAttributes({
    namespace,
    searchAttributes: Object.fromEntries(
      missing.map((name) => [name, temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD]),
    ),
  });
  new Logger('temporal').log(`registered search attributes ${missing.join(', ')} in namespace ${namespace}`);
  return missing;
}
