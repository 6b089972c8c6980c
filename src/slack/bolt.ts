/**
 * The only importer of @slack/bolt: the rest of the app takes Bolt's types and values from here, so that a Bolt
 * upgrade (or another transport) touches one file.
 */
export type {
  BlockButtonAction,
  Installation,
  InstallationStore,
  Logger,
  Receiver,
  ReceiverEvent,
  RespondFn,
} from '@slack/bolt';
export { App, HTTPReceiver, LogLevel, SocketModeReceiver, webApi } from '@slack/bolt';
