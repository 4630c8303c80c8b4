/**
 * The personas of a map, for its head: photo (or initials), name and quote of each,
 * kept current when a persona is edited (here or in another tab).
 */
import { useCallback, useMemo } from 'react';
import { Quote } from './Quote';
import { useI18n } from '../i18n/react';
import type { Persona } from '../model/schema';
import { Avatar } from './Avatar';
import { usePersonaLibrary } from './hooks';
import { personaHref } from './links';
import { shownName } from './text';
import './personas.css';

export interface PersonaHeadProps {
  /** The map's personaIds, in the map's order; ids without a persona are skipped. */
  personaIds: readonly string[];
  /** Avatar edge in px. */
  size?: number;
  /** Names link to the persona editor (default); off in presentation. */
  linkNames?: boolean;
}

export function PersonaHead({ personaIds, size = 48, linkNames = true }: PersonaHeadProps) {
  const i18n = useI18n();
  const ignore = useCallback(() => undefined, []);
  const library = usePersonaLibrary(ignore);
  const shown = useMemo(() => {
    const byId = new Map((library?.personas ?? []).map((p) => [p.id, p]));
    return [...new Set(personaIds)].map((id) => byId.get(id)).filter((p): p is Persona => p !== undefined);
  }, [library, personaIds]);

  if (shown.length === 0) return null;
  return (
    <ul className="persona-head" aria-label={i18n._('personas.head.label')}>
      {shown.map((p) => {
        const name = shownName(i18n, p.name);
        return (
          <li key={p.id} className="persona-head-item">
            <Avatar persona={p} size={size} />
            <div className="persona-head-text">
              <strong dir="auto" className="persona-head-name">
                {linkNames ? <a href={personaHref(p.id)}>{name}</a> : name}
              </strong>
              {p.quote && <Quote text={p.quote} className="persona-head-quote" />}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
