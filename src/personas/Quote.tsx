/**
 * A persona's quote wherever it shows (the map's head, the persona cards, the title slide, the PDF):
 * its marks and slant follow its own script, not the page's language (src/i18n/quotes.ts): a Persian
 * quote gets « » and stays upright, since Arabic-script and Thai letters have no italic and the
 * browser would slant them itself. The marks are drawn (CSS quotes), not written into the text.
 */
import { hasNoItalic, quoteMarks } from '../i18n/quotes';

export function Quote({ text, className }: { text: string; className?: string }) {
  const [open, close] = quoteMarks(text);
  return (
    <q dir="auto" className={className} style={{ quotes: `"${open}" "${close}"`, ...(hasNoItalic(text) ? { fontStyle: 'normal' } : {}) }}>
      {text}
    </q>
  );
}
