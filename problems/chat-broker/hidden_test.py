import random
import unittest

from solution import ChatBroker, ChatError


def messages(events):
    """The message events among the events a listener received, as messages."""
    return [e['message'] for e in events if e.get('type') == 'message']


def texts(events):
    """The texts of the messages a listener received."""
    return [m['text'] for m in messages(events)]


def history_events(events):
    """The history events a listener received."""
    return [e for e in events if e.get('type') == 'history']


def presence_events(events):
    """The presence events a listener received."""
    return [e for e in events if e.get('type') == 'presence']


def ignore(event):
    """A listener that does nothing."""


def crash(event):
    """A listener that raises on every event."""
    raise RuntimeError('client crashed')


def chat_error(test, fn, what):
    """Runs fn and returns the ChatError it raises; fails if it raises anything else or nothing."""
    try:
        fn()
    except ChatError as err:
        return err
    except Exception as err:  # noqa: BLE001 - reported as a failure with what was raised
        test.fail(f'{what}: expected a ChatError, got {type(err).__name__}: {err}')
    test.fail(f'{what}: expected a ChatError to be raised, but the call returned normally')


def code_of(test, fn, what):
    """The code of the ChatError fn raises."""
    return chat_error(test, fn, what).code


class Stage1DeliveryTest(unittest.TestCase):
    """Stage 1: delivery"""

    def test_no_echo(self):
        """[R9] does not echo a message back to its sender's listener"""
        broker = ChatBroker(clock=lambda: 0)
        ana, ben = [], []
        broker.connect('ana', 'r', ana.append)
        broker.connect('ben', 'r', ben.append)
        broker.send('ana', 'one')
        broker.send('ben', 'two')
        self.assertEqual(texts(ana), ['two'], 'ana should only hear ben')
        self.assertEqual(texts(ben), ['one'], 'ben should only hear ana')

    def test_connection_order(self):
        """[R8] delivers to every other client in the room, in the order they connected"""
        broker = ChatBroker(clock=lambda: 0)
        order = []

        def recorder(client_id):
            def listener(event):
                if event.get('type') == 'message':
                    order.append(f"{client_id}:{event['message']['text']}")
            return listener

        for client_id in ['zed', 'amy', 'kim', 'bob']:
            broker.connect(client_id, 'r', recorder(client_id))
        broker.send('kim', 'hey')
        self.assertEqual(order, ['zed:hey', 'amy:hey', 'bob:hey'],
                         'zed, amy and bob should each get it once, in connection order')

    def test_other_rooms_hear_nothing(self):
        """[R8] does not deliver to clients connected to other rooms"""
        broker = ChatBroker(clock=lambda: 0)
        ana, ben, cy = [], [], []
        broker.connect('ana', 'red', ana.append)
        broker.connect('ben', 'red', ben.append)
        broker.connect('cy', 'blue', cy.append)
        broker.send('ana', 'for red only')
        self.assertEqual(messages(cy), [], 'a client in room "blue" should receive nothing from room "red"')
        self.assertEqual(texts(ben), ['for red only'], 'the client in room "red" should receive it')

    def test_sent_at_from_clock(self):
        """[R7] stamps sent_at with the injected clock at the moment of sending"""
        now = [5_000]
        broker = ChatBroker(clock=lambda: now[0])
        ben = []
        broker.connect('ana', 'r', ignore)
        now[0] += 10
        broker.connect('ben', 'r', ben.append)
        now[0] = 5_123
        first = broker.send('ana', 'a')
        now[0] = 9_999
        second = broker.send('ana', 'b')
        self.assertEqual(first['sent_at'], 5_123, 'the first message was sent at 5123')
        self.assertEqual(second['sent_at'], 9_999, 'the second message was sent at 9999')
        self.assertEqual([m['sent_at'] for m in messages(ben)], [5_123, 9_999],
                         'recipients should see the same timestamps')

    def test_ids_broker_wide(self):
        """[R6] numbers messages 1, 2, 3 across all rooms, and rejected sends use up no number"""
        broker = ChatBroker(clock=lambda: 0)
        broker.connect('ana', 'red', ignore)
        broker.connect('cy', 'blue', ignore)
        ids = [broker.send('ana', 'x')['id']]
        self.assertEqual(code_of(self, lambda: broker.send('ana', '   '), 'whitespace'), 'EMPTY_MESSAGE',
                         'whitespace is rejected')
        ids.append(broker.send('cy', 'y')['id'])
        ids.append(broker.send('ana', 'z')['id'])
        self.assertEqual(ids, [1, 2, 3], 'ids should be one broker-wide sequence without gaps')

    def test_text_kept_exactly(self):
        """[R7] keeps the text exactly as sent, surrounding spaces and newlines included"""
        broker = ChatBroker(clock=lambda: 0)
        ben = []
        broker.connect('ana', 'r', ignore)
        broker.connect('ben', 'r', ben.append)
        sent = broker.send('ana', '  two lines\nhere  ')
        self.assertEqual(sent['text'], '  two lines\nhere  ', 'the returned text should not be trimmed')
        self.assertEqual(texts(ben), ['  two lines\nhere  '], 'the delivered text should not be trimmed')
        self.assertEqual((sent['room'], sent['sender']), ('r', 'ana'), 'room and sender as sent')

    def test_own_copy(self):
        """[R10] gives each recipient its own copy of the message"""
        broker = ChatBroker(clock=lambda: 0)
        ben = []

        def tamper(event):
            if event.get('type') == 'message':
                event['message']['text'] = 'tampered'

        broker.connect('ana', 'r', ignore)
        broker.connect('mal', 'r', tamper)
        broker.connect('ben', 'r', ben.append)
        sent = broker.send('ana', 'original')
        self.assertEqual(texts(ben), ['original'], "another listener changing its copy must not change ben's")
        self.assertEqual(sent['text'], 'original', "nor the sender's returned message")

    def test_throwing_listener(self):
        """[R11 send] keeps delivering to the other clients when one listener raises"""
        broker = ChatBroker(clock=lambda: 0)
        ben = []
        broker.connect('ana', 'r', ignore)
        broker.connect('broken', 'r', crash)
        broker.connect('ben', 'r', ben.append)
        try:
            broker.send('ana', 'still there?')
        except Exception as err:  # noqa: BLE001
            self.fail(f'send should not fail because of a bad listener, got {type(err).__name__}: {err}')
        self.assertEqual(texts(ben), ['still there?'],
                         'ben, connected after the broken client, should still get the message')


