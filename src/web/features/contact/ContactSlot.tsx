import { lazy, Suspense, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { ContactEmailForm } from './ContactEmailForm';
import { ChatLoadBoundary } from './chat/ChatLoadBoundary';
import { hasStoredChat } from './chat/chat-token';
import { closeContactPanel, useContactPanel } from './contact-panel';

// The chat's code (socket, queue, conversation) loads only when a citizen opens it or has a chat to resume.
const ChatPanel = lazy(() => import('./chat/ChatPanel').then((m) => ({ default: m.ChatPanel })));

/**
 * "Contacteer ons" on every page: phone, the e-mail form and the chat. When the chat cannot help (closed,
 * queue full, wait too long) it opens the e-mail form here and moves the focus into it. The launcher (or its
 * skip link) lifts this same block out of the footer as a floating panel: focus goes to its title, Escape or
 * the close button puts it back and returns the focus.
 */
export function ContactSlot() {
  const { t } = useTranslation();
  const chatId = useId();
  const mailRef = useRef<HTMLDivElement>(null);
  const [mailOpen, setMailOpen] = useState(false);
  // A chat started before a reload is resumed at once: the panel opens by itself.
  const [chatOpen, setChatOpen] = useState(hasStoredChat);
  const [chatLoaded, setChatLoaded] = useState(hasStoredChat);
  const floating = useContactPanel();
  const titleRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (floating) titleRef.current?.focus();
  }, [floating]);

  const openChat = useCallback(() => {
    setChatLoaded(true);
    setChatOpen(true);
  }, []);

  const useEmail = useCallback(() => {
    setMailOpen(true);
    // After React rendered the form: the first field takes the focus (the honeypot is never focusable).
    window.setTimeout(() => {
      mailRef.current?.querySelector<HTMLElement>('input:not([tabindex="-1"]), textarea')?.focus();
    }, 50);
  }, []);

  return (
    <section
      id="contact-slot"
      className={floating ? 'contact-slot contact-slot--floating' : 'contact-slot'}
      aria-labelledby="contact-slot-title"
      data-slot="contact"
      onKeyDown={(event) => {
        if (floating && event.key === 'Escape') {
          event.stopPropagation();
          closeContactPanel();
        }
      }}
    >
      <h2 id="contact-slot-title" className="contact-slot__title" ref={titleRef} tabIndex={-1}>
        {t('web.contact.title')}
      </h2>
      {floating ? (
        <Button variant="secondary" className="btn--small contact-slot__close" onPress={closeContactPanel}>
          {t('web.contact.close')}
        </Button>
      ) : null}
      <p>{t('web.contact.intro')}</p>
      <ul className="contact-slot__list">
        <li>
          <span className="contact-slot__label">{t('web.contact.phoneLabel')}</span>{' '}
          <a href="tel:1700">{t('web.contact.phone')}</a>
        </li>
        <li>
          <span className="contact-slot__label">{t('web.contact.emailLabel')}</span>{' '}
          <a href={`mailto:${t('web.contact.email')}`}>{t('web.contact.email')}</a>
        </li>
      </ul>
      <div ref={mailRef}>
        <ContactEmailForm open={mailOpen} onOpenChange={setMailOpen} />
      </div>
      <div className="contact-chat">
        <p className="contact-slot__hint">{t('contact.widget.launcherHint')}</p>
        <Button
          variant={chatOpen ? 'secondary' : 'primary'}
          aria-expanded={chatOpen}
          aria-controls={chatId}
          onPress={() => (chatOpen ? setChatOpen(false) : openChat())}
        >
          {t('contact.widget.launcher')}
        </Button>
        {/* Hidden, not unmounted, while collapsed: the citizen keeps the queue place and the socket. */}
        <section
          id={chatId}
          hidden={!chatOpen}
          aria-label={t('contact.widget.title')}
          className="contact-chat__body"
        >
          {chatLoaded ? (
            <ChatLoadBoundary
              fallback={
                <div className="contact-chat__failed">
                  <p role="alert">{t('contact.widget.loadFailed')}</p>
                  <Button variant="secondary" onPress={() => window.location.reload()}>
                    {t('contact.widget.reload')}
                  </Button>
                </div>
              }
            >
              <Suspense fallback={<p className="loading">{t('contact.widget.loading')}</p>}>
                <ChatPanel onUseEmail={useEmail} onAttention={openChat} />
              </Suspense>
            </ChatLoadBoundary>
          ) : null}
        </section>
      </div>
    </section>
  );
}
