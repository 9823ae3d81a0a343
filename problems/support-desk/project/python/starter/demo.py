"""A short scenario: a visitor asks for help, an agent opens the conversation and answers."""

from __future__ import annotations

from typing import Callable

from chat.handlers import SupportDesk
from clients.agent import AgentClient
from clients.visitor import VisitorClient


def run_demo() -> dict[str, list[str]]:
    """Runs the scenario and returns what each simulated client received."""
    now = [0]
    desk = SupportDesk(clock=lambda: now[0], agents=['alex', 'bea'])
    vera = VisitorClient(desk, 'vera')
    alex = AgentClient(desk, 'alex')

    conversation_id = vera.start_chat()
    now[0] = 1_000
    vera.say('Hi! My invoice shows the wrong address.')
    now[0] = 4_000
    alex.open(conversation_id)
    now[0] = 9_000
    alex.reply(conversation_id, 'Sorry about that. Which address should it show?')
    now[0] = 15_000
    vera.say('12 Harbour Street, please.')

    return {'vera': vera.lines, 'alex': alex.lines}


def print_demo(print_line: Callable[[str], None] = print) -> None:
    """Prints what each simulated client received in the demo."""
    for client, lines in run_demo().items():
        print_line(f'{client} received:')
        for line in lines or ['(nothing)']:
            print_line(f'  {line}')


if __name__ == '__main__':
    print_demo()
