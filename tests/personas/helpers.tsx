import { cleanup, render } from '@testing-library/react';
import { afterEach } from 'vitest';
import type { ReactElement } from 'react';
import { createPersona } from '../../src/model/factory';
import type { Persona } from '../../src/model/schema';
import { PersonaRepoContext, type MapRef } from '../../src/personas/repo';
import { MemoryRepo } from './memoryRepo';

export function renderWith(repo: MemoryRepo, ui: ReactElement) {
  return render(<PersonaRepoContext.Provider value={repo}>{ui}</PersonaRepoContext.Provider>);
}

export function persona(name: string, extra: Partial<Persona> = {}): Persona {
  return { ...createPersona({ name }, '2025-01-01T00:00:00.000Z'), ...extra };
}

export function mapRef(id: string, title: string, personaIds: string[] = []): MapRef {
  return { id, title, personaIds };
}

export const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => cleanup());
