"""The package version, read by the build backend from this file and by ``lmsys-about --version``."""

__version__ = "0.1.0"
