/**
 * Bolt acknowledges an event before its listener runs, so a process that dies in between has told Slack "received"
 * about work it never recorded, and Slack will not deliver it again. For the event types given here the
 * acknowledgement waits until the listener has finished (for `file_shared`: once the upload's claim is written to
 * the store), so that what Slack hears was received is durable first. A listener that could not make its event
 * durable calls `context.withholdAck()`: Slack then gets no answer and delivers the event again. Should a listener
 * take longer than Slack's 3 s, the HTTP receiver answers "not handled" itself, and Slack's redelivery meets the
 * claim (in hand, or resumed at the next start).
 */
import type { Receiver, ReceiverEvent } from './bolt.js';

type ProcessEvent = (event: ReceiverEvent) => Promise<void>;

function eventTypeOf(event: ReceiverEvent): string | null {
  const inner: unknown = event.body.event;
  if (event.body.type !== 'event_callback' || typeof inner !== 'object' || inner === null) return null;
  const type = (inner as { type?: unknown }).type;
  return typeof type === 'string' ? type : null;
}

export function acknowledgeAfterListeners(
  receiver: Receiver,
  eventTypes: ReadonlySet<string>,
  onLateAckFailure: (error: unknown) => void,
): void {
  const init = receiver.init.bind(receiver);
  receiver.init = (app) => {
    const processEvent: ProcessEvent = app.processEvent.bind(app);
    const deferring: ProcessEvent = async (event) => {
      const type = eventTypeOf(event);
      if (type === null || !eventTypes.has(type)) return processEvent(event);
      let withheld = false;
      let acknowledged = false;
      await processEvent({
        ...event,
        // Bolt calls this before the listener; the real acknowledgement is sent below, once the listener is done.
        ack: async () => {
          acknowledged = true;
        },
        customProperties: {
          ...event.customProperties,
          withholdAck: () => {
            withheld = true;
          },
        },
      });
      if (!acknowledged || withheld) return;
      // Too late (the receiver answered at its own time limit): the response has gone, and Slack delivers again.
      await Promise.resolve(event.ack()).catch(onLateAckFailure);
    };
    // The receiver keeps the app only to hand it events; the rest of the app is unchanged.
    init(Object.assign(Object.create(app) as typeof app, { processEvent: deferring }));
  };
}
