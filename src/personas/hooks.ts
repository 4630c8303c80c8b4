import { useEffect, useState } from 'react';
import { usePersonaRepo, type PersonaLibrary } from './repo';

/** Every persona and every map (titles and links), kept current; null until the first answer. */
export function usePersonaLibrary(onError: (err: unknown) => void): PersonaLibrary | null {
  const repo = usePersonaRepo();
  const [library, setLibrary] = useState<PersonaLibrary | null>(null);
  useEffect(() => repo.watch(setLibrary, onError), [repo, onError]);
  return library;
}

/** An object URL for a stored image, revoked when it is no longer shown; null while loading or without one. */
export function useImageUrl(imageId: string | null): string | null {
  const repo = usePersonaRepo();
  const [shown, setShown] = useState<{ id: string; url: string } | null>(null);
  useEffect(() => {
    if (!imageId || typeof URL.createObjectURL !== 'function') return;
    let live = true;
    let url: string | null = null;
    repo.getImage(imageId).then(
      (blob) => {
        if (!live || !blob) return;
        url = URL.createObjectURL(blob);
        setShown({ id: imageId, url });
      },
      () => undefined,
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [repo, imageId]);
  return shown && shown.id === imageId ? shown.url : null;
}
