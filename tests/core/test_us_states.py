from core.us_states import US_STATES, state_name


def test_fifty_states_and_dc_sorted_by_name():
    assert len(US_STATES) == 51
    assert len({code for code, _name in US_STATES}) == 51
    names = [name for _code, name in US_STATES]
    assert names == sorted(names)


def test_state_name_lookup_is_forgiving_about_case_and_refuses_the_unknown():
    assert state_name("tx") == "Texas"
    assert state_name(" DC ") == "District of Columbia"
    assert state_name("PR") is None  # a territory, not a state
    assert state_name("") is None
