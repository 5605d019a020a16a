import { gmail } from './gmail';
import { googleCalendar } from './google-calendar';
import type { HostAdapter } from './host-adapter';
import { outlook } from './outlook';
import type { HostId } from './supported-hosts';

/**
 * Every host's adapter, keyed by host id. A `Record` over `HostId`, so adding
 * a host to `supported-hosts.ts` without an adapter fails the type check.
 *
 * Content scripts should import their own adapter file rather than this
 * registry, so each script carries only its host's reader.
 */
export const HOST_ADAPTERS: Record<HostId, HostAdapter> = {
  gmail,
  outlook,
  'google-calendar': googleCalendar,
};
