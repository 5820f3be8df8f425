"""Subcommands of ``plan-desktop``, one module per area. Each module has ``register(subparsers)``
which adds its parsers with ``set_defaults(handler=...)``. Add a module name here to add commands."""

MODULES = ("setup", "records", "backup", "access", "exchange", "signing", "report", "dhis2")
