"""Geography of the scorecard: FIPS codes, Spanish names and the map's shapes.

The shapes come from the Census Bureau's cartographic boundaries as packaged by us-atlas, projected
once with d3-geo (`make map`, tools/map/build.mjs) into states/data/us-states.json, which is
committed: the site reads SVG path data and never needs Node at run time.
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from core.us_states import US_STATES

SHAPES_FILE = Path(__file__).resolve().parent / "data" / "us-states.json"

# Federal Information Processing Standards state codes (the keys us-atlas uses).
FIPS: dict[str, str] = {
    "AL": "01", "AK": "02", "AZ": "04", "AR": "05", "CA": "06", "CO": "08", "CT": "09",
    "DE": "10", "DC": "11", "FL": "12", "GA": "13", "HI": "15", "ID": "16", "IL": "17",
    "IN": "18", "IA": "19", "KS": "20", "KY": "21", "LA": "22", "ME": "23", "MD": "24",
    "MA": "25", "MI": "26", "MN": "27", "MS": "28", "MO": "29", "MT": "30", "NE": "31",
    "NV": "32", "NH": "33", "NJ": "34", "NM": "35", "NY": "36", "NC": "37", "ND": "38",
    "OH": "39", "OK": "40", "OR": "41", "PA": "42", "RI": "44", "SC": "45", "SD": "46",
    "TN": "47", "TX": "48", "UT": "49", "VT": "50", "VA": "51", "WA": "53", "WV": "54",
    "WI": "55", "WY": "56",
}  # fmt: skip


# Small eastern states get their label in a column over the Atlantic, joined by a leader line,
# so that each has a label and a click target large enough for a finger.
CALLOUT_ORDER = ("RI", "CT", "NJ", "DE", "MD", "DC")
CALLOUT_X = 922.0
CALLOUT_TOP = 204.0
CALLOUT_STEP = 23.0
# Where a state's centroid is a poor place for its label (a lake, a coastline, a narrow neck).
LABEL_NUDGES: dict[str, tuple[float, float]] = {
    "MI": (18.0, 20.0),
    "FL": (14.0, 4.0),
    "LA": (-8.0, -4.0),
    "ID": (0.0, 14.0),
    "KY": (6.0, 2.0),
    "HI": (-6.0, 8.0),
    "CA": (-8.0, 4.0),
    "NH": (-2.0, 6.0),
    "VT": (-1.0, -4.0),
    "MA": (-6.0, -4.0),
}
SMALL_LABEL_AREA = 1500  # below this (in map units²) the inside label uses a smaller font


@dataclass(frozen=True)
class StateShape:
    code: str
    fips: str
    path: str
    label_x: float
    label_y: float
    callout: bool
    small: bool
    anchor_x: float  # the state's centroid, where a callout's leader line starts
    anchor_y: float

    # Positions of a callout's box and text, relative to its label point.
    @property
    def box_x(self) -> float:
        return round(self.label_x - 3, 1)

    @property
    def box_y(self) -> float:
        return round(self.label_y - 9, 1)

    @property
    def callout_text_y(self) -> float:
        return round(self.label_y + 4, 1)

    @property
    def leader_end_x(self) -> float:
        return round(self.label_x - 3, 1)


@cache
def map_frame() -> tuple[int, int, str]:
    data = _shapes_file()
    return data["width"], data["height"], data["source"]


@cache
def map_shapes() -> dict[str, StateShape]:
    """Every state's outline and label position, keyed by postal code."""
    features = _shapes_file()["states"]
    shapes = {}
    for code, _name in US_STATES:
        feature = features[FIPS[code]]
        x, y = feature["centroid"]
        callout = code in CALLOUT_ORDER
        if callout:
            label_x = CALLOUT_X
            label_y = CALLOUT_TOP + CALLOUT_STEP * CALLOUT_ORDER.index(code)
        else:
            dx, dy = LABEL_NUDGES.get(code, (0.0, 0.0))
            label_x, label_y = round(x + dx, 1), round(y + dy, 1)
        shapes[code] = StateShape(
            code=code,
            fips=FIPS[code],
            path=feature["d"],
            label_x=label_x,
            label_y=label_y,
            callout=callout,
            small=feature["area"] < SMALL_LABEL_AREA,
            anchor_x=x,
            anchor_y=y,
        )
    return shapes


@cache
def _shapes_file() -> dict:
    return json.loads(SHAPES_FILE.read_text(encoding="utf-8"))
