import type { SupabaseClient } from '@supabase/supabase-js';
import { browser } from 'wxt/browser';

/**
 * Signs in with Google through the browser's own sign-in window
 * (`identity.launchWebAuthFlow`), with Supabase's PKCE flow: supabase-js
 * makes the authorize URL and keeps the code verifier in the session's
 * storage; the window ends at the extension's redirect URL with `?code=`,
 * which is exchanged for a session. Tokens never pass through a page.
 *
 * Answers `null` on success, or a sentence for the CSM.
 */
export async function signInWithGoogle(client: SupabaseClient): Promise<string | null> {
  const started = await client.auth.signInWithOAuth({
    provider: 'google',
    options: { redirectTo: browser.identity.getRedirectURL(), skipBrowserRedirect: true },
  });
  if (started.error || !started.data.url) return started.error?.message ?? 'The workspace did not offer Google sign-in.';
  let responseUrl: string | undefined;
  try {
    responseUrl = await browser.identity.launchWebAuthFlow({ url: started.data.url, interactive: true });
  } catch (error) {
    // Closing the window is the usual reason; the browser says so in its own words.
    return `Google sign-in did not finish: ${error instanceof Error ? error.message : String(error)}`;
  }
  const answer = new URL(responseUrl ?? 'about:blank');
  const code = answer.searchParams.get('code');
  if (!code) return answer.searchParams.get('error_description') ?? 'Google sign-in returned no code.';
  const exchanged = await client.auth.exchangeCodeForSession(code);
  return exchanged.error ? exchanged.error.message : null;
}
