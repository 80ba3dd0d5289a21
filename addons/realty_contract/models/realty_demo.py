from odoo import api, fields, models

from .realty_buyer_identity_mixin import id_card_check_digit

# demo reservation → (the first 17 digits of its buyer's 身份证: 杭州 area code, birth date, sequence; the state
# its contract is played to)
DEMO_CONTRACTS = {
    "demo_reservation_zhao": ("33010619850312123", "draft"),
    "demo_reservation_sun": ("33010219790826231", "signed"),
    "demo_reservation_zhou": ("33010519920114302", "registered"),
    "demo_reservation_wu": ("33010619880605415", "delivered"),
    "demo_reservation_zheng": ("33010819900923528", "terminated"),
}
# the actions that take a signed contract to each state, in order
DEMO_STEPS = {
    "draft": (),
    "signed": ("_demo_sign",),
    "registered": ("_demo_sign", "_demo_register"),
    "delivered": ("_demo_sign", "_demo_register", "_demo_deliver"),
    "terminated": ("_demo_sign", "_demo_terminate"),
}


class RealtyDemo(models.AbstractModel):
    _inherit = "realty.demo"

    @api.model
    def _realty_contract_demo_contracts(self):
        """One demo contract in each state, each through the actions: reservation confirmed, contract created,
        its buyer identified, then signed, registered (网签备案), delivered (交房) or terminated (退房)."""
        env = self._office_env()
        for xml_id, (id_prefix, state) in DEMO_CONTRACTS.items():
            reservation = self.env.ref(f"realty_contract.{xml_id}", raise_if_not_found=False)
            if not reservation or reservation.state != "draft":
                continue
            reservation = reservation.with_env(env)
            reservation.action_confirm()
            contract = env["realty.contract"].browse(reservation.action_create_contract()["res_id"])
            contract.buyer_ids.write({"id_number": id_prefix + id_card_check_digit(id_prefix)})
            for step in DEMO_STEPS[state]:
                getattr(self, step)(contract)

    @api.model
    def _demo_sign(self, contract):
        contract.action_sign()

    @api.model
    def _demo_register(self, contract):
        contract.write(
            {
                "registration_no": contract.name.replace("HT", "WQ", 1),
                "registration_date": fields.Date.context_today(self),
            }
        )
        contract.action_register()

    @api.model
    def _demo_deliver(self, contract):
        contract.action_deliver()

    @api.model
    def _demo_terminate(self, contract):
        contract.write({"termination_reason": contract.env._("The buyers' mortgage was refused; both parties agreed.")})
        contract.action_terminate()
