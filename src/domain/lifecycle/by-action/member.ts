// What a coordinator keeps up to date about the member themselves: the language they read and the ones they speak.
import { defaultLanguage, maxLanguagesSpoken, memberLanguages, type MemberLanguage } from '../../languages';
import { openStages } from '../../stages';
import { formFieldsOf, withFields } from '../../forms';
import type { ActionDefinition } from './definition';

export interface SetLanguagesInput {
  preferredLanguage: MemberLanguage;
  /** Left out: as they were. */
  languages?: string[];
}

/** The member reads every later email and page in `preferredLanguage`; `languages` are the ones they speak. */
export const setLanguages: ActionDefinition<SetLanguagesInput> = {
  stages: openStages,
  keepsUndo: true,
  input: [
    {
      name: 'preferredLanguage',
      label: 'field.preferredLanguage',
      kind: 'choice',
      options: memberLanguages,
      optionLabels: ['field.inEnglish', 'field.inSpanish'],
      description: 'The language they read every email and page in',
      example: 'es',
    },
    {
      name: 'languages',
      label: 'field.languages',
      kind: 'languages',
      max: maxLanguagesSpoken,
      optional: true,
      description: 'The languages they speak (ISO 639-1 codes); left out, as they were',
      example: ['es', 'tl'],
    },
  ],
  /** The languages as they are, to change. */
  form: ({ languages }) =>
    withFields(
      formFieldsOf(setLanguages.input),
      languages
        ? { preferredLanguage: { value: languages.preferred }, languages: { value: languages.spoken.join(', ') } }
        : {},
    ),
  refusal(state, input) {
    const same = (state.preferredLanguage ?? defaultLanguage) === input.preferredLanguage;
    const sameSpoken = !input.languages || input.languages.join() === (state.languages ?? []).join();
    if (same && sameSpoken) return { code: 'conflict', message: 'the languages are already so' };
    return undefined;
  },
  apply(state, input) {
    state.preferredLanguage = input.preferredLanguage;
    if (input.languages) state.languages = [...input.languages];
    return true;
  },
};
