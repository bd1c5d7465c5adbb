import type { SuggestSourceBody, SuggestSourceResponse } from '@fieldguide/shared';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.js';

/** `POST /api/suggestions`: the URL is read at once; the answer previews what it would gather. */
export const useSuggestSource = () =>
  useMutation({
    mutationFn: (body: SuggestSourceBody) =>
      apiRequest<SuggestSourceResponse>('/api/suggestions', { method: 'POST', body }),
  });
