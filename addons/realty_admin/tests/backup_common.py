import hashlib
import io
import json
import os
import shutil
import tempfile
import zipfile

from odoo.addons.realty_base.tests.common import RealtyCase


class RealtyBackupCase(RealtyCase):
    """Backups written to a throwaway directory; helpers that make backup files good and bad."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Backup = cls.env["realty.backup"]
        cls.backup_dir = tempfile.mkdtemp(prefix="realty_backup_test_")
        cls.addClassCleanup(shutil.rmtree, cls.backup_dir, ignore_errors=True)
        cls.env["ir.config_parameter"].set_param("realty_admin.backup_dir", cls.backup_dir)

    @classmethod
    def _zip_bytes(cls, members, compression=zipfile.ZIP_DEFLATED):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
            for name, data in members.items():
                archive.writestr(name, data)
        return buffer.getvalue()

    @classmethod
    def _odoo_zip_bytes(cls, sql="SELECT 1;\n", compression=zipfile.ZIP_DEFLATED):
        """A small file shaped like Odoo's dump: manifest, dump.sql (``sql``) and one filestore file."""
        manifest = json.dumps({"odoo_dump": "1", "db_name": "elsewhere", "version": "19.0"})
        members = {"manifest.json": manifest, "dump.sql": sql, "filestore/ab/abcdef": "file"}
        return cls._zip_bytes(members, compression)

    def _backup_of_bytes(self, data, **values):
        """A done backup record whose file holds ``data``."""
        name = values.pop("name", f"test_{len(os.listdir(self.backup_dir))}.zip")
        path = os.path.join(self.backup_dir, name)
        with open(path, "wb") as file:
            file.write(data)
        return self.Backup._record(
            {
                "name": name,
                "path": path,
                "state": "done",
                "sha256": hashlib.sha256(data).hexdigest(),
                "file_size": len(data),
                **values,
            }
        )
