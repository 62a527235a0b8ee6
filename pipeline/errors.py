"""The errors the command line turns into one line and an exit status, never a traceback.

Each kind of problem is its own class, so that the command line maps it to its exit
status by type, not by reading the message; the message is shown as is, on one line.
"""


class PipelineError(Exception):
    """A problem the user can act on. Its message is shown as is, without a traceback."""

    exit_code = 1


class InputError(PipelineError):
    """What the user gave is unusable: a page, a snapshot, its manifest, an option."""

    exit_code = 1


class StructureAlarm(InputError):
    """The page no longer reads as the previous release did (far fewer actions, text that
    went into no record): a person must look before anything is published. ``run`` exits
    as for any input problem; ``update`` with its own status, ``ALARM_EXIT``."""


class Refusal(PipelineError):
    """A page the reader refuses (empty, binary, in mixed encodings, naming no partner).
    The reader's modules hold no French word, so they raise a code and the values the line
    names; the French line itself, with what to do next, is data
    (``pipeline/french/lexicon/refusals.toml``), as every other French word is."""

    def __init__(self, code: str, **values: object) -> None:
        from .french import lexicon

        self.code = code  # what tests and callers may tell refusals apart by
        super().__init__(lexicon("refusals")["refusals"][code].format(**values))


# ``update``'s exit status when it published nothing because the page needs a look.
ALARM_EXIT = 6


class ReleaseError(PipelineError):
    """A release folder (the output, the previous release) is not what it should be, or a
    new release could not be written; the previous one is left as it was."""

    exit_code = 3


class NetworkError(PipelineError):
    """A host could not be reached, or answered with an error, after the retries."""

    exit_code = 4


class PortalError(PipelineError):
    """An open-data portal refused a request or answered in a way the publisher cannot
    trust; what was already done on the portal is said in the message."""

    exit_code = 5
