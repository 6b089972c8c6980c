/**
 * The only importer of @slack/bolt: the rest of the app takes Bolt's types and values from here, so that a Bolt
 * upgrade (or another transport) touches one file.
 */
import type { HTTPReceiverOptions } from '@slack/bolt';

export type {
  BlockButtonAction,
  HTTPReceiverOptions,
  Installation,
  InstallationStore,
  Logger,
  Receiver,
  ReceiverEvent,
  RespondFn,
} from '@slack/bolt';
export { App, HTTPReceiver, LogLevel, SocketModeReceiver, webApi } from '@slack/bolt';

/** What Bolt's installer runs around an install at the redirect (@slack/oauth's CallbackOptions). */
export type InstallCallbacks = NonNullable<NonNullable<HTTPReceiverOptions['installerOptions']>['callbackOptions']>;