class Stage1ValidationTest(unittest.TestCase):
    """Stage 1: validation"""

    def test_empty(self):
        """[R12] rejects an empty message with EMPTY_MESSAGE and delivers nothing"""
        broker = ChatBroker(clock=lambda: 0)
        ben = []
        broker.connect('ana', 'r', ignore)
        broker.connect('ben', 'r', ben.append)
        self.assertEqual(code_of(self, lambda: broker.send('ana', ''), 'empty text'), 'EMPTY_MESSAGE', 'empty text')
        self.assertEqual(messages(ben), [], 'a rejected message must not be delivered')

    def test_whitespace(self):
        """[R12] rejects whitespace-only text (spaces, tabs, newlines) with EMPTY_MESSAGE"""
        broker = ChatBroker(clock=lambda: 0)
        ben = []
        broker.connect('ana', 'r', ignore)
        broker.connect('ben', 'r', ben.append)
        self.assertEqual(code_of(self, lambda: broker.send('ana', ' \t\n '), 'whitespace-only text'),
                         'EMPTY_MESSAGE', 'whitespace-only text')
        self.assertEqual(messages(ben), [], 'a rejected message must not be delivered')

    def test_length_boundary(self):
        """[R12] accepts a text of exactly max_message_length and rejects one character more with MESSAGE_TOO_LONG"""
        broker = ChatBroker(clock=lambda: 0, max_message_length=10)
        ben = []
        broker.connect('ana', 'r', ignore)
        broker.connect('ben', 'r', ben.append)
        self.assertEqual(broker.send('ana', 'x' * 10)['text'], 'x' * 10,
                         '10 characters with a limit of 10 is allowed')
        self.assertEqual(code_of(self, lambda: broker.send('ana', 'x' * 11), '11 characters'), 'MESSAGE_TOO_LONG',
                         '11 characters with a limit of 10')
        self.assertEqual(texts(ben), ['x' * 10], 'only the message within the limit is delivered')

    def test_default_length(self):
        """[R1] uses 1000 characters as the default max_message_length"""
        broker = ChatBroker(clock=lambda: 0)
        broker.connect('ana', 'r', ignore)
        self.assertEqual(broker.send('ana', 'y' * 1000)['id'], 1, '1000 characters should pass by default')
        self.assertEqual(code_of(self, lambda: broker.send('ana', 'y' * 1001), '1001 characters'),
                         'MESSAGE_TOO_LONG', '1001 characters by default')

    def test_unknown_sender_first(self):
        """[R12] rejects a send from a client that never connected with UNKNOWN_CLIENT, checked before the text"""
        broker = ChatBroker(clock=lambda: 0)
        ben = []
        broker.connect('ben', 'r', ben.append)
        self.assertEqual(code_of(self, lambda: broker.send('ghost', 'boo'), 'unknown sender'), 'UNKNOWN_CLIENT',
                         'unknown sender')
        self.assertEqual(code_of(self, lambda: broker.send('ghost', ''), 'unknown sender, empty text'),
                         'UNKNOWN_CLIENT', 'unknown sender wins over empty text')
        self.assertEqual(code_of(self, lambda: broker.send('ghost', 42), 'unknown sender, text 42'),
                         'UNKNOWN_CLIENT', 'unknown sender wins over a text that is not a string')
        self.assertEqual(messages(ben), [], 'nothing should be delivered')

    def test_check_order(self):
        """[R12] checks the type of text, then emptiness, then length"""
        broker = ChatBroker(clock=lambda: 0, max_message_length=2)
        broker.connect('ana', 'r', ignore)
        self.assertEqual(code_of(self, lambda: broker.send('ana', '     '), 'five spaces, limit 2'),
                         'EMPTY_MESSAGE', 'whitespace longer than the limit is empty before it is too long')
        self.assertEqual(code_of(self, lambda: broker.send('ana', ['a', 'b', 'c']), 'a list as text'),
                         'INVALID_ARGUMENT', 'a list is not a string, whatever its length')

    def test_malformed(self):
        """[R1][R2] rejects malformed arguments and options with INVALID_ARGUMENT"""
        broker = ChatBroker(clock=lambda: 0)
        cases = [
            ('empty client id', lambda: broker.connect('', 'r', ignore)),
            ('empty room', lambda: broker.connect('ana', '', ignore)),
            ('a listener that is not callable', lambda: broker.connect('ana', 'r', 'not a function')),
            ('a clock that is None', lambda: ChatBroker(clock=None)),
            ('a clock that is a number', lambda: ChatBroker(clock=5)),
            ('max_message_length 0', lambda: ChatBroker(clock=lambda: 0, max_message_length=0)),
            ('max_message_length -3', lambda: ChatBroker(clock=lambda: 0, max_message_length=-3)),
            ('max_message_length 2.5', lambda: ChatBroker(clock=lambda: 0, max_message_length=2.5)),
            ('max_message_length nan', lambda: ChatBroker(clock=lambda: 0, max_message_length=float('nan'))),
            ('max_message_length inf', lambda: ChatBroker(clock=lambda: 0, max_message_length=float('inf'))),
        ]
        for what, fn in cases:
            with self.subTest(what):
                self.assertEqual(code_of(self, fn, what), 'INVALID_ARGUMENT', what)
        broker.connect('ana', 'r', ignore)
        self.assertEqual(code_of(self, lambda: broker.send('ana', 42), 'text 42'), 'INVALID_ARGUMENT',
                         'text that is not a string')


