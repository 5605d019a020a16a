import { z } from 'zod';

/**
 * Imported first by every entrypoint that bundles full zod (background and
 * the extension pages), before any schema is built: zod 4 compiles fast
 * object parsers with `new Function` when it detects that eval is allowed,
 * and detects it by calling `Function('')`. Extension pages run under the
 * MV3 content-security policy, which forbids both; `jitless` turns the probe
 * and the compiler off, so Sidecar never evaluates code (and the browser
 * logs no CSP violation). tests/unit/bundle-code.test.ts checks the bundles.
 */
z.config({ jitless: true });
