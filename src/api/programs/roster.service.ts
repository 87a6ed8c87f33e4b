import { Injectable } from '@nestjs/common';
import { CsvError, parse } from 'csv-parse';
import type { Readable } from 'node:stream';
import { AccessPolicy } from '../auth/access-policy';
import type { Caller } from '../auth/caller';
import { storableText } from '../common/body-rules';
import { normalizedMemberId } from '../../domain/organizer';
import { InvalidInputError, PayloadTooLargeError } from '../common/errors';
import { RosterRepository, type RosterLine } from '../../repositories/roster.repository';
import { ProgramsService } from './programs.service';
import type { RosterImportDto } from './programs.dto';

const columns = ['memberId', 'name', 'local', 'status'] as const;
type Column = (typeof columns)[number];
const limits: Record<Column, number> = { memberId: 64, name: 200, local: 100, status: 32 };
const batchSize = 1_000;
/**
 * The CSV may be larger than JSON bodies (a local's whole membership, about 300,000 members at 60 bytes a line); it is
 * streamed, never held whole.
 */
export const maxRosterBytes = 20 * 1024 * 1024;
/** Rejected lines the answer lists; the rest are counted (a file of nothing but bad lines answers in a few KB). */
export const rejectedLinesShown = 100;

@Injectable()
export class RosterService {
  constructor(
    private readonly roster: RosterRepository,
    private readonly programs: ProgramsService,
    private readonly access: AccessPolicy,
  ) {}

  /**
   * Replaces the program's roster with the CSV's rows (header `memberId,name,local,status`, any order), streaming it
   * into one transaction: a file that cannot be read changes nothing. Rows that break a rule are reported, not kept.
   */
  async import(programId: string, csv: Readable, declaredBytes: number, caller: Caller): Promise<RosterImportDto> {
    await this.programs.find(programId);
    this.access.assertActOnProgram(caller, programId);
    if (declaredBytes > maxRosterBytes) throw rosterTooLarge();
    try {
      return await this.roster.replace(programId, async (write, audit) => {
        // Parsing starts only now, with the loop below reading at once: an error in the CSV (or the upload) reaches
        // that loop (the no-op listener keeps pipe() from rethrowing it as an unhandled event meanwhile).
        // Blank lines, and lines of nothing but separators and spaces, are no one: skipped, not reported.
        const parser = parse({
          bom: true,
          trim: true,
          skip_empty_lines: true,
          skip_records_with_empty_values: true,
          relax_column_count: true,
          info: true,
        });
        let bytes = 0;
        csv.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes > maxRosterBytes) parser.destroy(rosterTooLarge());
        });
        csv.on('error', (error) => parser.destroy(error));
        parser.on('error', () => undefined);
        csv.pipe(parser);
        const rejected: { line: number; reason: string }[] = [];
        let rejectedCount = 0;
        const seen = new Map<string, number>();
        let positions: Record<Column, number> | undefined;
        let batch: RosterLine[] = [];
        let accepted = 0;
        const flush = async () => {
          await write(batch);
          accepted += batch.length;
          batch = [];
        };
        for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
          const line = info.lines;
          if (!positions) {
            positions = headerPositions(record);
            continue;
          }
          const row = Object.fromEntries(columns.map((c) => [c, record[positions![c]] ?? ''])) as Record<
            Column,
            string
          >;
          row.memberId = normalizedMemberId(row.memberId);
          const problem = rowProblem(row, seen);
          if (problem) {
            if (++rejectedCount <= rejectedLinesShown) rejected.push({ line, reason: problem });
            continue;
          }
          seen.set(row.memberId, line);
          batch.push([row.memberId, row.name, row.local, row.status.toLowerCase()]);
          if (batch.length >= batchSize) await flush();
        }
        if (!positions)
          throw new InvalidInputError([
            { field: 'body', reason: 'is empty: expected a CSV with the header memberId,name,local,status' },
          ]);
        await flush();
        await audit({
          actor: caller.id,
          programId,
          kind: 'roster-imported',
          subject: programId,
          after: { accepted, rejected: rejectedCount },
        });
        return { accepted, rejected, rejectedCount };
      });
    } catch (error) {
      if (error instanceof CsvError) {
        throw new InvalidInputError([{ field: 'body', reason: `is not valid CSV: ${(error as Error).message}` }]);
      }
      throw error;
    }
  }
}

function rosterTooLarge(): PayloadTooLargeError {
  return new PayloadTooLargeError(`body: the roster is larger than ${maxRosterBytes / 1024 / 1024} MB`);
}

function headerPositions(header: string[]): Record<Column, number> {
  const normalized = header.map((h) => h.trim().toLowerCase());
  const missing = columns.filter((c) => !normalized.includes(c.toLowerCase()));
  if (missing.length) {
    throw new InvalidInputError([
      {
        field: 'body',
        reason: `must start with the header memberId,name,local,status (missing ${missing.join(', ')})`,
      },
    ]);
  }
  return Object.fromEntries(columns.map((c) => [c, normalized.indexOf(c.toLowerCase())])) as Record<Column, number>;
}

function rowProblem(row: Record<Column, string>, seen: Map<string, number>): string | undefined {
  for (const column of columns) {
    if (!row[column]) return `${column} is empty`;
    if (row[column].length > limits[column]) return `${column} is longer than ${limits[column]} characters`;
    if (!storableText(row[column])) return `${column} contains a NUL character or an unpaired surrogate`;
  }
  const earlier = seen.get(row.memberId);
  if (earlier !== undefined) return `memberId ${row.memberId} repeats line ${earlier}`;
  return undefined;
}
