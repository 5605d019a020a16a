import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '@/lib/content/start-content-script';
import { gmail } from '@/lib/hosts/gmail';
import { HOST_MATCHES } from '@/lib/hosts/supported-hosts';

export default defineContentScript({
  matches: [...HOST_MATCHES.gmail],
  runAt: 'document_end',
  main: (ctx) => startContentScript(ctx, gmail),
});
