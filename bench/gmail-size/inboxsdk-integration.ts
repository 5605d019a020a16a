import * as InboxSDK from '@inboxsdk/core';

/**
 * The smallest useful Gmail integration on InboxSDK, as a peer for
 * Sidecar's Gmail content script: load the SDK and, for every open thread,
 * read its subject and the sender and recipients of each message. Bundled
 * as a content script by `gmail-size.bench.ts`, never shipped.
 */
void InboxSDK.load(2, 'sidecar-size-benchmark').then((sdk) => {
  sdk.Conversations.registerThreadViewHandler((threadView) => {
    const participants = threadView.getMessageViewsAll().flatMap((message) => [message.getSender().emailAddress, ...message.getRecipientEmailAddresses()]);
    console.info(threadView.getSubject(), [...new Set(participants)]);
  });
});
