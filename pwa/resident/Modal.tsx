// A modal dialog on the native <dialog>: showModal() makes the rest of the screen inert and keeps
// focus inside, which a resident with a keyboard or a switch depends on.
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

interface Props {
  readonly role: 'dialog' | 'alertdialog';
  readonly labelledBy: string;
  readonly describedBy?: string;
  /** Escape key; the dialog stays open unless the parent removes it. */
  readonly onCancel: () => void;
  readonly testId?: string;
  readonly children: ComponentChildren;
}

export function Modal({ role, labelledBy, describedBy, onCancel, testId, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const before = document.activeElement;
    dialog.showModal();
    return () => {
      dialog.close();
      // Back to where the resident was, if that element is still on the screen.
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      class="resident-dialog"
      role={role}
      aria-modal="true"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      {children}
    </dialog>
  );
}