class Stage1ErrorMessagesTest(unittest.TestCase):
    """Stage 1: error messages"""

    def test_chat_error_class(self):
        """[R13] raises ChatError, an Exception carrying a code"""
        broker = ChatBroker(clock=lambda: 0)
        err = chat_error(self, lambda: broker.disconnect('ghost'), 'disconnect an unknown id')
        self.assertEqual(type(err).__name__, 'ChatError', 'the error class is named ChatError')
        self.assertIsInstance(err, Exception, 'ChatError is an Exception')
        self.assertEqual(err.code, 'UNKNOWN_CLIENT', 'the code says what went wrong')

    def test_names_bad_option(self):
        """[R1][R14] names the bad option in INVALID_ARGUMENT"""
        no_clock = chat_error(self, lambda: ChatBroker(clock=None), 'clock None')
        self.assertMessage(no_clock, 'clock', msg='a missing clock')
        length = chat_error(self, lambda: ChatBroker(clock=lambda: 0, max_message_length=0), 'length 0')
        self.assertMessage(length, 'max_message_length', msg='max_message_length 0')

    def test_names_bad_argument(self):
        """[R2][R14] names the bad argument of connect and send in INVALID_ARGUMENT"""
        broker = ChatBroker(clock=lambda: 0)
        self.assertMessage(chat_error(self, lambda: broker.connect('', 'r', ignore), 'empty id'), 'client_id', msg='empty client id')
        self.assertMessage(chat_error(self, lambda: broker.connect('ana', '', ignore), 'empty room'), 'room', msg='empty room')
        self.assertMessage(chat_error(self, lambda: broker.connect('ana', 'r', None), 'no listener'), 'listener', msg='a listener that is not callable')
        broker.connect('ana', 'r', ignore)
        self.assertMessage(chat_error(self, lambda: broker.send('ana', 42), 'text 42'), 'text', msg='text that is not a string')

    def test_non_string_ids(self):
        """[R2] rejects a client id or room that is not a string, even one with a length"""
        broker = ChatBroker(clock=lambda: 0)
        self.assertEqual(code_of(self, lambda: broker.connect(('ana',), 'r', ignore), 'tuple id'),
                         'INVALID_ARGUMENT', 'a tuple as client id')
        self.assertEqual(code_of(self, lambda: broker.connect('ana', ['r'], ignore), 'list room'),
                         'INVALID_ARGUMENT', 'a list as room')
        self.assertEqual(code_of(self, lambda: broker.connect('ana', 7, ignore), 'number room'),
                         'INVALID_ARGUMENT', 'a number as room')

    def test_names_client(self):
        """[R14] names the client in ALREADY_CONNECTED and UNKNOWN_CLIENT"""
        broker = ChatBroker(clock=lambda: 0)
        broker.connect('ana', 'r', ignore)
        self.assertMessage(chat_error(self, lambda: broker.connect('ana', 'r', ignore), 'again'), 'ana', msg='already connected')
        self.assertMessage(chat_error(self, lambda: broker.send('ghost', 'hi'), 'ghost sends'), 'ghost', msg='unknown sender')
        self.assertMessage(chat_error(self, lambda: broker.disconnect('phantom'), 'phantom'), 'phantom', msg='unknown client')

    def test_says_why_refused(self):
        """[R14] says why a text is refused: empty or whitespace, or longer than the limit"""
        broker = ChatBroker(clock=lambda: 0, max_message_length=10)
        broker.connect('ana', 'r', ignore)
        empty = str(chat_error(self, lambda: broker.send('ana', '  '), 'whitespace')).lower()
        self.assertTrue('empty' in empty or 'whitespace' in empty,
                        f'whitespace-only: the message should say empty or whitespace, got {empty!r}')
        self.assertMessage(chat_error(self, lambda: broker.send('ana', 'x' * 11), 'too long'), 10,
                           msg='the message gives the limit')


