/** One server-sent event: its name and JSON data. */
export interface HubEvent {
  event: string;
  data: unknown;
}

type Listener = (event: HubEvent) => void;

interface Channel {
  /** Everything but progress, in order, so late subscribers see the findings so far. */
  history: HubEvent[];
  /** The latest progress event (older ones are useless to a late subscriber). */
  progress?: HubEvent;
  listeners: Set<Listener>;
}

/** Most events kept per running scan for late subscribers. */
const HISTORY_LIMIT = 5000;

/** Fans out the events of running scans to server-sent-event subscribers. In memory only. */
export class EventHub {
  private readonly channels = new Map<string, Channel>();

  /** Starts a channel for a scan (called when the scan starts running). */
  open(id: string): void {
    this.channels.set(id, { history: [], listeners: new Set() });
  }

  publish(id: string, event: HubEvent): void {
    const channel = this.channels.get(id);
    if (!channel) return;
    if (event.event === 'progress') channel.progress = event;
    else if (channel.history.length < HISTORY_LIMIT) channel.history.push(event);
    for (const listener of channel.listeners) listener(event);
  }

  /** Sends `event` as the last one and drops the channel; subscribers should close on it. */
  end(id: string, event: HubEvent): void {
    const channel = this.channels.get(id);
    this.channels.delete(id);
    if (channel) for (const listener of channel.listeners) listener(event);
  }

  /**
   * Replays what the scan has streamed so far into `listener`, then keeps it subscribed.
   * Returns the unsubscribe function, or undefined when the scan has no open channel.
   */
  subscribe(id: string, listener: Listener): (() => void) | undefined {
    const channel = this.channels.get(id);
    if (!channel) return undefined;
    for (const event of channel.history) listener(event);
    if (channel.progress) listener(channel.progress);
    channel.listeners.add(listener);
    return () => channel.listeners.delete(listener);
  }
}
