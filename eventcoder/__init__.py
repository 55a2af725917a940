"""eventcoder: code English news text into CAMEO event records from readable dictionaries.

>>> import eventcoder
>>> coder = eventcoder.Coder()
>>> [e.cameo[:2] for e in coder.code("Iraqi police arrested two protesters in Baghdad.")]
['17']
"""
from ._version import __version__
from .coder import Coder, code
from .errors import DictionaryError, EventcoderError, InputError, Problem
from .records import EVENT_KEYS, Actor, Event, Span

__all__ = ["Coder", "code", "Event", "Actor", "Span", "EVENT_KEYS", "EventcoderError", "DictionaryError",
           "InputError", "Problem", "__version__"]
