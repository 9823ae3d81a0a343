import random
import unittest
from types import SimpleNamespace

from chat.handlers import SupportDesk
from chat.models import DeskError

AGENTS = ['alex', 'bea']
MISSING = '(missing)'


class Clock:
    """A clock the test moves by hand: desk = new_desk(clock); clock.now = 500."""

    def __init__(self, now=0):
        self.now = now

    def __call__(self):
        return self.now


def new_desk(clock, agents=AGENTS):
    return SupportDesk(clock=clock, agents=list(agents))


class Inbox:
    """A listener that keeps every event pushed to it (the objects themselves)."""

    def __init__(self):
        self.events = []

    def __call__(self, event):
        self.events.append(event)

    def of(self, kind):
        return [e for e in self.events if e.get('type') == kind]

    def texts(self):
        return [e['message'].text for e in self.of('message')]


def ignore(event):
    """A listener that does nothing."""


def core(m):
    """A message without the fields that belong to features (for Requirement 1's comparisons)."""
    return {'id': m.id, 'conversation_id': m.conversation_id, 'author_id': m.author_id, 'role': m.role,
            'text': m.text, 'sent_at': m.sent_at}


def edited_at(m):
    """A message's edited_at, or MISSING if it has no such field."""
    return getattr(m, 'edited_at', MISSING)


def desk_error(test, fn, what):
    """Runs fn and returns the DeskError it raises; fails if it raises anything else or nothing."""
    try:
        fn()
    except DeskError as err:
        return err
    except Exception as err:  # noqa: BLE001 - reported as a failure with what was raised
        test.fail(f'{what}: expected a DeskError, got {type(err).__name__}: {err}')
    test.fail(f'{what}: expected a DeskError, but the call returned normally')


def code_of(test, fn, what):
    """The code of the DeskError fn raises."""
    return desk_error(test, fn, what).code


def scene(start=0):
    """Vera's conversation c1 with vera's tab and alex's view open, in that order."""
    t = Clock(start)
    desk = new_desk(t)
    c1 = desk.open_conversation('vera').id
    vera, alex = Inbox(), Inbox()
    vera_tab = desk.connect('vera', c1, vera)
    alex_view = desk.connect('alex', c1, alex)
    return SimpleNamespace(t=t, desk=desk, c1=c1, vera=vera, alex=alex, vera_tab=vera_tab, alex_view=alex_view)


