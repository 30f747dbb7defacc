"""Blocks about voices. The "voices from your state" block is defined in home.blocks so that the
home page can offer it without importing this app (see the comment there); state pages and other
apps import it from here."""

from home.blocks import VoicesFromStateBlock

__all__ = ["VoicesFromStateBlock"]
