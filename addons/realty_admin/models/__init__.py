# backup
from . import realty_backup

# roles
from . import realty_access_log
from . import res_users_role
from . import res_users
from . import base_user_role_line_history
from . import realty_sales_team_mixin
from . import realty_reservation
from . import realty_contract
