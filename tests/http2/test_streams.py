"""The stream state table (RFC 9113, 5.1): every legal move, and what an illegal one is."""

from __future__ import annotations

import pytest

from headerscope.http2 import ErrorCode, H2Error
from headerscope.http2._streams import ILLEGAL, TRANSITIONS, Move, State, Stream

LIVES = [  # sequences of moves and the states they pass through
    ([Move.RECV_HEADERS, Move.RECV_END_STREAM, Move.SEND_HEADERS, Move.SEND_DATA,
      Move.SEND_END_STREAM],
     [State.OPEN, State.HALF_CLOSED_REMOTE, State.HALF_CLOSED_REMOTE, State.HALF_CLOSED_REMOTE,
      State.CLOSED]),
    ([Move.RECV_HEADERS, Move.RECV_DATA, Move.SEND_HEADERS, Move.SEND_END_STREAM,
      Move.RECV_DATA, Move.RECV_HEADERS, Move.RECV_END_STREAM],
     [State.OPEN, State.OPEN, State.OPEN, State.HALF_CLOSED_LOCAL, State.HALF_CLOSED_LOCAL,
      State.HALF_CLOSED_LOCAL, State.CLOSED]),
    ([Move.RECV_HEADERS, Move.RECV_RST], [State.OPEN, State.CLOSED]),
    ([Move.RECV_HEADERS, Move.RECV_END_STREAM, Move.SEND_RST],
     [State.OPEN, State.HALF_CLOSED_REMOTE, State.CLOSED]),
]


@pytest.mark.parametrize(("moves", "states"), LIVES)
def test_legal_lives(moves: list[Move], states: list[State]) -> None:
    stream = Stream(1, 100, 100)
    for move, state in zip(moves, states, strict=True):
        stream.move(move)
        assert stream.state is state


@pytest.mark.parametrize("state", list(State))
@pytest.mark.parametrize("move", [m for m in Move if m.name.startswith("RECV")])
def test_illegal_received_moves(state: State, move: Move) -> None:
    if (state, move) in TRANSITIONS:
        return
    stream = Stream(7, 100, 100)
    stream.state = state
    with pytest.raises(H2Error) as info:
        stream.move(move, offset=33)
    code, connection = ILLEGAL[state]
    assert info.value.code is code
    assert info.value.stream_id == (0 if connection else 7)
    assert info.value.offset == 33
    assert stream.state is state  # an illegal move changes nothing


def test_the_table_names_the_rfc_errors() -> None:
    assert ILLEGAL[State.IDLE] == (ErrorCode.PROTOCOL_ERROR, True)
    assert ILLEGAL[State.HALF_CLOSED_REMOTE] == (ErrorCode.STREAM_CLOSED, False)
    assert all((State.CLOSED, m) not in TRANSITIONS for m in Move)  # closed is final
