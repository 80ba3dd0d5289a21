from psycopg2.errors import UniqueViolation

from odoo.tools import mute_logger


def create_once(model, values):
    """Create one record of ``model`` unless a unique index of its table says it exists already — committed by
    another transaction, or being created by one right now (PostgreSQL then waits for it to end). Returns the new
    record, or an empty recordset when the database refused it as a duplicate; other errors propagate.

    The savepoint keeps the rest of the transaction intact: a cron that loses such a race for one record goes on
    with the others."""
    try:
        with mute_logger("odoo.sql_db"), model.env.cr.savepoint():
            record = model.create(values)
            record.flush_recordset()
    except UniqueViolation:
        return model.browse()
    return record
