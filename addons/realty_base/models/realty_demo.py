from odoo import api, models

OFFICE_LANGUAGE = "zh_CN"


class RealtyDemo(models.AbstractModel):
    """The demo's actions, played by each addon's post-install hook (private methods: RPC cannot call them).

    Data files are loaded before their addon's translations and without a language, so actions played from them
    would store English chatter and tracked values even in a database created in 简体中文. Played from the hook,
    in zh_CN when it is loaded, the demo reads Chinese.
    """

    _name = "realty.demo"
    _description = "Real Estate Demo Data"

    @api.model
    def _office_env(self):
        lang = OFFICE_LANGUAGE if self.env["res.lang"]._get_data(code=OFFICE_LANGUAGE) else self.env.lang
        return self.with_context(lang=lang).env

    @api.model
    def _realty_base_demo_sales_states(self):
        """Building 1 on sale, building 2 on sale up to floor 10, building 3 not released yet; the top floor of
        building 1 and the corner units of building 2's 8th floor held back (销控)."""
        building_1 = self.env.ref("realty_base.demo_building_1", raise_if_not_found=False)
        building_2 = self.env.ref("realty_base.demo_building_2", raise_if_not_found=False)
        if not (building_1 and building_2):
            return  # installed without demo data
        units = self._office_env()["realty.unit"]
        units.search([("building_id", "=", building_1.id)]).action_release()
        units.search([("building_id", "=", building_2.id), ("floor", "<=", 10)]).action_release()
        units.search([("building_id", "=", building_1.id), ("floor", "=", 18)]).action_hold()
        units.search([("building_id", "=", building_2.id), ("floor", "=", 8), ("position", "in", [1, 4])]).action_hold()
