/** Addresses of the persona pages (hash routes; the shell's router parses them). */
export const PERSONAS_HREF = '#/personas';

export function personaHref(personaId: string): string {
  return `#/personas/${encodeURIComponent(personaId)}`;
}

/** `#/personas` → { page: 'personas' }, `#/personas/<id>` → { page: 'persona', personaId }, else null. */
export function parsePersonaRoute(hash: string): { page: 'personas' } | { page: 'persona'; personaId: string } | null {
  const path = hash.replace(/^#/, '');
  if (/^\/personas\/?$/.test(path)) return { page: 'personas' };
  const m = /^\/personas\/([^/?#]+)\/?$/.exec(path);
  if (m?.[1]) {
    try {
      return { page: 'persona', personaId: decodeURIComponent(m[1]) };
    } catch {
      return null;
    }
  }
  return null;
}

export function goTo(href: string): void {
  window.location.hash = href.replace(/^#/, '');
}