class Stage1ConnectionsTest(unittest.TestCase):
    """Stage 1: connections"""

    def test_disconnected_mid_send(self):
        """[R5][R8] delivers nothing to a client that another client's listener disconnects mid-send, and the send succeeds"""
        broker = ChatBroker(clock=lambda: 0)
        cy = []

        def kick_cy(event):
            if event.get('type') == 'message':
                broker.disconnect('cy')

        broker.connect('ana', 'r', ignore)
        broker.connect('ben', 'r', kick_cy)
        broker.connect('cy', 'r', cy.append)
        try:
            sent = broker.send('ana', 'bye cy')
        except Exception as err:  # noqa: BLE001
            self.fail(f'send should not fail because a recipient left during delivery, got {type(err).__name__}: {err}')
        self.assertEqual(sent['text'], 'bye cy', 'the send returns its message')
        self.assertEqual(messages(cy), [], 'cy was disconnected before its turn')

    def test_after_disconnect(self):
        """[R5] stops delivering to a client after it disconnects and rejects its sends with UNKNOWN_CLIENT"""
        broker = ChatBroker(clock=lambda: 0)
        ana = []
        broker.connect('ana', 'r', ana.append)
        broker.connect('ben', 'r', ignore)
        broker.disconnect('ana')
        broker.send('ben', 'anyone?')
        self.assertEqual(messages(ana), [], 'a disconnected client should receive nothing')
        self.assertEqual(code_of(self, lambda: broker.send('ana', 'I am back?'), 'send after disconnect'),
                         'UNKNOWN_CLIENT', 'a disconnected sender')
        self.assertEqual(code_of(self, lambda: broker.disconnect('ana'), 'disconnect twice'),
                         'UNKNOWN_CLIENT', 'disconnecting twice')
        self.assertEqual(code_of(self, lambda: broker.disconnect('never-seen'), 'disconnect unknown'),
                         'UNKNOWN_CLIENT', 'disconnecting an unknown id')

    def test_already_connected(self):
        """[R3] rejects connecting an id that is already connected, even to another room, and keeps the first connection"""
        broker = ChatBroker(clock=lambda: 0)
        first, second = [], []
        broker.connect('ana', 'red', first.append)
        broker.connect('ben', 'red', ignore)
        self.assertEqual(code_of(self, lambda: broker.connect('ana', 'blue', second.append), 'same id again'),
                         'ALREADY_CONNECTED', 'same id again')
        broker.send('ben', 'still red')
        self.assertEqual(texts(first), ['still red'], 'the original connection should still receive messages')
        self.assertEqual(messages(second), [], 'the rejected listener should receive nothing')
        self.assertEqual(broker.send('ana', 'me too')['room'], 'red', 'ana still sends to red')

    def test_reconnect(self):
        """[R4] lets a client reconnect after disconnecting, to a different room or the same one"""
        broker = ChatBroker(clock=lambda: 0)
        old, fresh = [], []
        broker.connect('ana', 'red', old.append)
        broker.connect('ben', 'red', ignore)
        broker.connect('cy', 'blue', ignore)
        broker.disconnect('ana')
        broker.connect('ana', 'blue', fresh.append)
        broker.send('ben', 'red news')
        broker.send('cy', 'blue news')
        sent = broker.send('ana', 'hello blue')
        self.assertEqual(sent['room'], 'blue', 'ana now sends to blue')
        self.assertEqual(texts(fresh), ['blue news'], 'the new connection hears only blue')
        self.assertEqual(messages(old), [], 'the old listener hears nothing after disconnecting')
        broker.disconnect('cy')
        broker.connect('cy', 'blue', ignore)
        self.assertEqual(broker.send('cy', 'back')['room'], 'blue', 'cy reconnected to the same room')


class Stage2OptionsTest(unittest.TestCase):
    """Stage 2: options"""

    def test_bad_stage2_options(self):
        """[R15] rejects a typing_timeout_ms below 1 or a negative history_size with INVALID_ARGUMENT naming the option"""
        typing = chat_error(self, lambda: ChatBroker(clock=lambda: 0, typing_timeout_ms=0), 'typing_timeout_ms 0')
        self.assertEqual(typing.code, 'INVALID_ARGUMENT', 'typing_timeout_ms 0')
        self.assertMessage(typing, 'typing_timeout_ms', msg='the message names typing_timeout_ms')
        history = chat_error(self, lambda: ChatBroker(clock=lambda: 0, history_size=-1), 'history_size -1')
        self.assertEqual(history.code, 'INVALID_ARGUMENT', 'history_size -1')
        self.assertMessage(history, 'history_size', msg='the message names history_size')
        cases = [
            ('typing_timeout_ms 1.5', lambda: ChatBroker(clock=lambda: 0, typing_timeout_ms=1.5)),
            ('typing_timeout_ms inf', lambda: ChatBroker(clock=lambda: 0, typing_timeout_ms=float('inf'))),
            ('history_size 0.5', lambda: ChatBroker(clock=lambda: 0, history_size=0.5)),
            ('history_size nan', lambda: ChatBroker(clock=lambda: 0, history_size=float('nan'))),
        ]
        for what, fn in cases:
            with self.subTest(what):
                self.assertEqual(code_of(self, fn, what), 'INVALID_ARGUMENT', what)
        smallest = ChatBroker(clock=lambda: 0, typing_timeout_ms=1, history_size=0)
        smallest.connect('ana', 'r', ignore)
        self.assertEqual(smallest.history('r'), [], 'the smallest allowed values are accepted')


