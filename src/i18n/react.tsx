/**
 * Components read their words through `useI18n()`: the instance of the nearest I18nProvider
 * (the interface's at the root; a map's language under print and presentation), so a language
 * switch re-renders what shows text.
 */
import { I18nProvider, LinguiContext } from '@lingui/react';
import { useContext } from 'react';
import { i18n, type I18n } from './index';

export { I18nProvider };

export function useI18n(): I18n {
  // Without a provider (a component rendered on its own in a unit test): the global instance.
  return useContext(LinguiContext)?.i18n ?? i18n;
}
