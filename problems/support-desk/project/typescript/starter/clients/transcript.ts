import type { Message, ServerEvent } from '../chat/models';

/** A message as one line: `#3 at 1250 ms, vera (visitor): hello`. */
export function formatMessage(message: Message): string {
  return `#${message.id} at ${message.sentAt} ms, ${message.authorId} (${message.role}): ${message.text}`;
}

/** The lines a client prints for one event. An event type this file does not know is printed as JSON. */
export function formatEvent(event: ServerEvent): string[] {
  switch (event.type) {
    case 'history':
      return [`history, ${event.messages.length} message(s)`, ...event.messages.map((m) => `  ${formatMessage(m)}`)];
    case 'message':
      return [formatMessage(event.message)];
    default: {
      const { type, ...rest } = event as { type: string };
      return [`${type} ${JSON.stringify(rest)}`];
    }
  }
}
