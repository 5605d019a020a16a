import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// The vitest config runs without globals, so Testing Library cannot unmount
// on its own between tests; the form tests import this file instead.
afterEach(cleanup);
