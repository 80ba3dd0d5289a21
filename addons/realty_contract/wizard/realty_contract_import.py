import base64
import logging
import math

from psycopg2 import IntegrityError

from odoo import Command, api, fields, models
from odoo.exceptions import ConcurrencyError, UserError, ValidationError
from odoo.service.model import PG_CONCURRENCY_EXCEPTIONS_TO_RETRY

from .contract_import_check import ContractImportChecker
from .contract_import_format import ContractImportReader

_logger = logging.getLogger(__name__)

PROGRESS_TYPE = "realty_contract_import/progress"
PROGRESS_MIN_ROWS = 100  # smaller files are done before a progress notification would be read
PROGRESS_STEPS = 20  # one notification (and one batch of contracts) per 5 % of the file
# imported documents start without a "created" note or their creator as follower: the import logs one note each
IMPORT_CONTEXT = {"mail_create_nolog": True, "mail_create_nosubscribe": True}


class RealtyContractImport(models.TransientModel):
    """Import legacy contracts (合同导入) from an xlsx file: every row is checked before anything is written, and
    either every contract of the file is created, with its reservation, buyers and payment schedule, or none.

    Contracts whose legacy reference is already in the database are skipped, so importing a file twice creates
    nothing new. A test import runs the same checks and only counts what would be created.
    """

    _name = "realty.contract.import"
    _description = "Import Legacy Contracts"

    company_id = fields.Many2one("res.company", "Company", required=True, default=lambda self: self.env.company)
    file = fields.Binary("File", attachment=False)
    file_name = fields.Char("File Name")
    state = fields.Selection(
        [("upload", "Upload"), ("checked", "Checked"), ("failed", "Errors"), ("done", "Imported")],
        "Status",
        default="upload",
        required=True,
    )
    summary = fields.Text("Summary", readonly=True)
    line_ids = fields.One2many("realty.contract.import.line", "wizard_id", "Findings", readonly=True)
    error_count = fields.Integer("Errors", readonly=True)
    contract_count = fields.Integer("Contracts", readonly=True)
    buyer_count = fields.Integer("Buyers", readonly=True)
    installment_count = fields.Integer("Installments", readonly=True)
    partner_count = fields.Integer("New Customers", readonly=True)
    skipped_count = fields.Integer("Skipped", readonly=True)
    contract_ids = fields.Many2many("realty.contract", string="Imported Contracts", readonly=True)

    @api.onchange("file")
    def _onchange_file(self):
        self.update({"state": "upload", "summary": False, "line_ids": [Command.clear()]})

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------

    def action_download_template(self):
        """The xlsx template: the headers (in the user's language) and one example row."""
        return self.env.ref("realty_contract.realty_contract_import_template_report").report_action(self)

    def action_test(self):
        """Dry run: check every row and count what the import would create; nothing is written."""
        return self._run(dry_run=True)

    def action_import(self):
        return self._run(dry_run=False)

    def action_open_contracts(self):
        return self.contract_ids._get_form_action()

    def _template_file_name(self):
        """The template's file name (report_xlsx adds .xlsx)."""
        return self.env._("Contract Import Template")

    # ------------------------------------------------------------------
    # RUN
    # ------------------------------------------------------------------

    def _run(self, dry_run):
        self.ensure_one()
        self.env["realty.contract"].check_access("create")
        rows = ContractImportReader(self.env).read(base64.b64decode(self.file or b""))
        progress = _Progress(self, len(rows))
        progress.send(0, self.env._("Checking %(total)s rows…", total=progress.total))
        try:
            check = ContractImportChecker(self.env, self.company_id).check(rows)
            if check.errors:
                self._show_errors(check.errors, check.skipped)
            elif dry_run:
                self._show_counts(check, "checked")
            else:
                self._import(check, progress)
        except Exception:
            progress.finish(self.env._("The import stopped on an error."), failed=True)
            raise
        progress.finish(self.summary, failed=self.state == "failed")
        return self._reopen()

    def _import(self, check, progress):
        """Create the contracts of ``check`` in one savepoint: any error rolls everything back and is shown."""
        try:
            with self.env.cr.savepoint():
                contracts = self._create_contracts(check.contracts, progress)
        except PG_CONCURRENCY_EXCEPTIONS_TO_RETRY + (ConcurrencyError,):
            raise  # the request is retried as a whole
        except IntegrityError as error:
            self._show_failure(self._integrity_message(error))
        except (UserError, ValidationError) as error:
            self._show_failure(error.args[0])
        except Exception as error:
            _logger.exception("The import of legacy contracts failed")
            self._show_failure(str(error) or repr(error))
        else:
            self._show_counts(check, "done")
            self.contract_ids = contracts

    def _integrity_message(self, error):
        """What the database refused, as the RPC layer would say it (e.g. a legacy reference imported meanwhile)."""
        model = next(
            (self.env[name] for name, cls in self.env.registry.items() if cls._table == error.diag.table_name),
            self.env["base"],
        )
        return model._sql_error_to_message(error)

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Import Legacy Contracts"),
            "res_model": self._name,
            "res_id": self.id,
            "views": [(False, "form")],
            "target": "new",
        }

    # ------------------------------------------------------------------
    # RESULTS SHOWN IN THE WIZARD
    # ------------------------------------------------------------------

    def _show_errors(self, errors, skipped):
        self.write(
            {
                "state": "failed",
                "error_count": len(errors),
                "summary": self.env._(
                    "%(count)s errors: nothing was imported. Correct the rows below and import the file again.",
                    count=len(errors),
                ),
                "line_ids": [Command.clear()]
                + self._line_commands("error", errors)
                + self._line_commands("skipped", skipped),
            }
        )

    def _show_failure(self, message):
        self.write(
            {
                "state": "failed",
                "error_count": 1,
                "summary": self.env._("The import failed and nothing was imported: %(error)s", error=message),
                "line_ids": [Command.clear()] + self._line_commands("error", [(0, "", message)]),
            }
        )

    def _show_counts(self, check, state):
        counts = self._counts(check)
        if state == "checked":
            summary = self.env._(
                "The file is correct. Importing it will create %(contracts)s contracts with %(buyers)s buyers "
                "(%(partners)s new customers) and %(installments)s installments; %(skipped)s contracts imported "
                "before will be skipped.",
                **counts,
            )
        else:
            summary = self.env._(
                "%(contracts)s contracts imported with %(buyers)s buyers (%(partners)s new customers) and "
                "%(installments)s installments; %(skipped)s contracts imported before were skipped.",
                **counts,
            )
        self.write(
            {
                "state": state,
                "summary": summary,
                "error_count": 0,
                "contract_count": counts["contracts"],
                "buyer_count": counts["buyers"],
                "partner_count": counts["partners"],
                "installment_count": counts["installments"],
                "skipped_count": counts["skipped"],
                "line_ids": [Command.clear()] + self._line_commands("skipped", check.skipped),
            }
        )

    @staticmethod
    def _counts(check):
        """What the checked contracts make: their buyers, the new customers among them, their installments (the
        deposit and one per line of the plan)."""
        buyers = [buyer for contract in check.contracts for buyer in contract.buyers]
        return {
            "contracts": len(check.contracts),
            "buyers": len(buyers),
            "partners": check.new_partner_count,
            "installments": sum(
                bool(contract.get("deposit")) + len(contract.plan.line_ids) for contract in check.contracts
            ),
            "skipped": len(check.skipped),
        }

    @staticmethod
    def _line_commands(kind, findings):
        return [
            Command.create({"kind": kind, "row": row, "legacy_ref": ref, "message": message})
            for row, ref, message in findings
        ]

    # ------------------------------------------------------------------
    # CREATION (batches of about 5 % of the file)
    # ------------------------------------------------------------------

    def _create_contracts(self, plans, progress):
        self._create_partners(plans)
        contracts = self.env["realty.contract"]
        size = max(1, math.ceil(len(plans) / PROGRESS_STEPS))
        done = 0
        for start in range(0, len(plans), size):
            batch = plans[start : start + size]
            contracts |= self._create_batch(batch)
            self.env.cr.flush()  # the batch's chatter too (tracking runs before commit): progress tells the truth
            done += sum(len(plan.buyers) for plan in batch)
            progress.send(
                done, self.env._("Importing contracts: %(done)s / %(total)s rows", done=done, total=progress.total)
            )
        return contracts

    def _create_partners(self, plans):
        """One customer per new ID number of the file. Created with sudo(): importing contracts (a sales manager's
        right, see the access of this wizard) creates their buyers, whether or not the user may create contacts."""
        new = {}
        for buyer in (buyer for plan in plans for buyer in plan.buyers if not buyer.partner_id):
            new.setdefault(buyer.id_number, []).append(buyer)
        partners = (
            self.env["res.partner"].sudo().create([self._prepare_partner_values(buyers[0]) for buyers in new.values()])
        )
        for partner, buyers in zip(partners, new.values()):
            for buyer in buyers:
                buyer.partner_id = partner.id

    def _create_batch(self, plans):
        """Units first (locked, and refused if someone took one meanwhile), then reservations, contracts with their
        buyers, schedules, and the handover of delivered units."""
        units = self.env["realty.unit"].union(*(plan.unit for plan in plans))
        units.sudo()._change_state("contracted", from_state="available")  # the units follow their contracts
        Reservation = self.env["realty.reservation"].with_context(**IMPORT_CONTEXT)._action_env()
        reservations = Reservation.create([self._prepare_reservation_values(plan) for plan in plans])
        self._freeze_reservation_terms(reservations, plans)
        Contract = self.env["realty.contract"].with_context(**IMPORT_CONTEXT)._action_env()
        contracts = Contract.create(
            [self._prepare_contract_values(plan, reservation) for plan, reservation in zip(plans, reservations)]
        )
        self.env["realty.installment"]._action_env().create(
            [values for contract in contracts for values in self._prepare_installment_values(contract)]
        )
        contracts.filtered(lambda contract: contract.state == "delivered").unit_id.sudo()._change_state(
            "delivered", from_state="contracted"
        )
        self._log_import(contracts)
        return contracts.with_env(self.env)

    def _prepare_partner_values(self, buyer):
        return {"name": buyer.name, "phone": buyer.phone or False}

    def _prepare_reservation_values(self, plan):
        """The reservation a contract comes from, already converted (its terms: ``_prepare_reservation_terms``)."""
        main = next(buyer for buyer in plan.buyers if buyer.is_main)
        return {
            "unit_id": plan.unit.id,
            "partner_id": main.partner_id,
            "user_id": plan.user.id,
            "payment_plan_id": plan.plan.id,
            "discount": 0.0,
            "deposit_amount": plan.get("deposit", 0.0),
            "state": "converted",
            "date_reservation": fields.Datetime.to_datetime(plan.get("date_signed")),
        }

    def _freeze_reservation_terms(self, reservations, plans):
        """A new reservation computes its prices from its unit and plan; an imported one keeps the legacy price
        as its frozen terms instead (a converted reservation never recomputes them)."""
        terms = [reservations._fields[name] for name in ("list_price", "plan_discount", "price")]
        with self.env.protecting(terms, reservations):
            for reservation, plan in zip(reservations, plans):
                reservation.write(self._prepare_reservation_terms(plan))

    def _prepare_reservation_terms(self, plan):
        """A legacy file gives the agreed price, not how it was reached: no discount is invented (one from today's
        list price would be wrong, or negative where prices rose); the list price is the unit's standard price
        now, as the contract's frozen copy of the unit has it."""
        return {"list_price": plan.unit.total_price, "plan_discount": 0.0, "price": plan.get("price")}

    def _prepare_contract_values(self, plan, reservation):
        return self.env["realty.contract"]._prepare_unit_copy_values(plan.unit) | {
            "legacy_ref": plan.legacy_ref,
            "reservation_id": reservation.id,
            "user_id": plan.user.id,
            "payment_plan_id": plan.plan.id,
            "plan_discount": 0.0,
            "discount": 0.0,
            "price": plan.get("price"),
            "deposit_amount": plan.get("deposit", 0.0),
            "state": plan.state,
            "date_signed": plan.get("date_signed"),
            "registration_no": plan.get("registration_no", False),
            "registration_date": plan.get("registration_date", False),
            "date_delivered": plan.get("date_delivered", False),
            "buyer_ids": [
                Command.create(self._prepare_buyer_values(buyer, sequence))
                for sequence, buyer in enumerate(plan.buyers, start=1)
            ],
        }

    def _prepare_buyer_values(self, buyer, sequence):
        return {
            "sequence": sequence,
            "partner_id": buyer.partner_id,
            "id_type": buyer.id_type,
            "id_number": buyer.id_number,
            "phone": buyer.phone or False,
            "share": buyer.share,
            "is_main": buyer.is_main,
        }

    def _prepare_installment_values(self, contract):
        """The contract's own schedule (deposit first, the plan's split of the rest), for one batch create."""
        return [command[2] | {"contract_id": contract.id} for command in contract._prepare_installment_commands()]

    def _log_import(self, contracts):
        bodies = {
            contract.id: self.env._(
                "Imported from legacy contract %(ref)s (file %(file)s).", ref=contract.legacy_ref, file=self.file_name
            )
            for contract in contracts
        }
        contracts._message_log_batch(bodies=bodies)


class _Progress:
    """Progress of one run, sent to the importing user's browser (``static/src/contract_import``) about every 5 %
    of the rows. Each notification goes through a cursor of its own, committed at once: the browser sees it while
    the import's transaction is still running, and that transaction stays all or nothing."""

    def __init__(self, wizard, total):
        self.registry = wizard.env.registry
        self.uid, self.partner_id = wizard.env.uid, wizard.env.user.partner_id.id  # read now: the import may fail
        self.total = total
        self.enabled = total >= PROGRESS_MIN_ROWS

    def send(self, done, message, final=False, failed=False):
        if not self.enabled:
            return
        payload = {"done": done, "total": self.total, "message": message, "final": final, "failed": failed}
        with self.registry.cursor() as cr:
            cr.execute("SET LOCAL synchronous_commit TO OFF")  # a lost progress message is no loss: no fsync wait
            env = api.Environment(cr, self.uid, {})
            env["bus.bus"]._sendone(env["res.partner"].browse(self.partner_id), PROGRESS_TYPE, payload)

    def finish(self, message, failed=False):
        self.send(self.total if not failed else 0, message, final=True, failed=failed)
