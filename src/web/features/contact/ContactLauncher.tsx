import { useTranslation } from 'react-i18next';
import { closeContactPanel, LAUNCHER_ID, openContactPanel, useContactPanel } from './contact-panel';

/** The small floating button on every page that opens the contact block as a panel (chat or e-mail). */
export function ContactLauncher() {
  const { t } = useTranslation();
  const open = useContactPanel();
  return (
    <button
      type="button"
      id={LAUNCHER_ID}
      className="contact-launcher"
      aria-expanded={open}
      aria-controls="contact-slot"
      onClick={() => (open ? closeContactPanel() : openContactPanel())}
    >
      <span aria-hidden="true" className="contact-launcher__icon">
        ?
      </span>
      {t('web.contact.launcher')}
    </button>
  );
}

/** A skip link to the contact panel: opens it and moves the focus into it. */
export function ContactSkipLink() {
  const { t } = useTranslation();
  return (
    // biome-ignore lint/a11y/useValidAnchor: a skip link is in-page navigation; it opens the block it points to, whose place moved into the panel.
    <a
      href="#contact-slot"
      className="skip-link skip-link--second"
      onClick={(event) => {
        // Without the block (a page that has none) the link simply jumps, as any skip link does.
        if (!document.getElementById('contact-slot')) return;
        event.preventDefault();
        openContactPanel();
      }}
    >
      {t('web.contact.skipTo')}
    </a>
  );
}
