import type { ReactNode } from 'react';
import { Dialog as AriaDialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';

type DialogProps = {
  title: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  children: ReactNode | ((close: () => void) => ReactNode);
  role?: 'dialog' | 'alertdialog';
};

/** A modal dialog: focus is trapped inside and returns to the trigger on close; Escape closes it. */
export function Dialog({ title, isOpen, onOpenChange, children, role = 'dialog' }: DialogProps) {
  return (
    <ModalOverlay isOpen={isOpen} onOpenChange={onOpenChange} isDismissable className="modal-overlay">
      <Modal className="modal">
        <AriaDialog role={role} className="dialog">
          {({ close }) => (
            <>
              <Heading slot="title" className="dialog__title">
                {title}
              </Heading>
              {typeof children === 'function' ? children(close) : children}
            </>
          )}
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
}

export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  isOpen,
  onOpenChange,
  onConfirm,
  isPending,
  variant = 'primary',
}: {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onConfirm: () => void;
  isPending?: boolean;
  variant?: 'primary' | 'danger';
}) {
  const { t } = useTranslation();
  return (
    <Dialog title={title} isOpen={isOpen} onOpenChange={onOpenChange} role="alertdialog">
      {(close) => (
        <>
          <div className="dialog__body">{message}</div>
          <div className="dialog__actions">
            <Button variant="secondary" onPress={close}>
              {t('web.common.cancel')}
            </Button>
            <Button variant={variant} onPress={onConfirm} isPending={isPending}>
              {confirmLabel}
            </Button>
          </div>
        </>
      )}
    </Dialog>
  );
}
