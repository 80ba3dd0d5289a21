{
    "name": "Real Estate Sales",
    "summary": "Sales-control board, reservations that never double-sell, payment plans, leads matched to units",
    "description": """
Real Estate Sales
=================
The sales-control board (销控表) of a project, reservations (认购) guarded by PostgreSQL so that a unit is never
sold twice, payment plans (付款方式) and CRM leads matched to the units they can afford.
""",
    "version": "19.0.1.0.0",
    "category": "Sales/Real Estate",
    "author": "Realty CRM contributors",
    "website": "https://github.com/realty-crm/realty-crm",
    "license": "LGPL-3",
    "depends": ["realty_base", "crm"],
    "data": [
        "security/ir.model.access.csv",
        "security/ir_rule.xml",
        "data/ir_sequence_data.xml",
        "data/ir_cron_data.xml",
        "views/realty_payment_plan_views.xml",
        "views/realty_reservation_views.xml",
        "wizard/realty_reservation_change_views.xml",
        "views/realty_visit_views.xml",
        "views/crm_lead_views.xml",
        "views/realty_unit_views.xml",
        "views/realty_project_views.xml",
        "views/res_config_settings_views.xml",
        "views/realty_sales_board_action.xml",
        "views/realty_sales_menus.xml",
        "report/realty_reservation_templates.xml",
        "report/realty_reservation_reports.xml",
    ],
    "demo": [
        "demo/realty_payment_plan_demo.xml",
        "demo/realty_sales_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "realty_sales/static/src/board/*",
            "realty_sales/static/src/recommendations/*",
        ],
        "web.assets_tests": [
            "realty_sales/static/tests/tours/*.js",
        ],
    },
    "installable": True,
    "post_init_hook": "post_init_hook",
}
