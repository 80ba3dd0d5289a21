from . import test_contract
from . import test_contract_access
from . import test_contract_buyer
from . import test_contract_ui
from . import test_contract_amendment
from . import test_contract_report
from . import test_contract_xlsx
from . import test_contract_race