class Stage2TypingTest(unittest.TestCase):
    """Stage 2: typing indicator"""

    def test_window_boundary(self):
        """[R16][R17] counts a client as typing until exactly typing_timeout_ms after its keystroke (default 3000)"""
        now = [1_000]
        broker = ChatBroker(clock=lambda: now[0])
        broker.connect('ana', 'r', ignore)
        self.assertEqual(broker.is_typing('ana'), False, 'no keystroke yet')
        broker.typing('ana')
        now[0] = 3_999
        self.assertEqual(broker.is_typing('ana'), True, '2999 ms after the keystroke: still typing')
        now[0] = 4_000
        self.assertEqual(broker.is_typing('ana'), False, 'exactly 3000 ms after the keystroke: no longer typing')
        self.assertEqual(broker.typing_users('r'), [], 'typing_users should agree at the boundary')

    def test_restarts_window(self):
        """[R17] restarts the typing window on every keystroke"""
        now = [0]
        broker = ChatBroker(clock=lambda: now[0], typing_timeout_ms=100)
        broker.connect('ana', 'r', ignore)
        broker.typing('ana')
        now[0] = 80
        broker.typing('ana')
        now[0] = 150
        self.assertEqual(broker.is_typing('ana'), True, '70 ms after the second keystroke: still typing')
        now[0] = 180
        self.assertEqual(broker.is_typing('ana'), False, '100 ms after the second keystroke: stopped')
        broker.typing('ana')
        self.assertEqual(broker.is_typing('ana'), True, 'typing again after expiry starts a new window')

    def test_send_clears_only_sender(self):
        """[R18 send] clears the sender's typing state when it sends, and only the sender's"""
        now = [0]
        broker = ChatBroker(clock=lambda: now[0], typing_timeout_ms=1_000)
        broker.connect('ana', 'r', ignore)
        broker.connect('ben', 'r', ignore)
        broker.typing('ana')
        broker.typing('ben')
        now[0] = 10
        broker.send('ana', 'sent')
        self.assertEqual(broker.is_typing('ana'), False, 'ana sent her message')
        self.assertEqual(broker.is_typing('ben'), True, 'ben is still typing')
        self.assertEqual(broker.typing_users('r'), ['ben'], 'only ben remains')

    def test_disconnect_and_unknown(self):
        """[R16][R17][R18 disconnect] clears typing on disconnect, reports unknown ids as not typing, and rejects keystrokes from unknown clients"""
        broker = ChatBroker(clock=lambda: 0)
        broker.connect('ana', 'r', ignore)
        broker.typing('ana')
        broker.disconnect('ana')
        self.assertEqual(broker.is_typing('ana'), False, 'a disconnected client is not typing')
        self.assertEqual(broker.typing_users('r'), [], 'a disconnected client is not listed')
        self.assertEqual(broker.is_typing('nobody'), False, 'an unknown id is not typing')
        self.assertEqual(code_of(self, lambda: broker.typing('nobody'), 'typing unknown'), 'UNKNOWN_CLIENT',
                         'keystroke from an unknown client')
        broker.connect('ana', 'r', ignore)
        self.assertEqual(broker.is_typing('ana'), False, 'reconnecting starts with no typing state')

    def test_typing_users_per_room(self):
        """[R19] lists only the typing clients of the asked room, sorted, and [] for an unknown room"""
        broker = ChatBroker(clock=lambda: 0)
        for client_id in ['mia', 'zoe', 'abe', 'kai']:
            broker.connect(client_id, 'red', ignore)
        broker.connect('out', 'blue', ignore)
        broker.typing('zoe')
        broker.typing('out')
        broker.typing('abe')
        self.assertEqual(broker.typing_users('red'), ['abe', 'zoe'],
                         "abe and zoe, sorted; not the blue room's typist")
        self.assertEqual(broker.typing_users('blue'), ['out'], 'blue has its own typist')
        self.assertEqual(broker.typing_users('nowhere'), [], 'unknown room')


class Stage2HistoryTest(unittest.TestCase):
    """Stage 2: history"""

    def test_last_n(self):
        """[R20] keeps only the last history_size messages of a room, oldest first"""
        broker = ChatBroker(clock=lambda: 0, history_size=3)
        broker.connect('ana', 'r', ignore)
        for text in ['m1', 'm2', 'm3', 'm4', 'm5']:
            broker.send('ana', text)
        self.assertEqual([m['text'] for m in broker.history('r')], ['m3', 'm4', 'm5'],
                         'the three most recent, oldest first')

    def test_default_and_zero(self):
        """[R15][R20] keeps 50 messages by default and none with history_size 0"""
        standard = ChatBroker(clock=lambda: 0)
        standard.connect('ana', 'r', ignore)
        for i in range(1, 61):
            standard.send('ana', f'm{i}')
        kept = standard.history('r')
        self.assertEqual(len(kept), 50, 'default history size is 50')
        self.assertEqual(kept[0]['text'], 'm11', 'the oldest kept is m11')

        none = ChatBroker(clock=lambda: 0, history_size=0)
        none.connect('ana', 'r', ignore)
        none.send('ana', 'gone')
        self.assertEqual(none.history('r'), [], 'history_size 0 keeps nothing')

    def test_per_room_full_fields(self):
        """[R20] keeps a separate history per room, with the full message fields"""
        now = [50]
        broker = ChatBroker(clock=lambda: now[0])
        broker.connect('ana', 'red', ignore)
        broker.connect('cy', 'blue', ignore)
        broker.send('ana', 'red 1')
        now[0] = 60
        broker.send('cy', 'blue 1')
        self.assertEqual(broker.history('red'),
                         [{'id': 1, 'room': 'red', 'sender': 'ana', 'text': 'red 1', 'sent_at': 50}], 'red history')
        self.assertEqual(broker.history('blue'),
                         [{'id': 2, 'room': 'blue', 'sender': 'cy', 'text': 'blue 1', 'sent_at': 60}], 'blue history')
        self.assertEqual(broker.history('empty-room'), [], 'unknown room')

    def test_returns_copy(self):
        """[R21] returns a copy: changing the returned history does not change the broker"""
        broker = ChatBroker(clock=lambda: 0)
        broker.connect('ana', 'r', ignore)
        broker.send('ana', 'keep me')
        copy = broker.history('r')
        copy.append({'id': 99, 'room': 'r', 'sender': 'x', 'text': 'injected', 'sent_at': 0})
        copy[0]['text'] = 'changed'
        self.assertEqual([m['text'] for m in broker.history('r')], ['keep me'],
                         "the broker's history should be untouched")

    def test_history_first_event(self):
        """[R22] sends a joiner the current history as its very first event, even when it is empty"""
        broker = ChatBroker(clock=lambda: 0, history_size=2)
        ana = []
        broker.connect('ana', 'r', ana.append)
        self.assertEqual(ana, [{'type': 'history', 'room': 'r', 'messages': []}],
                         'the first joiner gets one empty history event')
        broker.send('ana', 'a')
        broker.send('ana', 'b')
        broker.send('ana', 'c')
        ben = []
        broker.connect('ben', 'r', ben.append)
        self.assertTrue(ben and ben[0].get('type') == 'history', "the joiner's first event should be the history")
        self.assertEqual(len(history_events(ben)), 1, 'exactly one history event')
        self.assertEqual([m['text'] for m in history_events(ben)[0]['messages']], ['b', 'c'], 'the last two messages')


