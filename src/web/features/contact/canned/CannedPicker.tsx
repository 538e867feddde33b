import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Key } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { ComboBox } from '../../../ui/ComboBox';
import { type CannedAnswer, cannedFor } from './fill';

export const CANNED_QUERY_KEY = ['contact', 'canned-answers'] as const;

export function useCannedAnswers() {
  return useQuery({
    queryKey: CANNED_QUERY_KEY,
    queryFn: () => api.contactChat.cannedAnswers(),
    staleTime: 60_000,
  });
}

/** A searchable list of the canned answers for `queue`; picking one hands it to `onPick` and clears the field. */
export function CannedPicker({
  queue,
  onPick,
}: {
  queue: string | null | undefined;
  onPick: (answer: CannedAnswer) => void;
}) {
  const { t } = useTranslation();
  const answers = useCannedAnswers();
  const [input, setInput] = useState('');
  const offered = cannedFor(answers.data ?? [], queue);
  if (offered.length === 0) return null;
  return (
    <ComboBox
      label={t('contact.console.cannedPick')}
      description={t('contact.console.cannedHint')}
      options={offered.map((a) => ({
        id: a.id,
        label: a.title,
        description: a.shortcut ? `/${a.shortcut}` : undefined,
      }))}
      inputValue={input}
      onInputChange={setInput}
      selectedKey={null}
      onSelectionChange={(key: Key | null) => {
        const answer = offered.find((a) => a.id === key);
        if (!answer) return;
        onPick(answer);
        setInput('');
      }}
    />
  );
}
