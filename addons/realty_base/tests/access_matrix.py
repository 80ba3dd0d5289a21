"""The role × model × operation matrix, as a table that each addon extends.

A test class mixes in :class:`AccessMatrixMixin`, names its roles (attributes holding ``res.users``) in
``ROLES`` and lists one row per probe in ``MATRIX``::

    ROLES = ("salesperson", "manager")
    MATRIX = [
        # probe               salesperson  manager
        ("realty.project",    "r",         "rwcu"),
    ]

A cell lists what the role may do: ``r``\\ ead, ``w``\\ rite, ``c``\\ reate, ``u``\\ nlink. Every operation its probe
can attempt and the cell does not list must raise AccessError. ``_access_probes()`` says, per row, how to make
a record (as superuser, fresh for every attempt), which fields to read, what to write and what to create.

Each attempt is real: the role's user calls ``read``/``write``/``create``/``unlink`` through the ORM on a real
record, inside a savepoint that is rolled back afterwards, so attempts never see each other's effects. All cells
are checked before the test fails, and the failure lists every cell that differs from the table.

A later addon subclasses its own test case with this mixin, adds its roles if it has new ones, declares its
rows and a ``test_access_matrix`` that calls ``_check_access_matrix()`` (Odoo runs only the test methods a class
defines itself); the rows of the addons below keep running in their own classes.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from odoo.exceptions import AccessError
from odoo.tools import mute_logger

OPERATIONS = "rwcu"
OPERATION_NAMES = {"r": "read", "w": "write", "c": "create", "u": "unlink"}


@dataclass(frozen=True)
class Probe:
    """How to try each operation on one kind of record.

    ``record(user)`` returns a new record (made as superuser) for read/write/unlink, ``create(user)`` the values
    the user tries to create with; ``user`` is the role acting, for rows such as "their own lead".
    Without ``record`` the row probes no read/write/unlink, without ``create`` no create, with ``write=None`` no
    write and with ``unlink=False`` no unlink.
    """

    model: str
    record: Callable[[Any], Any] | None = None
    read: tuple[str, ...] = ("display_name",)
    write: dict | None = None
    create: Callable[[Any], dict] | None = None
    unlink: bool = True
    operations: str = field(init=False)

    def __post_init__(self):
        probed = ""
        if self.record:
            probed += "r" + ("w" if self.write is not None else "")
        if self.create:
            probed += "c"
        if self.record and self.unlink:
            probed += "u"
        object.__setattr__(self, "operations", probed)


class AccessMatrixMixin:
    """Checks ``MATRIX``: rows of ``(probe label, one cell per role in ROLES)``."""

    ROLES: tuple[str, ...] = ()
    MATRIX: list[tuple[str, ...]] = []

    def _access_probes(self):
        """{probe label: Probe}, one for every label of MATRIX."""
        return {}

    def _check_access_matrix(self):
        self.assertTrue(self.MATRIX, "an access matrix without rows proves nothing")
        probes = self._access_probes()
        differences = []
        for label, *cells in self.MATRIX:
            self.assertEqual(len(cells), len(self.ROLES), f"row {label!r} needs one cell per role {self.ROLES}")
            probe = probes[label]
            for role, cell in zip(self.ROLES, cells, strict=True):
                allowed = cell.replace("-", "")
                self.assertLessEqual(set(allowed), set(OPERATIONS), f"{label} / {role}: unknown operation {cell!r}")
                untested = set(allowed) - set(probe.operations)
                self.assertFalse(untested, f"{label} / {role}: the table allows {untested} but the probe can't try it")
                user = getattr(self, role)
                for operation in probe.operations:
                    outcome = self._access_attempt(probe, operation, user)
                    expected = "allowed" if operation in allowed else "denied"
                    if outcome != expected:
                        differences.append(
                            f"{label:<36} {role:<15} {OPERATION_NAMES[operation]:<7} expected {expected}, got {outcome}"
                        )
        self.assertFalse(differences, "access differs from the matrix:\n" + "\n".join(differences))

    @mute_logger("odoo.models", "odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")
    def _access_attempt(self, probe, operation, user):
        """Try ``operation`` as ``user``; return "allowed", "denied" (AccessError) or the unexpected error."""
        savepoint = self.env.cr.savepoint()
        try:
            if operation == "c":
                self.env[probe.model].with_user(user).create(probe.create(user))
            else:
                record = probe.record(user).with_user(user)
                if operation == "r":
                    record.read(list(probe.read))
                elif operation == "w":
                    record.write(dict(probe.write))
                else:
                    record.unlink()
            self.env.flush_all()
            return "allowed"
        except AccessError:
            return "denied"
        except Exception as error:  # noqa: BLE001 - reported as a difference, with its message
            return f"{type(error).__name__}: {str(error).splitlines()[0]}"
        finally:
            savepoint.close(rollback=True)