class Stage2PresenceTest(unittest.TestCase):
    """Stage 2: presence"""

    def test_online(self):
        """[R23] announces a joiner as online to those already in the room, but not to itself or other rooms"""
        now = [0]
        broker = ChatBroker(clock=lambda: now[0])
        ana, cy, ben = [], [], []
        broker.connect('ana', 'r', ana.append)
        broker.connect('cy', 'elsewhere', cy.append)
        now[0] = 300
        broker.connect('ben', 'r', ben.append)
        self.assertEqual(presence_events(ana),
                         [{'type': 'presence', 'room': 'r', 'client_id': 'ben', 'status': 'online', 'at': 300}],
                         'ana should hear that ben came online at 300')
        self.assertEqual(presence_events(ben), [], 'the joiner gets no presence event about itself')
        self.assertEqual(presence_events(cy), [], 'another room hears nothing')

    def test_offline(self):
        """[R24] announces a disconnect as offline to the clients still in the room"""
        now = [0]
        broker = ChatBroker(clock=lambda: now[0])
        ana, ben = [], []
        broker.connect('ana', 'r', ana.append)
        broker.connect('ben', 'r', ben.append)
        now[0] = 900
        broker.disconnect('ben')
        self.assertEqual(presence_events(ana)[-1:],
                         [{'type': 'presence', 'room': 'r', 'client_id': 'ben', 'status': 'offline', 'at': 900}],
                         'ana should hear that ben went offline at 900')
        self.assertEqual(presence_events(ben), [], 'the leaver hears nothing about itself')

    def test_presence_lists(self):
        """[R25] lists who is online and who has left, sorted, following moves and reconnects"""
        broker = ChatBroker(clock=lambda: 0)
        for client_id in ['zoe', 'ana', 'kai', 'bob']:
            broker.connect(client_id, 'r', ignore)
        broker.disconnect('zoe')
        broker.disconnect('bob')
        broker.connect('bob', 'other', ignore)
        self.assertEqual(broker.presence('r'), {'online': ['ana', 'kai'], 'offline': ['bob', 'zoe']},
                         'zoe left; bob moved to another room')
        broker.connect('zoe', 'r', ignore)
        self.assertEqual(broker.presence('r'), {'online': ['ana', 'kai', 'zoe'], 'offline': ['bob']},
                         'zoe is back online')
        self.assertEqual(broker.presence('other'), {'online': ['bob'], 'offline': []},
                         'bob is online in the other room')
        self.assertEqual(broker.presence('unknown'), {'online': [], 'offline': []}, 'unknown room')

    def test_online_sorted(self):
        """[R25] sorts the online ids, whatever the order they joined in"""
        broker = ChatBroker(clock=lambda: 0)
        for client_id in ['mia', 'abe', 'zed', 'kim']:
            broker.connect(client_id, 'r', ignore)
        self.assertEqual(broker.presence('r')['online'], ['abe', 'kim', 'mia', 'zed'], 'online ids, sorted')


class Stage2ThrowingListenersTest(unittest.TestCase):
    """Stage 2: throwing listeners"""

    def test_history_listener_raises(self):
        """[R11 connect][R22] connects a client whose listener raises on the history event, and announces it"""
        broker = ChatBroker(clock=lambda: 5)
        ana = []
        broker.connect('ana', 'r', ana.append)
        try:
            broker.connect('bad', 'r', crash)
        except Exception as err:  # noqa: BLE001
            self.fail(f'connect should succeed, got {type(err).__name__}: {err}')
        self.assertEqual(broker.presence('r')['online'], ['ana', 'bad'], 'bad is online')
        self.assertEqual([f"{e['client_id']}:{e['status']}" for e in presence_events(ana)], ['bad:online'],
                         'ana heard about bad')
        self.assertEqual(broker.send('bad', 'hi')['id'], 1, 'bad can send')

    def test_presence_listener_raises(self):
        """[R11 connect, disconnect][R23][R24] keeps announcing presence to later clients when an earlier listener raises"""
        broker = ChatBroker(clock=lambda: 0)
        broker.connect('bad', 'r', crash)
        ana, ben = [], []
        broker.connect('ana', 'r', ana.append)
        try:
            broker.connect('ben', 'r', ben.append)
            broker.disconnect('ben')
        except Exception as err:  # noqa: BLE001
            self.fail(f'a raising listener must not fail connect or disconnect, got {type(err).__name__}: {err}')
        self.assertEqual([f"{e['client_id']}:{e['status']}" for e in presence_events(ana)],
                         ['ben:online', 'ben:offline'], 'ana heard ben come and go')
        self.assertEqual(broker.presence('r'), {'online': ['ana', 'bad'], 'offline': ['ben']},
                         'ben is offline, the others online')