class Requirement1Test(unittest.TestCase):
    """Requirement 1"""

    def test_open_conversation(self):
        """[R1] numbers conversations c1, c2, ... and stamps them with the clock"""
        t = Clock(500)
        desk = new_desk(t)
        c = desk.open_conversation('vera')
        self.assertEqual((c.id, c.visitor_id, c.started_at), ('c1', 'vera', 500), 'the first conversation')
        t.now = 800
        c = desk.open_conversation('walt')
        self.assertEqual((c.id, c.visitor_id, c.started_at), ('c2', 'walt', 800), 'the second')
        self.assertEqual(desk.open_conversation('vera').id, 'c3', 'a visitor may open another')

    def test_bad_visitor(self):
        """[R2] refuses a visitor id that is empty, not a string, or an agent's"""
        desk = new_desk(Clock())
        for bad in ['', 42, 'alex']:
            with self.subTest(visitor_id=bad):
                self.assertEqual(code_of(self, lambda: desk.open_conversation(bad), f'open_conversation({bad!r})'),
                                 'INVALID_ARGUMENT')
        self.assertEqual(desk.open_conversation('vera').id, 'c1', 'rejected calls open nothing')

    def test_connection_ids(self):
        """[R3] numbers connections k1, k2, ... across conversations and lets a user open several tabs"""
        desk = new_desk(Clock())
        c1 = desk.open_conversation('vera').id
        c2 = desk.open_conversation('walt').id
        self.assertEqual(desk.connect('vera', c1, ignore), 'k1')
        self.assertEqual(desk.connect('walt', c2, ignore), 'k2')
        self.assertEqual(desk.connect('vera', c1, ignore), 'k3', "vera's second tab")
        self.assertEqual(desk.connect('alex', c2, ignore), 'k4')
        self.assertEqual(desk.connect('alex', c1, ignore), 'k5', 'an agent may open several conversations')

    def test_who_may_connect(self):
        """[R4] lets only the visitor and the agents in, checks the conversation first, and wastes no id"""
        desk = new_desk(Clock())
        c1 = desk.open_conversation('vera').id
        desk.open_conversation('walt')
        self.assertEqual(code_of(self, lambda: desk.connect('zed', 'c9', ignore), 'a stranger to an unknown conversation'),
                         'NOT_FOUND')
        self.assertEqual(code_of(self, lambda: desk.connect('zed', c1, ignore), 'a stranger'), 'FORBIDDEN')
        self.assertEqual(code_of(self, lambda: desk.connect('walt', c1, ignore), 'another visitor'), 'FORBIDDEN')
        self.assertEqual(desk.connect('bea', c1, ignore), 'k1', 'the rejected connects used up no id')

    def test_send_returns_message(self):
        """[R5] returns the stored message with its author, role, exact text and time"""
        s = scene(100)
        s.t.now = 250
        self.assertEqual(core(s.desk.send(s.vera_tab, '  Hi there  ')),
                         {'id': 1, 'conversation_id': s.c1, 'author_id': 'vera', 'role': 'visitor',
                          'text': '  Hi there  ', 'sent_at': 250}, "vera's message")
        s.t.now = 400
        self.assertEqual(core(s.desk.send(s.alex_view, 'Hello!')),
                         {'id': 2, 'conversation_id': s.c1, 'author_id': 'alex', 'role': 'agent',
                          'text': 'Hello!', 'sent_at': 400}, "alex's reply")

    def test_message_ids(self):
        """[R6] counts message ids across the whole desk and skips none for rejected sends"""
        desk = new_desk(Clock())
        c1 = desk.open_conversation('vera').id
        c2 = desk.open_conversation('walt').id
        vera = desk.connect('vera', c1, ignore)
        walt = desk.connect('walt', c2, ignore)
        self.assertEqual(desk.send(vera, 'a').id, 1)
        self.assertEqual(desk.send(walt, 'b').id, 2, 'ids are shared by all conversations')
        code_of(self, lambda: desk.send(vera, '   '), 'an empty send')
        code_of(self, lambda: desk.send('k9', 'hello'), 'a send on an unknown connection')
        self.assertEqual(desk.send(vera, 'c').id, 3, 'rejected sends used up no id')

    def test_send_checks(self):
        """[R7] checks the connection, then that the text is a string, then that it is not blank"""
        s = scene()
        desk = s.desk
        desk.disconnect(s.vera_tab)
        self.assertEqual(code_of(self, lambda: desk.send(s.vera_tab, 42), 'a closed connection with bad text'),
                         'UNKNOWN_CONNECTION')
        tab = desk.connect('vera', s.c1, ignore)
        self.assertEqual(code_of(self, lambda: desk.send(tab, 42), 'a number'), 'INVALID_ARGUMENT')
        self.assertEqual(code_of(self, lambda: desk.send(tab, None), 'nothing'), 'INVALID_ARGUMENT')
        self.assertEqual(code_of(self, lambda: desk.send(tab, ''), 'an empty text'), 'EMPTY_MESSAGE')
        self.assertEqual(code_of(self, lambda: desk.send(tab, ' \n\t '), 'whitespace only'), 'EMPTY_MESSAGE')
        self.assertEqual(desk.messages(s.c1), [], 'nothing was stored')
        self.assertEqual(s.alex.texts(), [], 'nothing was delivered')

    def test_messages(self):
        """[R8] lists a conversation's messages oldest first, and only its own"""
        desk = new_desk(Clock())
        c1 = desk.open_conversation('vera').id
        c2 = desk.open_conversation('walt').id
        vera = desk.connect('vera', c1, ignore)
        walt = desk.connect('walt', c2, ignore)
        alex = desk.connect('alex', c1, ignore)
        self.assertEqual(desk.messages(c1), [], 'no messages yet')
        desk.send(vera, 'one')
        desk.send(walt, 'elsewhere')
        desk.send(alex, 'two')
        self.assertEqual([m.text for m in desk.messages(c1)], ['one', 'two'], 'c1, oldest first')
        self.assertEqual([m.text for m in desk.messages(c2)], ['elsewhere'], 'c2')
        self.assertEqual(code_of(self, lambda: desk.messages('c9'), 'an unknown conversation'), 'NOT_FOUND')

    def test_disconnect(self):
        """[R9] closes a connection once; closing it again, or an unknown id, is an error"""
        s = scene()
        s.desk.disconnect(s.vera_tab)
        self.assertEqual(code_of(self, lambda: s.desk.disconnect(s.vera_tab), 'closing twice'), 'UNKNOWN_CONNECTION')
        self.assertEqual(code_of(self, lambda: s.desk.disconnect('k42'), 'an unknown id'), 'UNKNOWN_CONNECTION')
        self.assertEqual(code_of(self, lambda: s.desk.send(s.vera_tab, 'hi'), 'sending on a closed connection'),
                         'UNKNOWN_CONNECTION')

    def test_error_messages(self):
        """[R10] raises DeskErrors whose message names what is at fault"""
        s = scene()
        desk = s.desk
        unknown = desk_error(self, lambda: desk.send('k77', 'hi'), 'an unknown connection')
        self.assertEqual(type(unknown).__name__, 'DeskError', "the error's class")
        self.assertIsInstance(unknown, Exception)
        self.assertMessage(unknown, 'k77', msg='names the connection')
        self.assertMessage(desk_error(self, lambda: desk.messages('c55'), 'an unknown conversation'), 'c55', msg='names the conversation')
        self.assertMessage(desk_error(self, lambda: desk.connect('mallory', s.c1, ignore), 'a stranger'), 'mallory', msg='names the user')
        self.assertMessage(desk_error(self, lambda: desk.open_conversation(''), 'an empty visitor'), 'visitor_id', msg='names the argument')
        self.assertMessage(desk_error(self, lambda: desk.send(s.vera_tab, 7), 'a number as text'), 'text', msg='names the argument')

    def test_history_first(self):
        """[R11] sends a new connection the history first: every message so far, oldest first"""
        s = scene()
        s.t.now = 10
        a = s.desk.send(s.vera_tab, 'Hello?')
        s.t.now = 20
        b = s.desk.send(s.alex_view, 'Hi Vera')
        bea = Inbox()
        s.desk.connect('bea', s.c1, bea)
        self.assertTrue(bea.events, 'bea should have received an event')
        first = bea.events[0]
        self.assertEqual(first.get('type'), 'history', 'the first event')
        self.assertEqual(first.get('conversation_id'), s.c1, 'the history names its conversation')
        self.assertEqual([core(m) for m in first['messages']], [core(a), core(b)], 'both messages, oldest first')

    def test_history_empty(self):
        """[R11] sends an empty history when nothing was said yet, and nothing from other conversations"""
        desk = new_desk(Clock())
        c1 = desk.open_conversation('vera').id
        c2 = desk.open_conversation('walt').id
        desk.send(desk.connect('walt', c2, ignore), 'not for vera')
        vera = Inbox()
        desk.connect('vera', c1, vera)
        self.assertEqual(vera.of('history'), [{'type': 'history', 'conversation_id': c1, 'messages': []}],
                         'one history event, empty')

    def test_delivers_both_ways(self):
        """[R12] delivers each side's messages to the other, as send returned them"""
        s = scene()
        s.t.now = 5
        question = s.desk.send(s.vera_tab, 'Where is my parcel?')
        s.t.now = 9
        answer = s.desk.send(s.alex_view, 'Let me check.')
        self.assertEqual([core(e['message']) for e in s.alex.of('message')], [core(question)],
                         "alex gets vera's question")
        self.assertEqual([core(e['message']) for e in s.vera.of('message')], [core(answer)],
                         "vera gets alex's answer")

    def test_delivery_order(self):
        """[R12] delivers to every other connection, the sender's other tabs included, in the order they opened"""
        s = scene()
        order = []

        def recorder(name):
            def listener(event):
                if event.get('type') == 'message':
                    order.append(f"{name}:{event['message'].text}")
            return listener

        s.desk.connect('bea', s.c1, recorder('bea'))
        s.desk.connect('vera', s.c1, recorder('vera-2'))
        s.desk.connect('alex', s.c1, recorder('alex-2'))
        s.desk.send(s.vera_tab, 'one')
        s.desk.send(s.vera_tab, 'two')
        self.assertEqual(order, ['bea:one', 'vera-2:one', 'alex-2:one', 'bea:two', 'vera-2:two', 'alex-2:two'],
                         'every other connection, in the order they opened')

    def test_no_echo(self):
        """[R13] does not echo a message to the connection it was sent from"""
        s = scene()
        s.desk.send(s.vera_tab, 'from vera')
        s.desk.send(s.alex_view, 'from alex')
        self.assertEqual(s.vera.texts(), ['from alex'], 'vera only hears alex')
        self.assertEqual(s.alex.texts(), ['from vera'], 'alex only hears vera')

    def test_conversations_apart(self):
        """[R14] keeps conversations apart"""
        s = scene()
        c2 = s.desk.open_conversation('walt').id
        walt, bea = Inbox(), Inbox()
        walt_tab = s.desk.connect('walt', c2, walt)
        s.desk.connect('bea', c2, bea)
        s.desk.send(s.vera_tab, 'for c1')
        s.desk.send(walt_tab, 'for c2')
        self.assertEqual(s.alex.texts(), ['for c1'], 'c1 hears only c1')
        self.assertEqual(s.vera.texts(), [], 'vera hears nothing of c2')
        self.assertEqual(bea.texts(), ['for c2'], 'c2 hears only c2')
        self.assertEqual(walt.texts(), [], 'walt hears nothing of c1')

    def test_closed_hears_nothing(self):
        """[R15] delivers nothing more to a closed connection, and still to the others"""
        s = scene()
        bea = Inbox()
        s.desk.connect('bea', s.c1, bea)
        s.desk.send(s.vera_tab, 'before')
        before = len(s.alex.events)
        s.desk.disconnect(s.alex_view)
        s.desk.send(s.vera_tab, 'after')
        self.assertEqual(len(s.alex.events), before, 'alex closed the conversation')
        self.assertEqual(bea.texts(), ['before', 'after'], 'bea still hears vera')

    def test_model(self):
        """[model] random sessions of opening, connecting, sending and closing agree with a model"""
        run_model(self, 'Requirement 1', seed=101)


