{
    "name": "Real Estate Customer Portal",
    "summary": "The buyer's side: project showcase, layouts by category, layout comparison, recommendations, my home",
    "description": """
Real Estate Customer Portal
===========================
Public pages (phones first) showing the published projects with their environment gallery and their layouts by
category, each layout's floorplans and the units on sale, a side-by-side comparison of 2 to 4 layouts that can be
shared as a link, and a contact form that creates a lead. After login, the buyer states their needs 我的需求 and
gets layouts recommended for them 为我推荐 with the payment plan that makes each affordable, and follows their own
reservations, contracts, payment schedule, invoices and receipts 我的房产.
""",
    "version": "19.0.1.0.0",
    "category": "Sales/Real Estate",
    "author": "Realty CRM contributors",
    "website": "https://github.com/realty-crm/realty-crm",
    "license": "AGPL-3",  # it depends on realty_finance (AGPL-3)
    "depends": ["realty_finance", "portal", "auth_signup"],
    "data": [
        # security (every part adds its lines here)
        "security/ir.model.access.csv",
        # public showcase
        "security/ir_rule_showcase.xml",
        "data/realty_portal_showcase_data.xml",
        "views/realty_portal_showcase_views.xml",
        "views/realty_portal_showcase_templates.xml",
        # my needs, recommendations, my home
        "security/ir_rule.xml",
        "views/realty_portal_my_templates.xml",
        "views/crm_lead_views.xml",
        "views/realty_contract_views.xml",
    ],
    "assets": {
        "web.assets_frontend": [
            # public showcase
            "realty_portal/static/src/js/showcase_compare.js",
            "realty_portal/static/src/scss/showcase.scss",
            # my needs, recommendations, my home
        ],
        "web.assets_tests": [
            # public showcase
            "realty_portal/static/tests/tours/showcase_tour.js",
            # my needs, recommendations, my home
            "realty_portal/static/tests/tours/my_home_tour.js",
        ],
    },
    "demo": [
        # public showcase
        "demo/realty_portal_showcase_demo.xml",
        # my needs, recommendations, my home
        "demo/realty_portal_demo.xml",
    ],
    "installable": True,
}
