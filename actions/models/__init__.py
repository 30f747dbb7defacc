from .newsletter import SignupPage, Subscriber

__all__ = ["SignupPage", "Subscriber"]