# ---------- the model-based tests ----------

IDS = ['ana', 'ben', 'cat', 'xo']  # 'xo' has a listener that raises on every event it gets.
ROOMS = ['r1', 'r1', 'r2']
TEXTS = ['hi', ' hi ', 'abc', 'a', 'abcd', 'x' * 1000, 'x' * 1001, 'ok', 'yo']
BAD_TEXTS = ['', '  \n', 42]


def snapshot(value):
    """A deep copy of an event (dicts, lists and plain values), taken when the listener gets it."""
    if isinstance(value, dict):
        return {k: snapshot(v) for k, v in value.items()}
    if isinstance(value, list):
        return [snapshot(v) for v in value]
    return value


class ChatModel:
    """The statement, literally: connected clients in connect order, each room's history and past members."""

    def __init__(self, stage, max_length, timeout, size):
        self.stage = stage
        self.max_length = max_length
        self.timeout = timeout
        self.size = size
        self.now = 0
        self.next_id = 1
        self.clients = {}  # id -> {'room': ..., 'last_key': None or ms}
        self.order = []  # connected ids, in connect order
        self.histories = {}  # room -> messages
        self.ever = {}  # room -> ids ever connected there
        self.inbox = {}  # id -> events it should have received

    def push(self, client_id, event):
        if self.stage == 1 and event['type'] != 'message':
            return
        self.inbox.setdefault(client_id, []).append(event)

    def in_room(self, room):
        return [c for c in self.order if self.clients[c]['room'] == room]

    def typing_now(self, client_id):
        c = self.clients.get(client_id)
        return c is not None and c['last_key'] is not None and self.now < c['last_key'] + self.timeout

    def apply(self, op):
        """('ok', value) or ('error', code) for one operation."""
        kind = op[0]
        if kind == 'advance':
            self.now += op[1]
            return ('ok', None)
        if kind == 'connect':
            _, client_id, room = op
            if client_id == '' or room == '':
                return ('error', 'INVALID_ARGUMENT')
            if client_id in self.clients:
                return ('error', 'ALREADY_CONNECTED')
            self.push(client_id, {'type': 'history', 'room': room, 'messages': list(self.histories.get(room, []))})
            for other in self.in_room(room):
                self.push(other, {'type': 'presence', 'room': room, 'client_id': client_id,
                                  'status': 'online', 'at': self.now})
            self.clients[client_id] = {'room': room, 'last_key': None}
            self.order.append(client_id)
            self.ever.setdefault(room, set()).add(client_id)
            return ('ok', None)
        if kind == 'disconnect':
            client_id = op[1]
            if client_id not in self.clients:
                return ('error', 'UNKNOWN_CLIENT')
            room = self.clients.pop(client_id)['room']
            self.order.remove(client_id)
            for other in self.in_room(room):
                self.push(other, {'type': 'presence', 'room': room, 'client_id': client_id,
                                  'status': 'offline', 'at': self.now})
            return ('ok', None)
        if kind == 'send':
            _, client_id, text = op
            if client_id not in self.clients:
                return ('error', 'UNKNOWN_CLIENT')
            if not isinstance(text, str):
                return ('error', 'INVALID_ARGUMENT')
            if text.strip() == '':
                return ('error', 'EMPTY_MESSAGE')
            if len(text) > self.max_length:
                return ('error', 'MESSAGE_TOO_LONG')
            c = self.clients[client_id]
            message = {'id': self.next_id, 'room': c['room'], 'sender': client_id, 'text': text,
                       'sent_at': self.now}
            self.next_id += 1
            c['last_key'] = None
            kept = self.histories.get(c['room'], []) + [message]
            self.histories[c['room']] = kept[-self.size:] if self.size > 0 else []
            for other in self.in_room(c['room']):
                if other != client_id:
                    self.push(other, {'type': 'message', 'message': message})
            return ('ok', message)
        if kind == 'typing':
            if op[1] not in self.clients:
                return ('error', 'UNKNOWN_CLIENT')
            self.clients[op[1]]['last_key'] = self.now
            return ('ok', None)
        if kind == 'is_typing':
            return ('ok', self.typing_now(op[1]))
        if kind == 'typing_users':
            return ('ok', sorted(c for c in self.in_room(op[1]) if self.typing_now(c)))
        if kind == 'history':
            return ('ok', list(self.histories.get(op[1], [])))
        online = sorted(self.in_room(op[1]))
        offline = sorted(c for c in self.ever.get(op[1], set()) if c not in online)
        return ('ok', {'online': online, 'offline': offline})


