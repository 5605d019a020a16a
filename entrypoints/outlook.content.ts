import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '@/lib/content/start-content-script';
import { outlook } from '@/lib/hosts/outlook';
import { HOST_MATCHES } from '@/lib/hosts/supported-hosts';

export default defineContentScript({
  matches: [...HOST_MATCHES.outlook],
  runAt: 'document_end',
  main: (ctx) => startContentScript(ctx, outlook),
});
