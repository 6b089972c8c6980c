/**
 * The app installed in one workspace through Slack's OAuth flow: what Bolt's installer hands over after
 * `oauth.v2.access` (the workspace, the bot's token and user, the scopes granted), kept so that each workspace is
 * answered with its own token. Enterprise Grid org-wide installs are not supported: one workspace per install.
 */
import { z } from 'zod';

export const WorkspaceInstallationSchema = z.object({
  team: z.object({ id: z.string().min(1), name: z.string().optional() }),
  enterprise: z.object({ id: z.string(), name: z.string().optional() }).optional(),
  user: z.object({
    token: z.string().optional(),
    scopes: z.array(z.string()).optional(),
    id: z.string(),
  }),
  bot: z.object({
    token: z.string().min(1),
    scopes: z.array(z.string()),
    id: z.string(),
    userId: z.string(),
  }),
  appId: z.string().optional(),
  tokenType: z.literal('bot').optional(),
  isEnterpriseInstall: z.literal(false).optional(),
  authVersion: z.literal('v2').optional(),
  /** ISO time it was stored (a reinstall replaces it). */
  installedAt: z.string().optional(),
});
export type WorkspaceInstallation = z.infer<typeof WorkspaceInstallationSchema>;
