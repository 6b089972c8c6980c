/**
 * HKEXnews document links pasted in a conversation (`link_shared`, for the domains in the manifest's
 * unfurl_domains): each monthly return among them is answered with its card through `chat.unfurl`. A link that is
 * not a monthly return, or that HKEXnews fails to give, is left as Slack shows it; the reason is logged. A message is
 * unfurled once however many times, and to however many instances, Slack delivers its event (unfurlOnce).
 */

import { channelKeyOf } from '../../domain/stored-return.js';
import { renderFilingCard } from '../../format/filing-card.js';
import { unfurlOnce } from '../../services/unfurl-hkexnews.js';
import type { FilingStore } from '../../store/filing-store.js';
import type { FilingCard } from '../../view-models/filing-card.js';
import type { App } from '../bolt.js';
import { describeAndLog } from '../log-error.js';

export interface LinkSharedDeps {
  readonly store: FilingStore;
  /** The card for a link, or null for a link that is not an HKEXnews document; absent when HKEXNEWS=off. */
  readonly unfurlHkexnewsLink?: (url: string) => Promise<FilingCard | null>;
}

export function registerLinkShared(app: App, deps: LinkSharedDeps): void {
  app.event('link_shared', async ({ event, client, logger, context }) => {
    const unfurl = deps.unfurlHkexnewsLink;
    if (!unfurl) return;
    // Channel ids are a workspace's own: with many workspaces the claim names the workspace too.
    const channel = channelKeyOf({ channelId: event.channel, teamId: context.teamId });
    const message = { channel, messageTs: event.message_ts };
    const unfurled = await unfurlOnce(deps.store, message, async () => {
      const unfurls: Record<string, { blocks: ReturnType<typeof renderFilingCard>['blocks'] }> = {};
      for (const link of event.links) {
        try {
          const card = await unfurl(link.url);
          if (card) unfurls[link.url] = { blocks: renderFilingCard(card).blocks };
        } catch (error) {
          describeAndLog(error, logger, `unfurling ${link.url}`);
        }
      }
      if (Object.keys(unfurls).length === 0) return;
      await client.chat.unfurl({ channel: event.channel, ts: event.message_ts, unfurls });
    });
    if (!unfurled) logger.info(`link_shared in ${event.channel} at ${event.message_ts}: unfurled already`);
  });
}
