import pytest

from core.csv_safety import neutralize_formula


@pytest.mark.parametrize("text", ["=SUM(A1:A9)", "+1", "-1+2", "@cmd", "\tx", "\rx"])
def test_text_a_spreadsheet_would_run_becomes_plain_text(text):
    assert neutralize_formula(text) == "'" + text


@pytest.mark.parametrize("value", ["Ana", "", "1=1", 42, None])
def test_everything_else_is_left_alone(value):
    assert neutralize_formula(value) == value
