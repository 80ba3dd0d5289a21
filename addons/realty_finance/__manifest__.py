{
    "name": "Real Estate Finance",
    "summary": "The payment schedule billed as Odoo invoices, deposits as advance receipts, payments allocated",
    "description": """
Real Estate Finance
===================
Odoo accounting is the ledger: each installment (付款节点) of a contract is billed by one customer invoice,
posted ahead of its due date by a daily cron or a button, never twice; the reservation's deposit (定金) is an
advance receipt (预收款) applied to the contract's first invoice; "Receive Payment" allocates money to the oldest
open installments first. Paid, open and overdue amounts are read from the invoices' reconciliation.
""",
    "version": "19.0.1.0.0",
    "category": "Sales/Real Estate",
    "author": "Realty CRM contributors",
    "website": "https://github.com/realty-crm/realty-crm",
    "license": "AGPL-3",  # it depends on realty_contract (AGPL-3)
    "depends": ["realty_contract", "account", "l10n_cn"],
    "data": [
        "security/realty_finance_security.xml",
        "security/ir.model.access.csv",
        "security/realty_payables_security.xml",
        "security/ir_rule_arrears.xml",
        "data/product_data.xml",
        "data/ir_cron_data.xml",
        "data/realty_payables_data.xml",
        "data/ir_cron_payables_data.xml",
        "data/realty_late_fee_data.xml",
        "data/realty_dunning_data.xml",
        "views/res_config_settings_views.xml",
        "views/realty_installment_views.xml",
        "views/realty_contract_views.xml",
        "views/realty_reservation_views.xml",
        "views/account_move_views.xml",
        "views/account_payment_views.xml",
        "views/realty_contract_receivable_views.xml",
        "wizard/realty_payment_receive_views.xml",
        "views/realty_report_arrears_views.xml",
        "views/realty_late_fee_views.xml",
        "views/realty_dunning_views.xml",
        "views/realty_finance_menus.xml",
        "views/res_config_settings_payables_views.xml",
        "views/realty_project_payables_views.xml",
        "views/crm_lead_payables_views.xml",
        "views/realty_reservation_payables_views.xml",
        "views/realty_contract_payables_views.xml",
        "views/realty_refund_views.xml",
        "views/realty_commission_views.xml",
        "views/realty_mortgage_views.xml",
        "wizard/realty_payment_receive_mortgage_views.xml",
        "views/realty_payables_menus.xml",
        "report/account_payment_reports.xml",
        "report/account_payment_templates.xml",
    ],
    "demo": [
        "demo/realty_finance_demo.xml",
    ],
    "installable": True,
}
