import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type RaterGroup, raterGroups } from '../../../../shared/domain';
import { ApiError, api } from '../../../app/api';
import { currentLocale } from '../../../app/i18n';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { PageTitle } from '../../../ui/PageTitle';
import { QueryState } from '../../../ui/QueryState';
import { pick } from '../../public/localized';
import { useValueNames } from '../plans/shared';
import { Feedback360Nav, roundHref, StatementScales } from './shared';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** /360: the leader's own rounds and the form to start one. */
export function RoundsPage() {
  const { t } = useTranslation();
  const rounds = useQuery({
    queryKey: ['entities', 'feedback360', 'rounds'],
    queryFn: () => api.entitiesFeedback360.list({}),
  });
  return (
    <>
      <PageTitle>{t('entitiesFeedback360.rounds.title')}</PageTitle>
      <Feedback360Nav />
      <p className="lead">{t('entitiesFeedback360.rounds.lead')}</p>
      <QueryState query={rounds}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('entitiesFeedback360.rounds.none')}</p>
          ) : (
            <ul className="ent-list">
              {data.items.map((r) => (
                <li key={r.id}>
                  <Link to={roundHref(r.id)}>
                    {t('entitiesFeedback360.rounds.item', {
                      date: r.createdAt.slice(0, 10),
                      closesOn: r.closesOn,
                      status: t(`entitiesFeedback360.status.${r.status}`),
                    })}
                  </Link>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      <StartForm />
    </>
  );
}

type Picked = { personId: number; name: string; group: RaterGroup };

function StartForm() {
  const { t } = useTranslation();
  const id = useId();
  const locale = currentLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { name: valueName } = useValueNames();
  const statements = useQuery({
    queryKey: ['entities', 'feedback360', 'statements'],
    queryFn: () => api.entitiesFeedback360.statements({}),
  });
  const [q, setQ] = useState('');
  const [group, setGroup] = useState<RaterGroup>('peer');
  const [picked, setPicked] = useState<Picked[]>([]);
  const [closesOn, setClosesOn] = useState(inDays(21));
  const [scores, setScores] = useState<(number | null)[]>([]);
  const search = useQuery({
    queryKey: ['entities', 'feedback360', 'people', q],
    queryFn: () => api.entitiesFeedback360.people({ query: { q } }),
    enabled: q.trim().length >= 2,
  });
  const suggestions = useQuery({
    queryKey: ['entities', 'feedback360', 'suggestions'],
    queryFn: () => api.entitiesFeedback360.suggestions({}),
  });
  const start = useMutation({
    mutationFn: () =>
      api.entitiesFeedback360.create({
        body: {
          closesOn,
          raters: picked.map((p) => ({ personId: p.personId, group: p.group })),
          selfScores: (statements.data?.statements ?? []).map((_, i) => scores[i] ?? 0),
        },
      }),
    onSuccess: async (round) => {
      await queryClient.invalidateQueries({ queryKey: ['entities', 'feedback360'] });
      navigate(roundHref(round.id));
    },
  });
  const serverError = start.error instanceof ApiError ? start.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate();
  };
  return (
    <section aria-labelledby={`${id}-heading`} className="ent-card">
      <h2 id={`${id}-heading`}>{t('entitiesFeedback360.start.title')}</h2>
      <p>{t('entitiesFeedback360.start.anonymity')}</p>
      <Form onSubmit={submit} className="form">
        {serverError ? <Alert tone="error">{serverError.message}</Alert> : null}
        <fieldset className="fieldset">
          <legend>{t('entitiesFeedback360.start.raters')}</legend>
          <div className="ent-grid-2">
            <div className="field">
              <label className="field__label" htmlFor={`${id}-q`}>
                {t('entitiesFeedback360.start.search')}
              </label>
              <input
                id={`${id}-q`}
                type="search"
                className="ent-native"
                value={q}
                onChange={(event) => setQ(event.target.value)}
              />
            </div>
            <div className="field">
              <label className="field__label" htmlFor={`${id}-group`}>
                {t('entitiesFeedback360.start.group')}
              </label>
              <select
                id={`${id}-group`}
                className="ent-native"
                value={group}
                onChange={(event) => setGroup(event.target.value as RaterGroup)}
              >
                {raterGroups.map((g) => (
                  <option key={g} value={g}>
                    {t(`entitiesFeedback360.group.${g}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {suggestions.data ? (
            <Suggestions
              suggestions={suggestions.data}
              picked={picked}
              onPick={(p) => setPicked((list) => [...list, p])}
            />
          ) : null}
          {search.data && search.data.items.length > 0 ? (
            <ul className="ent-list" aria-label={t('entitiesFeedback360.start.results')}>
              {search.data.items
                .filter((p) => !picked.some((x) => x.personId === p.personId))
                .map((p) => (
                  <li key={p.personId}>
                    <Button
                      variant="secondary"
                      onPress={() =>
                        setPicked((list) => [...list, { personId: p.personId, name: p.name, group }])
                      }
                    >
                      {t('entitiesFeedback360.start.add', {
                        name: p.name,
                        unit: p.unitNameNl ?? '',
                        group: t(`entitiesFeedback360.group.${group}`),
                      })}
                    </Button>
                  </li>
                ))}
            </ul>
          ) : null}
          {picked.length > 0 ? (
            <ul className="ent-list" aria-label={t('entitiesFeedback360.start.picked')}>
              {picked.map((p) => (
                <li key={p.personId}>
                  {p.name} — {t(`entitiesFeedback360.group.${p.group}`)}{' '}
                  <Button
                    variant="secondary"
                    onPress={() => setPicked((list) => list.filter((x) => x.personId !== p.personId))}
                  >
                    {t('entitiesFeedback360.start.remove', { name: p.name })}
                  </Button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('entitiesFeedback360.start.nobody')}</p>
          )}
        </fieldset>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-closes`}>
            {t('entitiesFeedback360.start.closesOn')}
          </label>
          <input
            id={`${id}-closes`}
            type="date"
            className="ent-native"
            value={closesOn}
            onChange={(event) => setClosesOn(event.target.value)}
          />
        </div>
        <h3>{t('entitiesFeedback360.start.self')}</h3>
        <QueryState query={statements}>
          {(data) => (
            <StatementScales
              idPrefix={`${id}-self`}
              statements={data.statements}
              scores={scores}
              onChange={(index, score) =>
                setScores((list) => {
                  const next = [...list];
                  next[index] = score;
                  return next;
                })
              }
              valueName={valueName}
              text={(s) => pick(locale, s.textNl, s.textEn)}
            />
          )}
        </QueryState>
        <div className="ent-actions">
          <Button type="submit" isPending={start.isPending}>
            {t('entitiesFeedback360.start.submit')}
          </Button>
        </div>
      </Form>
    </section>
  );
}

type Suggested = { personId: number; name: string; unitNameNl: string | null };

/** Raters the org tree suggests, each with the group it suggests them for; one press adds one. */
function Suggestions({
  suggestions,
  picked,
  onPick,
}: {
  suggestions: Record<'manager' | 'peer' | 'report', Suggested[]>;
  picked: Picked[];
  onPick: (p: Picked) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const rows = (['manager', 'peer', 'report'] as const).flatMap((group) =>
    suggestions[group].map((p) => ({ ...p, group })),
  );
  const open = rows.filter((p) => !picked.some((x) => x.personId === p.personId));
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby={`${id}-suggested`}>
      <h3 id={`${id}-suggested`}>{t('entitiesFeedback360.start.suggested')}</h3>
      <p>{t('entitiesFeedback360.start.suggestedLead')}</p>
      <ul className="ent-list">
        {open.map((p) => (
          <li key={p.personId}>
            <Button
              variant="secondary"
              onPress={() => onPick({ personId: p.personId, name: p.name, group: p.group })}
            >
              {t('entitiesFeedback360.start.add', {
                name: p.name,
                unit: p.unitNameNl ?? '',
                group: t(`entitiesFeedback360.group.${p.group}`),
              })}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