def random_op(rng, stage, model):
    """One operation, weighted like a real session: mostly connected senders, a few unknown ids and bad arguments."""
    def client_id(connected):
        if rng.random() < 1 / 16:
            return ''
        pool = [c for c in IDS if (c in model.clients) == connected]
        return rng.choice(pool) if pool and rng.random() < 0.85 else rng.choice(IDS)

    def room(occupied=False):
        if rng.random() < 1 / 16:
            return ''
        pool = sorted({c['room'] for c in model.clients.values()}) if occupied else []
        return rng.choice(pool) if pool and rng.random() < 0.75 else rng.choice(ROOMS)

    kinds = ['connect', 'disconnect', 'send', 'advance']
    weights = [8, 4, 10, 4]
    if stage == 2:
        kinds += ['typing', 'is_typing', 'typing_users', 'history', 'presence']
        weights += [5, 5, 2, 2, 2]
    kind = rng.choices(kinds, weights)[0]
    if not model.clients and rng.random() < 0.6:
        kind = 'connect'  # an empty broker has little to say
    if kind == 'connect':
        return ('connect', client_id(False), room())
    if kind == 'send':
        text = rng.choice(TEXTS) if rng.random() < 6 / 7 else rng.choice(BAD_TEXTS)
        return ('send', client_id(True), text)
    if kind == 'advance':
        return ('advance', rng.randint(0, 6))
    if kind in ('typing_users', 'history', 'presence'):
        return (kind, room(occupied=True))
    return (kind, client_id(True))


def show_op(op):
    """An operation as the call the test made."""
    if op[0] == 'advance':
        return f'{op[1]} ms pass'
    if op[0] == 'send' and isinstance(op[2], str) and len(op[2]) > 12:
        return f'send({op[1]!r}, <{len(op[2])} chars>)'
    return f"{op[0]}({', '.join(repr(a) for a in op[1:])})"


def show_outcome(outcome, full=False):
    """What a call answered; a returned message is shortened to its id unless full."""
    status, value = outcome
    if status == 'error':
        return f'ChatError {value}'
    if status == 'raised':
        return value
    if not full and isinstance(value, dict) and 'id' in value:
        return f"message {value['id']}"
    return repr(value)


def call(broker, op, listener_for):
    """Runs one operation on the solution: ('ok', value), ('error', code) or ('raised', exception)."""
    try:
        kind = op[0]
        if kind == 'advance':
            return ('ok', None)
        if kind == 'connect':
            return ('ok', broker.connect(op[1], op[2], listener_for(op[1])))
        if kind == 'send':
            return ('ok', broker.send(op[1], op[2]))
        return ('ok', getattr(broker, kind)(op[1]))
    except ChatError as err:
        return ('error', getattr(err, 'code', None))
    except Exception as err:  # noqa: BLE001 - reported as a divergence
        return ('raised', f'{type(err).__name__}: {err}')


def run_model_scenarios(test, stage, seed, scenarios):
    """Runs seeded random scenarios on the solution and on ChatModel and fails on the first divergence."""
    rng = random.Random(seed)
    for scenario in range(1, scenarios + 1):
        options = {'max_message_length': rng.choice([None, 1, 3, 3])}
        if stage == 2:
            options['typing_timeout_ms'] = rng.choice([None, 1, 5, 5])
            options['history_size'] = rng.choice([None, 0, 1, 2, 2])
        options = {k: v for k, v in options.items() if v is not None}
        steps = rng.randint(15, 30)
        model = ChatModel(stage, options.get('max_message_length', 1000), options.get('typing_timeout_ms', 3000),
                          options.get('history_size', 50))
        now = [0]
        got = {}

        def listener_for(client_id):
            def listener(event):
                if stage == 2 or event.get('type') == 'message':
                    got.setdefault(client_id, []).append(snapshot(event))
                if client_id == 'xo':
                    raise RuntimeError('xo crashed')
            return listener

        done = ['ChatBroker(' + ', '.join(['clock'] + [f'{k}={v}' for k, v in options.items()]) + ')']
        where = f'(seed {seed}, scenario {scenario})'
        try:
            broker = ChatBroker(clock=lambda: now[0], **options)
        except Exception as err:  # noqa: BLE001
            test.fail(f'{done[0]} raised {type(err).__name__}: {err} {where}')
        checked = {}
        for _ in range(steps):
            op = random_op(rng, stage, model)
            expected = model.apply(op)
            if op[0] == 'advance':
                now[0] += op[1]
            actual = call(broker, op, listener_for)
            story = ', '.join(done)
            if actual != expected:
                test.fail(f'{story}: {show_op(op)} expected {show_outcome(expected, full=True)}, '
                          f'got {show_outcome(actual, full=True)} {where}')
            # Scribbling on what the broker returned must not change it.
            if isinstance(actual[1], list):
                for item in actual[1]:
                    if isinstance(item, dict):
                        item['text'] = 'scribbled'
                actual[1].clear()
            done.append(show_op(op) if expected == ('ok', None) else f'{show_op(op)} → {show_outcome(expected)}')
            for client_id in set(got) | set(model.inbox):
                start = checked.get(client_id, 0)
                have = got.get(client_id, [])
                want = model.inbox.get(client_id, [])
                if len(have) != len(want) or have[start:] != want[start:]:
                    test.fail(f'{", ".join(done)}: new events of {client_id!r} expected {want[start:]!r}, '
                              f'got {have[start:]!r} {where}')
                checked[client_id] = len(have)


class Stage1ModelTest(unittest.TestCase):
    """Stage 1: random sequences agree with a small model"""

    def test_model_stage1(self):
        """[model] connect, disconnect and send match the model, events and errors included"""
        run_model_scenarios(self, stage=1, seed=14, scenarios=100)


class Stage2ModelTest(unittest.TestCase):
    """Stage 2: random sequences agree with a small model"""

    def test_model_stage2(self):
        """[model] every operation, typing, history and presence included, matches the model, events and errors included"""
        run_model_scenarios(self, stage=2, seed=15, scenarios=100)
