{
    "name": "Real Estate Reports",
    "summary": "The sales office's daily log 日报, analyses for leadership and the executive dashboard 经营看板",
    "description": """
Real Estate Reports
===================
A stored daily log per project and day (leads, visits, reservations, contracts, money received, overdue, stock,
advertising), rolled up by week and month and compared with the previous period and last year, mailed to the
subscribers each morning with its xlsx and PDF; analyses of sales, sell-through 去化率, collections 回款,
visits and conversion, advertising and salesperson performance as SQL views; the executive dashboard 经营看板.
Each role sees what its rights allow.
""",
    "version": "19.0.1.0.0",
    "category": "Sales/Real Estate",
    "author": "Realty CRM contributors",
    "website": "https://github.com/realty-crm/realty-crm",
    "license": "AGPL-3",  # it depends on realty_finance (AGPL-3)
    "depends": ["realty_finance", "report_xlsx"],
    "data": [
        # security (every part adds its lines here)
        "security/ir.model.access.csv",
        "security/ir_rule.xml",
        # menus first: every part's views hang their menus under these
        "views/realty_reports_menus.xml",
        # daily log
        "data/ir_cron_daily_report.xml",
        "views/realty_daily_report_views.xml",
        "wizard/realty_daily_report_make_views.xml",
        # daily log: mail, xlsx, pdf
        "data/mail_template_daily_report.xml",
        "data/ir_cron_daily_report_mail.xml",
        "report/daily_report_pdf.xml",
        "report/daily_report_xlsx.xml",
        "views/res_users_views.xml",
        "views/res_config_settings_views.xml",
        # analyses: sales, sell-through, collections
        "views/realty_report_sales_views.xml",
        "views/realty_report_sellthrough_views.xml",
        "views/realty_report_collection_views.xml",
        # analyses: funnel, advertising, salesperson performance
        "views/realty_report_funnel_views.xml",
        "views/realty_report_advertising_views.xml",
        "views/realty_report_salesperson_views.xml",
        "views/realty_sales_target_views.xml",
        "views/realty_ad_spend_views.xml",
        # dashboard
        "views/realty_dashboard_views.xml",
    ],
    "assets": {
        "web.assets_backend": [
            # dashboard
            "realty_reports/static/src/dashboard/**/*",
        ],
        "web.assets_tests": [
            # tours
            # dashboard
            "realty_reports/static/tests/tours/dashboard_tour.js",
        ],
    },
    "demo": [
        # demo: 90 days of history
        "demo/realty_reports_demo.xml",
    ],
    "post_init_hook": "post_init_hook",
    "installable": True,
}
