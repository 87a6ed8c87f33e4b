// What no email, page or CSV a person reads may carry (issue 25): an ISO-8601 instant, a UUID, an internal actor id.
// Addresses are left out first: a link's token and an id in a URL are for the browser, not for the reader.
import { productActorIds } from '../../src/domain/actors';

const patterns: [string, RegExp][] = [
  ['an ISO instant', /\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?/g],
  ['a UUID', /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi],
  ['an actor id', new RegExp(`\\b(${productActorIds.filter((id) => id.includes('-')).join('|')})\\b`, 'g')],
];

/** Each thing in `text` no one should have to read, with a little of what surrounds it. */
export function unreadable(text: string): string[] {
  const read = text.replace(/\bhttps?:\/\/\S+/g, '<address>');
  const found: string[] = [];
  for (const [what, pattern] of patterns)
    for (const match of read.matchAll(pattern)) {
      const around = read.slice(Math.max(0, match.index - 40), match.index + match[0].length + 20).replace(/\s+/g, ' ');
      found.push(`${what} "${match[0]}" in "…${around}…"`);
    }
  return found;
}
