import { type AlertFrequency, MAX_ALERT_EMAIL_LENGTH } from '@fieldguide/shared';
import { useId, useState } from 'react';
import { ErrorMessage } from '../../../components/status.js';
import { useAppConfig } from '../../../lib/app-config.js';
import { useCreateAlert } from '../api/create-alert.js';

export interface EmailAlertFormProps {
  /** The search's query string, as its feeds key it. */
  search: string;
}

/**
 * "Email me new events for this search": an address and a frequency, confirmed by a link in a mail. Shown only when
 * the server sends mail (`alerts.email` in `GET /api/config`).
 */
export function EmailAlertForm({ search }: EmailAlertFormProps) {
  const config = useAppConfig();
  const create = useCreateAlert();
  const [email, setEmail] = useState('');
  const [frequency, setFrequency] = useState<AlertFrequency>('weekly');
  const id = useId();
  if (!config.data?.alerts.email) return null;
  return (
    <section className="email-alert" aria-labelledby={`${id}-title`}>
      <h3 className="email-alert__title" id={`${id}-title`}>
        Email me new events for this search
      </h3>
      {create.data ? (
        <p className="status status--ok" role="status" data-testid="alert-signed-up">
          {create.data.message}
        </p>
      ) : (
        <form
          className="email-alert__form"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate({ email: email.trim(), search, frequency });
          }}
        >
          <div className="email-alert__control">
            <label htmlFor={`${id}-email`}>Email address</label>
            <input
              id={`${id}-email`}
              type="email"
              required
              autoComplete="email"
              maxLength={MAX_ALERT_EMAIL_LENGTH}
              aria-describedby={`${id}-hint`}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </div>
          <fieldset className="email-alert__frequency">
            <legend>How often</legend>
            {(['weekly', 'daily'] as const).map((value) => (
              <label key={value}>
                <input
                  type="radio"
                  name={`${id}-frequency`}
                  value={value}
                  checked={frequency === value}
                  onChange={() => setFrequency(value)}
                />{' '}
                {value === 'weekly' ? 'Weekly' : 'Daily'}
              </label>
            ))}
          </fieldset>
          <p className="hint" id={`${id}-hint`}>
            We mail a confirmation link first; nothing else is sent until you click it. Only new events, only when there
            are some; every email has a one-click unsubscribe. Your address is used for nothing else.
          </p>
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {create.isPending ? 'Sending…' : 'Email me'}
          </button>
        </form>
      )}
      {create.error && <ErrorMessage error={create.error} title="The alert was not saved" />}
    </section>
  );
}
