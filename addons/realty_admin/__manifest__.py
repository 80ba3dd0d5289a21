{
    "name": "Real Estate System Management",
    "summary": "系统管理: verified database backups and restores, realty roles and their allocation, handover, audit trail",
    "description": """
Real Estate System Management
=============================
Backups of the whole database with its filestore (Odoo's own dump format, on OCA's auto_backup), checksummed,
kept by a daily/weekly/monthly retention, verified by restoring them into a scratch database, and restored into a
new database, never over the live one. The realty roles (企业领导, 部门经理, 置业顾问, 财务, 系统管理员) as OCA
base_user_role roles, one screen to allocate them, a handover of a leaving salesperson's work, and an audit trail.
""",
    "version": "19.0.1.0.0",
    "category": "Sales/Real Estate",
    "author": "Realty CRM contributors",
    "website": "https://github.com/realty-crm/realty-crm",
    "license": "AGPL-3",  # it depends on auto_backup and base_user_role_history (AGPL-3) and realty_contract
    "depends": ["realty_contract", "realty_reports", "auto_backup", "base_user_role", "base_user_role_history"],
    "data": [
        # security (every part adds its lines here)
        "security/ir.model.access.csv",
        "views/realty_admin_menus.xml",
        # backup
        "data/realty_backup_data.xml",
        "views/realty_backup_views.xml",
        "wizard/realty_backup_restore_wizard_views.xml",
        # roles
        "security/realty_admin_roles_security.xml",
        "security/ir_rule.xml",
        "security/ir_rule_reports.xml",
        "data/realty_roles_data.xml",
        "wizard/realty_role_assign_views.xml",
        "wizard/realty_handover_views.xml",
        "views/res_users_views.xml",
        "views/realty_access_log_views.xml",
    ],
    "demo": [],
    "installable": True,
}
