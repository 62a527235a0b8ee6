"""The one exception the command line turns into a one-line message and a non-zero exit."""


class PipelineError(Exception):
    """A problem with the input or the environment that the user can act on.

    Its message is shown as is, on one line, without a traceback.
    """
