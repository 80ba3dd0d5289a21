import re

from odoo import api, fields, models

PLACEHOLDER = re.compile(r"\{(\w+)\}")


class RealtyContractTemplate(models.Model):
    """The clauses (合同条款) printed on a project's purchase contracts, one clause a line.

    Plain text with placeholders such as ``{contract_no}`` or ``{price_words}``: they are replaced by the
    contract's values and the result is escaped when printed, so the realty administrator edits the clauses
    without ever writing QWeb. Every edit of the clauses bumps the version; a signed contract keeps the PDF
    stored at signing, whatever the clauses say later.
    """

    _name = "realty.contract.template"
    _description = "Contract Clauses Template"
    _order = "project_id, sequence, id"

    name = fields.Char("Name", required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    project_id = fields.Many2one(
        "realty.project", "Project", index=True, help="Leave empty for the clauses of projects without their own."
    )
    company_id = fields.Many2one("res.company", "Company", default=lambda self: self.env.company, index=True)
    body = fields.Text(
        "Clauses",
        required=True,
        translate=True,
        help="One clause a line. Placeholders: {contract_no}, {project}, {unit}, {buyer}, {seller}, {price}, "
        "{price_words}, {gross_area}, {date_signed}.",
    )
    version = fields.Integer("Version", default=1, readonly=True, copy=False)

    def write(self, vals):
        if "body" not in vals:
            return super().write(vals)
        for template in self:
            super(RealtyContractTemplate, template).write(dict(vals, version=template.version + 1))
        return True

    @api.model
    def _for_contract(self, contract):
        """The project's own clauses, else the company's general ones."""
        domain = [("company_id", "in", [contract.company_id.id, False])]
        return self.search(domain + [("project_id", "=", contract.project_id.id)], limit=1) or self.search(
            domain + [("project_id", "=", False)], limit=1
        )

    def _render_clauses(self, values):
        """The clauses as plain strings, every known ``{placeholder}`` replaced; anything else stays as typed."""
        self.ensure_one()
        lines = [line.strip() for line in (self.body or "").splitlines()]
        return [
            PLACEHOLDER.sub(lambda match: str(values.get(match.group(1), match.group(0))), line)
            for line in lines
            if line
        ]
