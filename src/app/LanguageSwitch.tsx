/**
 * The interface language, in the header: each language listed by its own name, the choice
 * remembered on this device (src/i18n activateInterface). Maps keep their own language.
 */
import { useState } from 'react';
import { activateInterface } from '../i18n';
import { isLocale, LOCALE_NAMES, LOCALES, type Locale } from '../i18n/locales';
import { useI18n } from '../i18n/react';

export function LanguageSwitch() {
  const i18n = useI18n();
  const [switching, setSwitching] = useState(false);
  const [failed, setFailed] = useState(false);
  const current = i18n.locale as Locale;
  return (
    <label className="language-switch">
      <span className="visually-hidden">{i18n._('app.language')}</span>
      <select
        value={current}
        disabled={switching}
        onChange={(e) => {
          const next = e.target.value;
          if (!isLocale(next)) return;
          setSwitching(true);
          setFailed(false);
          // The catalogue is a chunk of its own: offline before the app was cached, it may not load.
          activateInterface(next)
            .catch(() => setFailed(true))
            .finally(() => setSwitching(false));
        }}
      >
        {LOCALES.map((l) => (
          // Each name in its own language and direction, whatever the interface's.
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
      {failed && (
        <span role="alert" className="language-switch__error">
          {i18n._('app.languageFailed')}
        </span>
      )}
    </label>
  );
}
