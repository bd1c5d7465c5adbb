import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// A file's first render loads the app's lazy routes cold; on a busy two-core CI machine that can pass the default
// one second that `findBy…` and `waitFor` wait for a condition.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
  sessionStorage.clear();
});