class TypingIndicatorTest(unittest.TestCase):
    """Typing indicator"""

    def test_typing_events(self):
        """[R16] tells the other connections on every keystroke, not the typist's own connection"""
        s = scene()
        vera_second = Inbox()
        s.desk.connect('vera', s.c1, vera_second)
        c2 = s.desk.open_conversation('walt').id
        bea = Inbox()
        s.desk.connect('bea', c2, bea)
        s.desk.typing(s.vera_tab)
        s.desk.typing(s.vera_tab)
        expected = {'type': 'typing', 'conversation_id': s.c1, 'user_id': 'vera'}
        self.assertEqual(s.alex.of('typing'), [expected, expected], 'alex hears both keystrokes')
        self.assertEqual(vera_second.of('typing'), [expected, expected], "vera's other tab too")
        self.assertEqual(s.vera.of('typing'), [], 'not the typing tab')
        self.assertEqual(bea.of('typing'), [], 'not another conversation')

    def test_typing_closed(self):
        """[R17] refuses a keystroke on a connection that is not open"""
        s = scene()
        s.desk.disconnect(s.vera_tab)
        self.assertEqual(code_of(self, lambda: s.desk.typing(s.vera_tab), 'a closed connection'), 'UNKNOWN_CONNECTION')
        self.assertEqual(code_of(self, lambda: s.desk.typing('k99'), 'an unknown connection'), 'UNKNOWN_CONNECTION')

    def test_typing_window(self):
        """[R18] counts a user as typing for 3000 ms after the last keystroke, sorted"""
        s = scene(1_000)
        desk = s.desk
        bea_view = desk.connect('bea', s.c1, ignore)
        self.assertEqual(desk.typing_users(s.c1), [], 'nobody typed yet')
        desk.typing(s.vera_tab)
        desk.typing(bea_view)
        s.t.now = 2_000
        desk.typing(s.alex_view)
        self.assertEqual(desk.typing_users(s.c1), ['alex', 'bea', 'vera'], 'three typists, sorted')
        s.t.now = 3_999
        self.assertEqual(desk.typing_users(s.c1), ['alex', 'bea', 'vera'], '2999 ms after the keystroke')
        desk.typing(bea_view)
        s.t.now = 4_000
        self.assertEqual(desk.typing_users(s.c1), ['alex', 'bea'], 'exactly 3000 ms later vera stops; bea typed again')
        s.t.now = 5_000
        self.assertEqual(desk.typing_users(s.c1), ['bea'], "alex's keystroke is 3000 ms old")
        s.t.now = 6_999
        self.assertEqual(desk.typing_users(s.c1), [], "bea's too")

    def test_typing_per_conversation(self):
        """[R18] keeps each conversation's typists apart"""
        s = scene()
        c2 = s.desk.open_conversation('walt').id
        walt_tab = s.desk.connect('walt', c2, ignore)
        s.desk.typing(walt_tab)
        self.assertEqual(s.desk.typing_users(s.c1), [], 'walt typed in c2')
        s.desk.typing(s.alex_view)
        self.assertEqual(s.desk.typing_users(c2), ['walt'], 'alex typed in c1 only')

    def test_send_clears_typing(self):
        """[R19] clears a user's typing when they send, there only, and not when they close the connection"""
        s = scene()
        desk = s.desk
        c2 = desk.open_conversation('walt').id
        alex_on_c2 = desk.connect('alex', c2, ignore)
        desk.typing(s.vera_tab)
        desk.typing(s.alex_view)
        desk.typing(alex_on_c2)
        s.t.now = 100
        desk.send(alex_on_c2, 'done in c2')
        self.assertEqual(desk.typing_users(s.c1), ['alex', 'vera'], 'sending in c2 leaves c1 alone')
        self.assertEqual(desk.typing_users(c2), [], 'alex sent in c2')
        desk.send(s.vera_tab, 'sent')
        self.assertEqual(desk.typing_users(s.c1), ['alex'], 'only the sender stops typing')
        desk.disconnect(s.alex_view)
        self.assertEqual(desk.typing_users(s.c1), ['alex'], 'closing the connection does not clear it')

    def test_typing_unknown_conversation(self):
        """[R20] refuses an unknown conversation"""
        desk = new_desk(Clock())
        self.assertEqual(code_of(self, lambda: desk.typing_users('c1'), 'no conversation yet'), 'NOT_FOUND')

    def test_model(self):
        """[model] random sessions with keystrokes agree with a model, typing events included"""
        run_model(self, 'typing', seed=102)


class PresenceTest(unittest.TestCase):
    """Presence"""

    def test_online(self):
        """[R21] announces a user's first connection to the others, after the joiner's history"""
        t = Clock(0)
        desk = new_desk(t)
        c1 = desk.open_conversation('vera').id
        vera = Inbox()
        desk.connect('vera', c1, vera)
        t.now = 300
        alex = Inbox()
        desk.connect('alex', c1, alex)
        self.assertEqual(vera.of('presence'),
                         [{'type': 'presence', 'conversation_id': c1, 'user_id': 'alex', 'status': 'online', 'at': 300}],
                         'vera hears alex come online at 300')
        self.assertEqual(alex.events[0].get('type') if alex.events else None, 'history',
                         "the joiner's first event is still the history")
        self.assertEqual(alex.of('presence'), [], 'the joiner hears nothing about itself')

    def test_online_elsewhere(self):
        """[R21] does not announce a user in other conversations"""
        s = scene()
        before = len(s.vera.of('presence'))
        c2 = s.desk.open_conversation('walt').id
        s.desk.connect('walt', c2, ignore)
        s.desk.connect('bea', c2, ignore)
        self.assertEqual(len(s.vera.of('presence')), before, 'c1 hears nothing about c2')

    def test_second_tab(self):
        """[R22] says nothing when a user who is already online opens another tab"""
        s = scene()
        before = len(s.alex.of('presence'))
        s.desk.connect('vera', s.c1, ignore)
        self.assertEqual(len(s.alex.of('presence')), before, 'vera was already online')

    def test_offline(self):
        """[R23] announces offline only when the user's last connection closes"""
        s = scene()
        second = s.desk.connect('vera', s.c1, ignore)
        s.t.now = 700
        s.desk.disconnect(s.vera_tab)
        self.assertEqual(s.alex.of('presence'), [], 'vera still has a tab open')
        s.t.now = 900
        s.desk.disconnect(second)
        self.assertEqual(s.alex.of('presence'),
                         [{'type': 'presence', 'conversation_id': s.c1, 'user_id': 'vera', 'status': 'offline', 'at': 900}],
                         'vera went offline at 900')

    def test_online_users(self):
        """[R24] lists who is online in a conversation, once each, sorted"""
        s = scene()
        desk = s.desk
        desk.connect('vera', s.c1, ignore)
        desk.connect('bea', s.c1, ignore)
        self.assertEqual(desk.online_users(s.c1), ['alex', 'bea', 'vera'], 'three users, sorted')
        desk.disconnect(s.vera_tab)
        desk.disconnect(s.alex_view)
        self.assertEqual(desk.online_users(s.c1), ['bea', 'vera'], 'alex left; vera has a tab left')
        c2 = desk.open_conversation('walt').id
        self.assertEqual(desk.online_users(c2), [], 'nobody in c2 yet')
        self.assertEqual(code_of(self, lambda: desk.online_users('c9'), 'an unknown conversation'), 'NOT_FOUND')

    def test_model(self):
        """[model] random sessions agree with a model, presence events included"""
        run_model(self, 'presence', seed=103)


