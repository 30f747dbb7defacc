"""Personal data the site handles only in protected form: client IP addresses.

An IP address is personal data. Where the site needs one (rate limits, spotting a flood of
signatures from one place) it keeps hash_ip(ip), a keyed HMAC: equal addresses give equal hashes,
but without the key nobody can test guesses (the whole IPv4 space is only 2**32 addresses, so a
plain hash would be reversible in minutes).
"""

import hashlib
import hmac
import ipaddress

from django.conf import settings

from core.models.outbox import normalize_address

IP_HASH_LENGTH = 32  # hex characters: 128 bits, plenty to tell addresses apart


def ip_hash_key() -> bytes:
    """settings.IP_HASH_KEY, or a key derived from SECRET_KEY (with its own purpose label, so
    the hash reveals nothing about SECRET_KEY and rotating SECRET_KEY rotates it too)."""
    key = getattr(settings, "IP_HASH_KEY", "")
    if key:
        return key.encode()
    return hashlib.sha256(b"endqi.ip-hash:" + settings.SECRET_KEY.encode()).digest()


def normalize_ip(ip: str) -> str:
    """One spelling per address, so '::FFFF:1.2.3.4', '1.2.3.4' and ' 1.2.3.4 ' hash alike."""
    text = ip.strip()
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return text
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return address.compressed


def hash_ip(ip: str) -> str:
    """HMAC-SHA256 of the normalized address, truncated to IP_HASH_LENGTH hex characters."""
    digest = hmac.new(ip_hash_key(), normalize_ip(ip).encode(), hashlib.sha256).hexdigest()
    return digest[:IP_HASH_LENGTH]


def hash_email(email: str) -> str:
    """A keyed hash of an address (normalized as the site stores addresses), for records that
    must say "this address" without holding it: the log of erasure requests. Staff who are asked
    again can check the log by typing the address; nobody can read an address out of it."""
    message = b"email\x00" + normalize_address(email).encode()
    return hmac.new(ip_hash_key(), message, hashlib.sha256).hexdigest()
