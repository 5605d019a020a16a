import { expect, test } from './support/extension';

/**
 * Sidecar's pages and background evaluate no code: under the manifest's
 * content-security policy (`script-src 'self'`) any eval would be refused
 * and reported. zod 4 probes `Function('')` unless configured `jitless`
 * (lib/zod-jitless.ts), so this is also the check that the configuration
 * runs before any schema is built. tests/unit/bundle-code.test.ts scans the
 * bundles themselves.
 */
const CSP_REPORT = /Content Security Policy|unsafe-eval|Refused to (evaluate|load|execute)/i;

test('no page of Sidecar evaluates code or trips its content-security policy', async ({ page, extensionId, background }) => {
  const reports: string[] = [];
  page.on('console', (message) => {
    if (CSP_REPORT.test(message.text())) reports.push(`${page.url()}: ${message.text()}`);
  });
  background.on('console', (message) => {
    if (CSP_REPORT.test(message.text())) reports.push(`background: ${message.text()}`);
  });
  await page.exposeFunction('reportViolation', (text: string) => reports.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { reportViolation: (text: string) => void }).reportViolation(`${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`),
    );
  });

  for (const [path, ready] of [
    ['options.html', 'workspace-form'],
    ['popup.html', 'popup-who'],
    ['panel.html?host=gmail', 'idle'],
    // Solo: the dashboard shows the local pipeline once read; the admin page says there is no workspace.
    ['dashboard.html', 'dashboard-freshness'],
    ['admin.html', 'admin-error'],
  ] as const) {
    await page.goto(`chrome-extension://${extensionId}/${path}`);
    await expect(page.getByTestId(ready)).toBeVisible();
  }
  // Every page parsed messages and answers with zod; the background did too, to answer them.
  expect(reports).toEqual([]);
});
