/**
 * The speaker notes: under the slide on the audience view (only when asked for), beside it in the
 * presenter view with the next slide and the clock. Nothing scrolls: long notes shrink to fit their
 * panel as a crowded slide does (useFitText), and in the presenter view "Next:" and the clock keep
 * their own row below the notes, so a long note never pushes them out of sight.
 */
import { fillSlots, slot } from '../export/cardMeta';
import { useI18n } from '../i18n/react';
import { useFitText } from './useFitText';

export interface NotesPanelProps {
  /** The current slide's notes ('' for none). */
  notes: string;
  /** Identifies the slide, so the fit is measured again for each one. */
  slideKey: string;
  presenter: boolean;
  /** The next slide's title, or null on the last slide (presenter view only). */
  nextTitle: string | null;
  /** "12:05", the time since the presenter view opened (in the language's digits). */
  elapsed: string;
}

export function NotesPanel({ notes, slideKey, presenter, nextTitle, elapsed }: NotesPanelProps) {
  const i18n = useI18n();
  // Notes are read by the presenter up close, or glanced at by the room: a smaller floor than a slide's.
  const fit = useFitText<HTMLDivElement>(`notes|${slideKey}|${presenter ? 'p' : 'a'}|${notes}`, 0.3);
  return (
    <aside className="jbpres-notes" aria-label={i18n._('present.notes.title')}>
      <h2 className="jbpres-notes-title">{i18n._('present.notes.title')}</h2>
      <div className="jbpres-notes-body" ref={fit}>
        {notes ? (
          <p dir="auto" className="jbpres-notes-text">
            {notes}
          </p>
        ) : (
          <p className="jbpres-notes-empty">{i18n._('present.notes.none')}</p>
        )}
      </div>
      {presenter && (
        <p className="jbpres-notes-next">
          {nextTitle !== null
            ? fillSlots(i18n._('present.notes.next', { title: slot(0) }), [
                <bdi key="next" dir="auto">
                  {nextTitle}
                </bdi>,
              ])
            : i18n._('present.notes.last')}
          {' · '}
          {/* Said in words, for everyone: a label on a plain span is not read by every screen reader. */}
          <span className="jbpres-elapsed">{i18n._('present.notes.elapsed', { time: elapsed })}</span>
        </p>
      )}
    </aside>
  );
}
