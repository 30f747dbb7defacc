class LegislatorDataError(Exception):
    """The data could not be read or does not look like the publishers' files; nothing was
    written. The message says which file and what to do."""
