import { useEffect, useRef } from 'react';
import { SAMPLES } from '../model/samples';
import { TEMPLATES } from '../model/templates';

/** A modal dialog (native <dialog>: focus is trapped and Escape closes it) to start a map. */
export function TemplateDialog({ onChoose, onClose }: { onChoose(templateId: string): void; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} aria-labelledby="template-title" onClose={onClose}>
      <h2 id="template-title">Start a new map</h2>
      <h3>Templates</h3>
      <ul className="template-list">
        {TEMPLATES.map((t) => (
          <li key={t.id}>
            <button type="button" onClick={() => onChoose(t.id)}>
              <strong>{t.name}</strong>
              <small>{t.description}</small>
            </button>
          </li>
        ))}
      </ul>
      <h3>Sample maps</h3>
      <ul className="template-list">
        {SAMPLES.map((t) => (
          <li key={t.id}>
            <button type="button" data-testid={t.id} onClick={() => onChoose(t.id)}>
              <strong dir="auto">{t.name}</strong>
              <small dir="auto">{t.description}</small>
            </button>
          </li>
        ))}
      </ul>
      <div className="dialog-actions">
        <button type="button" onClick={() => ref.current?.close()}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
