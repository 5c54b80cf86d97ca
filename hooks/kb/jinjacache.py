"""Compiled templates kept between builds: Jinja's bytecode cache on disk, keyed by what
the compiled code depends on, not only by the template's name and source.

MkDocs makes a new template environment for every build, and the i18n plugin builds each
language separately, so every build compiles Material's and the generator's templates again
(about 90 compilations; a quarter of what `mkdocs serve` does on each save of the real
site). Jinja's own cache key is the template's name (its checksum the source): two
environments that compile the same template differently would hand each other their code.
Here the key adds every setting the compiler reads: whether the template escapes by default
(`autoescape` is chosen per template name, kb.escape), the syntax, whitespace handling,
extensions, async and the Jinja version; a template compiled under other settings is
compiled afresh.

The folder is Jinja's default, a private folder of the user in the system's temporary
folder, made and checked by Jinja (mode 0700, owned by the user); files are written to a
temporary name and renamed, so builds running at once do not read half-written code.
"""

from __future__ import annotations

from hashlib import sha256

import jinja2
from jinja2 import Environment
from jinja2.bccache import Bucket, FileSystemBytecodeCache


def compile_settings(env: Environment, name: str) -> str:
    """The settings of `env` that decide how the compiler turns the template `name` into
    code, as one text."""
    autoescape = env.autoescape(name) if callable(env.autoescape) else env.autoescape
    return repr(
        (
            jinja2.__version__,
            bool(autoescape),
            env.block_start_string,
            env.block_end_string,
            env.variable_start_string,
            env.variable_end_string,
            env.comment_start_string,
            env.comment_end_string,
            env.line_statement_prefix,
            env.line_comment_prefix,
            env.trim_blocks,
            env.lstrip_blocks,
            env.newline_sequence,
            env.keep_trailing_newline,
            tuple(sorted(env.extensions)),
            env.optimized,
            env.finalize is not None,
            env.is_async,
        )
    )


class KeyedBytecodeCache(FileSystemBytecodeCache):
    """Jinja's file-system bytecode cache, keyed by the template and `compile_settings`."""

    def get_bucket(
        self, environment: Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        key = sha256(
            "\0".join(
                (self.get_cache_key(name, filename), compile_settings(environment, name))
            ).encode("utf-8")
        ).hexdigest()
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket


def with_bytecode_cache(env: Environment) -> Environment:
    """`env` with the keyed bytecode cache (a new one per environment: no state is shared
    but the files); left without one when the system has no private temporary folder."""
    try:
        env.bytecode_cache = KeyedBytecodeCache()
    except RuntimeError:  # Jinja found no safe folder (e.g. another user owns it)
        pass
    return env
