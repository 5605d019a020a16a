/**
 * Bundled by the host-read benchmark into one script for a real browser
 * page: the adapters and the watcher exactly as content scripts use them.
 */
import { HOST_ADAPTERS } from '../../lib/hosts/registry';
import { watchHostContext } from '../../lib/hosts/watcher';

Object.assign(globalThis, { __sidecarHosts: { adapters: HOST_ADAPTERS, watchHostContext } });