class ReadReceiptsTest(unittest.TestCase):
    """Read receipts"""

    def test_read_event(self):
        """[R25][R26] tells the other connections how far a user has read"""
        s = scene()
        vera_second = Inbox()
        s.desk.connect('vera', s.c1, vera_second)
        s.desk.send(s.vera_tab, 'one')
        s.desk.send(s.vera_tab, 'two')
        s.t.now = 60
        s.desk.mark_read(s.alex_view, 2)
        expected = {'type': 'read', 'conversation_id': s.c1, 'user_id': 'alex', 'message_id': 2, 'at': 60}
        self.assertEqual(s.vera.of('read'), [expected], 'vera sees alex read up to 2')
        self.assertEqual(vera_second.of('read'), [expected], "so does vera's other tab")
        self.assertEqual(s.alex.of('read'), [], 'not the connection that read')

    def test_position_per_user(self):
        """[R25][R27] keeps one position per user, shared by their connections, that only moves forward"""
        s = scene()
        alex_second = s.desk.connect('alex', s.c1, ignore)
        for text in ['a', 'b', 'c']:
            s.desk.send(s.vera_tab, text)
        s.desk.mark_read(s.alex_view, 2)
        s.desk.mark_read(alex_second, 2)
        s.desk.mark_read(alex_second, 1)
        self.assertEqual([e['message_id'] for e in s.vera.of('read')], [2], 'the same or an earlier id says nothing')
        self.assertEqual(s.desk.read_by(s.c1, 2), ['alex'], 'alex read 2')
        s.desk.mark_read(alex_second, 3)
        self.assertEqual([e['message_id'] for e in s.vera.of('read')], [2, 3], 'a later id moves it')

    def test_mark_read_checks(self):
        """[R28] checks the connection, then that the message is in the connection's conversation"""
        s = scene()
        c2 = s.desk.open_conversation('walt').id
        walt_tab = s.desk.connect('walt', c2, ignore)
        s.desk.send(s.vera_tab, 'in c1')
        other = s.desk.send(walt_tab, 'in c2')
        s.desk.disconnect(s.vera_tab)
        self.assertEqual(code_of(self, lambda: s.desk.mark_read(s.vera_tab, 99),
                                 'a closed connection and an unknown message'), 'UNKNOWN_CONNECTION')
        self.assertEqual(code_of(self, lambda: s.desk.mark_read(s.alex_view, other.id),
                                 'a message of another conversation'), 'NOT_FOUND')
        self.assertEqual(code_of(self, lambda: s.desk.mark_read(s.alex_view, 99), 'an unknown message'), 'NOT_FOUND')

    def test_read_by(self):
        """[R29] lists who read a message, sorted, without its author"""
        s = scene()
        bea_view = s.desk.connect('bea', s.c1, ignore)
        m1 = s.desk.send(s.vera_tab, 'one')
        m2 = s.desk.send(s.alex_view, 'two')
        m3 = s.desk.send(s.vera_tab, 'three')
        s.desk.mark_read(s.vera_tab, m3.id)
        s.desk.mark_read(bea_view, m2.id)
        s.desk.mark_read(s.alex_view, m1.id)
        self.assertEqual(s.desk.read_by(s.c1, m1.id), ['alex', 'bea'], 'vera wrote it; bea and alex read it')
        self.assertEqual(s.desk.read_by(s.c1, m2.id), ['bea', 'vera'], 'alex wrote it; vera read past it')
        self.assertEqual(s.desk.read_by(s.c1, m3.id), [], 'only vera, its author, reached it')

    def test_read_by_checks(self):
        """[R29] refuses an unknown conversation or a message that is not in it"""
        s = scene()
        c2 = s.desk.open_conversation('walt').id
        m = s.desk.send(s.vera_tab, 'one')
        self.assertEqual(code_of(self, lambda: s.desk.read_by('c9', m.id), 'an unknown conversation'), 'NOT_FOUND')
        self.assertEqual(code_of(self, lambda: s.desk.read_by(c2, m.id), 'a message of another conversation'),
                         'NOT_FOUND')
        self.assertEqual(code_of(self, lambda: s.desk.read_by(s.c1, 42), 'an unknown message'), 'NOT_FOUND')

    def test_model(self):
        """[model] random sessions with read marks agree with a model, read events included"""
        run_model(self, 'read-receipts', seed=104)


class UnreadCountsTest(unittest.TestCase):
    """Unread counts"""

    def test_entries(self):
        """[R30] has an entry for each conversation the user may join"""
        desk = new_desk(Clock())
        self.assertEqual(desk.unread_counts('alex'), {}, 'no conversations yet')
        c1 = desk.open_conversation('vera').id
        c2 = desk.open_conversation('walt').id
        c3 = desk.open_conversation('vera').id
        self.assertEqual(desk.unread_counts('alex'), {c1: 0, c2: 0, c3: 0}, 'an agent sees every conversation')
        self.assertEqual(desk.unread_counts('vera'), {c1: 0, c3: 0}, 'a visitor sees their own')
        self.assertEqual(desk.unread_counts('zed'), {}, 'anyone else sees none')

    def test_counts_while_away(self):
        """[R31] counts the messages that arrive while a user has no connection to the conversation"""
        desk = new_desk(Clock())
        c1 = desk.open_conversation('vera').id
        c2 = desk.open_conversation('walt').id
        vera = desk.connect('vera', c1, ignore)
        alex = desk.connect('alex', c1, ignore)
        desk.send(vera, 'one')
        desk.send(vera, 'two')
        desk.send(desk.connect('walt', c2, ignore), 'hello')
        self.assertEqual(desk.unread_counts('bea'), {c1: 2, c2: 1}, 'bea was never connected')
        self.assertEqual(desk.unread_counts('alex'), {c1: 0, c2: 1}, 'alex is connected to c1, not to c2')
        self.assertEqual(desk.unread_counts('vera'), {c1: 0}, 'her own messages never count')
        desk.disconnect(vera)
        desk.send(alex, 'reply')
        self.assertEqual(desk.unread_counts('vera'), {c1: 1}, 'vera left before the reply')
        self.assertEqual(desk.unread_counts('bea')[c1], 3, 'bea counts the reply too')

    def test_other_tab(self):
        """[R31] counts nothing for a user connected in another tab"""
        desk = new_desk(Clock())
        c1 = desk.open_conversation('vera').id
        vera1 = desk.connect('vera', c1, ignore)
        desk.connect('vera', c1, ignore)
        alex = desk.connect('alex', c1, ignore)
        desk.disconnect(vera1)
        desk.send(alex, 'still connected in one tab')
        self.assertEqual(desk.unread_counts('vera'), {c1: 0}, 'vera still has a tab open')

    def test_reset_on_connect(self):
        """[R32] resets a user's count when they open the conversation, and counts again after they leave"""
        desk = new_desk(Clock())
        c1 = desk.open_conversation('vera').id
        vera = desk.connect('vera', c1, ignore)
        desk.send(vera, 'one')
        desk.send(vera, 'two')
        self.assertEqual(desk.unread_counts('alex')[c1], 2, 'two unread')
        view = desk.connect('alex', c1, ignore)
        self.assertEqual(desk.unread_counts('alex')[c1], 0, 'opening it resets the count')
        desk.disconnect(view)
        desk.send(vera, 'three')
        self.assertEqual(desk.unread_counts('alex')[c1], 1, 'one new message since')

    def test_model(self):
        """[model] random sessions agree with a model of the unread counts"""
        run_model(self, 'unread', seed=105)


class ReconnectTest(unittest.TestCase):
    """Reconnect with missed messages"""

    def test_since(self):
        """[R33] sends a reconnecting client only the messages after the one it has"""
        desk = new_desk(Clock())
        c1 = desk.open_conversation('vera').id
        c2 = desk.open_conversation('walt').id
        alex = desk.connect('alex', c1, ignore)
        walt = desk.connect('walt', c2, ignore)
        vera = desk.connect('vera', c1, ignore)
        desk.send(alex, 'one')  # 1
        desk.send(walt, 'other conversation')  # 2
        desk.send(vera, 'two')  # 3
        desk.disconnect(vera)
        desk.send(alex, 'three')  # 4
        desk.send(walt, 'other again')  # 5
        desk.send(alex, 'four')  # 6
        back = Inbox()
        desk.connect('vera', c1, back, since=3)
        self.assertEqual(back.events[0].get('type') if back.events else None, 'history', 'the history comes first')
        self.assertEqual([(m.id, m.text) for m in back.events[0]['messages']], [(4, 'three'), (6, 'four')],
                         'only what vera missed in c1')
        from_two = Inbox()
        desk.connect('bea', c1, from_two, since=2)
        self.assertEqual([m.id for m in from_two.events[0]['messages']], [3, 4, 6], 'ids greater than 2')

    def test_nothing_missed(self):
        """[R34] sends an empty history when nothing was missed, and everything from 0"""
        s = scene()
        s.desk.send(s.vera_tab, 'one')
        s.desk.send(s.vera_tab, 'two')
        for since in [2, 50]:
            with self.subTest(since=since):
                box = Inbox()
                s.desk.connect('bea', s.c1, box, since=since)
                self.assertEqual(box.of('history'), [{'type': 'history', 'conversation_id': s.c1, 'messages': []}],
                                 f'since {since}')
        everything = Inbox()
        s.desk.connect('bea', s.c1, everything, since=0)
        self.assertEqual([m.text for m in everything.events[0]['messages']], ['one', 'two'], 'since 0')

    def test_bad_since(self):
        """[R35] refuses a since that is not a whole number >= 0, after the other checks, and opens nothing"""
        desk = new_desk(Clock())
        c1 = desk.open_conversation('vera').id
        for since in [-1, 1.5, float('nan'), True]:
            with self.subTest(since=since):
                self.assertEqual(code_of(self, lambda: desk.connect('vera', c1, ignore, since=since), f'since {since!r}'),
                                 'INVALID_ARGUMENT')
        self.assertEqual(code_of(self, lambda: desk.connect('vera', 'c9', ignore, since=-1), 'an unknown conversation first'),
                         'NOT_FOUND')
        self.assertEqual(code_of(self, lambda: desk.connect('zed', c1, ignore, since=-1), 'a stranger first'), 'FORBIDDEN')
        self.assertEqual(desk.connect('vera', c1, ignore), 'k1', 'nothing was opened')

    def test_model(self):
        """[model] random sessions with reconnects agree with a model"""
        run_model(self, 'reconnect', seed=106)


