"""Phone numbers as links a phone can dial."""


def tel_href(phone: str) -> str:
    """'tel:+12022250000' for '202-225-0000' (a US number without its country code gets +1);
    '' when there are no digits."""
    digits = "".join(ch for ch in phone or "" if ch.isdigit())
    if len(digits) == 10:
        digits = "1" + digits
    return f"tel:+{digits}" if digits else ""
