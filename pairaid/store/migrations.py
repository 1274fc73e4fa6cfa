"""The schema's migrations as sqlite-utils `Migrations`: imported only to create or upgrade a database."""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database, Migrations

from pairaid.store.schema import MIGRATION_SET, STEPS

MIGRATIONS = Migrations(MIGRATION_SET)


def _step(statements: tuple[str, ...]) -> Callable[[Database], None]:
    def apply(db: Database) -> None:
        for statement in statements:
            db.execute(statement)

    return apply


for _name, _statements in STEPS:
    MIGRATIONS(name=_name)(_step(_statements))


def migration_names(migrations: Migrations) -> list[str]:
    """Every migration a set holds, in order (what it would apply to an empty database)."""
    return [m.name for m in migrations.pending(Database(memory=True, execute_plugins=False))]
