"""Stage 7, the ``lmsys-about`` command: argv in, output on stdout and stderr and an exit code out.

``main`` builds the parser from the registry of subcommand modules and runs one; each subcommand module reads
its input with the helpers of ``common``, calls the library and prints. ``streams`` makes the standard streams
fit for that however the process was started (closed, unable to encode a character, a pipe whose reader
leaves). Nothing below this package prints.
"""
