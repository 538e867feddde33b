import { useTranslation } from 'react-i18next';
import { ContactEmailForm } from './ContactEmailForm';

/**
 * "Contacteer ons" on every page. For now it shows how to reach 1700; the contact module replaces the
 * body of this component with its e-mail form and chat launcher, keeping the same place and heading.
 */
export function ContactSlot() {
  const { t } = useTranslation();
  return (
    <section className="contact-slot" aria-labelledby="contact-slot-title" data-slot="contact">
      <h2 id="contact-slot-title" className="contact-slot__title">
        {t('web.contact.title')}
      </h2>
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
      <ContactEmailForm />
      <p className="contact-slot__hint">{t('web.contact.chatSoon')}</p>
    </section>
  );
}