class MessageEditingTest(unittest.TestCase):
    """Message editing"""

    def test_edited_at_none(self):
        """[R36] gives every new message edited_at None"""
        s = scene()
        self.assertIsNone(edited_at(s.desk.send(s.vera_tab, 'hi')), 'the returned message')
        self.assertIsNone(edited_at(s.desk.messages(s.c1)[0]), 'the stored message')
        self.assertIsNone(edited_at(s.alex.of('message')[0]['message']), 'the delivered message')

    def test_edit_returns(self):
        """[R37] returns the edited message: new text and edited_at, the rest unchanged"""
        s = scene(1_000)
        sent = s.desk.send(s.vera_tab, 'helo')
        s.t.now = 4_000
        edited = s.desk.edit(s.vera_tab, sent.id, 'hello')
        self.assertEqual({**core(edited), 'edited_at': edited_at(edited)},
                         {'id': sent.id, 'conversation_id': s.c1, 'author_id': 'vera', 'role': 'visitor',
                          'text': 'hello', 'sent_at': 1_000, 'edited_at': 4_000}, 'the edited message')

    def test_edit_event(self):
        """[R38] sends the edited message to the other connections"""
        s = scene()
        alex_second = Inbox()
        s.desk.connect('alex', s.c1, alex_second)
        sent = s.desk.send(s.alex_view, 'Your refund is on its way')
        s.t.now = 50
        edited = s.desk.edit(s.alex_view, sent.id, 'Your refund was sent today')
        self.assertEqual(s.vera.of('edit'), [{'type': 'edit', 'message': edited}], 'vera gets the edit')
        self.assertEqual(alex_second.of('edit'), [{'type': 'edit', 'message': edited}], "so does alex's other view")
        self.assertEqual(s.alex.of('edit'), [], 'not the connection that edited')

    def test_edit_in_place(self):
        """[R39 messages, connect] shows the edited message in messages() and in the history, in its place"""
        s = scene()
        s.desk.send(s.vera_tab, 'one')
        two = s.desk.send(s.alex_view, 'twoo')
        s.desk.send(s.vera_tab, 'three')
        s.desk.edit(s.alex_view, two.id, 'two')
        self.assertEqual([m.text for m in s.desk.messages(s.c1)], ['one', 'two', 'three'], 'messages()')
        bea = Inbox()
        s.desk.connect('bea', s.c1, bea)
        history = bea.events[0]['messages']
        self.assertEqual([m.text for m in history], ['one', 'two', 'three'], "a new connection's history")
        self.assertIsInstance(edited_at(history[1]), int, 'with its edited_at')

    def test_old_objects_unchanged(self):
        """[R40] leaves the objects handed out before as they were"""
        s = scene()
        sent = s.desk.send(s.vera_tab, 'original')
        listed = s.desk.messages(s.c1)
        bea = Inbox()
        s.desk.connect('bea', s.c1, bea)
        s.t.now = 10
        s.desk.edit(s.vera_tab, sent.id, 'changed')
        self.assertEqual((sent.text, edited_at(sent)), ('original', None), 'the message send returned')
        self.assertEqual(s.alex.of('message')[0]['message'].text, 'original', 'the message event delivered before')
        self.assertEqual([m.text for m in bea.events[0]['messages']], ['original'], 'the history delivered before')
        self.assertEqual([m.text for m in listed], ['original'], 'the list messages() returned before')

    def test_only_author(self):
        """[R41] lets only the author edit, from any of their connections"""
        s = scene()
        sent = s.desk.send(s.vera_tab, 'mine')
        self.assertEqual(code_of(self, lambda: s.desk.edit(s.alex_view, sent.id, 'not yours'),
                                 "an agent editing vera's message"), 'FORBIDDEN')
        vera_second = s.desk.connect('vera', s.c1, ignore)
        self.assertEqual(s.desk.edit(vera_second, sent.id, 'still mine').text, 'still mine', "vera's other tab")

    def test_edit_window(self):
        """[R42] closes the edit window exactly 15 minutes after sending"""
        s = scene(10_000)
        a = s.desk.send(s.vera_tab, 'a')
        b = s.desk.send(s.vera_tab, 'b')
        s.t.now = 10_000 + 899_999
        self.assertEqual(s.desk.edit(s.vera_tab, a.id, 'a2').text, 'a2', 'one ms before the window closes')
        s.t.now = 10_000 + 900_000
        self.assertEqual(code_of(self, lambda: s.desk.edit(s.vera_tab, b.id, 'b2'), 'exactly 15 minutes later'),
                         'EDIT_WINDOW_CLOSED')
        self.assertEqual(code_of(self, lambda: s.desk.edit(s.vera_tab, a.id, 'a3'), 'an edit does not reopen the window'),
                         'EDIT_WINDOW_CLOSED')

    def test_edit_checks(self):
        """[R43] checks connection, message, author, window, then text, and changes nothing when it refuses"""
        s = scene()
        desk = s.desk
        c2 = desk.open_conversation('walt').id
        walt_tab = desk.connect('walt', c2, ignore)
        mine = desk.send(s.alex_view, 'agent text')
        elsewhere = desk.send(walt_tab, 'walt text')
        closed_tab = desk.connect('alex', s.c1, ignore)
        desk.disconnect(closed_tab)
        self.assertEqual(code_of(self, lambda: desk.edit(closed_tab, 99, ''), 'a closed connection'), 'UNKNOWN_CONNECTION')
        self.assertEqual(code_of(self, lambda: desk.edit(s.vera_tab, elsewhere.id, ''), 'a message of another conversation'),
                         'NOT_FOUND')
        self.assertEqual(code_of(self, lambda: desk.edit(s.vera_tab, 99, ''), 'an unknown message'), 'NOT_FOUND')
        s.t.now = 900_000
        self.assertEqual(code_of(self, lambda: desk.edit(s.vera_tab, mine.id, ''), "someone else's message, window closed"),
                         'FORBIDDEN')
        self.assertEqual(code_of(self, lambda: desk.edit(s.alex_view, mine.id, ''), 'window closed, empty text'),
                         'EDIT_WINDOW_CLOSED')
        fresh = desk.send(s.alex_view, 'fresh text')
        self.assertEqual(code_of(self, lambda: desk.edit(s.alex_view, fresh.id, 42), 'not a string'), 'INVALID_ARGUMENT')
        self.assertEqual(code_of(self, lambda: desk.edit(s.alex_view, fresh.id, ' \t'), 'blank'), 'EMPTY_MESSAGE')
        self.assertEqual([(m.text, edited_at(m)) for m in desk.messages(s.c1)],
                         [('agent text', None), ('fresh text', None)], 'nothing changed')
        self.assertEqual(s.vera.of('edit'), [], 'nothing was sent')

    def test_model(self):
        """[model] random sessions with edits agree with a model, edit events included"""
        run_model(self, 'editing', seed=107)


