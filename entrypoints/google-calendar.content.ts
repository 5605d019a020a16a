import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '@/lib/content/start-content-script';
import { googleCalendar } from '@/lib/hosts/google-calendar';
import { HOST_MATCHES } from '@/lib/hosts/supported-hosts';

export default defineContentScript({
  matches: [...HOST_MATCHES['google-calendar']],
  runAt: 'document_end',
  main: (ctx) => startContentScript(ctx, googleCalendar),
});
