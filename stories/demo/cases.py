"""Sample case stories: real, public cases retold briefly in our own words.

Only facts reported in the courts' opinions and in wide public coverage are used; where a detail
was uncertain (an exact date, a city, a citation) it was left out rather than guessed. Each story
is marked as sample content.
"""

from stories.demo.cases_other_states import OTHER_STATES_CASES
from stories.demo.cases_texas import TEXAS_CASES

CASES = [*TEXAS_CASES, *OTHER_STATES_CASES]
