import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { EditorState, EditorStore } from './store';

export const EditorStoreContext = createContext<EditorStore | null>(null);

/** The editor's store (for actions and getState in handlers). */
export function useEditorApi(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error('useEditorApi outside <Editor>');
  return store;
}

/** Subscribe to a slice of the editor state; select primitives or stable objects. */
export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorApi(), selector);
}