class AgentAssignmentTest(unittest.TestCase):
    """Agent assignment"""

    def test_assign(self):
        """[R44][R45] assigns a conversation from an agent's connection, to themselves or another agent"""
        s = scene()
        c2 = s.desk.open_conversation('walt').id
        self.assertIsNone(s.desk.assignee(s.c1), 'unassigned at first')
        s.desk.assign(s.alex_view, 'alex')
        self.assertEqual(s.desk.assignee(s.c1), 'alex', 'alex took it')
        s.desk.assign(s.alex_view, 'bea')
        self.assertEqual(s.desk.assignee(s.c1), 'bea', 'handed over to bea')
        self.assertIsNone(s.desk.assignee(c2), 'the other conversation is untouched')
        self.assertEqual(code_of(self, lambda: s.desk.assignee('c9'), 'an unknown conversation'), 'NOT_FOUND')

    def test_assigned_event(self):
        """[R46] tells the other connections who assigned it to whom, and when"""
        s = scene()
        bea = Inbox()
        s.desk.connect('bea', s.c1, bea)
        s.t.now = 77
        s.desk.assign(s.alex_view, 'bea')
        expected = {'type': 'assigned', 'conversation_id': s.c1, 'agent_id': 'bea', 'by': 'alex', 'at': 77}
        self.assertEqual(s.vera.of('assigned'), [expected], 'vera')
        self.assertEqual(bea.of('assigned'), [expected], 'bea')
        self.assertEqual(s.alex.of('assigned'), [], 'not the connection that assigned')

    def test_same_assignee(self):
        """[R47] does nothing when the conversation already has that assignee"""
        s = scene()
        bea_view = s.desk.connect('bea', s.c1, ignore)
        s.desk.assign(s.alex_view, 'alex')
        s.desk.assign(bea_view, 'alex')
        s.desk.assign(s.alex_view, 'alex')
        self.assertEqual(len(s.vera.of('assigned')), 1, 'one change, one event')
        self.assertEqual(s.desk.assignee(s.c1), 'alex', 'still alex')

    def test_assign_checks(self):
        """[R48] checks the connection, then that it is an agent's, then the agent id"""
        s = scene()
        closed = s.desk.connect('bea', s.c1, ignore)
        s.desk.disconnect(closed)
        self.assertEqual(code_of(self, lambda: s.desk.assign(closed, 'nobody'), 'a closed connection'),
                         'UNKNOWN_CONNECTION')
        self.assertEqual(code_of(self, lambda: s.desk.assign(s.vera_tab, 'nobody'), 'a visitor'), 'FORBIDDEN')
        self.assertEqual(code_of(self, lambda: s.desk.assign(s.vera_tab, 'alex'), 'a visitor, even naming an agent'),
                         'FORBIDDEN')
        self.assertEqual(code_of(self, lambda: s.desk.assign(s.alex_view, 'vera'), 'a visitor is not an agent'),
                         'NOT_FOUND')
        self.assertIsNone(s.desk.assignee(s.c1), 'nothing was assigned')

    def test_auto_assign(self):
        """[R49] assigns an unassigned conversation to the first agent who writes in it"""
        s = scene()
        bea_view = s.desk.connect('bea', s.c1, ignore)
        s.desk.send(s.vera_tab, 'hello?')
        self.assertIsNone(s.desk.assignee(s.c1), "a visitor's message assigns nothing")
        s.t.now = 40
        s.desk.send(s.alex_view, 'Hi, I can help')
        self.assertEqual(s.desk.assignee(s.c1), 'alex', 'the first agent to write')
        kinds = [e['type'] for e in s.vera.events if e.get('type') in ('message', 'assigned')]
        self.assertEqual(kinds, ['message', 'assigned'], 'vera gets the message, then the assignment')
        self.assertEqual(s.vera.of('assigned')[0],
                         {'type': 'assigned', 'conversation_id': s.c1, 'agent_id': 'alex', 'by': 'alex', 'at': 40},
                         'by alex himself')
        self.assertEqual(s.alex.of('assigned'), [], 'not to the connection that wrote')
        s.desk.send(bea_view, 'me too')
        self.assertEqual(s.desk.assignee(s.c1), 'alex', 'an assigned conversation stays with its agent')
        self.assertEqual(len(s.vera.of('assigned')), 1, 'no second event')

    def test_assigned_to(self):
        """[R50] lists an agent's conversations in the order they were opened"""
        desk = new_desk(Clock())
        ids = [desk.open_conversation(v).id for v in ['vera', 'walt', 'xena']]
        views = [desk.connect('bea', c, ignore) for c in ids]
        self.assertEqual(desk.assigned_to('alex'), [], 'nothing yet')
        desk.assign(views[2], 'alex')
        desk.assign(views[0], 'alex')
        desk.assign(views[1], 'bea')
        self.assertEqual(desk.assigned_to('alex'), [ids[0], ids[2]], "alex's, in opening order")
        desk.assign(views[0], 'bea')
        self.assertEqual(desk.assigned_to('alex'), [ids[2]], 'c1 moved to bea')
        self.assertEqual(desk.assigned_to('bea'), [ids[0], ids[1]], "bea's")

    def test_model(self):
        """[model] random sessions with assignments agree with a model, assigned events included"""
        run_model(self, 'assignment', seed=108)


# ---------- the model-based tests ----------
#
# One small model of the whole statement. Each group's [model] test drives Requirement 1's operations plus
# that feature's, and compares the answers and the events of Requirement 1 and that feature only, so a
# feature is judged on its own, as the statement promises.

EVENT_TYPES = {
    'Requirement 1': (), 'typing': ('typing',), 'presence': ('presence',), 'read-receipts': ('read',),
    'unread': (), 'reconnect': (), 'editing': ('edit',), 'assignment': ('assigned',),
}
VOID_OPS = ('disconnect', 'typing', 'mark_read', 'assign')  # the statement does not fix what they return
GROUP_OPS = {
    'Requirement 1': [], 'typing': [('typing', 6), ('typing_users', 5)], 'presence': [('online_users', 3)],
    'read-receipts': [('mark_read', 4), ('read_by', 2)], 'unread': [('unread_counts', 3)], 'reconnect': [],
    'editing': [('edit', 4)], 'assignment': [('assign', 3), ('assignee', 1), ('assigned_to', 1)],
}
CLOCK_STEPS = {'typing': [0, 1, 1000, 2000, 2999, 3000], 'editing': [0, 1, 300_000, 899_999, 900_000]}
GOOD_TEXTS = ['hi', 'ok', ' padded ', 'thanks!']
BAD_TEXTS = ['', ' \n\t', 42]
USERS = ['vera', 'walt', 'alex', 'bea', 'zed']


