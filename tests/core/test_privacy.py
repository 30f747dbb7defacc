"""IP addresses: keyed hashes only, and the client address taken only from what can be trusted."""

import hashlib

import pytest
from django.test import RequestFactory

from core.client_ip import client_ip
from core.privacy import IP_HASH_LENGTH, hash_ip


def test_hash_is_keyed_stable_and_short(settings):
    settings.IP_HASH_KEY = "key-one"
    first = hash_ip("203.0.113.7")
    assert first == hash_ip("203.0.113.7")
    assert len(first) == IP_HASH_LENGTH
    assert "203" not in first
    assert first != hash_ip("203.0.113.8")
    # A plain hash could be reversed by hashing all 2**32 IPv4 addresses; this is not one.
    assert first not in hashlib.sha256(b"203.0.113.7").hexdigest()
    settings.IP_HASH_KEY = "key-two"
    assert hash_ip("203.0.113.7") != first


def test_without_its_own_key_the_hash_derives_from_the_secret_key(settings):
    settings.IP_HASH_KEY = ""
    settings.SECRET_KEY = "secret-a"
    first = hash_ip("198.51.100.1")
    settings.SECRET_KEY = "secret-b"
    assert hash_ip("198.51.100.1") != first


@pytest.mark.parametrize(
    "spelling", ["2001:db8::1", "2001:DB8:0:0:0:0:0:1", " 2001:db8::1 ", "2001:0db8::0001"]
)
def test_one_address_one_hash_however_it_is_written(spelling):
    assert hash_ip(spelling) == hash_ip("2001:db8::1")


def test_ipv4_mapped_ipv6_hashes_like_ipv4():
    assert hash_ip("::ffff:192.0.2.1") == hash_ip("192.0.2.1")


def request_from(remote: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_trusted_proxies_forwarded_for_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request_from("192.0.2.10", "1.2.3.4")) == "192.0.2.10"


def test_behind_one_proxy_the_address_it_saw_is_used(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # The client sent "X-Forwarded-For: 6.6.6.6" hoping to be believed; the proxy appended the
    # address it really saw. Only the proxy's entry counts.
    assert client_ip(request_from("10.0.0.2", "6.6.6.6, 198.51.100.23")) == "198.51.100.23"
    assert client_ip(request_from("10.0.0.2", "198.51.100.23")) == "198.51.100.23"


def test_behind_two_proxies_the_second_entry_from_the_right(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    forwarded = "6.6.6.6, 198.51.100.23, 10.0.0.5"
    assert client_ip(request_from("10.0.0.2", forwarded)) == "198.51.100.23"


@pytest.mark.parametrize("forwarded", ["", "not-an-address", " , "])
def test_missing_or_garbled_forwarded_for_falls_back_to_remote_addr(settings, forwarded):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request_from("192.0.2.10", forwarded)) == "192.0.2.10"


def test_the_old_spam_setting_name_is_read_when_the_new_one_is_unset():
    from config.settings.base import env_trusted_proxy_count

    assert env_trusted_proxy_count({}) == 0
    assert env_trusted_proxy_count({"SPAM_TRUSTED_PROXIES": "2"}) == 2
    assert env_trusted_proxy_count({"SPAM_TRUSTED_PROXIES": "2", "TRUSTED_PROXY_COUNT": "1"}) == 1


def test_both_proxy_settings_set_differently_is_a_warning(monkeypatch, settings):
    from core.checks import trusted_proxies_agree

    monkeypatch.delenv("SPAM_TRUSTED_PROXIES", raising=False)
    monkeypatch.delenv("TRUSTED_PROXY_COUNT", raising=False)
    assert trusted_proxies_agree(None) == []
    monkeypatch.setenv("TRUSTED_PROXY_COUNT", "1")
    monkeypatch.setenv("SPAM_TRUSTED_PROXIES", "1")
    assert trusted_proxies_agree(None) == []
    monkeypatch.setenv("SPAM_TRUSTED_PROXIES", "2")
    assert [message.id for message in trusted_proxies_agree(None)] == ["core.W002"]
    monkeypatch.delenv("SPAM_TRUSTED_PROXIES")
    monkeypatch.delenv("TRUSTED_PROXY_COUNT")
    settings.TRUSTED_PROXY_COUNT = 1
    settings.SPAM_TRUSTED_PROXIES = 3  # the old name in a settings module
    assert [message.id for message in trusted_proxies_agree(None)] == ["core.W002"]
