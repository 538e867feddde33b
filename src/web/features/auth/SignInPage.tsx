import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError, api } from '../../app/api';
import { safeReturnTo } from '../../app/paths';
import { useMe, useSignIn } from '../../app/session';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { PageTitle } from '../../ui/PageTitle';
import { TextField } from '../../ui/TextField';

export function SignInPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const me = useMe();
  const providers = useQuery({
    queryKey: ['auth', 'providers'],
    queryFn: () => api.auth.providers(),
  });
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});

  if (me.data && !signIn.isSuccess) return <Navigate to={returnTo} replace />;

  const serverError = signIn.error instanceof ApiError ? signIn.error : null;
  const fieldErrors = { ...(serverError?.fieldErrors() ?? {}), ...clientErrors };
  const globalError =
    serverError && Object.keys(serverError.fieldErrors()).length === 0 ? serverError.message : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!email.trim()) errors.email = t('web.signIn.emailRequired');
    else if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) errors.email = t('web.signIn.emailInvalid');
    if (!password) errors.password = t('web.signIn.passwordRequired');
    setClientErrors(errors);
    if (Object.keys(errors).length) return;
    signIn.mutate(
      { email: email.trim(), password },
      { onSuccess: () => navigate(returnTo, { replace: true }) },
    );
  };

  const oidc = providers.data?.oidc;
  // The server names why single sign-on was refused (no_person, org_mismatch, …); unknown reasons get the general text.
  const oidcMessage = (reason: string | null) =>
    reason && /^[a-z_]+$/.test(reason) && i18n.exists(`auth.oidcRefused.${reason}`)
      ? t(`auth.oidcRefused.${reason}`)
      : t('web.signIn.oidcError');
  return (
    <div className="narrow">
      <PageTitle>{t('web.signIn.title')}</PageTitle>
      <p>{t('web.signIn.intro')}</p>
      {params.get('error') === 'oidc' ? (
        // A link awaiting an admin is no failure of the user's: it is news about what happens next.
        <Alert tone={params.get('reason') === 'link_pending' ? 'info' : 'error'}>
          {oidcMessage(params.get('reason'))}
        </Alert>
      ) : null}
      {globalError ? <Alert tone="error">{globalError}</Alert> : null}
      {oidc?.enabled ? (
        <div className="signin-oidc">
          <a className="btn btn--primary" href={api.auth.oidcStart.href({ query: { returnTo } })}>
            {t('web.signIn.withProvider', { name: oidc.name ?? t('web.signIn.defaultProvider') })}
          </a>
          <p className="divider">
            <span>{t('web.signIn.or')}</span>
          </p>
        </div>
      ) : null}
      <Form
        onSubmit={submit}
        validationErrors={fieldErrors}
        validationBehavior="aria"
        className="form"
        aria-label={t('web.signIn.formLabel')}
      >
        <TextField
          label={t('web.signIn.email')}
          name="email"
          type="email"
          autoComplete="username"
          isRequired
          value={email}
          onChange={(value) => {
            setEmail(value);
            setClientErrors(({ email: _removed, ...rest }) => rest);
          }}
        />
        <TextField
          label={t('web.signIn.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          isRequired
          value={password}
          onChange={(value) => {
            setPassword(value);
            setClientErrors(({ password: _removed, ...rest }) => rest);
          }}
        />
        <div className="form__actions">
          <Button type="submit" isPending={signIn.isPending}>
            {t('web.signIn.submit')}
          </Button>
        </div>
      </Form>
    </div>
  );
}
