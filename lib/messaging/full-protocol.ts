import { z } from 'zod/mini';
import { CoreMessage, coreResponses, type Protocol } from './messages';
import { DataMessage, dataResponses } from './store-messages';
import { AdminMessage, adminResponses } from './admin-messages';

/**
 * The whole protocol, core and data messages: what the background validates
 * with. Content scripts use `coreProtocol` and never import this file, which
 * keeps the data messages' schemas out of their bundles.
 */
export const fullProtocol: Protocol = {
  message: z.union([CoreMessage, DataMessage, AdminMessage]),
  responses: { ...coreResponses, ...dataResponses, ...adminResponses },
};
