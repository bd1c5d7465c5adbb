import type { AlertSignupBody, AlertSignupResponse } from '@fieldguide/shared';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.js';

/** `POST /api/alerts`: a pending alert, started by the link in the mail it sends. */
export const useCreateAlert = () =>
  useMutation({
    mutationFn: (body: AlertSignupBody) => apiRequest<AlertSignupResponse>('/api/alerts', { method: 'POST', body }),
  });
