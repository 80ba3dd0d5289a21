{
    "name": "Real Estate Base",
    "summary": "Projects, buildings, layouts and units of a property developer's sales office",
    "description": """
Real Estate Base
================
Projects (楼盘), buildings (楼栋), layouts (户型) and units (房源) with their areas, standard prices and
sales states; a unit generator per building with floor price steps; sell-through (去化率) counters;
the Real Estate roles (salesperson, sales manager, finance, executive, administrator).
""",
    "version": "19.0.1.0.0",
    "category": "Sales/Real Estate",
    "author": "Realty CRM contributors",
    "website": "https://github.com/realty-crm/realty-crm",
    "license": "LGPL-3",
    "depends": ["base", "mail"],
    "data": [
        "security/realty_security.xml",
        "security/ir.model.access.csv",
        "security/ir_rule.xml",
        "views/realty_unit_views.xml",
        "views/realty_building_views.xml",
        "views/realty_project_views.xml",
        "views/realty_layout_views.xml",
        "views/realty_layout_category_views.xml",
        "wizard/realty_unit_generator_views.xml",
        "views/realty_menus.xml",
        "data/realty_layout_category_data.xml",
    ],
    "demo": [
        "demo/realty_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "realty_base/static/tests/tours/*.js",
        ],
    },
    "application": True,
    "installable": True,
    "post_init_hook": "post_init_hook",
}
