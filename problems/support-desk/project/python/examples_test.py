import unittest

from chat.handlers import SupportDesk
from demo import print_demo, run_demo


class Inbox:
    """A listener that keeps every event pushed to it."""

    def __init__(self):
        self.events = []

    def __call__(self, event):
        self.events.append(event)

    def texts(self):
        return [e['message'].text for e in self.events if e.get('type') == 'message']


class Requirement1ExamplesTest(unittest.TestCase):
    """Requirement 1 (examples)"""

    def test_visitor_reaches_agent(self):
        """delivers a visitor's message to the agent, with its author and time"""
        now = [0]
        desk = SupportDesk(clock=lambda: now[0], agents=['alex'])
        conversation_id = desk.open_conversation('vera').id
        vera, alex = Inbox(), Inbox()
        vera_tab = desk.connect('vera', conversation_id, vera)
        desk.connect('alex', conversation_id, alex)

        now[0] = 1_250
        desk.send(vera_tab, 'Hi! My invoice is wrong.')

        received = [e['message'] for e in alex.events if e.get('type') == 'message']
        self.assertEqual(len(received), 1, 'alex should receive exactly one message')
        m = received[0]
        self.assertEqual(
            (m.conversation_id, m.author_id, m.role, m.text, m.sent_at),
            (conversation_id, 'vera', 'visitor', 'Hi! My invoice is wrong.', 1_250),
            'the message should carry its author, role, text and time',
        )

    def test_both_ways(self):
        """lets the agent reply, so messages flow both ways"""
        desk = SupportDesk(clock=lambda: 0, agents=['alex'])
        conversation_id = desk.open_conversation('vera').id
        vera, alex = Inbox(), Inbox()
        vera_tab = desk.connect('vera', conversation_id, vera)
        alex_view = desk.connect('alex', conversation_id, alex)

        desk.send(vera_tab, 'Hello?')
        desk.send(alex_view, 'Hi Vera, how can I help?')

        self.assertEqual(vera.texts(), ['Hi Vera, how can I help?'],
                         'vera should get the reply and not her own message back')
        self.assertEqual(alex.texts(), ['Hello?'], "alex should get vera's message")

    def test_history_on_connect(self):
        """gives a client that connects later the history, oldest first"""
        desk = SupportDesk(clock=lambda: 0, agents=['alex'])
        conversation_id = desk.open_conversation('vera').id
        vera_tab = desk.connect('vera', conversation_id, lambda event: None)
        desk.send(vera_tab, 'first')
        desk.send(vera_tab, 'second')

        alex = Inbox()
        desk.connect('alex', conversation_id, alex)

        self.assertTrue(alex.events, 'alex should have received an event')
        first = alex.events[0]
        self.assertEqual(first.get('type'), 'history', 'the first event should be the history')
        self.assertEqual([m.text for m in first['messages']], ['first', 'second'],
                         'both earlier messages, oldest first')

    def test_demo(self):
        """runs the demo: the agent hears the visitor and the visitor hears the agent"""
        print_demo()
        received = run_demo()
        self.assertIn('wrong address', '\n'.join(received['alex']), "alex should see vera's question")
        self.assertIn('Which address', '\n'.join(received['vera']), "vera should see alex's answer")
