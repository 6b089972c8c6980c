/**
 * Every Slack Web API method the app calls and every event it listens for, with the bot scope each needs: the one
 * place the manifest's scopes are justified from: test/slack/manifest.test.ts reads the calls from the sources and
 * holds both manifests to this table.
 */
export const WEB_API_SCOPES = {
  /** Start-up: the token is checked, and the bot learns its own user id. */
  'auth.test': null,
  /** The token of an org-wide install, refused (org-install-refusal.ts; Slack's reference: no scope required). */
  'auth.revoke': null,
  'chat.postMessage': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  /** A posted card marked superseded, or drawn again once the month before it arrives. */
  'chat.update': 'chat:write',
  /** The link from a superseded card to the one that replaced it (Slack's reference: no scope required). */
  'chat.getPermalink': null,
  /** The card's "Show all" modal (Slack's reference: no scope required). */
  'views.open': null,
  /** What a shared file is, where it was shared, and how many replies its thread has. */
  'files.info': 'files:read',
  /**
   * `/shares 00020 history csv`: the client's wrapper around files.getUploadURLExternal, the upload and
   * files.completeUploadExternal, all three under files:write.
   */
  'files.uploadV2': 'files:write',
  /** The reaction that says an upload is being read. */
  'reactions.add': 'reactions:write',
  'reactions.remove': 'reactions:write',
  /** An HKEXnews document link answered with its card. */
  'chat.unfurl': 'links:write',
  /**
   * Whether a conversation is public (who may see a return read there) and whether the bot is in it (before a
   * watchlist is promised digests): one read scope per kind of conversation, the names only, no messages.
   */
  'conversations.info': ['channels:read', 'groups:read', 'im:read', 'mpim:read'],
  /** The DM in which a watchlist's owner is told that its digest could not be posted. */
  'conversations.open': 'im:write',
} as const satisfies Record<string, string | readonly string[] | null>;

/** The scopes a Web API method needs, as a list (none for auth.test). */
export function scopesOf(method: keyof typeof WEB_API_SCOPES): readonly string[] {
  const scope: string | readonly string[] | null = WEB_API_SCOPES[method];
  return scope === null ? [] : typeof scope === 'string' ? [scope] : scope;
}

/** Events the app subscribes to, with the scope Slack requires for each. */
export const EVENT_SCOPES = {
  /** A file shared in a conversation the bot is in, DMs with it included; carries ids only (files.info tells the rest). */
  file_shared: 'files:read',
  /** An HKEXnews document link posted where the bot is (the domains in the manifest's unfurl_domains). */
  link_shared: 'links:read',
} as const satisfies Record<string, string>;

/** Scopes needed by what is not a Web API call: the slash command, and the download of a file with the bot token. */
export const OTHER_SCOPES = {
  commands: 'the /shares command',
  'files:read': "downloading a shared file's url_private_download",
} as const satisfies Record<string, string>;

/** Every bot scope the app needs: what an OAuth install asks for, the same set as the manifests'. */
export function botScopes(): string[] {
  const all = [
    ...Object.values(WEB_API_SCOPES).flatMap((scope: string | readonly string[] | null) =>
      scope === null ? [] : typeof scope === 'string' ? [scope] : scope,
    ),
    ...Object.values(EVENT_SCOPES),
    ...Object.keys(OTHER_SCOPES),
  ];
  return [...new Set(all)].sort();
}
