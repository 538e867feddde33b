import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type contentApi, slug as slugSchema } from '../../../shared/api/content';
import type { RouteOutput } from '../../../shared/api/contract';
import { ApiError, api } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { pageHref, paths } from '../../app/paths';
import type { Locale } from '../../app/types';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import { QueryState } from '../../ui/QueryState';
import { Table } from '../../ui/Table';
import { Tab, TabList, TabPanel, Tabs } from '../../ui/Tabs';
import { TextField } from '../../ui/TextField';
import { useToast } from '../../ui/Toast';
import { AdminPage } from './AdminPage';

type AdminPageSummary = RouteOutput<typeof contentApi.routes.adminPages>[number];
type AdminPageData = RouteOutput<typeof contentApi.routes.adminPage>;
type AdminPageLocale = NonNullable<AdminPageData['nl']>;

export function ContentAdminPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const slug = params.get('pagina');
  const pages = useQuery({
    queryKey: ['admin', 'pages'],
    queryFn: () => api.content.adminPages(),
  });
  const [newSlug, setNewSlug] = useState('');
  const [slugError, setSlugError] = useState<string | undefined>();

  const bySlug = new Map<string, Partial<Record<Locale, AdminPageSummary>>>();
  for (const page of pages.data ?? [])
    bySlug.set(page.slug, { ...bySlug.get(page.slug), [page.locale]: page });

  return (
    <AdminPage section="content">
      {slug ? (
        <>
          <p>
            <Link to={paths.adminContent}>{t('web.contentAdmin.backToList')}</Link>
          </p>
          <PageEditor key={slug} slug={slug} />
        </>
      ) : (
        <>
          <section aria-labelledby="content-pages" className="section">
            <h2 id="content-pages">{t('web.contentAdmin.pages')}</h2>
            <QueryState query={pages}>
              {() => (
                <Table
                  caption={t('web.contentAdmin.pages')}
                  captionHidden
                  rows={[...bySlug.entries()]}
                  rowKey={([key]) => key}
                  columns={[
                    {
                      key: 'slug',
                      header: t('web.contentAdmin.slug'),
                      rowHeader: true,
                      cell: ([key]) => key,
                    },
                    {
                      key: 'nl',
                      header: t('web.contentAdmin.titleNl'),
                      cell: ([, locales]) => describe(t, locales.nl),
                    },
                    {
                      key: 'en',
                      header: t('web.contentAdmin.titleEn'),
                      cell: ([, locales]) => describe(t, locales.en),
                    },
                    {
                      key: 'edit',
                      header: t('web.contentAdmin.actions'),
                      cell: ([key]) => (
                        <Link
                          to={`${paths.adminContent}?pagina=${encodeURIComponent(key)}`}
                          aria-label={t('web.contentAdmin.editLabel', { slug: key })}
                        >
                          {t('web.contentAdmin.edit')}
                        </Link>
                      ),
                    },
                  ]}
                />
              )}
            </QueryState>
          </section>
          <section aria-labelledby="content-new" className="section">
            <h2 id="content-new">{t('web.contentAdmin.newPage')}</h2>
            <form
              className="inline-form"
              onSubmit={(event) => {
                event.preventDefault();
                const value = newSlug.trim();
                if (!slugSchema.safeParse(value).success) {
                  setSlugError(t('web.contentAdmin.slugInvalid'));
                  return;
                }
                setParams({ pagina: value });
              }}
            >
              <TextField
                label={t('web.contentAdmin.slug')}
                description={t('web.contentAdmin.slugHint')}
                name="slug"
                value={newSlug}
                maxLength={80}
                errorMessage={slugError}
                onChange={(value) => {
                  setNewSlug(value);
                  setSlugError(undefined);
                }}
              />
              <Button type="submit" variant="secondary">
                {t('web.contentAdmin.createPage')}
              </Button>
            </form>
          </section>
        </>
      )}
    </AdminPage>
  );
}

function describe(
  t: (key: string, options?: Record<string, unknown>) => string,
  page: AdminPageSummary | undefined,
) {
  if (!page) return t('web.contentAdmin.missing');
  return `${page.title}${page.published ? '' : ` (${t('web.contentAdmin.unpublished')})`}`;
}

