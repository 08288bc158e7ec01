"""Time: find temporal expressions in news and normalize them to calendar intervals.

``find_times(text, ref)`` returns ``TimeMention``s with exact offsets, a TimeML type and TIMEX3
value, and for dates an interval of calendar days with a precision. ``infer_published(text)``
guesses a publication date from the explicit full dates a text contains.
"""

from parley.time.finder import find_times
from parley.time.mention import TimeMention
from parley.time.publication import infer_published

__all__ = ["TimeMention", "find_times", "infer_published"]