class DeskModel:
    """The statement, literally: lists and filters."""

    def __init__(self, types, with_edits):
        self.types = types
        self.with_edits = with_edits
        self.now = 0
        self.convs = []  # {'id', 'visitor_id', 'started_at'}, in opening order
        self.msgs = []  # every message, current version, as a dict, in id order
        self.conns = []  # {'id', 'user', 'role', 'conv', 'open'}, in opening order
        self.typed_at = {}  # (conv, user) -> last keystroke
        self.read_pos = {}  # (conv, user) -> read position
        self.unread = {}  # (conv, user) -> count
        self.assignees = {}  # conv -> agent
        self.inbox = {}  # connection id -> events

    def project(self, m):
        """A message dict as the comparisons see it: with edited_at only when editing is compared."""
        out = {k: m[k] for k in ('id', 'conversation_id', 'author_id', 'role', 'text', 'sent_at')}
        if self.with_edits:
            out['edited_at'] = m['edited_at']
        return out

    def push(self, conn_id, event):
        if event['type'] in ('history', 'message') or event['type'] in self.types:
            self.inbox.setdefault(conn_id, []).append(event)

    def open_conns(self, conv):
        return [c for c in self.conns if c['open'] and c['conv'] == conv]

    def to_others(self, conv, except_id, event):
        for c in self.open_conns(conv):
            if c['id'] != except_id:
                self.push(c['id'], event)

    def connected(self, user, conv):
        return any(c['user'] == user for c in self.open_conns(conv))

    def conv(self, conv_id):
        return next((c for c in self.convs if c['id'] == conv_id), None)

    def conn(self, conn_id):
        return next((c for c in self.conns if c['id'] == conn_id and c['open']), None)

    def msg_in(self, conv, msg_id):
        return next((m for m in self.msgs if m['id'] == msg_id and m['conversation_id'] == conv), None)

    @staticmethod
    def bad_text(text):
        if not isinstance(text, str):
            return 'INVALID_ARGUMENT'
        return 'EMPTY_MESSAGE' if text.strip() == '' else None

    def set_assignee(self, conv, agent, by):
        if self.assignees.get(conv) == agent:
            return
        self.assignees[conv] = agent
        self.to_others(conv, by['id'], {'type': 'assigned', 'conversation_id': conv, 'agent_id': agent,
                                        'by': by['user'], 'at': self.now})

    def apply(self, op):
        """('ok', value) or ('error', code) for one operation."""
        kind = op[0]
        if kind == 'advance':
            self.now += op[1]
            return ('ok', None)
        if kind == 'open':
            if op[1] in AGENTS:
                return ('error', 'INVALID_ARGUMENT')
            c = {'id': f'c{len(self.convs) + 1}', 'visitor_id': op[1], 'started_at': self.now}
            self.convs.append(c)
            return ('ok', dict(c))
        if kind == 'connect':
            _, user, conv_id, since = op
            conv = self.conv(conv_id)
            if conv is None:
                return ('error', 'NOT_FOUND')
            if user not in AGENTS and user != conv['visitor_id']:
                return ('error', 'FORBIDDEN')
            if since is not None and (not isinstance(since, int) or isinstance(since, bool) or since < 0):
                return ('error', 'INVALID_ARGUMENT')
            was_online = self.connected(user, conv_id)
            c = {'id': f'k{len(self.conns) + 1}', 'user': user, 'role': 'agent' if user in AGENTS else 'visitor',
                 'conv': conv_id, 'open': True}
            self.conns.append(c)
            self.unread[(conv_id, user)] = 0
            history = [self.project(m) for m in self.msgs if m['conversation_id'] == conv_id and m['id'] > (since or 0)]
            self.push(c['id'], {'type': 'history', 'conversation_id': conv_id, 'messages': history})
            if not was_online:
                self.to_others(conv_id, c['id'], {'type': 'presence', 'conversation_id': conv_id, 'user_id': user,
                                                  'status': 'online', 'at': self.now})
            return ('ok', c['id'])
        if kind == 'messages':
            if self.conv(op[1]) is None:
                return ('error', 'NOT_FOUND')
            return ('ok', [self.project(m) for m in self.msgs if m['conversation_id'] == op[1]])
        if kind in ('typing_users', 'online_users', 'assignee'):
            if self.conv(op[1]) is None:
                return ('error', 'NOT_FOUND')
            if kind == 'typing_users':
                return ('ok', sorted(u for (conv, u), at in self.typed_at.items()
                                     if conv == op[1] and self.now < at + 3000))
            if kind == 'online_users':
                return ('ok', sorted({c['user'] for c in self.open_conns(op[1])}))
            return ('ok', self.assignees.get(op[1]))
        if kind == 'read_by':
            m = self.msg_in(op[1], op[2]) if self.conv(op[1]) else None
            if m is None:
                return ('error', 'NOT_FOUND')
            return ('ok', sorted(u for (conv, u), pos in self.read_pos.items()
                                 if conv == op[1] and pos >= op[2] and u != m['author_id']))
        if kind == 'unread_counts':
            user = op[1]
            return ('ok', {c['id']: self.unread.get((c['id'], user), 0) for c in self.convs
                           if user in AGENTS or c['visitor_id'] == user})
        if kind == 'assigned_to':
            return ('ok', [c['id'] for c in self.convs if self.assignees.get(c['id']) == op[1]])
        # Everything else is called on a connection.
        c = self.conn(op[1])
        if c is None:
            return ('error', 'UNKNOWN_CONNECTION')
        conv, user = c['conv'], c['user']
        if kind == 'disconnect':
            c['open'] = False
            if not self.connected(user, conv):
                self.to_others(conv, None, {'type': 'presence', 'conversation_id': conv, 'user_id': user,
                                            'status': 'offline', 'at': self.now})
            return ('ok', None)
        if kind == 'send':
            bad = self.bad_text(op[2])
            if bad:
                return ('error', bad)
            m = {'id': len(self.msgs) + 1, 'conversation_id': conv, 'author_id': user, 'role': c['role'],
                 'text': op[2], 'sent_at': self.now, 'edited_at': None}
            self.msgs.append(m)
            self.typed_at.pop((conv, user), None)
            for member in [self.conv(conv)['visitor_id'], *AGENTS]:
                if member != user and not self.connected(member, conv):
                    self.unread[(conv, member)] = self.unread.get((conv, member), 0) + 1
            self.to_others(conv, c['id'], {'type': 'message', 'message': self.project(m)})
            if c['role'] == 'agent' and conv not in self.assignees:
                self.set_assignee(conv, user, c)
            return ('ok', self.project(m))
        if kind == 'typing':
            self.typed_at[(conv, user)] = self.now
            self.to_others(conv, c['id'], {'type': 'typing', 'conversation_id': conv, 'user_id': user})
            return ('ok', None)
        if kind == 'mark_read':
            if self.msg_in(conv, op[2]) is None:
                return ('error', 'NOT_FOUND')
            if op[2] > self.read_pos.get((conv, user), 0):
                self.read_pos[(conv, user)] = op[2]
                self.to_others(conv, c['id'], {'type': 'read', 'conversation_id': conv, 'user_id': user,
                                               'message_id': op[2], 'at': self.now})
            return ('ok', None)
        if kind == 'edit':
            m = self.msg_in(conv, op[2])
            if m is None:
                return ('error', 'NOT_FOUND')
            if m['author_id'] != user:
                return ('error', 'FORBIDDEN')
            if self.now >= m['sent_at'] + 900_000:
                return ('error', 'EDIT_WINDOW_CLOSED')
            bad = self.bad_text(op[3])
            if bad:
                return ('error', bad)
            edited = {**m, 'text': op[3], 'edited_at': self.now}
            self.msgs[self.msgs.index(m)] = edited
            self.to_others(conv, c['id'], {'type': 'edit', 'message': self.project(edited)})
            return ('ok', self.project(edited))
        # assign
        if c['role'] != 'agent':
            return ('error', 'FORBIDDEN')
        if op[2] not in AGENTS:
            return ('error', 'NOT_FOUND')
        self.set_assignee(conv, op[2], c)
        return ('ok', None)


def random_op(rng, group, model):
    """One operation: mostly open connections, existing conversations and messages and allowed users,
    sometimes the wrong ones."""
    weighted = [('advance', 2), ('open', 1), ('connect', 4), ('disconnect', 2), ('send', 5), ('messages', 1)]
    weighted += GROUP_OPS[group]
    kind = rng.choices([k for k, _ in weighted], [w for _, w in weighted])[0]
    p, q = rng.randrange(100), rng.randrange(100)
    text = rng.choice(GOOD_TEXTS) if rng.random() < 0.8 else rng.choice(BAD_TEXTS)
    open_conns = [c for c in model.conns if c['open']]
    conn = open_conns[p % len(open_conns)] if open_conns and p < 85 else None
    conn_id = conn['id'] if conn else f"k{p % (len(model.conns) + 2) + 1}"
    conv_id = model.convs[p % len(model.convs)]['id'] if model.convs and p < 90 else 'c9'
    target = model.msgs[q % len(model.msgs)] if model.msgs and q < 85 else None
    msg_id = target['id'] if target else q % (len(model.msgs) + 2)

    def conn_for(by_author):
        fit = [c for c in open_conns if target and c['conv'] == target['conversation_id']
               and (not by_author or c['user'] == target['author_id'])]
        return fit[p % len(fit)]['id'] if fit and p < 75 else conn_id

    if kind == 'advance':
        return ('advance', rng.choice(CLOCK_STEPS.get(group, [0, 1, 5])))
    if kind == 'open':
        return ('open', ['vera', 'walt', 'xena'][p % 3] if p < 85 else ['alex', 'zed'][p % 2])
    if kind == 'connect':
        visitor = model.conv(conv_id)['visitor_id'] if model.conv(conv_id) else 'vera'
        user = [visitor, 'alex', 'bea'][q % 3] if q < 80 else USERS[q % 5]
        since = None
        if group == 'reconnect':
            s = rng.randrange(7)
            since = None if s < 2 else q % 10 if s < 6 else rng.choice([-1, 1.5])
        return ('connect', user, conv_id, since)
    if kind in ('disconnect', 'typing'):
        return (kind, conn_id)
    if kind == 'send':
        return ('send', conn_id, text)
    if kind == 'edit':
        return ('edit', conn_for(True), msg_id, text)
    if kind == 'mark_read':
        return ('mark_read', conn_for(False), msg_id)
    if kind == 'read_by':
        return ('read_by', target['conversation_id'] if target and p < 90 else conv_id, msg_id)
    if kind == 'unread_counts':
        return ('unread_counts', USERS[p % 5])
    if kind == 'assign':
        return ('assign', conn_id, ['alex', 'bea'][q % 2] if q < 85 else ['vera', 'zed'][q % 2])
    if kind == 'assigned_to':
        return ('assigned_to', ['alex', 'bea', 'vera'][p % 3])
    return (kind, conv_id)  # messages, typing_users, online_users, assignee


