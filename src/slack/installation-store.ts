/**
 * Bolt's installation store over the app's own store (lowdb files or PostgreSQL, as the returns): Bolt's installer
 * stores what `oauth.v2.access` answered for a workspace, and its authorize finds the workspace's bot token for
 * every request. One workspace per installation: an Enterprise Grid org-wide install is refused, at the redirect
 * already (org-install-refusal.ts), and here again should one reach the store another way.
 */
import { AppError } from '../domain/errors.js';
import { type WorkspaceInstallation, WorkspaceInstallationSchema } from '../domain/installation.js';
import type { FilingStore } from '../store/filing-store.js';
import type { Installation, InstallationStore } from './bolt.js';

export function createInstallationStore(store: FilingStore, now: () => Date): InstallationStore {
  return {
    async storeInstallation(installation) {
      const parsed = WorkspaceInstallationSchema.safeParse({ ...installation, installedAt: now().toISOString() });
      if (!parsed.success || installation.isEnterpriseInstall) {
        throw new AppError('bad-input', 'Only an install in one workspace, with a bot token, can be kept.', {
          issue: parsed.success ? 'org-wide install' : parsed.error.issues[0]?.message,
        });
      }
      await store.saveInstallation(parsed.data);
    },
    async fetchInstallation(query) {
      const found = query.teamId ? await store.findInstallation(query.teamId) : null;
      if (!found) throw new AppError('slack-failure', `The app is not installed in workspace ${query.teamId}.`, {});
      return toBoltInstallation(found);
    },
    async deleteInstallation(query) {
      if (query.teamId) await store.deleteInstallation(query.teamId);
    },
  };
}

/** Bolt's shape of what is kept: every key it names present, the enterprise undefined outside Enterprise Grid. */
function toBoltInstallation(kept: WorkspaceInstallation): Installation<'v2', false> {
  return {
    team: kept.team,
    enterprise: kept.enterprise,
    user: { token: kept.user.token, scopes: kept.user.scopes, id: kept.user.id },
    bot: kept.bot,
    appId: kept.appId,
    tokenType: 'bot',
    isEnterpriseInstall: false,
    authVersion: 'v2',
  };
}
