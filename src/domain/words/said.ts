// Words as the domain says them: a key of the catalog (en.ts) and the values it takes, rendered in the reader's
// language by src/words. The domain and the workflows keep these, never the sentences, so a reminder raised today
// reads in whichever language its reader chooses.
import type { en } from './en';

type Plural = `_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}`;
type KeysOf<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${Prefix}${K extends `${infer Base}${Plural}` ? Base : K}`
    : KeysOf<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** A key of the catalog (a plural's keys without their `_one`/`_other`). */
export type WordKey = KeysOf<typeof en>;

/** A value a sentence takes: text, a number, an instant (ISO, for `when`/`day`) or words of their own. */
export type SaidValue = string | number | Said;

export interface Said {
  key: WordKey;
  values?: Record<string, SaidValue>;
  /** The time zone its instants are read in; left out: as instants (ISO 8601, UTC). */
  zone?: string;
}

/** A label: a key alone, or a key with its values. */
export type Label = WordKey | Said;

export const said = (key: WordKey, values?: Record<string, SaidValue>, zone?: string): Said => ({
  key,
  ...(values ? { values } : {}),
  ...(zone ? { zone } : {}),
});

/** A label as words with values (a key alone has none). */
export const asSaid = (label: Label): Said => (typeof label === 'string' ? { key: label } : label);
