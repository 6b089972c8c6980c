/**
 * An Enterprise Grid org-wide install is refused at the redirect, before anything is kept, and the installer is told
 * why in words. Here one installation is one workspace: its token answers that workspace and what it saves is
 * stamped with its team. An org-wide install's token has no workspace of its own (oauth.v2.access answers
 * `team: null`, `enterprise`, `is_enterprise_install: true`, and the app is in no workspace until an admin adds it),
 * many Web API calls then need a `team_id`, and events name the install in `authorizations`: none of which this app
 * speaks yet. The token Slack has just issued is revoked (auth.revoke), so the organisation is not left with an
 * app installed that answers nothing. Facts relied on: Slack's org-wide apps reference (the oauth.v2.access
 * response, team_id on calls, authorizations) and @slack/oauth's `afterInstallation`, whose `false` skips the
 * installation store and leaves the response to it.
 */
import { type InstallCallbacks, type Logger, webApi } from './bolt.js';

type AfterInstallation = NonNullable<InstallCallbacks['afterInstallation']>;

/** The page an org admin sees: what happened, and what to do instead. */
export const ORG_WIDE_REFUSAL =
  'This app is installed one workspace at a time: an org-wide install across an Enterprise Grid organisation is ' +
  'not supported, and nothing was installed. Install it from this same page in each workspace that wants it ' +
  '(choose the workspace, not the organisation, on Slack’s page).';

export function refuseOrgWideInstalls(options: {
  /** The app's logger, made after the receiver this is given to. */
  readonly logger: () => Logger;
  readonly clientOptions?: ConstructorParameters<typeof webApi.WebClient>[1];
}): AfterInstallation {
  return async (installation, _install, _req, res) => {
    if (!installation.isEnterpriseInstall) return true;
    const enterprise = installation.enterprise?.id ?? 'unknown';
    const token = installation.bot?.token;
    if (token) {
      const client = new webApi.WebClient(token, options.clientOptions);
      // A revoke that fails leaves a token nobody keeps; the refusal stands either way.
      await client.auth.revoke().catch((error: unknown) => {
        options.logger().warn(`the org-wide install's token of ${enterprise} could not be revoked`, error);
      });
    }
    options.logger().info(`an org-wide install in Enterprise Grid organisation ${enterprise} was refused`);
    res.writeHead(403, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<html><body><h2>Not installed</h2><p>${ORG_WIDE_REFUSAL}</p></body></html>`);
    return false;
  };
}
