import os

from odoo import http
from odoo.http import request


class RealtyBackupController(http.Controller):
    @http.route("/realty_admin/backup/<int:backup_id>/download", type="http", auth="user")
    def download(self, backup_id):
        """The backup's zip file; the access rules on realty.backup decide who may have it."""
        backup = request.env["realty.backup"].browse(backup_id).exists()
        if not backup:
            raise request.not_found()
        backup.check_access("read")
        backup._check_file()
        stat = os.stat(backup.path)
        stream = http.Stream(
            type="path",
            path=backup.path,
            mimetype="application/zip",
            download_name=backup.name,
            size=stat.st_size,
            last_modified=stat.st_mtime,
            etag=backup.sha256,
        )
        return stream.get_response(as_attachment=True)
