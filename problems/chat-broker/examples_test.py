import unittest

from solution import ChatBroker


def messages(events):
    """The message events among the events a listener received, as messages."""
    return [e['message'] for e in events if e.get('type') == 'message']


class Stage1ExamplesTest(unittest.TestCase):
    """Stage 1: two-way messages (examples)"""

    def test_delivers_with_sender_and_timestamp(self):
        """delivers a message to the other client with its sender and timestamp"""
        now = [1_000]
        broker = ChatBroker(clock=lambda: now[0])
        ana, ben = [], []
        broker.connect('ana', 'general', ana.append)
        broker.connect('ben', 'general', ben.append)

        now[0] = 1_250
        broker.send('ana', 'hi ben')

        got = messages(ben)
        self.assertEqual(len(got), 1, 'ben should receive exactly one message')
        self.assertEqual(
            {k: got[0].get(k) for k in ('sender', 'room', 'text', 'sent_at')},
            {'sender': 'ana', 'room': 'general', 'text': 'hi ben', 'sent_at': 1_250},
            'the message should carry sender, room, text and the clock time',
        )

    def test_messages_flow_both_ways(self):
        """lets the other client reply, so messages flow both ways"""
        now = [0]
        broker = ChatBroker(clock=lambda: now[0])
        ana, ben = [], []
        broker.connect('ana', 'general', ana.append)
        broker.connect('ben', 'general', ben.append)

        broker.send('ana', 'ping')
        now[0] = 40
        broker.send('ben', 'pong')

        self.assertEqual([m['text'] for m in messages(ana)], ['pong'], "ana should receive ben's reply")
        self.assertEqual(messages(ana)[0]['sender'], 'ben', 'the reply should name ben as sender')
        self.assertEqual([m['text'] for m in messages(ben)], ['ping'], "ben should receive ana's message")

    def test_returns_message_instead_of_echo(self):
        """returns the sent message to the sender instead of echoing it to its listener"""
        broker = ChatBroker(clock=lambda: 7)
        ana = []
        broker.connect('ana', 'general', ana.append)
        broker.connect('ben', 'general', lambda event: None)

        sent = broker.send('ana', 'hello')

        self.assertEqual(
            {k: sent.get(k) for k in ('id', 'sender', 'text', 'sent_at')},
            {'id': 1, 'sender': 'ana', 'text': 'hello', 'sent_at': 7},
            'send should return the accepted message',
        )
        self.assertEqual(messages(ana), [], "the sender's own listener should not get its message back")


class Stage2ExamplesTest(unittest.TestCase):
    """Stage 2: typing, history and presence (examples)"""

    def test_typing_until_sent(self):
        """shows a client as typing until it sends its message"""
        now = [0]
        broker = ChatBroker(clock=lambda: now[0], typing_timeout_ms=3_000)
        broker.connect('ana', 'general', lambda event: None)
        broker.connect('ben', 'general', lambda event: None)

        broker.typing('ana')
        now[0] = 500
        self.assertEqual(broker.typing_users('general'), ['ana'], 'ana typed 500 ms ago')
        self.assertEqual(broker.is_typing('ana'), True, 'is_typing should agree with typing_users')

        broker.send('ana', 'done typing')
        self.assertEqual(broker.typing_users('general'), [], 'sending should clear the typing indicator')

    def test_joiner_gets_history_and_others_see_it_online(self):
        """gives a new joiner the room history and tells the others it came online"""
        now = [100]
        broker = ChatBroker(clock=lambda: now[0])
        ana = []
        broker.connect('ana', 'general', ana.append)
        broker.send('ana', 'first')
        broker.send('ana', 'second')

        now[0] = 200
        cara = []
        broker.connect('cara', 'general', cara.append)

        self.assertTrue(cara, 'cara should have received events')
        first = cara[0]
        self.assertEqual((first.get('type'), first.get('room')), ('history', 'general'),
                         "the joiner's first event should be the room's history")
        self.assertEqual([m['text'] for m in first['messages']], ['first', 'second'],
                         'history should hold both earlier messages, oldest first')
        self.assertIn(
            {'type': 'presence', 'room': 'general', 'client_id': 'cara', 'status': 'online', 'at': 200},
            ana,
            'ana should be told that cara came online',
        )
        self.assertEqual(broker.presence('general'), {'online': ['ana', 'cara'], 'offline': []},
                         'both should be online')
