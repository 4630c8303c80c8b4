/** What the shell wires: the two pages, the map-head strip, their addresses and the storage binding. */
export { PersonasPage, type PersonasPageProps } from './PersonasPage';
export { PersonaEditor, type PersonaEditorProps } from './PersonaEditor';
export { PersonaHead, type PersonaHeadProps } from './PersonaHead';
export { Avatar } from './Avatar';
export { PERSONAS_HREF, personaHref, parsePersonaRoute } from './links';
export { PersonaRepoContext, type PersonaRepo } from './repo';
