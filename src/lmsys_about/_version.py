"""The package version, read by the build backend from this file and by ``lmsys-about --version``; and the
version of the About JSON, which moves on its own (README.md, "Versioned output", says what each part promises)."""

__version__ = "0.1.0"

# A minor version may add fields (and diagnostic codes); a major version renames, removes or changes the meaning
# of one. Readers take any 1.x.
FORMAT_VERSION = "1.0"