function PageEditor({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const page = useQuery({
    queryKey: ['admin', 'page', slug],
    queryFn: async () => {
      try {
        return await api.content.adminPage({ params: { slug } });
      } catch (error) {
        // A new slug has no page yet: start with two empty languages.
        if (error instanceof ApiError && error.status === 404)
          return { slug, nl: null, en: null } satisfies AdminPageData;
        throw error;
      }
    },
  });
  return (
    <QueryState query={page}>
      {(data) => (
        <>
          <h2>{t('web.contentAdmin.editing', { slug })}</h2>
          {data.nl?.published || data.en?.published ? (
            <p>
              <Link to={pageHref(slug)}>{t('web.contentAdmin.view')}</Link>
            </p>
          ) : null}
          <Tabs>
            <TabList aria-label={t('web.contentAdmin.languages')}>
              <Tab id="nl">{t('web.contentAdmin.tabNl')}</Tab>
              <Tab id="en">{t('web.contentAdmin.tabEn')}</Tab>
            </TabList>
            <TabPanel id="nl">
              <LocaleEditor slug={slug} locale="nl" page={data.nl} />
            </TabPanel>
            <TabPanel id="en">
              <LocaleEditor slug={slug} locale="en" page={data.en} />
            </TabPanel>
          </Tabs>
        </>
      )}
    </QueryState>
  );
}

function LocaleEditor({
  slug,
  locale,
  page,
}: {
  slug: string;
  locale: Locale;
  page: AdminPageLocale | null;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const initial = () => ({
    title: page?.title ?? '',
    summary: page?.summary ?? '',
    bodyMarkdown: page?.bodyMarkdown ?? '',
    published: page?.published ?? false,
  });
  const [form, setForm] = useState(initial);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the server's revision changes.
  useEffect(() => setForm(initial()), [page?.revision]);

  const save = useMutation({
    mutationFn: () => api.content.savePage({ params: { slug, locale }, body: form }),
    onSuccess: async () => {
      toast.show(t('web.contentAdmin.saved'));
      await queryClient.invalidateQueries({ queryKey: ['admin'] });
      await queryClient.invalidateQueries({ queryKey: ['pages'] });
      await queryClient.invalidateQueries({ queryKey: ['search'] });
    },
  });
  const error = save.error instanceof ApiError ? save.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const lang = locale;
  return (
    <div className="editor">
      <Form
        onSubmit={submit}
        validationErrors={error?.fieldErrors()}
        validationBehavior="aria"
        className="form"
      >
        {error ? <Alert tone="error">{error.message}</Alert> : null}
        <TextField
          label={t('web.contentAdmin.title')}
          name="title"
          isRequired
          maxLength={200}
          lang={lang}
          value={form.title}
          onChange={(title) => setForm({ ...form, title })}
        />
        <TextField
          label={t('web.contentAdmin.summary')}
          name="summary"
          multiline
          rows={2}
          maxLength={500}
          lang={lang}
          value={form.summary}
          onChange={(summary) => setForm({ ...form, summary })}
        />
        <TextField
          label={t('web.contentAdmin.body')}
          description={t('web.contentAdmin.bodyHint')}
          name="bodyMarkdown"
          multiline
          rows={18}
          lang={lang}
          inputClassName="field__input--mono"
          value={form.bodyMarkdown}
          onChange={(bodyMarkdown) => setForm({ ...form, bodyMarkdown })}
        />
        <Checkbox isSelected={form.published} onChange={(published) => setForm({ ...form, published })}>
          {t('web.contentAdmin.published')}
        </Checkbox>
        <div className="form__actions">
          <Button type="submit" isPending={save.isPending}>
            {t('web.contentAdmin.save')}
          </Button>
        </div>
      </Form>
      {page ? (
        <>
          <section aria-label={t('web.contentAdmin.preview')} className="preview">
            <h3>{t('web.contentAdmin.preview')}</h3>
            <p className="muted small">
              {t('web.contentAdmin.previewHint', { date: formatDateTime(page.updatedAt) })}
            </p>
            <div
              className="preview__frame prose"
              lang={lang}
              // biome-ignore lint/security/noDangerouslySetInnerHtml: the server sanitises the HTML it renders from Markdown.
              dangerouslySetInnerHTML={{ __html: page.bodyHtml }}
            />
          </section>
          <Table
            caption={t('web.contentAdmin.revisions')}
            rows={page.revisions}
            rowKey={(row) => row.revision}
            empty={t('web.contentAdmin.noRevisions')}
            columns={[
              {
                key: 'revision',
                header: t('web.contentAdmin.revision'),
                numeric: true,
                rowHeader: true,
                cell: (row) => row.revision,
              },
              { key: 'title', header: t('web.contentAdmin.title'), cell: (row) => row.title },
              {
                key: 'saved',
                header: t('web.contentAdmin.savedAt'),
                cell: (row) => formatDateTime(row.savedAt),
              },
              {
                key: 'restore',
                header: t('web.contentAdmin.actions'),
                cell: (row) => (
                  <Button
                    variant="quiet"
                    onPress={() =>
                      setForm({
                        ...form,
                        title: row.title,
                        summary: row.summary,
                        bodyMarkdown: row.bodyMarkdown,
                      })
                    }
                    aria-label={t('web.contentAdmin.loadRevisionLabel', { revision: row.revision })}
                  >
                    {t('web.contentAdmin.loadRevision')}
                  </Button>
                ),
              },
            ]}
          />
        </>
      ) : (
        <p className="muted">{t('web.contentAdmin.newLocale')}</p>
      )}
    </div>
  );
}
