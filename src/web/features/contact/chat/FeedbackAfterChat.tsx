import { lazy, Suspense } from 'react';

// The contact-feedback form is its own feature (contact/feedback), loaded only once a chat has ended.
const ContactFeedbackForm = lazy(() =>
  import('../feedback/ContactFeedbackForm').then((m) => ({ default: m.ContactFeedbackForm })),
);

/** After the chat: the citizen rates the contact and the four values, with the single-use token the server gave. */
export function FeedbackAfterChat({ token }: { token: string }) {
  return (
    <Suspense fallback={null}>
      <ContactFeedbackForm token={token} />
    </Suspense>
  );
}
