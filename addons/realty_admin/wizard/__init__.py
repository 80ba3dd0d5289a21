# backup
from . import realty_backup_restore_wizard

# roles
from . import realty_role_assign
from . import realty_handover
