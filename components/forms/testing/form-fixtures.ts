import type { RecordSource, StakeholderOption } from '../form-types';

/** Small fixed data the form tests share: ids are valid UUIDs, the source a real-looking Gmail thread. */
export const ACCOUNT_ID = '0b8f6f6e-2c1a-4f5e-9a51-6f1b2f3c4d5e';
export const OPPORTUNITY_ID = '5e7d1c2b-8a9f-4e3d-b2c1-0a9b8c7d6e5f';
export const GOAL_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

export const STAKEHOLDERS: StakeholderOption[] = [
  { id: '11111111-1111-4111-8111-111111111111', name: 'Ana Ruiz', email: 'ana@acme.com' },
  { id: '22222222-2222-4222-8222-222222222222', name: 'Bo Chen', email: 'bo@acme.com' },
];

export const GMAIL_SOURCE: RecordSource = {
  host: 'gmail',
  ref: 'thread-f:1790000000000000001',
  url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJ',
};

/** Strings that must come out as typed, never as markup or a broken layout. */
export const HOSTILE_STRINGS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  '\u202Egnp.exe\u202C invoice — مرحبا بالعالم',
  '🚀🔥 Ünïcödé 👩🏽‍💻',
  'x'.repeat(5000),
];
