import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../app/api';
import { formatDate } from '../../app/format';
import { currentLocale } from '../../app/i18n';
import { paths } from '../../app/paths';
import { Alert } from '../../ui/Alert';
import { Breadcrumbs } from '../../ui/Breadcrumbs';
import { Button } from '../../ui/Button';
import { PageTitle } from '../../ui/PageTitle';
import { ErrorAlert, QueryState } from '../../ui/QueryState';
import { ContentBody } from '../public/ContentBody';
import { pick } from '../public/localized';
import { NotFoundPage } from '../public/NotFoundPage';
import { isValueKey, learningKeys, type Module, useModule, type ValueKey } from './learning-api';
import './learning.css';

/** /leren/:value — one module, one step at a time, with the central value and the entity's own words beside it. */
export function ModulePage() {
  const { value } = useParams();
  if (!isValueKey(value)) return <NotFoundPage />;
  return <ModuleView valueKey={value} />;
}

function ModuleView({ valueKey }: { valueKey: ValueKey }) {
  const { t } = useTranslation();
  const module = useModule(valueKey);
  const locale = currentLocale();
  const title = module.data
    ? pick(locale, module.data.titleNl, module.data.titleEn)
    : t('learning.module.title');
  return (
    <>
      <Breadcrumbs items={[{ href: paths.learning, label: t('learning.home.title') }, { label: title }]} />
      <PageTitle title={title}>{title}</PageTitle>
      <QueryState query={module}>{(data) => <ModuleBody module={data} />}</QueryState>
    </>
  );
}

function ModuleBody({ module }: { module: Module }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const [index, setIndex] = useState(0);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const step = module.steps[index];
  const last = index === module.steps.length - 1;

  // Focus follows the step, so screen reader users hear the new step's title.
  const go = (next: number) => {
    flushSync(() => setIndex(next));
    stepHeading.current?.focus();
  };

  const complete = useMutation({
    mutationFn: () => api.learning.complete({ params: { valueKey: module.valueKey } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: learningKeys.all }),
  });

  const entityName = module.entity ? pick(locale, module.entity.nameNl, module.entity.nameEn) : '';
  const ownWords = module.entity ? pick(locale, module.entity.textNl, module.entity.textEn) : '';

  return (
    <>
      <p className="lead">{pick(locale, module.introNl, module.introEn)}</p>
      <div className="learning-layout">
        <section aria-labelledby="learning-step-heading">
          <nav aria-label={t('learning.module.stepsNav')}>
            <ol className="learning-steps-nav">
              {module.steps.map((s, i) => (
                <li key={s.position}>
                  <Button
                    variant={i === index ? 'primary' : 'secondary'}
                    className="btn--small"
                    aria-current={i === index ? 'step' : undefined}
                    onPress={() => go(i)}
                  >
                    {t('learning.module.stepButton', {
                      number: i + 1,
                      title: pick(locale, s.titleNl, s.titleEn),
                    })}
                  </Button>
                </li>
              ))}
            </ol>
          </nav>
          {step ? (
            <article>
              <p className="muted">
                {t('learning.module.stepOf', { number: index + 1, total: module.steps.length })}
              </p>
              <h2 id="learning-step-heading" ref={stepHeading} tabIndex={-1}>
                {pick(locale, step.titleNl, step.titleEn)}
              </h2>
              {step.imageUrl ? (
                <img
                  className="learning-step__image"
                  src={step.imageUrl}
                  alt={pick(locale, step.imageAltNl, step.imageAltEn)}
                  width={320}
                  height={180}
                />
              ) : null}
              <ContentBody html={locale === 'en' ? step.htmlEn || step.htmlNl : step.htmlNl} />
              {step.videoUrl ? (
                <p>
                  <a href={step.videoUrl} rel="noopener noreferrer" target="_blank">
                    {t('learning.module.video')}
                  </a>{' '}
                  <span className="muted">{t('learning.module.videoNote')}</span>
                </p>
              ) : null}
            </article>
          ) : (
            <p>{t('learning.module.noSteps')}</p>
          )}
          <div className="button-row">
            {index > 0 ? (
              <Button variant="secondary" onPress={() => go(index - 1)}>
                {t('learning.module.previous')}
              </Button>
            ) : null}
            {!last ? <Button onPress={() => go(index + 1)}>{t('learning.module.next')}</Button> : null}
          </div>
          {last ? (
            <div className="section">
              {module.completedAt || complete.isSuccess ? (
                <Alert tone="success" title={t('learning.module.completedTitle')}>
                  <p>
                    {t('learning.module.completedOn', {
                      date: formatDate(complete.data?.completedAt ?? module.completedAt),
                    })}
                  </p>
                  <p>
                    <Link to={`${paths.learningPractice}?waarde=${module.valueKey}`}>
                      {t('learning.module.practiceDilemmas')}
                    </Link>
                  </p>
                </Alert>
              ) : (
                <>
                  <Button onPress={() => complete.mutate()} isPending={complete.isPending}>
                    {t('learning.module.complete')}
                  </Button>
                  {complete.error ? <ErrorAlert error={complete.error} /> : null}
                </>
              )}
            </div>
          ) : null}
        </section>

        <aside className="learning-aside" aria-label={t('learning.module.asideLabel')}>
          <section className="learning-aside__box" aria-labelledby="learning-central">
            <h2 id="learning-central">
              {t('learning.module.central', {
                value: pick(locale, module.value.headingNl || module.value.nameNl, module.value.headingEn),
              })}
            </h2>
            <ul>
              {module.value.statements.map((s) => (
                <li key={s.textNl}>{pick(locale, s.textNl, s.textEn)}</li>
              ))}
            </ul>
          </section>
          <section className="learning-aside__box" aria-labelledby="learning-own-words">
            <h2 id="learning-own-words">
              {entityName
                ? t('learning.module.ownWords', { entity: entityName })
                : t('learning.module.ownWordsNone')}
            </h2>
            {module.entity?.focus ? <p className="badge badge--focus">{t('learning.module.focus')}</p> : null}
            {ownWords ? (
              <p className="learning-own-words">{ownWords}</p>
            ) : (
              <p className="muted">
                {entityName ? t('learning.module.noOwnWords') : t('learning.module.noEntity')}
              </p>
            )}
          </section>
        </aside>
      </div>
    </>
  );
}
