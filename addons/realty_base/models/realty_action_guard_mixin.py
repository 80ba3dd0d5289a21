from odoo import api, models
from odoo.exceptions import UserError

# A Python object that lives only in this process: a JSON request can carry any context key and any JSON value,
# but never this object, so a client cannot unlock what only the actions may write.
_ACTION_TOKEN = object()
_ACTION_KEY = "realty_action_write"


class RealtyActionGuardMixin(models.AbstractModel):
    """Fields that only a document's own actions write (its state, approvals, frozen terms).

    Models list their action-only fields and, per record, the fields frozen in its current state. Actions
    write through ``_action_env()``; every other ``create()``/``write()`` (forms, imports, RPC) is checked.
    """

    _name = "realty.action.guard.mixin"
    _description = "Fields written only through actions"

    # ------------------------------------------------------------------
    # HOOKS (override)
    # ------------------------------------------------------------------

    @api.model
    def _action_only_fields(self):
        """Fields that are never written directly; on create they may only take their default."""
        return set()

    def _frozen_fields(self):
        """Fields this record no longer accepts direct writes to (depends on its state)."""
        return set()

    def _check_direct_values(self, vals):
        """Further checks of directly written values (``self`` is empty on create)."""

    # ------------------------------------------------------------------
    # MECHANISM
    # ------------------------------------------------------------------

    def _action_env(self):
        """These records, allowed to write their action-only and frozen fields: for actions only."""
        return self.with_context(**{_ACTION_KEY: _ACTION_TOKEN})

    def _in_action(self):
        return self.env.context.get(_ACTION_KEY) is _ACTION_TOKEN

    @api.model_create_multi
    def create(self, vals_list):
        if not self._in_action():
            defaults = self.default_get(list(self._action_only_fields()))
            for vals in vals_list:
                changed = {name for name in self._action_only_fields() & set(vals) if vals[name] != defaults.get(name)}
                self._refuse_fields(changed)
                self._check_direct_values(vals)
        return super().create(vals_list)

    def write(self, vals):
        if not self._in_action():
            self._refuse_fields(self._action_only_fields() & set(vals))
            for record in self:
                self._refuse_fields(record._frozen_fields() & set(vals), record)
            self._check_direct_values(vals)
        return super().write(vals)

    def _refuse_fields(self, names, record=None):
        if not names:
            return
        labels = ", ".join(sorted(self._fields[name]._description_string(self.env) for name in names))
        if record:
            raise UserError(
                self.env._(
                    "%(record)s is %(state)s: these fields can no longer be changed directly: %(fields)s.",
                    record=record.display_name,
                    state=record._guard_state_label(),
                    fields=labels,
                )
            )
        raise UserError(
            self.env._("These fields change only through the document's actions: %(fields)s.", fields=labels)
        )

    def _check_state(self, *states):
        """Refuse (UserError) unless every record is in one of ``states``: the precondition of an action."""
        labels = dict(self._fields["state"]._description_selection(self.env))
        for record in self:
            if record.state not in states:
                raise UserError(
                    self.env._(
                        "%(document)s %(record)s is %(state)s; this needs it to be %(expected)s.",
                        document=self.env["ir.model"]._get(self._name).name,
                        record=record.display_name,
                        state=labels[record.state],
                        expected=" / ".join(labels[state] for state in states),
                    )
                )

    def _guard_state_label(self):
        if "state" not in self._fields:
            return ""
        return dict(self._fields["state"]._description_selection(self.env)).get(self.state, self.state)
