/**
 * A message from storage, the model or the import (src/i18n/message.ts), worded in the language of
 * the nearest I18nProvider:  <code>{e.path}</code>: <Say message={e.message} />
 */
import { say, type Message } from './message';
import { useI18n } from './react';

export function Say({ message }: { message: Message }) {
  const i18n = useI18n();
  return <>{say(i18n, message)}</>;
}
