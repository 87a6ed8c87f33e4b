// How the API describes itself to client generators: every operation has a readable id (`listVouchers`), a summary
// and the error body of every 4xx it can answer. The 4xx every route of a kind answers are added here once (see
// describeErrors); an operation declares only its own (a 409 it refuses with, a 422 of a rule).
import { applyDecorators } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';

export class FieldProblemDto {
  @ApiProperty({ example: 'hours' }) field: string;
  @ApiProperty({ example: 'must not be greater than 24' }) reason: string;
}

/** The body of every error answer (ErrorBody in error.filter.ts). */
export class ErrorBodyDto {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'Bad Request' }) error: string;
  @ApiProperty({ example: 'hours must not be greater than 24' }) message: string;
  @ApiPropertyOptional({ type: [FieldProblemDto], description: "A 400's problems, each naming its field (at most 10)" })
  problems?: FieldProblemDto[];
  @ApiPropertyOptional({ description: 'Why a signed link does not work (404 `unknown`; 410 `expired`, `used`, …)' })
  reason?: string;
  @ApiPropertyOptional({ description: "The language of the message, on a member's page (`en`, `es`)" })
  language?: string;
}

/** What each error status means here, said once for every operation that answers it. */
export const errorMeanings = {
  400: 'Bad input: `problems` names each field',
  401: 'No valid token',
  403: 'Not allowed to the caller',
  404: 'Nothing with that id (or not visible to the caller)',
  409: 'Refused in the current state; nothing changed',
  410: 'The link no longer works: `reason` says why',
  413: 'The body is larger than the limit',
  415: 'The body is not JSON',
  422: 'Refused by a program rule; nothing changed',
  429: 'Too many requests from this address: `Retry-After` says when to try again',
} as const;
export type ErrorStatus = keyof typeof errorMeanings;

/** An operation's id and summary, and the error statuses it answers beyond those of its kind. */
export function Operation(operationId: string, summary: string, ...errors: ErrorStatus[]) {
  return applyDecorators(
    ApiOperation({ operationId, summary }),
    ...errors.map((status) => ApiResponse({ status, description: errorMeanings[status], type: ErrorBodyDto })),
  );
}

type Operations = Record<
  string,
  { parameters?: { in: string }[]; requestBody?: unknown; security?: unknown[]; responses: Record<string, unknown> }
>;

/**
 * The 4xx every operation of a kind can answer, each with the error body: 400 for one that takes input (a body, a
 * query or a path id), 413 and 415 for one that takes a body (over the size limit; not JSON), 401 and 403 for one that needs a token, 404 for one
 * that names something by id. Run on the finished document.
 */
export function describeErrors(document: OpenAPIObject): void {
  const body = { 'application/json': { schema: { $ref: getSchemaPath(ErrorBodyDto) } } };
  for (const [path, operations] of Object.entries(document.paths) as [string, Operations][])
    for (const operation of Object.values(operations)) {
      const answers = new Set<ErrorStatus>();
      const inputs = operation.parameters ?? [];
      if (operation.requestBody || inputs.some((p) => p.in === 'query' || p.in === 'path')) answers.add(400);
      if (operation.requestBody) {
        answers.add(413);
        answers.add(415);
      }
      if (operation.security?.length) {
        answers.add(401);
        answers.add(403);
      }
      if (/\{\w+\}/.test(path)) answers.add(404);
      for (const status of answers)
        operation.responses[status] ??= { description: errorMeanings[status], content: body };
      for (const [status, response] of Object.entries(operation.responses))
        if (status.startsWith('4')) (response as { content?: unknown }).content ??= body;
    }
}
