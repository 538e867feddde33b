import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { currentLocale } from '../../app/i18n';
import { PageTitle } from '../../ui/PageTitle';
import { QueryState } from '../../ui/QueryState';
import { Table } from '../../ui/Table';

const LICENCE_URL = 'https://data.vlaanderen.be/id/licentie/modellicentie-gratis-hergebruik/v1.0';

/** /open-data: the monitor's released public figures and their DCAT-AP catalogue, for anyone to reuse. */
export function OpenDataPage() {
  const { t } = useTranslation();
  const locale = currentLocale() === 'en' ? 'en' : 'nl';
  const query = useQuery({
    queryKey: ['monitor-open-data'],
    queryFn: () => api.monitorOpenData.openDataIndex(),
  });
  const files = api.monitorOpenData;
  return (
    <>
      <PageTitle>{t('monitor-io.web.openData.title')}</PageTitle>
      <p className="lead">{t('monitor-io.web.openData.lead')}</p>
      <p>{t('monitor-io.web.openData.privacy')}</p>
      <section aria-labelledby="od-licence" className="section">
        <h2 id="od-licence">{t('monitor-io.web.openData.licence')}</h2>
        <p>
          {t('monitor-io.web.openData.licenceText', { licence: '' })}
          <a href={LICENCE_URL} rel="license noopener noreferrer">
            Modellicentie Gratis Hergebruik
          </a>
          .
        </p>
      </section>
      <section aria-labelledby="od-downloads" className="section">
        <h2 id="od-downloads">{t('monitor-io.web.openData.downloads')}</h2>
        <ul>
          <li>
            <a href={files.openDataFigures.href({ params: { format: 'csv' } })}>
              {t('monitor-io.web.openData.allCsv')}
            </a>
          </li>
          <li>
            <a href={files.openDataFigures.href({ params: { format: 'json' } })}>
              {t('monitor-io.web.openData.allJson')}
            </a>
          </li>
          <li>
            <a href={files.openDataCatalogue.href({ params: { format: 'jsonld' } })}>
              {t('monitor-io.web.openData.catalogueJsonld')}
            </a>
          </li>
          <li>
            <a href={files.openDataCatalogue.href({ params: { format: 'ttl' } })}>
              {t('monitor-io.web.openData.catalogueTtl')}
            </a>
          </li>
        </ul>
      </section>
      <QueryState query={query}>
        {(data) => (
          <>
            <section aria-labelledby="od-indicators" className="section">
              <h2 id="od-indicators">{t('monitor-io.web.openData.indicators')}</h2>
              {data.periods.length ? (
                <p>{t('monitor-io.web.openData.periods', { periods: data.periods.join(', ') })}</p>
              ) : null}
              <Table
                caption={t('monitor-io.web.openData.indicators')}
                captionHidden
                rows={data.indicators}
                rowKey={(row) => row.key}
                empty={t('monitor-io.web.openData.noIndicators')}
                columns={[
                  {
                    key: 'label',
                    header: t('monitor-io.web.openData.indicator'),
                    rowHeader: true,
                    cell: (row) => row.label[locale],
                  },
                  {
                    key: 'key',
                    header: t('monitor-io.web.openData.key'),
                    cell: (row) => <code>{row.key}</code>,
                  },
                  {
                    key: 'unit',
                    header: t('monitor-io.web.openData.unit'),
                    cell: (row) => t(`monitor-io.web.instruments.units.${row.unit}`),
                  },
                ]}
              />
            </section>
            {data.entities.length ? (
              <section aria-labelledby="od-entities" className="section">
                <h2 id="od-entities">{t('monitor-io.web.openData.entities')}</h2>
                <ul>
                  {data.entities.map((entity) => (
                    <li key={entity.code}>
                      {entity.name}:{' '}
                      <a href={files.openDataEntity.href({ params: { code: entity.code, format: 'csv' } })}>
                        {t('monitor-io.web.openData.entityCsv', { name: entity.name })}
                      </a>
                      ,{' '}
                      <a href={files.openDataEntity.href({ params: { code: entity.code, format: 'json' } })}>
                        {t('monitor-io.web.openData.entityJson', { name: entity.name })}
                      </a>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
          </>
        )}
      </QueryState>
    </>
  );
}