def show_op(op):
    """An operation as the call the test made."""
    if op[0] == 'advance':
        return f'{op[1]} ms pass'
    if op[0] == 'connect':
        since = '' if op[3] is None else f', since={op[3]!r}'
        return f'connect({op[1]!r}, {op[2]!r}{since})'
    method = 'open_conversation' if op[0] == 'open' else op[0]
    return f"{method}({', '.join(repr(a) for a in op[1:])})"


def project_message(model, m):
    out = {'id': m.id, 'conversation_id': m.conversation_id, 'author_id': m.author_id, 'role': m.role,
           'text': m.text, 'sent_at': m.sent_at}
    if model.with_edits:
        out['edited_at'] = edited_at(m)
    return out


def project_event(model, event):
    """A copy of an event as plain data, taken when the listener gets it."""
    out = dict(event)
    if event.get('type') == 'history':
        out['messages'] = [project_message(model, m) for m in event.get('messages', [])]
    if event.get('type') in ('message', 'edit') and 'message' in event:
        out['message'] = project_message(model, event['message'])
    return out


def call(desk, model, op, box):
    """Runs one operation on the project: ('ok', value), ('error', code) or ('raised', description)."""
    def listener(event):
        if event.get('type') in ('history', 'message') or event.get('type') in model.types:
            box.append(project_event(model, event))

    kind = op[0]
    try:
        if kind == 'advance':
            return ('ok', None)
        if kind == 'open':
            c = desk.open_conversation(op[1])
            return ('ok', {'id': c.id, 'visitor_id': c.visitor_id, 'started_at': c.started_at})
        if kind == 'connect':
            if op[3] is None:
                return ('ok', desk.connect(op[1], op[2], listener))
            return ('ok', desk.connect(op[1], op[2], listener, since=op[3]))
        if kind == 'disconnect':
            return ('ok', desk.disconnect(op[1]))
        if kind == 'send':
            return ('ok', project_message(model, desk.send(op[1], op[2])))
        if kind == 'messages':
            return ('ok', [project_message(model, m) for m in desk.messages(op[1])])
        if kind == 'typing':
            return ('ok', desk.typing(op[1]))
        if kind == 'typing_users':
            return ('ok', desk.typing_users(op[1]))
        if kind == 'online_users':
            return ('ok', desk.online_users(op[1]))
        if kind == 'mark_read':
            return ('ok', desk.mark_read(op[1], op[2]))
        if kind == 'read_by':
            return ('ok', desk.read_by(op[1], op[2]))
        if kind == 'unread_counts':
            return ('ok', dict(desk.unread_counts(op[1])))
        if kind == 'edit':
            return ('ok', project_message(model, desk.edit(op[1], op[2], op[3])))
        if kind == 'assign':
            return ('ok', desk.assign(op[1], op[2]))
        if kind == 'assignee':
            return ('ok', desk.assignee(op[1]))
        return ('ok', desk.assigned_to(op[1]))
    except DeskError as err:
        return ('error', getattr(err, 'code', None))
    except Exception as err:  # noqa: BLE001 - reported as a divergence
        return ('raised', f'{type(err).__name__}: {err}')


def show_outcome(outcome):
    status, value = outcome
    if status == 'error':
        return f'DeskError {value}'
    return value if status == 'raised' else repr(value)


# Every scenario starts the same way: c1 (vera's) and c2 (walt's) are opened, vera and alex connect to c1
# (k1, k2), walt to c2 (k3), and vera says hi (message 1).
START = [('open', 'vera'), ('open', 'walt'), ('connect', 'vera', 'c1', None), ('connect', 'alex', 'c1', None),
         ('connect', 'walt', 'c2', None), ('send', 'k1', 'hi')]


def drive(group, next_op):
    """Runs operations on the project and on the model, taking each from next_op(model) until it gives None.
    Returns the operations run and None if the two agreed throughout, else where they parted."""
    model = DeskModel(EVENT_TYPES[group], group == 'editing')
    now = [0]
    ops, outcomes = [], []

    def story(last):
        steps = [f'SupportDesk(agents={AGENTS!r})']
        for op, outcome in zip(ops, outcomes):
            if op == ('advance', 0):
                continue
            step = show_op(op)
            if outcome[0] == 'error':
                step += f' → {outcome[1]}'
            elif op[0] in ('open', 'connect'):
                step += f" → {outcome[1]['id'] if op[0] == 'open' else outcome[1]}"
            steps.append(step)
        return f"{', '.join(steps)}: {last}"

    try:
        desk = new_desk(lambda: now[0])
    except Exception as err:  # noqa: BLE001
        return ops, f'SupportDesk(clock, agents={AGENTS!r}) raised {type(err).__name__}: {err}'
    got = {}
    checked = {}
    while True:
        op = next_op(model)
        if op is None:
            return ops, None
        expected = model.apply(op)
        if op[0] == 'advance':
            now[0] += op[1]
        box = []
        actual = call(desk, model, op, box)
        if op[0] in VOID_OPS and actual[0] == 'ok':
            actual = ('ok', None)
        if actual != expected:
            return ops + [op], story(f'{show_op(op)} expected {show_outcome(expected)}, got {show_outcome(actual)}')
        ops.append(op)
        outcomes.append(expected)
        if op[0] == 'connect' and expected[0] == 'ok':
            got[expected[1]] = box
        for conn_id in set(got) | set(model.inbox):
            start = checked.get(conn_id, 0)
            have, want = got.get(conn_id, []), model.inbox.get(conn_id, [])
            if len(have) == start and len(want) == start:
                continue
            if len(have) != len(want) or have[start:] != want[start:]:
                return ops, story(f'new events of {conn_id} expected {want[start:]!r}, got {have[start:]!r}')
            checked[conn_id] = len(have)


def replay(group, ops):
    """drive() over a fixed list of operations."""
    steps = iter(ops)
    return drive(group, lambda model: next(steps, None))[1]


def shorten(group, ops):
    """Drops the random steps that the divergence does not need (the common start stays)."""
    kept = list(ops)
    for i in range(len(kept) - 1, len(START) - 1, -1):
        trial = kept[:i] + kept[i + 1:]
        if replay(group, trial) is not None:
            kept = trial
    return kept


def run_model(test, group, seed, scenarios=20, steps=28):
    """Runs seeded random scenarios on the project and on DeskModel; fails with the first divergence."""
    rng = random.Random(seed)
    for scenario in range(1, scenarios + 1):
        length = len(START) + rng.randint(10, steps)

        def next_op(model):
            done = len(model_ops)
            if done >= length:
                return None
            op = START[done] if done < len(START) else random_op(rng, group, model)
            model_ops.append(op)
            return op

        model_ops = []
        ops, story = drive(group, next_op)
        if story is not None:
            short = shorten(group, ops)
            test.fail(f'{replay(group, short) or story} (seed {seed}, scenario {scenario}, '
                      f'{len(ops) - len(short)} of {len(ops)} steps left out)')
