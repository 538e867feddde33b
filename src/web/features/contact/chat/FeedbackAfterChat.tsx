import { type ComponentType, lazy, Suspense } from 'react';

type FeedbackForm = ComponentType<{ token: string }>;

// The contact-feedback form is its own feature, loaded only once a chat has ended. The glob resolves at build
// time: while that feature is not part of the build, nothing is shown (the chat works the same).
const modules = import.meta.glob<{ ContactFeedbackForm: FeedbackForm }>(
  '../feedback/ContactFeedbackForm.tsx',
);
const load = modules['../feedback/ContactFeedbackForm.tsx'];
const Form = load ? lazy(() => load().then((m) => ({ default: m.ContactFeedbackForm }))) : null;

/** After the chat: the citizen rates the contact and the four values, with the token the server gave. */
export function FeedbackAfterChat({ token }: { token: string }) {
  if (!Form) return null;
  return (
    <Suspense fallback={null}>
      <Form token={token} />
    </Suspense>
  );
}
