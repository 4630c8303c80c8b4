import { SAMPLES } from '../model/samples';
import { TEMPLATES } from '../model/templates';
import { DEFAULT_LOCALE, isLocale } from '../i18n/locales';
import { useI18n } from '../i18n/react';
import { useModal } from './useModal';

/**
 * A modal dialog (native <dialog>: focus is trapped and Escape closes it) to start a map. Templates
 * are named in the interface language (the caller builds the chosen one in it); sample maps are
 * each in their own language.
 */
export function TemplateDialog({ onChoose, onClose }: { onChoose(templateId: string): void; onClose(): void }) {
  const i18n = useI18n();
  const locale = isLocale(i18n.locale) ? i18n.locale : DEFAULT_LOCALE;
  const { ref, close } = useModal(onClose);
  return (
    <dialog ref={ref} aria-labelledby="template-title" onClose={onClose}>
      <h2 id="template-title">{i18n._('templates.title')}</h2>
      <h3>{i18n._('templates.templates')}</h3>
      <ul className="template-list">
        {TEMPLATES.map((t) => (
          <li key={t.id}>
            <button type="button" onClick={() => onChoose(t.id)}>
              <strong>{t.names[locale]}</strong>
              <small>{t.descriptions[locale]}</small>
            </button>
          </li>
        ))}
      </ul>
      <h3>{i18n._('templates.samples')}</h3>
      <ul className="template-list">
        {SAMPLES.map((t) => (
          <li key={t.id}>
            <button type="button" data-testid={t.id} onClick={() => onChoose(t.id)}>
              <strong dir="auto">{t.name}</strong>
              <small>{SAMPLE_DESCRIPTION_IDS[t.id] ? i18n._(SAMPLE_DESCRIPTION_IDS[t.id]!) : t.description}</small>
            </button>
          </li>
        ))}
      </ul>
      <div className="dialog-actions">
        <button type="button" onClick={close}>
          {i18n._('app.cancel')}
        </button>
      </div>
    </dialog>
  );
}

/** What each sample map is, in the interface's words (the samples themselves stay in their own language). */
const SAMPLE_DESCRIPTION_IDS: Readonly<Record<string, string>> = {
  'sample-th': /*i18n*/ 'templates.sample.th',
  'sample-fa': /*i18n*/ 'templates.sample.fa',
  'sample-vi': /*i18n*/ 'templates.sample.vi',
};
