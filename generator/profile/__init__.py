"""Profiles: the typed model and its readers (YAML, plain text)."""

from generator.profile.model import Profile, ProfileWarning
from generator.profile.yaml_io import dump_profile, load_profile, parse_profile

__all__ = ["Profile", "ProfileWarning", "dump_profile", "load_profile", "parse_profile"]
