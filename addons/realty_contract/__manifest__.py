{
    "name": "Real Estate Contracts",
    "summary": "Purchase contracts (购房合同) signed from reservations, frozen terms, buyers and payment schedules",
    "description": """
Real Estate Contracts
=====================
Purchase contracts (购房合同) created in one click from a confirmed reservation: co-buyers with their ID
documents and shares, the reservation's terms frozen at signing, the payment schedule (付款节点) generated from
the payment plan, and the states signed → registered (网签备案) → delivered, or terminated (退房).
""",
    "version": "19.0.1.0.0",
    "category": "Sales/Real Estate",
    "author": "Realty CRM contributors",
    "website": "https://github.com/realty-crm/realty-crm",
    "license": "AGPL-3",  # it depends on OCA's report_xlsx (AGPL-3)
    "depends": ["realty_sales", "portal", "report_xlsx"],
    "data": [
        "security/ir.model.access.csv",
        "security/ir_rule.xml",
        "data/ir_sequence_data.xml",
        "views/realty_contract_views.xml",
        "views/realty_contract_amendment_views.xml",
        "views/realty_reservation_views.xml",
        "views/crm_lead_views.xml",
        "wizard/realty_contract_import_views.xml",
        "views/realty_contract_legacy_views.xml",
        "views/realty_contract_menus.xml",
        "views/realty_contract_template_views.xml",
        "data/realty_contract_template_data.xml",
        "report/realty_contract_reports.xml",
        "report/realty_contract_templates.xml",
        "report/realty_contract_xlsx.xml",
        "views/realty_contract_verify_templates.xml",
    ],
    "demo": [
        "demo/realty_contract_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "realty_contract/static/src/contract_import/*.js",
        ],
        "web.assets_tests": [
            "realty_contract/static/tests/tours/*.js",
        ],
    },
    "post_init_hook": "post_init_hook",
    "installable": True,
}
