/**
 * The workspaces the app answers. With SLACK_BOT_TOKEN there is one, whose team id auth.test names at start: what
 * it saves is stamped with it, as in a workspace of many, so that the store can later serve many workspaces without
 * showing them this one's records. Installed through OAuth, each workspace has its own bot token (its installation
 * in the store), its own Web API client, conversations cache, uploads in hand and view of the store
 * (store/in-workspace.ts), made when the workspace is first heard from.
 */
import { AppError } from '../domain/errors.js';
import type { FilingStore } from '../store/filing-store.js';
import { inWorkspace } from '../store/in-workspace.js';
import { describeAdoption } from '../store/team-adoption.js';
import { type App, type Logger, webApi } from './bolt.js';
import { type Conversations, createConversations } from './conversations.js';

export interface Workspace {
  /** Null only for a single bot token whose auth.test named no team (records then name no workspace, as before). */
  readonly teamId: string | null;
  readonly client: App['client'];
  readonly botToken: string;
  /** The bot's user id there, to recognise its own replies; null until known. */
  readonly botUserId: () => string | null;
  readonly store: FilingStore;
  readonly conversations: Conversations;
}

export interface Workspaces {
  /** Whether the app is installed in many workspaces (OAuth), each answered with its own token. */
  readonly many: boolean;
  /** The workspace a request came from, by its team id (ignored with a single bot token). */
  of(teamId: string | null | undefined): Promise<Workspace>;
}

export interface SingleWorkspaceOptions {
  readonly client: App['client'];
  readonly botToken: string;
  readonly botUserId: () => string | null;
  /** The token's workspace, as auth.test at start named it; asked when the workspace is first heard from. */
  readonly teamId: () => string | null;
  readonly store: FilingStore;
  readonly logger: Logger;
}

export function singleWorkspace(options: SingleWorkspaceOptions): Workspaces {
  let workspace: Workspace | null = null;
  const make = (): Workspace => {
    const teamId = options.teamId();
    return {
      teamId,
      client: options.client,
      botToken: options.botToken,
      botUserId: options.botUserId,
      store: inWorkspace(options.store, teamId),
      conversations: createConversations(options.client, { logger: options.logger, teamId }),
    };
  };
  // Made at the first request, which comes after start-up's auth.test.
  return { many: false, of: async () => (workspace ??= make()) };
}

/**
 * At the start of a bot with a single token: the store's records from before the bot knew its workspace become
 * that workspace's (store/team-adoption.ts), once, logged; a store another token's workspace adopted is said so.
 */
export async function adoptTokenWorkspace(store: FilingStore, teamId: string, logger: Logger): Promise<void> {
  const adoption = await store.adoptTeamless(teamId);
  const said = describeAdoption(adoption, teamId);
  if (!said) return;
  if (adoption.workspace.teamId === teamId) logger.info(said);
  else logger.warn(said);
}

export interface InstalledWorkspacesOptions {
  readonly store: FilingStore;
  readonly logger: Logger;
  /** The Web API client's options (the fake Slack's URL in tests, the retries). */
  readonly clientOptions: ConstructorParameters<typeof webApi.WebClient>[1];
}

export function installedWorkspaces(options: InstalledWorkspacesOptions): Workspaces {
  const known = new Map<string, { token: string; workspace: Workspace }>();
  return {
    many: true,
    async of(teamId) {
      if (!teamId) throw new AppError('bad-input', 'A request from Slack named no workspace.', {});
      const installation = await options.store.findInstallation(teamId);
      if (!installation) {
        throw new AppError('slack-failure', `The app is not installed in workspace ${teamId}.`, { teamId });
      }
      const token = installation.bot.token;
      const kept = known.get(teamId);
      // A reinstall brings a new token: the workspace is made again around it.
      if (kept?.token === token) return kept.workspace;
      const client = new webApi.WebClient(token, options.clientOptions);
      const workspace: Workspace = {
        teamId,
        client,
        botToken: token,
        botUserId: () => installation.bot.userId,
        store: inWorkspace(options.store, teamId),
        conversations: createConversations(client, { logger: options.logger, teamId }),
      };
      known.set(teamId, { token, workspace });
      return workspace;
    },
  };
}
