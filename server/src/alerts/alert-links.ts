/** The page that confirms an alert, for the link in its confirmation mail. */
export const confirmAlertUrl = (origin: string, token: string): string =>
  `${origin}/alerts/confirm?token=${encodeURIComponent(token)}`;

/** The page (GET) and one-click endpoint (POST, RFC 8058) that end an alert. */
export const unsubscribeAlertUrl = (origin: string, token: string): string =>
  `${origin}/alerts/unsubscribe?token=${encodeURIComponent(token)}`;

/** The app's search page for an alert's search. */
export const alertSearchPageUrl = (origin: string, queryString: string): string =>
  `${origin}/${queryString ? `?${queryString}` : ''}`;
