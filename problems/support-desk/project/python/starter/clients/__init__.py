"""Two simulated clients (visitor.py, agent.py) and how they print what they receive."""

from __future__ import annotations

from chat.models import Message, ServerEvent


def format_message(message: Message) -> str:
    """A message as one line: `#3 at 1250 ms, vera (visitor): hello`."""
    return f'#{message.id} at {message.sent_at} ms, {message.author_id} ({message.role}): {message.text}'


def format_event(event: ServerEvent) -> list[str]:
    """The lines a client prints for one event. An event type this file does not know is printed as it is."""
    if event.get('type') == 'history':
        messages = event['messages']
        return [f'history, {len(messages)} message(s)'] + [f'  {format_message(m)}' for m in messages]
    if event.get('type') == 'message':
        return [format_message(event['message'])]
    rest = {key: value for key, value in event.items() if key != 'type'}
    return [f"{event.get('type')} {rest!r}"]
