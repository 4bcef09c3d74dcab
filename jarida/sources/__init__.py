"""Source registry: the outlets Jarida follows, read from and written to YAML and OPML."""

from jarida.sources.errors import RegistryFileError
from jarida.sources.opml import JARIDA_NS, dump_sources_opml, load_sources_opml
from jarida.sources.slugs import slugify, unique_slug
from jarida.sources.yaml_io import dump_sources_yaml, load_sources_yaml

__all__ = [
    "JARIDA_NS",
    "RegistryFileError",
    "dump_sources_opml",
    "dump_sources_yaml",
    "load_sources_opml",
    "load_sources_yaml",
    "slugify",
    "unique_slug",
]
