"""Races between real, separate database transactions (two salespeople, a cron and a button, two tabs).

Data the racers must see is committed for real, so a race test class creates it in ``setUpClass`` with
``committed_env()`` and removes it in ``tearDownClass``.
"""

import contextlib
import threading
import time

from psycopg2 import errors

from odoo import SUPERUSER_ID, Command, api
from odoo.exceptions import ConcurrencyError, UserError
from odoo.sql_db import db_connect
from odoo.tests import BaseCase
from odoo.tests.common import get_db_name

RETRIES = 5  # like Odoo's request handler, a transaction that lost a serialization race is replayed


class RealtyRaceCase(BaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.db = db_connect(get_db_name())

    @classmethod
    @contextlib.contextmanager
    def committed_env(cls):
        """A superuser environment on its own cursor, committed when the block ends."""
        with cls.db.cursor() as cr:
            yield api.Environment(cr, SUPERUSER_ID, {})
            cr.commit()

    @classmethod
    def _race_building(cls, env, name, **project_values):
        """A new project ``name`` (with ``project_values``) and its one building."""
        project = env["realty.project"].create({"name": name, **project_values})
        return env["realty.building"].create({"project_id": project.id, "name": "Race", "code": "R"})

    @classmethod
    def _race_unit(cls, env, building, floor=1, **values):
        """A released 90 m² unit of ``building`` (``values``: unit_price…)."""
        unit = env["realty.unit"].create(
            {"building_id": building.id, "floor": floor, "position": 1, "gross_area": 90, "inner_area": 75, **values}
        )
        unit.action_release()
        return unit

    @classmethod
    def _race_plan(cls, env, name, lines=({"name": "All", "share": 100},)):
        """A payment plan of ``lines`` (the values of each line; by default one payment of everything)."""
        return env["realty.payment.plan"].create(
            {"name": name, "line_ids": [Command.create(dict(line)) for line in lines]}
        )

    @classmethod
    def _race_users(cls, env, name, login, groups):
        """One user a group (XML ids), named "``name`` 1", "``name`` 2"… with logins ``login``_1, ``login``_2…"""
        return env["res.users"].create(
            [
                {"name": f"{name} {index}", "login": f"{login}_{index}", "group_ids": [Command.link(env.ref(group).id)]}
                for index, group in enumerate(groups, start=1)
            ]
        )

    @classmethod
    def _unlink_race_users(cls, env, user_ids):
        """The users go, and their partners with them (deleting a user keeps its partner)."""
        users = env["res.users"].browse(user_ids)
        partners = users.partner_id
        users.unlink()
        partners.unlink()

    def _race(self, work, user_ids):
        """Run ``work(env, index)`` in two threads started together, each in its own transaction as
        ``user_ids[index]``. Returns each racer's outcome: "won", or the UserError / UniqueViolation it ended
        with (after replaying serialization failures and ConcurrencyErrors, as Odoo's request handler does).

        The environments are made here: the test runner holds the registry lock, so threads cannot look it up.
        """
        barrier, outcomes = threading.Barrier(2, timeout=30), [None, None]
        cursors = [self.db.cursor() for _index in (0, 1)]
        envs = [api.Environment(cr, uid, {}) for cr, uid in zip(cursors, user_ids)]

        def racer(index):
            env = envs[index]
            barrier.wait()
            for _attempt in range(RETRIES):
                try:
                    work(env, index)
                    # Odoo defers some work to after the commit on a cursor from Registry() (account raises a
                    # customer's rank when an invoice is posted): in a post_install test that waits forever for the
                    # registry lock the test runner holds. None of it is what a race test checks.
                    env.cr.postcommit.clear()
                    env.cr.commit()
                    outcomes[index] = "won"
                    return
                except (errors.SerializationFailure, ConcurrencyError):
                    env.cr.rollback()
                    env.transaction.clear()
                    time.sleep(0.1)
                except (UserError, errors.UniqueViolation) as error:
                    env.cr.rollback()
                    outcomes[index] = error
                    return

        threads = [threading.Thread(target=racer, args=(index,)) for index in (0, 1)]
        try:
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=60)
        finally:
            for cr in cursors:
                cr.close()
        return outcomes

    def _loser(self, outcomes):
        """The outcome of the racer that did not win (exactly one must have won)."""
        self.assertEqual(outcomes.count("won"), 1, outcomes)
        return next(outcome for outcome in outcomes if outcome != "won")

    def _rows(self, query, *params):
        """What is committed, read on a fresh cursor."""
        with self.db.cursor() as cr:
            cr.execute(query, params)
            return cr.fetchall()
