/**
 * A native modal <dialog>, open from its first frame: focus stays inside and Escape closes it.
 * `close` closes it (its onClose then runs); where the browser has no showModal it is shown open
 * and `close` calls onClose itself. One hook for every dialog of the app.
 */
import { useEffect, useRef } from 'react';

export function useModal(onClose: () => void) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open && typeof dialog.showModal === 'function') dialog.showModal();
    else if (dialog && !dialog.open) dialog.setAttribute('open', '');
  }, []);
  const close = () => {
    const dialog = ref.current;
    if (dialog?.open && typeof dialog.close === 'function') dialog.close();
    else onClose();
  };
  return { ref, close };
}
