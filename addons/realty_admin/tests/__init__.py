# backup
from . import test_backup
from . import test_backup_input
from . import test_backup_retention

# roles
from . import test_roles
from . import test_handover
from . import test_team_rules
from . import test_team_rules_reports
from . import test_access_log
